/**
 * The audience filter's lists (issue 7 part 11): a build shows only the
 * records of the scopes it includes, and the lists inside the records it
 * shows — a bulletin's, a notice's, a plan's and a meeting's items — name
 * only items it shows (a public bulletin does not keep its internal items);
 * reports and attachments go where their item goes; a 督查汇报 only where its
 * item goes, whatever its own scope; every record path is judged the same.
 */
import { describe, expect, it } from 'vitest';
import { itemAt, registryTexts } from '../../tests/support/table-items.ts';
import { attachmentPath, bulletinPath, itemPath, meetingPath, noticePath, planPath, reportPath, summaryPath, adjustmentPath } from './layout.ts';
import { loadLedger } from './load-ledger.ts';
import { recordText } from './serialise.ts';
import { filterLedger, isPartial } from './visibility.ts';

const PUB = 'DB-2026-0001';
const INT = 'DB-2026-0002';
const RES = 'DB-2026-0003';
const SP_PUB = 'DB-2026-0004';
const SP_INT = 'DB-2026-0005';
const scopes = { [PUB]: 'public', [INT]: 'internal', [RES]: 'restricted' } as const;

function ledger() {
  const files: { path: string; text: string | Uint8Array }[] = [...registryTexts()];
  const add = (path: string, v: Record<string, unknown>) => files.push({ path, text: recordText(v, '正文。\n') });
  for (const [id, visibility] of Object.entries(scopes)) {
    add(itemPath(id), { ...itemAt('meeting', 'bulletined'), id, visibility });
    add(reportPath(id, '2026-03-10-urban.md'), { date: '2026-03-10', unit: 'urban', by: 'only-unit', progress: '进展。' });
    files.push({ path: attachmentPath(id, '照片.pdf'), text: new TextEncoder().encode('%PDF-1.4\n%%EOF\n') });
  }
  add(itemPath(SP_PUB), { ...itemAt('special', 'planned'), id: SP_PUB, visibility: 'public' });
  add(itemPath(SP_INT), { ...itemAt('special', 'planned'), id: SP_INT, visibility: 'internal' });
  const three = [PUB, INT, RES];
  add(bulletinPath('TB-2026-01', 2026), {
    id: 'TB-2026-01', year: 2026, number: 1, title: '公开通报', kind: 'meeting', date: '2026-03-22', items: three,
    drafted: { date: '2026-03-20', by: 'only-office' }, reviewed: { date: '2026-03-21', by: 'only-supervision-leader' }, approved: { date: '2026-03-22', by: 'only-main-leader' },
    distribution: { issue_to: ['各部门'] }, visibility: 'public',
  });
  add(bulletinPath('TB-2026-02', 2026), {
    id: 'TB-2026-02', year: 2026, number: 2, title: '内部通报', kind: 'meeting', date: '2026-03-22', items: [INT],
    drafted: { date: '2026-03-20', by: 'only-office' }, reviewed: { date: '2026-03-21', by: 'only-supervision-leader' }, approved: { date: '2026-03-22', by: 'only-main-leader' },
    distribution: { issue_to: ['各部门'] }, visibility: 'internal',
  });
  add(noticePath('TZ-2026-001'), { id: 'TZ-2026-001', title: '通知', date: '2026-03-04', by: 'only-office', items: three, to_units: ['urban', 'env'], visibility: 'public' });
  add(noticePath('TZ-2026-002'), { id: 'TZ-2026-002', title: '限定通知', date: '2026-03-04', by: 'only-office', items: [RES], to_units: ['urban', 'env'], visibility: 'restricted' });
  add(planPath('FA-2026-001'), { id: 'FA-2026-001', title: '方案', date: '2026-03-04', by: 'only-office', applications: [SP_PUB, SP_INT], mode: 'written', period: { from: '2026-03-10', to: '2026-03-20' }, targets: ['urban'], content: '内容。', requirements: '要求。', visibility: 'public' });
  add(planPath('FA-2026-002'), { id: 'FA-2026-002', title: '内部方案', date: '2026-03-04', by: 'only-office', applications: [SP_INT], mode: 'written', period: { from: '2026-03-10', to: '2026-03-20' }, targets: ['urban'], content: '内容。', requirements: '要求。', visibility: 'internal' });
  add(meetingPath('HY-2026-001'), { id: 'HY-2026-001', title: '党工委会议', type: 'party_committee', date: '2026-03-01', by: 'only-office', items: three, visibility: 'public' });
  // a 督查汇报 marked public about an internal item: shown only where the item is
  add(summaryPath('HB-2026-001'), { id: 'HB-2026-001', title: '汇报', item: INT, to: '区委', drafted: { date: '2026-03-18', by: 'only-office' }, visibility: 'public' });
  add(summaryPath('HB-2026-002'), { id: 'HB-2026-002', title: '汇报', item: PUB, to: '区委', drafted: { date: '2026-03-18', by: 'only-office' }, visibility: 'public' });
  add(adjustmentPath('JF-2026-001'), { id: 'JF-2026-001', date: '2026-04-01', unit: 'urban', points: 2, reason: '加分。', decided_by: 'only-main-leader', visibility: 'public' });
  add(adjustmentPath('JF-2026-002'), { id: 'JF-2026-002', date: '2026-04-01', unit: 'urban', points: -2, reason: '减分。', decided_by: 'only-main-leader', visibility: 'internal' });
  const r = loadLedger(files);
  expect(r.issues).toEqual([]);
  return r.ledger;
}

const build = (...includes: ('public' | 'internal' | 'restricted')[]) => ({ id: 'b', title: 'b', includes });
const ids = (list: { value: { id: string } }[]) => list.map((r) => r.value.id).sort();
const lists = (list: { value: { id: string } & Record<string, unknown> }[], key: string) => Object.fromEntries(list.map((r) => [r.value.id, r.value[key]]));

describe('a public build', () => {
  const full = ledger();
  const v = filterLedger(full, build('public'));

  it('shows only public records', () => {
    expect(ids(v.ledger.items)).toEqual([PUB, SP_PUB]);
    expect(ids(v.ledger.bulletins)).toEqual(['TB-2026-01']);
    expect(ids(v.ledger.notices)).toEqual(['TZ-2026-001']);
    expect(ids(v.ledger.plans)).toEqual(['FA-2026-001']);
    expect(ids(v.ledger.meetings)).toEqual(['HY-2026-001']);
    expect(ids(v.ledger.adjustments)).toEqual(['JF-2026-001']);
  });

  it('keeps no internal or restricted item in the lists of the records it shows', () => {
    expect(lists(v.ledger.bulletins, 'items')).toEqual({ 'TB-2026-01': [PUB] });
    expect(lists(v.ledger.notices, 'items')).toEqual({ 'TZ-2026-001': [PUB] });
    expect(lists(v.ledger.meetings, 'items')).toEqual({ 'HY-2026-001': [PUB] });
    expect(lists(v.ledger.plans, 'applications')).toEqual({ 'FA-2026-001': [SP_PUB] });
  });

  it('leaves the full ledger as it was', () => {
    expect(lists(full.bulletins, 'items')['TB-2026-01']).toEqual([PUB, INT, RES]);
  });

  it('sends reports, attachments and 督查汇报 only where their item goes', () => {
    expect(v.ledger.reports.map((r) => r.itemId)).toEqual([PUB]);
    expect(v.ledger.attachments.map((a) => a.itemId)).toEqual([PUB]);
    expect(ids(v.ledger.summaries)).toEqual(['HB-2026-002']);
  });

  it('judges every record path the same way', () => {
    const seen = Object.fromEntries(
      [
        itemPath(PUB), itemPath(INT), reportPath(INT, '2026-03-10-urban.md'), attachmentPath(RES, '照片.pdf'), attachmentPath(PUB, '照片.pdf'),
        bulletinPath('TB-2026-01', 2026), bulletinPath('TB-2026-02', 2026), noticePath('TZ-2026-002'), planPath('FA-2026-002'), planPath('FA-2026-001'),
        meetingPath('HY-2026-001'), summaryPath('HB-2026-001'), summaryPath('HB-2026-002'), 'records/people.yml', 'records/README.md',
      ].map((p) => [p, v.pathVisible(p)]),
    );
    expect(seen).toEqual({
      [itemPath(PUB)]: true,
      [itemPath(INT)]: false,
      [reportPath(INT, '2026-03-10-urban.md')]: false,
      [attachmentPath(RES, '照片.pdf')]: false,
      [attachmentPath(PUB, '照片.pdf')]: true,
      [bulletinPath('TB-2026-01', 2026)]: true,
      [bulletinPath('TB-2026-02', 2026)]: false,
      [noticePath('TZ-2026-002')]: false,
      [planPath('FA-2026-002')]: false,
      [planPath('FA-2026-001')]: true,
      [meetingPath('HY-2026-001')]: true,
      [summaryPath('HB-2026-001')]: false,
      [summaryPath('HB-2026-002')]: true,
      'records/people.yml': true,
      'records/README.md': true,
    });
    expect([PUB, INT, RES].map(v.itemVisible)).toEqual([true, false, false]);
  });

  it('is partial; a build of every scope is not', () => {
    expect(isPartial(full, build('public'))).toBe(true);
    expect(isPartial(full, build('public', 'internal'))).toBe(true);
    expect(isPartial(full, build('public', 'internal', 'restricted'))).toBe(false);
  });
});

describe('an internal build', () => {
  const v = filterLedger(ledger(), build('public', 'internal'));
  it('shows public and internal records and lists, never restricted ones', () => {
    expect(ids(v.ledger.items)).toEqual([PUB, INT, SP_PUB, SP_INT]);
    expect(lists(v.ledger.bulletins, 'items')).toEqual({ 'TB-2026-01': [PUB, INT], 'TB-2026-02': [INT] });
    expect(lists(v.ledger.notices, 'items')).toEqual({ 'TZ-2026-001': [PUB, INT] });
    expect(lists(v.ledger.plans, 'applications')).toEqual({ 'FA-2026-001': [SP_PUB, SP_INT], 'FA-2026-002': [SP_INT] });
    expect(ids(v.ledger.summaries)).toEqual(['HB-2026-001', 'HB-2026-002']);
    expect(ids(v.ledger.adjustments)).toEqual(['JF-2026-001', 'JF-2026-002']);
    expect(v.ledger.reports.map((r) => r.itemId).sort()).toEqual([PUB, INT]);
  });
});
