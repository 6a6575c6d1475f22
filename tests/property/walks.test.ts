/**
 * Property (issue 7 part 10a): random legal walks over the workflow table —
 * items of the three kinds moved by random steps of the table, each by a
 * person holding a role it allows, built with the domain's own action code
 * (`walk.ts`) — written as real Git histories with fixed dates are accepted
 * by `check --all`, commit by commit. Bounded: a fixed seed (printed by
 * fast-check on failure, with the shrunk walk) and a fixed number of runs.
 * Over the runs, the walks take every edge of every workflow and every
 * amendment at least once, so the property says something about each.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/checker/format.ts';
import { AMENDMENTS, ITEM_KINDS, WORKFLOWS } from '../../src/domain/workflow.ts';
import { checkHistory } from './history.ts';
import { walk } from './walk.ts';

export const SEED = 20260701;
const RUNS = 40;

describe('random legal walks', () => {
  it('are accepted by check --all, and cover the whole table', async () => {
    const taken = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { minLength: 50, maxLength: 400 }), fc.integer({ min: 8, max: 60 }), fc.integer({ min: 1, max: 3 }), async (choices, steps, items) => {
        const { history, commits } = walk(choices, steps, items);
        for (const c of commits) taken.add(`${c.step.kind} ${c.step.action}`);
        const r = await checkHistory(history);
        expect(r.errors.map(formatIssue), commits.map((c) => `${c.date} ${c.by} ${c.message}`).join('\n')).toEqual([]);
        expect(r.commits).toBe(history.length);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    const missing = [
      ...ITEM_KINDS.flatMap((k) => WORKFLOWS[k].edges.map((e) => `${k} ${e.action}`)),
      ...Object.keys(AMENDMENTS).filter((a) => a !== 'report' && a !== 'edit').map((a) => `* ${a}`),
    ].filter((s) => (s.startsWith('* ') ? ![...taken].some((t) => t.endsWith(` ${s.slice(2)}`)) : !taken.has(s)));
    expect(missing).toEqual([]);
  });
});
