/**
 * Chained entries as the office's rules have them (issue 7 part 11), with
 * real lines: the deadline moves by exactly one extension per commit, each
 * chained from the deadline in force (a second extension after a first; two
 * at once refused); a return carries exactly one new return entry (two are
 * refused, at the list); the config file is the office's, named as such; an
 * item or report whose new version does not load is left to the file check
 * (it says why), while a deleted item is refused.
 */
import { describe, expect, it } from 'vitest';
import { loadLedger } from '../format/load-ledger.ts';
import { recordText } from '../format/serialise.ts';
import { itemAt, itemText, only, changeInput, FILE, STEP_VALUES, treeIssues } from '../../tests/support/table-items.ts';
import type { Issue } from './issues.ts';
import type { Person } from './schemas/people.ts';
import { itemChangeIssues, officeRecordIssues, reportChangeIssues } from './transitions.ts';

type Rec = Record<string, unknown>;
const loc = (v: Rec) => loadLedger([{ path: FILE, text: recordText(v, '说明。\n') }]).ledger.items[0]!;
const text = (issues: Issue[]) => issues.map((i) => `${i.line}: 【${i.code}】${i.message}`);
const I = (by: Person, b: Rec, a: Rec) => text(itemChangeIssues(changeInput(by), loc(b), loc(a)));
const open = itemAt('superior', 'in_progress');
const ext = (from: string, to: string, date = '2026-04-20') => ({ date, from, to, approved_by: 'only-main-leader', reason: '工程量大。' });

describe('延期: one extension per commit, chained to the deadline in force', () => {
  const once = { ...open, extensions: [ext('2026-12-31', '2027-01-31')], deadline: '2027-01-31' };

  it('a second extension after a first', () => {
    expect(I(only('office'), once, { ...once, extensions: [...once.extensions, ext('2027-01-31', '2027-03-31', '2026-05-20')], deadline: '2027-03-31' })).toEqual([]);
  });

  it('a second extension not chained to the first is refused at the deadline', () => {
    const after = { ...once, extensions: [...once.extensions, ext('2026-12-31', '2027-03-31', '2026-05-20')], deadline: '2027-03-31' };
    expect(I(only('office'), once, after)).toEqual([`${loc(after).lineOf(['deadline'])}: 【deadline-changed】落实时限从 2027-01-31 改为 2027-03-31，但没有追加相应的延期记录`]);
  });

  it('two extensions in one commit are refused, even chained', () => {
    const after = { ...open, extensions: [ext('2026-12-31', '2027-01-31'), ext('2027-01-31', '2027-03-31')], deadline: '2027-03-31' };
    expect(I(only('office'), open, after)).toEqual([`${loc(after).lineOf(['deadline'])}: 【deadline-changed】落实时限从 2026-12-31 改为 2027-03-31，但没有追加相应的延期记录`]);
  });

  it('an extra entry beside one chained to the old deadline is refused too: one extension per commit', () => {
    const after = { ...open, extensions: [ext('2026-12-31', '2027-01-31'), ext('2026-12-31', '2027-03-31')], deadline: '2027-03-31' };
    expect(I(only('office'), open, after)).toEqual([`${loc(after).lineOf(['deadline'])}: 【deadline-changed】落实时限从 2026-12-31 改为 2027-03-31，但没有追加相应的延期记录`]);
  });

  it('the deadline moved with no entry at all', () => {
    expect(I(only('office'), once, { ...once, deadline: '2027-02-28' })).toEqual([`${loc(once).lineOf(['deadline'])}: 【deadline-changed】落实时限从 2027-01-31 改为 2027-02-28，但没有追加相应的延期记录`]);
  });
});

describe('退回重办: exactly one return entry with the return', () => {
  it('two entries with one return are refused at the list', () => {
    const ret = (d: string) => ({ date: d, by: 'only-main-leader', reason: '重新核实。' });
    const after = { ...itemAt('superior', 'in_progress'), returns: [ret('2026-04-20'), ret('2026-04-21')] };
    const line = loc(after).lineOf(['returns']);
    expect(line).not.toBe(loc(after).lineOf(['state']));
    expect(I(only('office'), itemAt('superior', 'reported'), after)).toEqual([`${line}: 【return-reason】退回重办时须在 returns 中追加一条记录（日期、退回人、原因）`]);
  });
});

describe('the office’s files', () => {
  it('the config file is the office’s, and named so', () => {
    expect(text(officeRecordIssues(changeInput(only('leader'), 'M', 'config', 'records/config.yml'), undefined, undefined))).toEqual(['1: 【wrong-committer】“修改配置文件”须由考核督查办提交，而提交者 only-leader 的角色是分管/主管领导']);
    expect(text(officeRecordIssues(changeInput(only('office'), 'D', 'config', 'records/config.yml'), undefined, undefined))).toEqual(['1: 【record-deleted】删除了配置文件：records/config.yml']);
  });

  it('a report that does not load is left to the file check; the office reports for any unit', () => {
    const RF = 'records/items/2026/DB-2026-0001/reports/2026-04-20-urban.md';
    expect(reportChangeIssues(changeInput(only('unit', 'env'), 'A', 'report', RF), undefined)).toEqual([]);
    const r = loadLedger([{ path: RF, text: recordText({ date: '2026-04-20', unit: 'urban', by: 'only-office', progress: 'p' }) }]).ledger.reports[0]!;
    // the office reports for any unit, also a person who is office and unit at once
    expect(reportChangeIssues(changeInput({ ...only('unit', 'env'), roles: ['unit', 'office'] }, 'A', 'report', RF), r)).toEqual([]);
    expect(reportChangeIssues(changeInput(only('office'), 'A', 'report', RF), loadLedger([{ path: RF, text: recordText({ date: '2026-04-20', unit: 'urban', by: 'only-office', progress: 'p' }) }]).ledger.reports[0]!)).toEqual([]);
  });
});

describe('a new version that does not load', () => {
  it('an item edited into something that does not load: nothing to compare here; deleted: refused', () => {
    expect(itemChangeIssues(changeInput(only('office'), 'M'), loc(open), undefined)).toEqual([]);
    expect(text(itemChangeIssues(changeInput(only('office'), 'D'), loc(open), undefined))).toEqual([`1: 【record-deleted】删除了督办事项：${FILE}`]);
  });
});

describe('what the history check leaves to the tree check', () => {
  it('a registry or document edited into something that does not load: nothing to compare here', () => {
    for (const kind of ['people', 'units', 'config', 'notice', 'plan', 'bulletin', 'meeting', 'adjustment'] as const) {
      expect(officeRecordIssues(changeInput(only('office'), 'M', kind, `records/${kind}.yml`), undefined, undefined), kind).toEqual([]);
    }
  });

  it('a step of another kind carried by an item: no role to hold it to here; the tree check refuses the field', () => {
    const v = itemAt('superior', 'registered', { approval: STEP_VALUES.approval });
    expect(itemChangeIssues(changeInput(only('office'), 'A'), undefined, loc(v))).toEqual([]);
    expect(treeIssues({ [FILE]: itemText(v) }).map((i) => `${i.code} ${i.line}: ${i.message}`)).toEqual([`field-kind ${loc(v).lineOf(['approval'])}: “上级督查”事项没有 “approval”（主要领导批准）这一环节`]);
  });
});
