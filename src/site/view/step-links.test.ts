/**
 * The site's links for the next steps: each unit's new-report editor is
 * prefilled with that unit's own reporter (not one fixed person), the build
 * day and the next free file name; other steps open the Run-workflow form
 * with the inputs filled where the pattern takes them; 新建 links carry the
 * next free number.
 */
import { describe, expect, test } from 'vitest';
import { config as configSchema } from '../../domain/schemas/config.ts';
import { item as itemSchema } from '../../domain/schemas/item.ts';
import { person } from '../../domain/schemas/people.ts';
import { unit } from '../../domain/schemas/units.ts';
import { emptyLedger, type Ledger } from '../../domain/ledger.ts';
import { summaryDoc } from '../../domain/schemas/summary.ts';
import { itemLinks, newRecordLinks, reporterOf } from './step-links.ts';

/** A ledger holding only these 督查汇报s (what the links read of it). */
function ledgerWith(docs: Record<string, unknown>[]): Ledger {
  const l = emptyLedger();
  l.summaries = docs.map((d) => ({ file: `records/summaries/${d.id}.md`, value: summaryDoc.parse(d), body: '', bodyLine: 1, lineOf: () => 1 }));
  return l;
}

const config = configSchema.parse({
  organisation: '张范街道',
  office: '考核督查办',
  bulletin_name: '张范督查',
  forge: {
    kind: 'gitlab',
    edit_url: 'https://gl.example.cn/l/-/edit/main/{path}',
    new_file_url: 'https://gl.example.cn/l/-/new/main/{dir}?file_name={name}&content={content}',
    commit_url: 'https://gl.example.cn/l/-/commit/{sha}',
    run_url: 'https://gl.example.cn/l/-/pipelines/new?ref=main&var[LEDGER_ACTION]={action}&var[LEDGER_ITEMS]={items}&var[LEDGER_FIELDS]={fields}',
  },
});
const people = new Map(
  [
    { id: 'zhao-qiang', name: '赵强', title: '主任', roles: ['unit'], unit: 'urban', emails: [] },
    { id: 'qian-hong', name: '钱红', title: '主任', roles: ['unit'], unit: 'env', emails: [] },
    { id: 'sun-li', name: '孙丽', title: '科员', roles: ['unit'], unit: 'env', emails: [] },
    { id: 'wang-fang', name: '王芳', title: '主任', roles: ['office'], emails: [] },
  ].map((p) => [p.id, person.parse(p)]),
);
const units = new Map(
  [
    { id: 'urban', name: '城管办', type: 'department', head: 'zhao-qiang' },
    { id: 'env', name: '生态办', type: 'department', head: 'wang-fang' },
  ].map((u) => [u.id, unit.parse(u)]),
);
const it = itemSchema.parse({
  id: 'DB-2026-0031',
  title: '背街小巷整治',
  kind: 'meeting',
  source: { type: 'party_committee', name: '党工委会议', date: '2026-03-01' },
  content: '整治。',
  requirements: '每周报送。',
  deadline: '2026-04-30',
  leaders: ['li-ming'],
  lead_unit: 'urban',
  co_units: ['env'],
  state: 'in_progress',
  registered: { date: '2026-03-02', by: 'wang-fang' },
  assigned: { date: '2026-03-03', by: 'wang-fang', notice: 'TZ-2026-001' },
  arranged: { date: '2026-03-04', by: 'li-ming' },
});
const TEMPLATE = '---\ndate: 2026-11-20   # 日期\nunit: urban   # 单位\nby: zhao-qiang   # 报送人\nprogress: 进展\n---\n';

describe('item page links', () => {
  test('each unit’s report is prefilled with its own reporter, the day and the next free name', () => {
    const l = itemLinks(config, it, { today: '2026-03-10', units, people, reportNames: ['2026-03-10-urban.md'], reportTemplateText: TEMPLATE });
    expect(l.reports.map((r) => [r.unit, r.by?.id, r.name])).toEqual([
      ['urban', 'zhao-qiang', '2026-03-10-urban-2.md'],
      ['env', 'qian-hong', '2026-03-10-env.md'],
    ]);
    expect(l.reports[1]!.content).toContain('by: qian-hong   # 报送人');
    expect(l.reports[1]!.content).toContain('unit: env   # 单位');
    expect(decodeURIComponent(l.reports[1]!.url!)).toContain('/reports?file_name=2026-03-10-env.md&content=---\ndate: 2026-03-10');
  });

  test('every other legal step opens the Run-workflow form with its inputs', () => {
    const l = itemLinks(config, it, { today: '2026-03-10', units, people, reportNames: [] });
    expect(l.steps.map((s) => s.action)).toEqual(['bulletin', 'cancel', 'extend', 'flag', 'accountability', 'referral', 'acknowledge', 'acknowledge', 'remind', 'edit']);
    const extend = l.steps.find((s) => s.action === 'extend')!;
    expect(extend.fields).toBe('to=；approved-by=；reason=');
    expect(decodeURIComponent(extend.url!)).toBe('https://gl.example.cn/l/-/pipelines/new?ref=main&var[LEDGER_ACTION]=extend&var[LEDGER_ITEMS]=DB-2026-0031&var[LEDGER_FIELDS]=to=；approved-by=；reason=');
    expect(extend.command).toBe('ledger extend DB-2026-0031 --as 你的标识 --to … --approved-by … --reason …');
    // the 通报 the step issues asks for its 审阅 and 批示
    expect(l.steps.find((s) => s.action === 'bulletin')!.fields).toBe('reviewed-by=；approved-by=');
  });

  test('签收 once per unit not yet signed, 审核 once per report not yet reviewed, each prefilled', () => {
    const signed = { ...it, acknowledgements: [{ date: '2026-03-04', unit: 'urban', by: 'zhao-qiang' }], reviews: [{ date: '2026-03-07', by: 'wang-fang', report: '2026-03-06-env.md', result: 'accepted' as const }] };
    const l = itemLinks(config, signed, { today: '2026-03-10', units, people, reportNames: ['2026-03-06-urban.md', '2026-03-06-env.md'] });
    const ack = l.steps.filter((s) => s.action === 'acknowledge');
    expect(ack.map((s) => [s.label, s.fields, s.who])).toEqual([['签收（生态办）', 'unit=env', '责任单位或考核督查办']]);
    expect(decodeURIComponent(ack[0]!.url!)).toContain('var[LEDGER_ACTION]=acknowledge&var[LEDGER_ITEMS]=DB-2026-0031&var[LEDGER_FIELDS]=unit=env');
    const review = l.steps.filter((s) => s.action === 'review');
    expect(review.map((s) => [s.label, s.fields, s.command])).toEqual([
      ['审核落实情况（2026-03-06-urban.md）', 'report=2026-03-06-urban.md；result=', 'ledger review DB-2026-0031 --as 你的标识 --report 2026-03-06-urban.md --result …'],
    ]);
  });

  test('the 督查汇报’s steps: a new draft while none is under way, then the next step of the draft, on the draft', () => {
    const sup = itemSchema.parse({ ...it, kind: 'superior', source: { type: 'document', name: '区委文件', date: '2026-03-01' }, instruction: { date: '2026-03-02', by: 'zhang-wei', text: '阅。' }, assigned: { date: '2026-03-03', by: 'wang-fang' } });
    const none = itemLinks(config, sup, { today: '2026-03-10', units, people, reportNames: [], ledger: ledgerWith([]) });
    expect(none.steps.filter((s) => s.action.endsWith('-summary')).map((s) => [s.action, s.target])).toEqual([['draft-summary', 'DB-2026-0031']]);
    // 督查汇报 → 已汇报 waits for an instructed 汇报
    expect(none.steps.map((s) => s.action)).not.toContain('summarise');
    const drafted = itemLinks(config, sup, { today: '2026-03-10', units, people, reportNames: [], ledger: ledgerWith([{ id: 'HB-2026-001', title: '汇报', item: 'DB-2026-0031', to: '区委', drafted: { date: '2026-03-08', by: 'wang-fang' } }]) });
    const doc = drafted.steps.filter((s) => s.action.endsWith('-summary'));
    expect(doc.map((s) => [s.action, s.label, s.target, s.who])).toEqual([['review-summary', '分管考核督查领导审阅（HB-2026-001）', 'HB-2026-001', '考核督查办或分管考核督查领导']]);
    expect(decodeURIComponent(doc[0]!.url!)).toContain('var[LEDGER_ACTION]=review-summary&var[LEDGER_ITEMS]=HB-2026-001');
    // instructed: the item may be 已汇报 on it; sent back since, a new draft is needed
    const settled = { id: 'HB-2026-001', title: '汇报', item: 'DB-2026-0031', to: '区委', drafted: { date: '2026-03-08', by: 'wang-fang' }, reviewed: { date: '2026-03-08', by: 'chen-jing' }, instructed: { date: '2026-03-09', by: 'zhang-wei', text: '同意。' } };
    const ready = itemLinks(config, sup, { today: '2026-03-10', units, people, reportNames: [], ledger: ledgerWith([settled]) });
    expect(ready.steps.filter((s) => s.action.includes('summar')).map((s) => s.action)).toEqual(['summarise']);
    const back = itemSchema.parse({ ...sup, returns: [{ date: '2026-03-09', by: 'chen-jing', reason: '不实。' }] });
    const again = itemLinks(config, back, { today: '2026-03-10', units, people, reportNames: [], ledger: ledgerWith([settled]) });
    expect(again.steps.filter((s) => s.action.includes('summar')).map((s) => s.action)).toEqual(['draft-summary']);
  });

  test('reports waiting for review: the newest three by name, the rest behind one link', () => {
    const l = itemLinks(config, it, { today: '2026-03-10', units, people, reportNames: ['2026-03-01-urban.md', '2026-03-02-urban.md', '2026-03-03-urban.md', '2026-03-04-urban.md', '2026-03-05-env.md'] });
    expect(l.steps.filter((s) => s.action === 'review').map((s) => s.label)).toEqual(['审核落实情况（2026-03-03-urban.md）', '审核落实情况（2026-03-04-urban.md）', '审核落实情况（2026-03-05-env.md）', '审核落实情况（其余 2 份）']);
  });

  test('an archived item still takes the 纪工委’s answers', () => {
    const done = itemSchema.parse({ ...it, state: 'archived', bulletined: { date: '2026-03-10', bulletin: 'TB-2026-01' }, closure: { date: '2026-03-11', by: 'wang-fang', reports: ['2026-03-06-urban.md'], method: 'document', verified_by: 'wang-fang' }, archive: { date: '2026-03-12', by: 'wang-fang', ref: '卷1' }, referrals: [{ date: '2026-03-09', by: 'wang-fang', approved_by: 'zhang-wei', reason: '线索。' }] });
    const l = itemLinks(config, done, { today: '2026-04-01', units, people, reportNames: [] });
    expect(l.steps.map((s) => [s.action, s.fields])).toEqual([['receive-referral', 'referral=1']]);
    expect(l.reports).toEqual([]);
    const received = itemSchema.parse({ ...done, referral_receipts: [{ date: '2026-03-20', by: 'sun-jian', referral: 1 }] });
    expect(itemLinks(config, received, { today: '2026-04-01', units, people, reportNames: [] }).steps.map((s) => [s.label, s.fields])).toEqual([['纪工委反馈处理结果（第 1 条移送）', 'referral=1；result=']]);
  });

  test('a unit without its head among its people: its first member', () => {
    expect(reporterOf('env', units, people)?.id).toBe('qian-hong');
    expect(reporterOf('nowhere', units, people)).toBeUndefined();
  });
});

describe('新建 links', () => {
  test('the next free number of the build year, set in the template', () => {
    const links = newRecordLinks(config, ['DB-2026-0052', 'DB-2025-0400', 'TZ-2026-008', 'TB-2026-10'], new Map([['notice.md', '---\nid: TZ-2026-009   # 编号\n---\n']]), '2026-11-24');
    expect(links.filter((l) => l.kind === 'item').map((l) => l.id)).toEqual(['DB-2026-0053', 'DB-2026-0053', 'DB-2026-0053']);
    const n = links.find((l) => l.kind === 'notice')!;
    expect(n.id).toBe('TZ-2026-009');
    expect(decodeURIComponent(n.url!)).toContain('records/notices?file_name=TZ-2026-009.md&content=---\nid: TZ-2026-009   # 编号');
    expect(links.find((l) => l.kind === 'bulletin')!.id).toBe('TB-2026-11');
  });
});
