/**
 * Amendments as staff read their refusals (issue 7 part 11), over records
 * parsed by the format layer so every issue carries its real line: a unit
 * signing (签收) for itself and for another unit in one commit — only the
 * other unit's entry refused, at its own line; the office, or a person who
 * is office and unit at once, signing for any unit; the flag (挂牌督办)
 * lifted only by keeping every word of it, never removed; a new item
 * carrying an entry of the office's list, refused at the list.
 */
import { describe, expect, it } from 'vitest';
import { loadLedger } from '../format/load-ledger.ts';
import { recordText } from '../format/serialise.ts';
import { itemAt, only, changeInput, FILE } from '../../tests/support/table-items.ts';
import type { Issue } from './issues.ts';
import type { Person } from './schemas/people.ts';
import { itemChangeIssues } from './transitions.ts';

type Rec = Record<string, unknown>;
const loc = (v: Rec) => loadLedger([{ path: FILE, text: recordText(v, '说明。\n') }]).ledger.items[0]!;
const text = (issues: Issue[]) => issues.map((i) => `${i.line}: 【${i.code}】${i.message}`);
const I = (by: Person, b: Rec, a: Rec) => text(itemChangeIssues(changeInput(by), loc(b), loc(a)));
const open = itemAt('superior', 'in_progress');
const ack = (unit: string, date = '2026-04-20') => ({ date, unit, by: 'only-unit' });

describe('签收 for one’s own unit', () => {
  const before = { ...open, acknowledgements: [ack('urban', '2026-03-05')] };
  const after = { ...open, acknowledgements: [ack('urban', '2026-03-05'), ack('env'), ack('urban')] };

  it('a unit person’s entries for another unit are refused one by one, at their own line', () => {
    const got = I(only('unit', 'env'), before, after);
    const line = loc(after).lineOf(['acknowledgements', 2, 'unit']);
    expect(line).toBeGreaterThan(loc(after).lineOf(['acknowledgements', 1, 'unit']));
    expect(got).toEqual([`${line}: 【wrong-committer】“为“urban”签收”须由该单位人员或考核督查办提交，而提交者 only-unit 的角色是责任单位（env）`]);
  });

  it('only the entries this commit adds are judged', () => {
    expect(I(only('unit', 'env'), before, { ...open, acknowledgements: [ack('urban', '2026-03-05'), ack('env')] })).toEqual([]);
  });

  it('the office signs for any unit; so does a person who is office and unit at once', () => {
    expect(I(only('office'), before, after)).toEqual([]);
    expect(I({ ...only('unit', 'env'), roles: ['unit', 'office'] }, before, after)).toEqual([]);
  });

  it('a unit person with no unit in people.yml signs for no unit', () => {
    const got = I({ ...only('unit'), unit: undefined }, open, { ...open, acknowledgements: [ack('urban')] });
    expect(got).toEqual([`${loc({ ...open, acknowledgements: [ack('urban')] }).lineOf(['acknowledgements', 0, 'unit'])}: 【wrong-committer】“为“urban”签收”须由该单位人员或考核督查办提交，而提交者 only-unit 的角色是责任单位（无单位）`]);
  });

  it('a leader is refused by role alone, once', () => {
    expect(I(only('leader'), before, after)).toEqual([`${loc(after).lineOf(['acknowledgements'])}: 【wrong-committer】“签收”须由责任单位或考核督查办提交，而提交者 only-leader 的角色是分管/主管领导`]);
  });
});

describe('a new item carrying list entries', () => {
  it('an application filed with a review already in it: the review is the office’s, refused at the list', () => {
    const review = { date: '2026-03-02', by: 'only-office', report: '2026-03-02-urban.md', result: 'accepted' };
    const v = itemAt('special', 'applied', { reviews: [review] });
    const line = loc(v).lineOf(['reviews']);
    expect(line).toBeGreaterThan(1);
    expect(text(itemChangeIssues(changeInput(only('unit'), 'A'), undefined, loc(v)))).toEqual([`${line}: 【wrong-committer】“审核落实情况”须由考核督查办提交，而提交者 only-unit 的角色是责任单位`]);
  });
});

describe('挂牌督办 and 摘牌', () => {
  const flag = { date: '2026-04-20', by: 'only-office', reason: '进度滞后。' };
  const flagged = { ...open, flag };

  it('a flag in force removed, or lifted with its words changed, is history rewritten, named 挂牌督办', () => {
    const removed = I(only('office'), flagged, open);
    expect(removed).toHaveLength(1);
    expect(removed[0]).toMatch(/^\d+: 【rewritten-history】/);
    expect(removed[0]).toContain('挂牌督办');
    const changed = { ...open, flag: { ...flag, reason: '改。', lifted: '2026-05-01' } };
    expect(I(only('office'), flagged, changed)).toEqual([expect.stringMatching(new RegExp(`^${loc(changed).lineOf(['flag'])}: 【rewritten-history】.*挂牌督办`))]);
  });

  it('a lifted flag may be followed by a new one, and a new flag set by the office alone', () => {
    const lifted = { ...open, flag: { ...flag, lifted: '2026-05-01' } };
    expect(I(only('office'), flagged, lifted)).toEqual([]);
    expect(I(only('office'), lifted, { ...open, flag: { ...flag, date: '2026-05-20' } })).toEqual([]);
    expect(I(only('leader'), open, flagged)).toEqual([`${loc(flagged).lineOf(['flag'])}: 【wrong-committer】“挂牌督办/摘牌”须由考核督查办提交，而提交者 only-leader 的角色是分管/主管领导`]);
  });
});
