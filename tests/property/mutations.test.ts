/**
 * Property (issue 7 part 10b): a random single mutation of a legal history
 * (a random walk, `walk.ts`) is refused by `check --all` — or is provably
 * harmless, and then the test says which and why:
 *
 * - drop a step: the item's next state move now jumps over it → refused;
 *   harmless only when the table itself has the direct move (X → cancelled
 *   for any cancellable X, applied → merged): the later commit is then that
 *   move, and what the dropped step wrote is still held to the dropped
 *   step's role (`transitions-carried.test.ts`) and to its signers;
 * - reorder two state moves of one item: the first now jumps, the second
 *   goes back → refused, always (no pair of edges X→Y→Z of the table has
 *   both X→Z and Z→Y, checked below against the table);
 * - re-author a step to a person without its role (or to a stranger) →
 *   refused, `wrong-committer` (`unknown-author`) on that record;
 * - edit what landed — a step field, a list entry, a report, a 督查汇报's
 *   step — in a commit of its own → refused;
 * - merge two walks that each take one step on the same item (forked after
 *   a shared prefix, conflicts resolved to main's side) → refused, unless
 *   both sides wrote exactly the same files (the same step twice: the merge
 *   introduces nothing, each side was checked when it landed).
 *
 * Bounded runs with fixed seeds, printed by fast-check on failure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AMENDMENTS, DOCUMENTS, ITEM_KINDS, WORKFLOWS, findEdge, type Amendment, type ItemKind, type State } from '../../src/domain/workflow.ts';
import { itemPath } from '../../src/format/layout.ts';
import { loadLedger } from '../../src/format/load-ledger.ts';
import { recordText } from '../../src/format/serialise.ts';
import { checkHistory, checkMerge, REGISTRY_COMMIT, WALK_PEOPLE, type HistoryCommit, type WalkPersonId } from './history.ts';
import { Walk, walk, type WalkCommit } from './walk.ts';

const RUNS = 12;
const arbWalk = fc.record({
  choices: fc.array(fc.nat(), { minLength: 50, maxLength: 400 }),
  steps: fc.integer({ min: 10, max: 45 }),
  items: fc.integer({ min: 1, max: 3 }),
});
const codes = (errors: { code: string }[]) => [...new Set(errors.map((e) => e.code))].sort();
const history = (commits: WalkCommit[]): HistoryCommit[] => [REGISTRY_COMMIT, ...commits];

/** Index of the next commit after `k` that changes `file`. */
const nextTouching = (commits: WalkCommit[], k: number, file: string) => commits.findIndex((c, j) => j > k && file in c.files);
const isMove = (c: WalkCommit | undefined) => !!c && c.step.to !== undefined && c.step.from !== undefined && c.step.from !== null;

describe('a random single mutation of a legal history', () => {
  it('no two edges X→Y→Z of the table have both X→Z and Z→Y (so a swapped pair of moves is never legal)', () => {
    for (const kind of ITEM_KINDS) {
      for (const a of WORKFLOWS[kind].edges) {
        for (const b of WORKFLOWS[kind].edges.filter((e) => e.from === a.to && a.from)) {
          expect(!!findEdge(kind, a.from, b.to) && !!findEdge(kind, b.to, a.to), `${kind} ${a.from}→${a.to}→${b.to}`).toBe(false);
        }
      }
    }
  });

  it('dropping a step: refused, unless the table has the direct move', async () => {
    const harmless = new Set<string>();
    await fc.assert(
      fc.asyncProperty(arbWalk, fc.nat(), async (w, n) => {
        const { commits } = walk(w.choices, w.steps, w.items);
        const cands = commits.map((c, k) => ({ c, k, j: c.step.item ? nextTouching(commits, k, itemPath(c.step.item)) : -1 })).filter(({ c, j }) => isMove(c) && isMove(commits[j]));
        fc.pre(cands.length > 0);
        const { c, k, j } = cands[n % cands.length]!;
        const later = commits[j]!;
        const kind = c.step.kind!;
        if (findEdge(kind, c.step.from as State, later.step.to!)) {
          harmless.add(`${kind} ${c.step.from}→${c.step.to}→${later.step.to}`);
          return;
        }
        const r = await checkHistory(history(commits.filter((_, i) => i !== k)));
        expect(r.errors.filter((e) => e.file === itemPath(c.step.item!)).length, `dropped ${c.message}; ${later.message} now jumps`).toBeGreaterThan(0);
      }),
      { numRuns: RUNS, seed: 20260702 },
    );
    // the harmless ones are exactly moves the table allows directly
    for (const h of harmless) expect(h).toMatch(/→cancelled$|^special applied→approved→merged$/);
  });

  it('reordering two state moves of one item: refused', async () => {
    await fc.assert(
      fc.asyncProperty(arbWalk, fc.nat(), async (w, n) => {
        const { commits } = walk(w.choices, w.steps, w.items);
        const cands = commits.map((c, k) => ({ c, k, j: c.step.item ? nextTouching(commits, k, itemPath(c.step.item)) : -1 })).filter(({ c, j }) => isMove(c) && isMove(commits[j]));
        fc.pre(cands.length > 0);
        const { c, k, j } = cands[n % cands.length]!;
        const swapped = [...commits];
        swapped[k] = commits[j]!;
        swapped[j] = commits[k]!;
        const r = await checkHistory(history(swapped));
        expect(r.errors.filter((e) => e.file === itemPath(c.step.item!)).length, `${c.message} ⇄ ${commits[j]!.message}`).toBeGreaterThan(0);
      }),
      { numRuns: RUNS, seed: 20260703 },
    );
  });

  it('re-authoring a step to a person without its role, or to a stranger: refused on that record', async () => {
    await fc.assert(
      fc.asyncProperty(arbWalk, fc.nat(), fc.nat(), fc.boolean(), async (w, n, m, stranger) => {
        const { commits } = walk(w.choices, w.steps, w.items);
        const cands = commits.map((c, k) => ({ c, k, roles: rolesOf(c) })).filter((x) => x.roles);
        fc.pre(cands.length > 0);
        const { c, k, roles } = cands[n % cands.length]!;
        const without = (Object.keys(WALK_PEOPLE) as WalkPersonId[]).filter((p) => !WALK_PEOPLE[p].roles.some((r) => roles!.includes(r)));
        const by = stranger ? { name: '路人', email: 'lu.ren@example.com' } : without[m % without.length]!;
        const mutated: HistoryCommit[] = history(commits);
        mutated[k + 1] = { ...c, by };
        const r = await checkHistory(mutated);
        const here = r.errors.filter((e) => e.file in c.files).map((e) => e.code);
        expect(here, `${c.message} by ${typeof by === 'string' ? by : by.email}`).toContain(stranger ? 'unknown-author' : 'wrong-committer');
      }),
      { numRuns: RUNS, seed: 20260704 },
    );
  });

  it('editing a landed step field, list entry, report or 督查汇报 step: refused', async () => {
    await fc.assert(
      fc.asyncProperty(arbWalk, fc.nat(), async (w, n) => {
        const { commits } = walk(w.choices, w.steps, w.items);
        const finals = new Map<string, string>();
        for (const c of commits) for (const [p, t] of Object.entries(c.files)) if (t !== null) finals.set(p, t);
        const tampers = [...finals].flatMap(([path, text]) => tampersOf(path, text));
        fc.pre(tampers.length > 0);
        const t = tampers[n % tampers.length]!;
        const last = commits.at(-1)!.date;
        const r = await checkHistory([...history(commits), { by: 'wang-fang', date: last, message: `改动 ${t.what}`, files: { [t.path]: t.text } }]);
        expect(codes(r.errors.filter((e) => e.file === t.path)), t.what).toEqual(expect.arrayContaining([expect.stringMatching(/^(rewritten-history|frozen-item|report-edited)$/)]));
      }),
      { numRuns: RUNS, seed: 20260705 },
    );
  });

  it('merging two walks that each took one step on the same item: refused when a side’s change is lost; judged like either order when both are kept', async () => {
    const seen = { same: 0, conflicted: 0, clean: 0 };
    await fc.assert(
      fc.asyncProperty(arbWalk, fc.nat(), fc.array(fc.nat(), { minLength: 10, maxLength: 40 }), fc.array(fc.nat(), { minLength: 10, maxLength: 40 }), async (w, n, c2, c3) => {
        // two clerks take one step each on the same item, from the same history
        const fork = (cont: number[]) => {
          const x = new Walk(w.choices);
          x.run(w.steps, w.items);
          const before = x.commits.length;
          const ids = x.itemIds();
          x.feed(cont).run(1, w.items, ids[n % Math.max(ids.length, 1)] ?? '-');
          return { prefix: x.commits.slice(0, before), step: x.commits.slice(before) };
        };
        const a = fork(c2);
        const b = fork(c3);
        const [sa, sb] = [a.step[0], b.step[0]];
        fc.pre(!!sa && !!sb);
        const same = JSON.stringify(Object.entries(sa!.files).sort()) === JSON.stringify(Object.entries(sb!.files).sort());
        const date = sa!.date > sb!.date ? sa!.date : sb!.date;
        const m = await checkMerge(history(a.prefix), [sa!], [sb!], 'wang-fang', date);
        const what = `${sa!.message} | ${sb!.message}`;
        if (same) {
          // the same step twice: the merge introduces nothing, each side was checked when it landed
          seen.same++;
          expect(m.errors, what).toEqual([]);
        } else if (m.conflicted.length) {
          // resolved to main's side: the other side's landed change is gone
          seen.conflicted++;
          expect(m.errors.length, `${what}: ${m.conflicted.join(', ')} resolved to one side`).toBeGreaterThan(0);
        } else {
          // both changes kept: accepted exactly when each side's step is legal after the other's (the merge is order-free)
          seen.clean++;
          const [ab, ba] = await Promise.all([
            checkHistory([...history(a.prefix), sa!, { ...sb!, files: m.merged }]),
            checkHistory([...history(a.prefix), sb!, { ...sa!, files: m.merged }]),
          ]);
          expect(m.errors.length === 0, `${what}: merge ${codes(m.errors)}, ours then theirs ${codes(ab.errors)}, theirs then ours ${codes(ba.errors)}`).toBe(ab.errors.length === 0 && ba.errors.length === 0);
        }
      }),
      { numRuns: RUNS, seed: 20260706 },
    );
    // the runs see both kinds of merge
    expect(seen.conflicted > 0 && seen.clean > 0, JSON.stringify(seen)).toBe(true);
  }, 180_000);
});

/** The roles that may commit what `c` did (undefined: the registries). */
function rolesOf(c: WalkCommit): readonly string[] | undefined {
  const s = c.step;
  if (s.action.startsWith('summary-')) return DOCUMENTS.summary.steps!.find((x) => x.field === s.action.slice(8))!.committer;
  const a = (AMENDMENTS as Record<string, Amendment>)[s.action];
  if (a) return a.committer;
  const e = WORKFLOWS[s.kind as ItemKind]?.edges.find((x) => x.action === s.action && x.from === s.from && x.to === s.to);
  return e?.committer;
}

/** Ways to change what landed in `path` (its last version `text`). */
function tampersOf(path: string, text: string): { what: string; path: string; text: string }[] {
  const { ledger } = loadLedger([{ path, text }]);
  const out: { what: string; path: string; text: string }[] = [];
  const it = ledger.items[0];
  if (it) {
    const v = { ...(it.value as unknown as Record<string, unknown>) };
    for (const [k, x] of Object.entries(v)) {
      if (x && typeof x === 'object' && !Array.isArray(x) && 'date' in x && k !== 'source' && k !== 'flag') {
        out.push({ what: `${it.value.id} ${k}.date`, path, text: recordText({ ...v, [k]: { ...x, date: '2026-03-01' } }, it.body) });
      }
      if (Array.isArray(x) && x.length && typeof x[0] === 'object' && k !== 'leaders') {
        out.push({ what: `${it.value.id} ${k}[0]`, path, text: recordText({ ...v, [k]: [{ ...(x[0] as object), date: '2026-03-01' }, ...x.slice(1)] }, it.body) });
        out.push({ what: `${it.value.id} ${k} emptied`, path, text: recordText({ ...v, [k]: [] }, it.body) });
      }
    }
  }
  const rep = ledger.reports[0];
  if (rep) out.push({ what: `report ${rep.name}`, path, text: recordText({ ...rep.value, progress: `${rep.value.progress}（已改）` }, rep.body) });
  const sum = ledger.summaries[0];
  if (sum) out.push({ what: `督查汇报 ${sum.value.id} drafted`, path, text: recordText({ ...sum.value, drafted: { ...sum.value.drafted, date: '2026-03-01' } }, sum.body) });
  return out;
}
