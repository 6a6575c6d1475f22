/**
 * The history rules of the steps this table gained for the rest of the
 * notice, judged directly (pure): 签收 by a unit for itself, 审核 by the
 * office, 打分 by the business department, the 纪工委's receipt and outcome
 * (also after 销号), attachments that never change, and the 督查汇报's
 * review chain landing step by step.
 */
import { describe, expect, it } from 'vitest';
import { superiorItem } from '../checker/test-repo.ts';
import type { Located } from './ledger.ts';
import { item as itemSchema, type Item } from './schemas/item.ts';
import type { Person } from './schemas/people.ts';
import { summaryDoc } from './schemas/summary.ts';
import { itemChangeIssues, officeRecordIssues, type ChangeInput } from './transitions.ts';

const person = (id: string, roles: Person['roles'], unit?: string): Person => ({ id, name: id, title: '', roles, unit, emails: [`${id}@x.cn`], active: true });
const OFFICE = person('wang-fang', ['office']);
const MAIN = person('zhang-wei', ['main_leader']);
const SUP = person('chen-jing', ['supervision_leader', 'leader']);
const URBAN = person('zhao-qiang', ['unit'], 'urban');
const ENV = person('qian-hong', ['unit'], 'env');
const LEADER = person('li-ming', ['leader']);
const DISCIPLINE = person('xu-gang', ['discipline']);

const input = (author: Person, kind: ChangeInput['kind'], file: string, status: ChangeInput['status'] = 'M'): ChangeInput => ({
  commit: { sha: 'abc', author: author.name, email: author.emails[0]!, date: '2026-06-01' },
  commitDate: '2026-06-01',
  author,
  status,
  kind,
  file,
});

const ITEM = 'records/items/2026/DB-2026-0001/item.md';
const loc = (v: Record<string, unknown>): Located<Item> => ({ file: ITEM, value: itemSchema.parse(v), body: '说明。\n', bodyLine: 1, lineOf: () => 1 });
const itemCodes = (before: Record<string, unknown>, after: Record<string, unknown>, author: Person) =>
  itemChangeIssues(input(author, 'item', ITEM), loc(before), loc(after)).map((i) => i.code);
const at = (state: string, extra: Record<string, unknown> = {}) => superiorItem('DB-2026-0001', state, extra);

describe('amendments of the notice’s steps', () => {
  const ack = (unit: string, by: string) => ({ date: '2026-03-05', unit, by });
  it('签收: a unit signs for itself, the office for any unit', () => {
    expect(itemCodes(at('in_progress'), at('in_progress', { acknowledgements: [ack('urban', 'zhao-qiang')] }), URBAN)).toEqual([]);
    expect(itemCodes(at('in_progress'), at('in_progress', { acknowledgements: [ack('urban', 'zhao-qiang')] }), ENV)).toEqual(['wrong-committer']);
    expect(itemCodes(at('in_progress'), at('in_progress', { acknowledgements: [ack('env', 'qian-hong')] }), OFFICE)).toEqual([]);
    expect(itemCodes(at('in_progress'), at('in_progress', { acknowledgements: [ack('env', 'qian-hong')] }), LEADER)).toEqual(['wrong-committer']);
  });

  it('审核落实情况 by the office only; a review once written stays', () => {
    const rev = { date: '2026-03-11', by: 'wang-fang', report: '2026-03-10-urban.md', result: 'returned', reason: '数据不全。' };
    expect(itemCodes(at('in_progress'), at('in_progress', { reviews: [rev] }), OFFICE)).toEqual([]);
    expect(itemCodes(at('in_progress'), at('in_progress', { reviews: [rev] }), URBAN)).toEqual(['wrong-committer']);
    expect(itemCodes(at('in_progress', { reviews: [rev] }), at('in_progress', { reviews: [{ ...rev, result: 'accepted' }] }), OFFICE)).toEqual(['rewritten-history']);
  });

  it('打分 by a unit or the office, not by a leader, once the inspection has started', () => {
    const score = { date: '2026-03-12', unit: 'env', score: 90, by: 'zhao-qiang' };
    const inspecting = at('in_progress', { inspection: { date: '2026-03-10' } });
    expect(itemCodes(inspecting, { ...inspecting, scores: [score] }, URBAN)).toEqual([]);
    expect(itemCodes(inspecting, { ...inspecting, scores: [score] }, LEADER)).toEqual(['wrong-committer']);
    expect(itemCodes(at('in_progress'), at('in_progress', { scores: [score] }), URBAN)).toEqual(['amendment-not-open']);
  });

  it('the 纪工委 signs for a referral and reports its outcome, also after 销号; nobody else does', () => {
    const referral = { date: '2026-03-06', by: 'wang-fang', approved_by: 'zhang-wei', reason: '线索移送。' };
    const receipt = { date: '2026-03-07', by: 'xu-gang', referral: 1, case_no: '张纪线〔2026〕1号' };
    const open = at('in_progress', { referrals: [referral] });
    expect(itemCodes(open, { ...open, referral_receipts: [receipt] }, DISCIPLINE)).toEqual([]);
    expect(itemCodes(open, { ...open, referral_receipts: [receipt] }, OFFICE)).toEqual(['wrong-committer']);
    const closed = at('closed', { referrals: [referral], referral_receipts: [receipt] });
    const outcome = { date: '2026-03-30', by: 'xu-gang', referral: 1, result: '不属违纪。' };
    expect(itemCodes(closed, { ...closed, referral_outcomes: [outcome] }, DISCIPLINE)).toEqual([]);
    expect(itemCodes(closed, { ...closed, tags: ['纪检'], referral_outcomes: [outcome] }, DISCIPLINE)).toContain('frozen-item');
  });
});

describe('attachments', () => {
  const F = 'records/items/2026/DB-2026-0001/attachments/批示件.pdf';
  const codes = (status: ChangeInput['status'], author: Person) => officeRecordIssues(input(author, 'attachment', F, status), undefined, undefined).map((i) => `${i.code} ${i.message}`);
  it('are added by units and the office, and never change or disappear', () => {
    expect(codes('A', URBAN)).toEqual([]);
    expect(codes('A', OFFICE)).toEqual([]);
    expect(codes('A', LEADER)).toEqual(['wrong-committer “上传附件 批示件.pdf”须由责任单位或考核督查办提交，而提交者 li-ming 的角色是分管/主管领导']);
    expect(codes('M', OFFICE)).toEqual(['attachment-changed 已提交的附件 “批示件.pdf” 被修改']);
    expect(codes('D', OFFICE)).toEqual(['attachment-changed 已提交的附件 “批示件.pdf” 被删除']);
  });
});

describe('the 督查汇报 lands step by step', () => {
  const F = 'records/summaries/HB-2026-001.md';
  const base = { id: 'HB-2026-001', title: '汇报', item: 'DB-2026-0001', to: '区委督查室', drafted: { date: '2026-03-18', by: 'wang-fang' } };
  const reviewed = { reviewed: { date: '2026-03-19', by: 'chen-jing', opinion: '补充数据。' } };
  const instructed = { instructed: { date: '2026-03-20', by: 'zhang-wei', text: '同意，修改后上报。' } };
  const revised = { revised: { date: '2026-03-21', by: 'wang-fang' } };
  const doc = (v: Record<string, unknown>, body = '汇报正文。\n'): Located<unknown> => ({ file: F, value: summaryDoc.parse(v), body, bodyLine: 12, lineOf: () => 1 });
  const codes = (before: Record<string, unknown> | undefined, after: Record<string, unknown>, author: Person, bodies: [string, string] = ['汇报正文。\n', '汇报正文。\n']) =>
    officeRecordIssues(input(author, 'summary', F, before ? 'M' : 'A'), before ? (doc(before, bodies[0]) as Located<{ id?: string }>) : undefined, doc(after, bodies[1])).map((i) => i.code);

  it('each step by its own roles', () => {
    expect(codes(undefined, base, OFFICE)).toEqual([]);
    expect(codes(undefined, base, URBAN)).toEqual(['wrong-committer']);
    expect(codes(base, { ...base, ...reviewed }, SUP)).toEqual([]);
    expect(codes(base, { ...base, ...reviewed }, LEADER)).toEqual(['wrong-committer']);
    expect(codes({ ...base, ...reviewed }, { ...base, ...reviewed, ...instructed }, MAIN)).toEqual([]);
  });

  it('a step once written is never rewritten', () => {
    expect(codes({ ...base, ...reviewed }, { ...base, reviewed: { ...reviewed.reviewed, opinion: '同意。' } }, OFFICE)).toEqual(['rewritten-history']);
  });

  it('the text changes after the instruction only with the revision on it, and never after', () => {
    const inst = { ...base, ...reviewed, ...instructed };
    expect(codes(inst, inst, OFFICE, ['汇报正文。\n', '改过的正文。\n'])).toEqual(['rewritten-history']);
    expect(codes(inst, { ...inst, ...revised }, OFFICE, ['汇报正文。\n', '按批示修改的正文。\n'])).toEqual([]);
    const done = { ...inst, ...revised };
    expect(codes(done, { ...done, title: '新标题' }, OFFICE)).toEqual(['rewritten-history']);
    expect(codes(base, base, OFFICE, ['汇报正文。\n', '起草中修改。\n'])).toEqual([]);
  });
});
