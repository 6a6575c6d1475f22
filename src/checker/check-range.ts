/**
 * The history check: which commits to judge (a range, the whole history
 * from `git.baseline`, or a new branch's commits not on any existing
 * branch or tag), then the engine (`commit-check.ts`) judges each against
 * its parents in one pass over Git.
 */
import { readFileSync } from 'node:fs';
import { issue, type Issue } from '../domain/issues.ts';
import type { Pusher } from '../domain/identity.ts';
import { configPath, RECORDS_DIR } from '../format/layout.ts';
import { cacheDir, readCache, writeCache } from '../io/cache/store.ts';
import { BlobReader } from '../io/git/cat-file.ts';
import { isAncestor, repoFacts } from '../io/git/repo.ts';
import { revList } from '../io/git/rev-list.ts';
import { checkCommits, type CommitsResult } from './commit-check.ts';
import { buildRegistries } from './registries.ts';

export interface RangeOptions {
  /** `BASE..HEAD`; or a single revision: its commits not reachable from any existing branch or tag (new branch). */
  range?: string;
  /** Whole history from the root (or config `git.baseline`) to `head`. */
  all?: boolean;
  /** With `all`: the tip to check (default HEAD). */
  head?: string;
  /** For a single revision: exclude commits reachable from existing branches and tags. */
  excludeExisting?: boolean;
  /** The account that pushed (a server hook). */
  pusher?: Pusher;
}

export interface RangeResult {
  issues: Issue[];
  commits: number;
  changes: number;
}

/** What an existing branch or tag reaches was checked when it landed (forge-internal refs were not). */
export const CHECKED_REFS = ['--branches', '--tags'];

export function shallowCommits(gitDir: string): Set<string> {
  try {
    return new Set(readFileSync(`${gitDir}/shallow`, 'utf8').split('\n').filter(Boolean));
  } catch {
    return new Set();
  }
}

export async function checkRange(repoDir: string, opts: RangeOptions): Promise<RangeResult> {
  // one cat-file process for the whole run (the config lookup of --all
  // included), closed on every way out
  const reader = new BlobReader(repoDir);
  try {
    return await runRange(repoDir, opts, reader);
  } finally {
    reader.close();
  }
}

async function runRange(repoDir: string, opts: RangeOptions, reader: BlobReader): Promise<RangeResult> {
  const repoFile = { file: RECORDS_DIR, line: 1 };
  const fail = (code: 'bad-revision' | 'shallow-clone' | 'not-a-repository', params: Record<string, string>): RangeResult => ({ issues: [issue(code, repoFile, params)], commits: 0, changes: 0 });
  const [rangeBase, rangeHead] = opts.range?.includes('..') ? opts.range.split(/\.\.\.?/) : [undefined, undefined];
  const wanted = opts.all ? [opts.head ?? 'HEAD'] : rangeBase !== undefined ? [rangeBase, rangeHead || 'HEAD'] : opts.range ? [opts.range] : [];
  const facts = await repoFacts(repoDir, wanted);
  if (!facts.gitDir) return fail('not-a-repository', { dir: repoDir });
  const shallow = facts.shallow ? shallowCommits(facts.gitDir) : new Set<string>();

  let revs: string[];
  if (opts.all) {
    const headSha = facts.commits[0];
    if (!headSha) return fail('bad-revision', { rev: wanted[0]! });
    if (shallow.size) return fail('shallow-clone', { what: '最早可见提交' });
    const cfgText = await reader.read(`${headSha}:${configPath()}`);
    const baseline = cfgText ? buildRegistries({ config: cfgText }).ledger.config?.value.git.baseline : undefined;
    revs = baseline ? [`${baseline}..${headSha}`] : [headSha];
    return checkAll(repoDir, reader, { head: headSha, baseline, revs, shallow, gitDir: facts.gitDir });
  } else if (rangeBase !== undefined) {
    const [base, head] = facts.commits;
    if (!head) return fail('bad-revision', { rev: wanted[1]! });
    if (!base) return shallow.size ? fail('shallow-clone', { what: rangeBase }) : fail('bad-revision', { rev: rangeBase });
    revs = [`${base}..${head}`];
  } else if (opts.range) {
    const head = facts.commits[0];
    if (!head) return fail('bad-revision', { rev: opts.range });
    revs = opts.excludeExisting ? [head, '--not', ...CHECKED_REFS] : [head];
  } else {
    return fail('bad-revision', { rev: '（未指定）' });
  }
  return checkCommits(repoDir, reader, { revs, shallow, pusher: opts.pusher });
}

/** The whole history's verdict as of a commit (history-check.json in the ledger's cache). */
interface AllCache {
  head: string;
  baseline: string | null;
  commits: number;
  changes: number;
  issues: Issue[];
}

const ALL_CACHE = 'history-check.json';

/**
 * A commit's verdict depends only on the commit and its ancestors (a commit
 * id names them all) and on the code judging it: so the verdict of the
 * history up to an earlier check's tip is reused and only the commits since
 * are judged — when that tip is an ancestor of this one, the baseline is
 * the same and no verdict rested on the machine's signature setup. Issues
 * come out in the order a full pass gives them.
 */
async function checkAll(repoDir: string, reader: BlobReader, o: { head: string; baseline?: string; revs: string[]; shallow: Set<string>; gitDir: string }): Promise<RangeResult> {
  const dir = o.shallow.size ? undefined : cacheDir(repoDir, o.gitDir);
  const baseline = o.baseline ?? null;
  const prior = readCache<AllCache>(dir, ALL_CACHE);
  const keep = (r: CommitsResult) => !r.signed && r.issues.every((i) => i.commit);
  if (prior && prior.baseline === baseline) {
    if (prior.head === o.head) return { issues: prior.issues, commits: prior.commits, changes: prior.changes };
    if (await isAncestor(repoDir, prior.head, o.head)) {
      const more = await checkCommits(repoDir, reader, { revs: [o.head, '--not', prior.head, ...(o.baseline ? [o.baseline] : [])], shallow: o.shallow });
      let issues = [...prior.issues, ...more.issues];
      if (new Set(issues.map((i) => i.commit?.sha)).size > 1) issues = await inLogOrder(repoDir, o.revs, issues);
      const r = { issues, commits: prior.commits + more.commits, changes: prior.changes + more.changes };
      if (keep(more)) writeCache(dir, ALL_CACHE, { head: o.head, baseline, ...r } satisfies AllCache);
      return r;
    }
  }
  const r = await checkCommits(repoDir, reader, { revs: o.revs, shallow: o.shallow });
  if (keep(r)) writeCache(dir, ALL_CACHE, { head: o.head, baseline, issues: r.issues, commits: r.commits, changes: r.changes } satisfies AllCache);
  return { issues: r.issues, commits: r.commits, changes: r.changes };
}

/** Issues in the order of their commits in `git log --reverse --topo-order` of `revs` (one rev-list), each commit's own order kept. */
async function inLogOrder(repoDir: string, revs: string[], issues: Issue[]): Promise<Issue[]> {
  const order = new Map((await revList(repoDir, ['--reverse', '--topo-order', ...revs])).map((sha, i) => [sha, i]));
  const at = (i: Issue) => order.get(i.commit?.sha ?? '') ?? -1;
  return issues.map((i, k) => ({ i, k })).sort((a, b) => at(a.i) - at(b.i) || a.k - b.k).map((x) => x.i);
}
