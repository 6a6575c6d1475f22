/**
 * The field policies of the workflow table, judged by `itemChangeIssues`
 * directly (pure): every changed field of an item is explained by exactly
 * one entry of the table — an edge, an amendment, an edit — or refused.
 */
import { describe, expect, it } from 'vitest';
import { superiorItem } from '../checker/test-repo.ts';
import type { Located } from './ledger.ts';
import { item as itemSchema, type Item } from './schemas/item.ts';
import type { Person } from './schemas/people.ts';
import { itemChangeIssues, type ChangeInput } from './transitions.ts';

const person = (id: string, roles: Person['roles'], unit?: string): Person => ({ id, name: id, title: '', roles, unit, emails: [`${id}@x.cn`], active: true });
const OFFICE = person('wang-fang', ['office']);
const MAIN = person('zhang-wei', ['main_leader']);
const UNIT = person('zhao-qiang', ['unit'], 'urban');
const LEADER = person('li-ming', ['leader']);

const loc = (v: Record<string, unknown>, body = '说明。\n'): Located<Item> => ({ file: 'records/items/2026/DB-2026-0001/item.md', value: itemSchema.parse(v), body, bodyLine: 1, lineOf: () => 1 });

function codes(before: Record<string, unknown>, after: Record<string, unknown>, author: Person = OFFICE, bodies: [string, string] = ['说明。\n', '说明。\n']): string[] {
  const input: ChangeInput = { commit: { sha: 'abc', author: author.name, email: author.emails[0]!, date: '2026-06-01' }, commitDate: '2026-06-01', author, status: 'M', kind: 'item', file: 'records/items/2026/DB-2026-0001/item.md' };
  return itemChangeIssues(input, loc(before, bodies[0]), loc(after, bodies[1])).map((i) => i.code);
}

const ID = 'DB-2026-0001';
const at = (state: string, extra: Record<string, unknown> = {}) => superiorItem(ID, state, extra);
const RET = { date: '2026-03-22', by: 'zhang-wei', reason: '重新核实。' };

describe('step fields', () => {
  it('a recorded step is never rewritten — 上报 included', () => {
    expect(codes(at('submitted'), at('submitted', { submitted: { date: '2026-03-21', by: 'wang-fang', to: '市委督查室' } }))).toEqual(['rewritten-history']);
    expect(codes(at('in_progress'), at('in_progress', { instruction: { date: '2026-03-03', by: 'zhang-wei', text: '改写的批示。' } }))).toEqual(['rewritten-history']);
  });

  it('the 督查汇报 may be cleared by a return and written again by the next 汇报, not otherwise', () => {
    const returned = at('in_progress', { summary: undefined, returns: [RET] });
    expect(codes(at('reported'), returned, MAIN)).toEqual([]);
    const redone = at('reported', { returns: [RET], summary: { date: '2026-03-28', by: 'wang-fang', document: 'HB-2026-002' } });
    expect(codes(at('in_progress', { returns: [RET], summary: { date: '2026-03-20', by: 'wang-fang', document: 'HB-2026-001' } }), redone)).toEqual([]);
    // the 汇报 it rests on swapped while nothing moves
    expect(codes(at('reported'), at('reported', { summary: { date: '2026-03-20', by: 'wang-fang', document: 'HB-2026-002' } }))).toEqual(['rewritten-history']);
  });
});

describe('append-only lists', () => {
  it('a return entry only with the return itself', () => {
    expect(codes(at('reported'), at('reported', { returns: [RET] }))).toEqual(['entry-without-step']);
  });

  it('extensions by the office only, chained to the deadline', () => {
    const ext = { date: '2026-04-20', from: '2026-04-30', to: '2026-05-31', approved_by: 'zhang-wei', reason: '工程量大。' };
    expect(codes(at('in_progress'), at('in_progress', { extensions: [ext], deadline: '2026-05-31' }))).toEqual([]);
    expect(codes(at('in_progress'), at('in_progress', { extensions: [ext], deadline: '2026-05-31' }), UNIT)).toEqual(['wrong-committer']);
    expect(codes(at('in_progress'), at('in_progress', { extensions: [{ ...ext, from: '2026-04-15' }], deadline: '2026-05-31' }))).toEqual(['deadline-changed']);
  });

  it('accountability and referrals by the office only; never rewritten', () => {
    const acc = { date: '2026-04-20', measure: '约谈', reason: '进度滞后。', decided_by: 'zhang-wei' };
    expect(codes(at('in_progress'), at('in_progress', { accountability: [acc] }), LEADER)).toEqual(['wrong-committer']);
    expect(codes(at('in_progress', { accountability: [acc] }), at('in_progress', { accountability: [{ ...acc, measure: '提醒' }] }))).toEqual(['rewritten-history']);
    const ref = { date: '2026-04-21', by: 'wang-fang', approved_by: 'zhang-wei', reason: '线索移送。' };
    expect(codes(at('in_progress'), at('in_progress', { referrals: [ref] }), UNIT)).toEqual(['wrong-committer']);
  });
});

describe('amendments that set a field, and edits', () => {
  it('flag and unflag by the office only', () => {
    const flag = { date: '2026-04-20', by: 'wang-fang', reason: '进度滞后。' };
    expect(codes(at('in_progress'), at('in_progress', { flag }))).toEqual([]);
    expect(codes(at('in_progress'), at('in_progress', { flag }), UNIT)).toEqual(['wrong-committer']);
    expect(codes(at('in_progress', { flag }), at('in_progress', { flag: { ...flag, lifted: '2026-05-01' } }), UNIT)).toEqual(['wrong-committer']);
  });

  it('content and the body are edited by the office only', () => {
    expect(codes(at('in_progress'), at('in_progress', { requirements: '改过的要求。' }), UNIT)).toEqual(['wrong-committer']);
    expect(codes(at('in_progress'), at('in_progress'), UNIT, ['说明。\n', '改过的说明。\n'])).toEqual(['wrong-committer']);
    expect(codes(at('in_progress'), at('in_progress', { co_units: [] }))).toEqual([]);
  });
});

describe('frozen and terminal items', () => {
  it('a closed item takes only its archive', () => {
    expect(codes(at('closed'), at('archived'))).toEqual([]);
    expect(codes(at('closed'), at('closed', { tags: ['重点'] }))).toEqual(['frozen-item']);
  });

  it('an archived or cancelled item takes nothing', () => {
    expect(codes(at('archived'), at('archived', { archive: { date: '2026-03-26', by: 'wang-fang', ref: '改号' } }))).toContain('frozen-item');
    const cancelled = at('registered', { state: 'cancelled', cancellation: { date: '2026-03-05', approved_by: 'zhang-wei', reason: '上级撤回。' } });
    expect(codes(cancelled, { ...cancelled, title: '改过' })).toEqual(['frozen-item']);
  });
});

describe('an amendment only when the table says it may be taken', () => {
  const flag = { date: '2026-04-20', by: 'wang-fang', reason: '进度滞后。' };

  it('a flag in force is lifted, never rewritten; a lifted one may be followed by a new flag', () => {
    expect(codes(at('in_progress', { flag }), at('in_progress', { flag: { ...flag, reason: '改过的原因。' } }))).toEqual(['rewritten-history']);
    expect(codes(at('in_progress', { flag }), at('in_progress', { flag: { ...flag, lifted: '2026-05-01' } }))).toEqual([]);
    const lifted = { ...flag, lifted: '2026-05-01' };
    expect(codes(at('in_progress', { flag: lifted }), at('in_progress', { flag: { date: '2026-05-20', by: 'wang-fang', reason: '再次滞后。' } }))).toEqual([]);
  });

  it('签收 only after 交办', () => {
    const ack = { date: '2026-03-02', unit: 'urban', by: 'wang-fang' };
    expect(codes(at('registered'), at('registered', { acknowledgements: [ack] }))).toEqual(['amendment-not-open']);
    expect(codes(at('assigned'), at('assigned', { acknowledgements: [{ ...ack, date: '2026-03-05' }] }))).toEqual([]);
  });

  it('a 催办 only once reporting started', () => {
    const remind = { date: '2026-03-02', method: 'phone', to: ['urban'], by: 'wang-fang' };
    const got = codes(at('registered'), at('registered', { reminders: [remind] }));
    expect(got).toContain('amendment-not-open');
  });
});
