/**
 * Who must sign what (issue 7 part 11): every signer field of every edge,
 * amendment and document filled with a person of each role — the working-tree
 * rules accept exactly the roles the notice names (`tests/support/
 * expected-table.ts`, typed by hand), and the department's own 分管 leader
 * (or a main leader) signs where the table says `ofUnit`. A `leader` signing
 * the 督查汇报's instruction, say, fails here.
 */
import { describe, expect, it } from 'vitest';
import { AMENDMENT_ROWS, DOCUMENT_ROWS, EXPECTED_AMENDMENT_SIGNERS, EXPECTED_EDGES } from '../../../tests/support/expected-table.ts';
import { FILE, ID, itemAt, itemText, only, ONE_PER_ROLE, treeIssues } from '../../../tests/support/table-items.ts';
import { bulletinPath, meetingPath, noticePath, planPath, summaryPath, adjustmentPath } from '../../format/layout.ts';
import { recordText } from '../../format/serialise.ts';
import { ROLES } from '../schemas/people.ts';
import type { ItemKind, State } from '../workflow.ts';

type Rec = Record<string, unknown>;

/** Set a dotted path (`a.b`, `list[].c` → first entry) in a copy of `v`. */
function setPath(v: Rec, pattern: string, value: unknown): Rec {
  const out = structuredClone(v);
  let o: Rec = out;
  const parts = pattern.split('.');
  parts.forEach((seg, i) => {
    const last = i === parts.length - 1;
    const list = seg.endsWith('[]');
    const key = list ? seg.slice(0, -2) : seg;
    if (last) o[key] = value;
    else if (list) o = ((o[key] as Rec[]) ?? [])[0]!;
    else o = (o[key] ??= {}) as Rec;
  });
  return out;
}

/** wrong-signer issues naming `field` (its dotted path, list index 0). */
const wrongSigner = (issues: { code: string; message: string }[], field: string) =>
  issues.filter((i) => i.code === 'wrong-signer' && i.message.includes(field.replace('[]', '[0]')));

function verdicts(field: string, build: (personId: string) => Record<string, string>): Record<string, boolean> {
  return Object.fromEntries(ROLES.map((r) => [r, wrongSigner(treeIssues(build(only(r).id)), field).length === 0]));
}
const allowed = (roles: string[]) => Object.fromEntries(ROLES.map((r) => [r, roles.includes(r)]));

describe('every signer of every edge', () => {
  const seen = new Set<string>();
  for (const e of EXPECTED_EDGES) {
    for (const [field, roles] of Object.entries(e.signers)) {
      const key = `${e.kind} ${field}`;
      if (seen.has(key)) continue;
      seen.add(key);
      it(`${e.kind} ${field}: signed by ${roles.join('/')} only`, () => {
        const base = itemAt(e.kind as ItemKind, e.to as State);
        expect(verdicts(field, (p) => ({ [FILE]: itemText(setPath(base, field, p)) }))).toEqual(allowed(roles));
      });
    }
  }
});

describe('every signer of every amendment', () => {
  const ENTRIES: Record<string, Rec> = {
    extensions: { date: '2026-04-20', from: '2026-12-31', to: '2027-01-31', approved_by: 'x', reason: '原因。' },
    accountability: { date: '2026-04-21', measure: '约谈', reason: '滞后。', decided_by: 'x' },
    referrals: { date: '2026-04-22', by: 'x', approved_by: 'x', reason: '移送。' },
    referral_receipts: { date: '2026-04-23', by: 'x', referral: 1 },
    referral_outcomes: { date: '2026-04-24', by: 'x', referral: 1, result: '已处理。' },
    acknowledgements: { date: '2026-04-20', unit: 'urban', by: 'x' },
    reviews: { date: '2026-04-20', by: 'x', report: '2026-03-10-urban.md', result: 'accepted' },
    scores: { date: '2026-04-20', unit: 'urban', score: 90, by: 'x' },
    inspection_summaries: { date: '2026-04-20', by: 'x', to: 'x', text: '汇总。' },
    reminders: { date: '2026-04-20', method: 'phone', to: ['城管办'], by: 'x' },
  };
  const referralsOk = { date: '2026-04-22', by: 'only-office', approved_by: 'only-main-leader', reason: '移送。' };
  it('lists a signer for each amendment row', () => expect(Object.keys(EXPECTED_AMENDMENT_SIGNERS).length).toBe(AMENDMENT_ROWS.join(' ').match(/\[\]\.\w+:/g)!.length));
  for (const [field, roles] of Object.entries(EXPECTED_AMENDMENT_SIGNERS)) {
    it(`${field}: signed by ${roles.join('/')} only`, () => {
      const list = field.split('[]')[0]!;
      const kind: ItemKind = list === 'scores' || list === 'inspection_summaries' ? 'special' : 'superior';
      const base = itemAt(kind, kind === 'special' ? 'inspecting' : 'in_progress');
      const entry = Object.fromEntries(Object.entries(ENTRIES[list]!).map(([k, v]) => [k, v === 'x' ? (k === 'to' ? 'only-main-leader' : k === 'approved_by' || k === 'decided_by' ? 'only-main-leader' : 'only-office') : v]));
      const answers = list.startsWith('referral_') ? { referrals: [referralsOk], referral_receipts: [{ date: '2026-04-23', by: 'only-discipline', referral: 1 }] } : {};
      const withList = { ...base, ...answers, [list]: [entry] };
      expect(verdicts(field, (p) => ({ [FILE]: itemText(setPath(withList, field, p)) }))).toEqual(allowed(roles));
    });
  }
});

describe('every signer of the office’s documents', () => {
  const DOCS: Record<string, { path: string; value: Rec }> = {
    meeting: { path: meetingPath('HY-2026-001'), value: { id: 'HY-2026-001', title: '党工委会议', type: 'party_committee', date: '2026-03-01', by: 'only-office', items: [ID] } },
    summary: {
      path: summaryPath('HB-2026-001'),
      value: {
        id: 'HB-2026-001', title: '汇报', item: ID, to: '区委督查室',
        drafted: { date: '2026-03-18', by: 'only-office' }, reviewed: { date: '2026-03-19', by: 'only-supervision-leader' },
        instructed: { date: '2026-03-20', by: 'only-main-leader', text: '同意。' }, revised: { date: '2026-03-21', by: 'only-office' },
      },
    },
    notice: { path: noticePath('TZ-2026-001'), value: { id: 'TZ-2026-001', title: '督办通知', date: '2026-03-04', by: 'only-office', approved_by: 'only-main-leader', items: [ID], to_units: ['urban', 'env'] } },
    plan: { path: planPath('FA-2026-001'), value: { id: 'FA-2026-001', title: '方案', date: '2026-03-04', by: 'only-office', applications: [ID], mode: 'written', period: { from: '2026-03-10', to: '2026-03-20' }, targets: ['urban'], content: '内容。', requirements: '要求。' } },
    adjustment: { path: adjustmentPath('JF-2026-001'), value: { id: 'JF-2026-001', date: '2026-04-01', unit: 'urban', points: 2, reason: '成效突出。', decided_by: 'only-main-leader' } },
    bulletin: {
      path: bulletinPath('TB-2026-01', 2026),
      value: {
        id: 'TB-2026-01', year: 2026, number: 1, title: '通报', kind: 'meeting', date: '2026-03-22', items: [ID],
        drafted: { date: '2026-03-20', by: 'only-office' }, reviewed: { date: '2026-03-21', by: 'only-supervision-leader' }, approved: { date: '2026-03-22', by: 'only-main-leader', text: '同意。' },
        distribution: { issue_to: ['各部门'] },
      },
    },
  };
  const rows = DOCUMENT_ROWS.flatMap((row) => {
    const [head, , signers = ''] = row.split('|').map((x) => x.trim());
    const kind = head!.split(/[.\s]/)[0]!;
    return signers.split(/\s+/).filter(Boolean).map((s) => ({ kind, field: s.split(':')[0]!, roles: s.split(':')[1]!.split(',') }));
  });
  for (const { kind, field, roles } of rows) {
    it(`${kind} ${field}: signed by ${roles.join('/')} only`, () => {
      const doc = DOCS[kind]!;
      const item = itemAt(kind === 'plan' ? 'special' : kind === 'summary' ? 'superior' : 'meeting', kind === 'plan' ? 'approved' : kind === 'summary' ? 'reported' : 'in_progress');
      expect(verdicts(field, (p) => ({ [FILE]: itemText(item), [doc.path]: recordText(setPath(doc.value, field, p), '正文。\n') }))).toEqual(allowed(roles));
    });
  }
});

describe('the department’s own 分管 leader signs its application and its 通报 opinion', () => {
  const people = [...ONE_PER_ROLE, { ...only('leader'), id: 'own-leader', name: 'own-leader', emails: ['own@x.cn'] }];
  for (const field of ['application.reviewed_by', 'lead_opinion.signed_by']) {
    it(`${field}: the unit’s leader or a main leader, not another leader`, () => {
      const base = itemAt('special', 'bulletined');
      const codes = (p: string) => treeIssues({ [FILE]: itemText(setPath(base, field, p)) }, { unitLeader: 'own-leader', people }).filter((i) => ['not-unit-leader', 'wrong-signer'].includes(i.code) && i.message.includes(field)).map((i) => i.code);
      expect(codes('own-leader')).toEqual([]);
      expect(codes('only-main-leader')).toEqual([]);
      expect(codes('only-leader')).toEqual(['not-unit-leader']);
      expect(codes('only-office')).toEqual(['wrong-signer']);
    });
  }
});
