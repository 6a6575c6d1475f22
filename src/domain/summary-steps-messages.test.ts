/**
 * What a refused change to a 督查汇报 says, and where (issue 7 part 11), over
 * documents parsed by the format layer so every issue carries its real
 * line: a step rewritten, anything changed once the last step
 * (按批示修改定稿) landed, the text changed after the main leader's
 * instruction without the revision, who may add each step and who may edit
 * the document itself. The body's text counts, not the blank lines around it.
 */
import { describe, expect, it } from 'vitest';
import { loadLedger } from '../format/load-ledger.ts';
import { recordText } from '../format/serialise.ts';
import { changeInput, only, SUMMARY_FILE, SUMMARY_STEPS, summaryUpTo } from '../../tests/support/table-items.ts';
import type { Issue } from './issues.ts';
import type { Located } from './ledger.ts';
import type { Person } from './schemas/people.ts';
import { officeRecordIssues } from './transitions.ts';

const F = SUMMARY_FILE;
type Rec = Record<string, unknown>;
const STEPS = SUMMARY_STEPS;
const base = { id: 'HB-2026-001', title: '关于背街小巷整治落实情况的汇报', item: 'DB-2026-0001', to: '区委督查室' };
const upTo = (n: number): Rec => summaryUpTo(base, n);
const doc = (v: Rec, body: string) => loadLedger([{ path: F, text: recordText(v, body) }]).ledger.summaries[0]! as Located<{ id?: string }>;
const BODY = '汇报正文。\n';
/** What staff read: `line: 【code】message`. */
const text = (issues: Issue[]) => issues.map((i) => `${i.line}: 【${i.code}】${i.message}`);
const change = (by: Person, before: Rec | undefined, after: Rec, bodies: [string, string] = [BODY, BODY]) =>
  text(officeRecordIssues(changeInput(by, before ? 'M' : 'A', 'summary', F), before && doc(before, bodies[0]), doc(after, bodies[1])));

describe('a 督查汇报 refused, and where', () => {
  it('a step rewritten points at the step and names it', () => {
    const lines = change(only('office'), upTo(2), { ...upTo(2), reviewed: { ...STEPS.reviewed, opinion: '改过的意见。' } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\d+: 【rewritten-history】/);
    expect(lines[0]).toContain('督查汇报的“分管考核督查领导审阅”');
    const at = doc(upTo(2), BODY).lineOf(['reviewed']);
    expect(lines[0]!.startsWith(`${at}: `)).toBe(true);
  });

  it('once revised, a changed field is refused at that field, the text at the revision', () => {
    const full = upTo(4);
    const title = change(only('office'), full, { ...full, title: '新标题' });
    expect(title).toHaveLength(1);
    expect(title[0]!.startsWith(`${doc(full, BODY).lineOf(['title'])}: 【rewritten-history】`)).toBe(true);
    expect(title[0]).toContain('title');
    expect(title[0]).toContain('已按批示修改定稿的督查汇报');
    const body = change(only('office'), full, full, [BODY, '改过的正文。\n']);
    expect(body).toHaveLength(1);
    expect(body[0]!.startsWith(`${doc(full, BODY).lineOf(['revised'])}: 【rewritten-history】`)).toBe(true);
    expect(body[0]).toContain('正文');
    expect(body[0]).toContain('已按批示修改定稿的督查汇报');
  });

  it('after the instruction the text changes only with the revision', () => {
    const instructed = upTo(3);
    const alone = change(only('office'), instructed, instructed, [BODY, '改过的正文。\n']);
    expect(alone).toHaveLength(1);
    expect(alone[0]!.startsWith(`${doc(instructed, BODY).bodyLine}: 【rewritten-history】`)).toBe(true);
    expect(alone[0]).toBe(`${doc(instructed, BODY).bodyLine}: 【rewritten-history】正文（督查汇报正文（“主要领导批示”之后只能随“按批示修改定稿”一起修改））已登记的内容被改动或删除`);
    expect(change(only('office'), instructed, upTo(4), [BODY, '按批示修改后的正文。\n'])).toEqual([]);
    // before the instruction the office edits the text freely
    expect(change(only('office'), upTo(2), upTo(2), [BODY, '改过的正文。\n'])).toEqual([]);
    expect(change(only('office'), upTo(1), upTo(1), [BODY, '改过的正文。\n'])).toEqual([]);
  });

  it('blank lines around the text are not a change of it', () => {
    expect(change(only('office'), upTo(3), upTo(3), [BODY, `\n${BODY}\n`])).toEqual([]);
    expect(change(only('office'), upTo(4), upTo(4), [BODY, `\n\n${BODY}`])).toEqual([]);
  });

  it('who adds a step: the roles of that step; who edits: the office', () => {
    expect(change(only('supervision_leader'), upTo(1), upTo(2))).toEqual([]);
    // a step added with an edit of the document: the edit needs the office too
    const edited = change(only('supervision_leader'), upTo(1), { ...upTo(2), title: '新标题' });
    expect(edited).toHaveLength(1);
    expect(edited[0]).toMatch(/^1: 【wrong-committer】“修改督查汇报”须由考核督查办提交/);
    const draft = change(only('unit'), upTo(1), upTo(1), [BODY, '改过的正文。\n']);
    expect(draft).toEqual([expect.stringMatching(/^1: 【wrong-committer】“修改督查汇报”须由考核督查办提交，而提交者 only-unit/)]);
  });

  it('a new 汇报 is its first step: judged by the roles of each step it carries, not as an edit', () => {
    expect(change(only('office'), undefined, upTo(1))).toEqual([]);
    const two = change(only('supervision_leader'), undefined, upTo(2));
    expect(two).toHaveLength(1);
    expect(two[0]).toContain('“起草督查汇报”须由考核督查办提交');
    expect(two[0]!.startsWith(`${doc(upTo(2), BODY).lineOf(['drafted'])}: `)).toBe(true);
  });
});
