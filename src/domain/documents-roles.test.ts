/**
 * The office's documents held as behaviour (issue 7 part 11): every step of
 * the 督查汇报 (drafted, reviewed, instructed, revised) committed by a person
 * of each role — accepted exactly for the roles the notice names
 * (`tests/support/expected-table.ts`) — every step written once, and every
 * other document (meeting record, notice, plan, bulletin, 加减分) created,
 * changed or deleted by the office only, the registries and config too.
 */
import { describe, expect, it } from 'vitest';
import { DOCUMENT_ROWS } from '../../tests/support/expected-table.ts';
import { changeInput, only, SUMMARY_FILE, SUMMARY_ORDER, SUMMARY_STEPS, summaryUpTo } from '../../tests/support/table-items.ts';
import type { Located } from './ledger.ts';
import { ROLES } from './schemas/people.ts';
import { summaryDoc } from './schemas/summary.ts';
import { officeRecordIssues, type ChangeInput } from './transitions.ts';

const F = SUMMARY_FILE;
const STEPS = SUMMARY_STEPS;
const ORDER = SUMMARY_ORDER;
const base = { id: 'HB-2026-001', title: '汇报', item: 'DB-2026-0001', to: '区委督查室' };
const upTo = (n: number) => summaryUpTo(base, n);
const doc = (v: Record<string, unknown>): Located<{ id?: string }> => ({ file: F, value: summaryDoc.parse(v), body: '正文。\n', bodyLine: 10, lineOf: () => 1 });
const summaryCodes = (before: Record<string, unknown> | undefined, after: Record<string, unknown>, role: (typeof ROLES)[number]) =>
  officeRecordIssues(changeInput(only(role), before ? 'M' : 'A', 'summary', F), before ? doc(before) : undefined, doc(after)).map((i) => i.code);

/** summary.<field> <action> | committers — from the hand-typed table. */
const STEP_COMMITTERS = Object.fromEntries(
  DOCUMENT_ROWS.filter((r) => r.startsWith('summary.')).map((r) => {
    const [head, committers] = r.split('|').map((x) => x.trim()) as [string, string];
    return [head.split(/[.\s]/)[1]!, committers.split(',')];
  }),
);

describe('the 督查汇报, step by step, by a person of each role', () => {
  ORDER.forEach((step, n) => {
    it(`${step}: only ${STEP_COMMITTERS[step]!.join('/')} may commit it`, () => {
      const before = n === 0 ? undefined : upTo(n);
      const verdicts = Object.fromEntries(ROLES.map((r) => [r, summaryCodes(before, upTo(n + 1), r)]));
      expect(verdicts).toEqual(Object.fromEntries(ROLES.map((r) => [r, STEP_COMMITTERS[step]!.includes(r) ? [] : ['wrong-committer']])));
    });
  });

  it('every step, once written, is never rewritten — whoever commits it', () => {
    const full = upTo(4);
    for (const step of ORDER) {
      for (const role of ['office', 'main_leader'] as const) {
        const rewritten = { ...full, [step]: { ...STEPS[step], date: '2026-03-22' } };
        expect(summaryCodes(full, rewritten, role), `${step} by ${role}`).toContain('rewritten-history');
      }
    }
  });

  it('a draft is edited by the office before the review; once revised, nothing changes', () => {
    expect(summaryCodes(upTo(1), { ...upTo(1), title: '新标题' }, 'office')).toEqual([]);
    expect(summaryCodes(upTo(1), { ...upTo(1), title: '新标题' }, 'unit')).toEqual(['wrong-committer']);
    expect(summaryCodes(upTo(4), { ...upTo(4), to: '市委督查室' }, 'office')).toEqual(['rewritten-history']);
  });
});

describe('the other documents and the registries', () => {
  const kinds: ChangeInput['kind'][] = ['meeting', 'notice', 'plan', 'bulletin', 'adjustment', 'people', 'units', 'config'];
  const rec = (file: string, v: Record<string, unknown>): Located<{ id?: string }> => ({ file, value: v as { id?: string }, body: '', bodyLine: 1, lineOf: () => 1 });
  for (const kind of kinds) {
    it(`${kind}: created and changed by the office only, never deleted`, () => {
      const file = `records/${kind}.md`;
      const v = { id: 'X-1', title: '原' };
      const verdict = (status: ChangeInput['status'], role: (typeof ROLES)[number]) =>
        officeRecordIssues(changeInput(only(role), status, kind, file), status === 'A' ? undefined : rec(file, v), status === 'D' ? undefined : rec(file, { ...v, title: '改' })).map((i) => i.code);
      for (const r of ROLES) {
        expect(verdict('A', r), `${kind} added by ${r}`).toEqual(r === 'office' ? [] : ['wrong-committer']);
        expect(verdict('M', r), `${kind} changed by ${r}`).toEqual(r === 'office' ? [] : ['wrong-committer']);
      }
      expect(verdict('D', 'office')).toEqual(['record-deleted']);
      // its id is its identity
      expect(officeRecordIssues(changeInput(only('office'), 'M', kind, file), rec(file, v), rec(file, { ...v, id: 'X-2' })).map((i) => i.code)).toContain('identity-changed');
    });
  }
});
