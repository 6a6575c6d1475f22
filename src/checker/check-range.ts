/**
 * The history check: every commit of a range (or the whole history) against
 * its parent, every changed record judged by the workflow table
 * (`domain/transitions.ts`) and by the same rules as the working tree, run
 * on the changed records plus the records they reference.
 *
 * Git is read in one pass: one streaming `git log` for all commits and one
 * `git cat-file --batch` process for every file version, in batches.
 */
import { readFileSync } from 'node:fs';
import { beijingDateOf } from '../domain/dates.ts';
import type { Commit } from '../domain/history.ts';
import { issue, type CommitRef, type Issue } from '../domain/issues.ts';
import { emptyLedger, type Ledger, type Located } from '../domain/ledger.ts';
import { checkLedger } from '../domain/rules/index.ts';
import { bulletinFiguresAt } from './bulletin-figures-at.ts';
import { CommitGraph } from '../domain/commit-graph.ts';
import type { Item } from '../domain/schemas/item.ts';
import type { Person } from '../domain/schemas/people.ts';
import { itemChangeIssues, officeRecordIssues, reportChangeIssues, type ChangeInput } from '../domain/transitions.ts';
import { STATE_LABELS } from '../domain/workflow.ts';
import { classifyPath, configPath, itemPath, peoplePath, RECORDS_DIR, unitsPath, type Classified } from '../format/layout.ts';
import { addRecord, loadOne, onlyRecord } from '../format/load-ledger.ts';
import { referencedPaths } from '../format/referenced-paths.ts';
import { BlobReader } from '../io/git/cat-file.ts';
import { GitError, logCommits } from '../io/git/log-stream.ts';
import { mergeBase, repoFacts } from '../io/git/repo.ts';

export interface RangeOptions {
  /** `BASE..HEAD`; or a single revision: its commits not reachable from any existing ref (new branch). */
  range?: string;
  /** Whole history from the root (or config `git.baseline`) to `head`. */
  all?: boolean;
  /** With `all`: the tip to check (default HEAD). */
  head?: string;
  /** For a new branch in a pre-receive hook: exclude commits reachable from existing refs. */
  excludeExisting?: boolean;
}

export interface RangeResult {
  issues: Issue[];
  commits: number;
  changes: number;
}

/** The registries as of one commit. */
interface Registries {
  ledger: Ledger;
  emails: Map<string, Person>;
  requireSigned: boolean;
}

const REGISTRY_KINDS = new Set(['people', 'units', 'config']);
const BATCH = 400;

function indexRegistries(ledger: Ledger): Registries {
  const emails = new Map<string, Person>();
  for (const p of ledger.people) for (const e of p.value.emails) emails.set(e, p.value);
  return { ledger, emails, requireSigned: ledger.config?.value.git.require_signed ?? false };
}

function buildRegistries(texts: { people?: Uint8Array | null; units?: Uint8Array | null; config?: Uint8Array | null }): Registries {
  const ledger = emptyLedger();
  const load = (kind: 'people' | 'units' | 'config', path: string) => {
    const t = texts[kind];
    if (t) loadOne(ledger, { path, text: t }, { kind });
  };
  load('people', peoplePath());
  load('units', unitsPath());
  load('config', configPath());
  return indexRegistries(ledger);
}

/** The registries after a commit changed one of them: rebuild that part, keep the rest. */
function withRegistry(regs: Registries, kind: 'people' | 'units' | 'config', text: Uint8Array | null): Registries {
  const fresh = buildRegistries({ [kind]: text }).ledger;
  const merged = emptyLedger();
  merged.people = kind === 'people' ? fresh.people : regs.ledger.people;
  merged.units = kind === 'units' ? fresh.units : regs.ledger.units;
  merged.config = kind === 'config' ? fresh.config : regs.ledger.config;
  return indexRegistries(merged);
}

interface Loaded {
  located?: Located<unknown>;
  issues: Issue[];
}

function loadVersion(path: string, cls: Classified, text: Uint8Array | null): Loaded {
  if (!text) return { issues: [] };
  const l = emptyLedger();
  const issues = loadOne(l, { path, text }, cls);
  const located: Located<unknown> | undefined =
    onlyRecord(l) ?? l.config ?? (l.people.length || l.units.length ? ({ file: path, value: {}, body: '', bodyLine: 1, lineOf: () => 1 } as Located<unknown>) : undefined);
  return { located, issues };
}

function shallowCommits(gitDir: string): Set<string> {
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
  const issues: Issue[] = [];
  const repoFile = { file: RECORDS_DIR, line: 1 };
  const [rangeBase, rangeHead] = opts.range?.includes('..') ? opts.range.split(/\.\.\.?/) : [undefined, undefined];
  const wanted = opts.all ? [opts.head ?? 'HEAD'] : rangeBase !== undefined ? [rangeBase, rangeHead || 'HEAD'] : opts.range ? [opts.range] : [];
  const facts = await repoFacts(repoDir, wanted);
  if (!facts.gitDir) return { issues: [issue('not-a-repository', repoFile, { dir: repoDir })], commits: 0, changes: 0 };
  const shallow = facts.shallow ? shallowCommits(facts.gitDir) : new Set<string>();

  // ——— which commits ———
  let revs: string[];
  if (opts.all) {
    const headSha = facts.commits[0];
    if (!headSha) return { issues: [issue('bad-revision', repoFile, { rev: wanted[0] })], commits: 0, changes: 0 };
    if (shallow.size) return { issues: [issue('shallow-clone', repoFile, { what: '最早可见提交' })], commits: 0, changes: 0 };
    const cfgText = await reader.read(`${headSha}:${configPath()}`);
    const baseline = cfgText ? buildRegistries({ config: cfgText }).ledger.config?.value.git.baseline : undefined;
    revs = baseline ? [`${baseline}..${headSha}`] : [headSha];
  } else if (rangeBase !== undefined) {
    const [base, head] = facts.commits;
    if (!head) return { issues: [issue('bad-revision', repoFile, { rev: wanted[1] })], commits: 0, changes: 0 };
    if (!base) {
      const what = shallow.size ? 'shallow-clone' : 'bad-revision';
      return { issues: [issue(what, repoFile, { rev: rangeBase, what: rangeBase })], commits: 0, changes: 0 };
    }
    revs = [`${base}..${head}`];
  } else if (opts.range) {
    const head = facts.commits[0];
    if (!head) return { issues: [issue('bad-revision', repoFile, { rev: opts.range })], commits: 0, changes: 0 };
    revs = opts.excludeExisting ? [head, '--not', '--all'] : [head];
  } else {
    return { issues: [issue('bad-revision', repoFile, { rev: '（未指定）' })], commits: 0, changes: 0 };
  }

  const regsAt = new Map<string, Registries>();
  const registriesOf = async (sha: string | undefined): Promise<Registries> => {
    if (!sha) return buildRegistries({});
    const hit = regsAt.get(sha);
    if (hit) return hit;
    const [people, units, config] = await reader.readMany([`${sha}:${peoplePath()}`, `${sha}:${unitsPath()}`, `${sha}:${configPath()}`]);
    const r = buildRegistries({ people, units, config });
    regsAt.set(sha, r);
    return r;
  };

  // A file's old version in one commit is its new version in an earlier
  // one: parse each (blob, path) once.
  const parsed = new Map<string, Loaded>();
  const parsedVersion = (path: string, cls: Classified, blob: string, blobs: Map<string, Uint8Array | null>): Loaded => {
    const key = `${blob}:${path}`;
    let v = parsed.get(key);
    if (!v) {
      if (parsed.size > 50_000) parsed.clear();
      v = loadVersion(path, cls, blobs.get(blob) ?? null);
      parsed.set(key, v);
    }
    return v;
  };
  // merge bases from the streamed graph, not a git process per merge
  const graph = new CommitGraph();
  let count = 0;
  let changes = 0;
  let batch: Commit[] = [];
  const flush = async () => {
    const commits = batch;
    batch = [];
    // phase 1: every old and new version of every changed record in the batch
    const specs: string[] = [];
    for (const c of commits) for (const ch of c.changes) {
      if (ch.oldBlob && !parsed.has(`${ch.oldBlob}:${ch.oldPath ?? ch.path}`)) specs.push(ch.oldBlob);
      if (ch.newBlob) specs.push(ch.newBlob);
    }
    const blobs = new Map<string, Uint8Array | null>();
    const got = await reader.readMany(specs);
    specs.forEach((s, i) => blobs.set(s, got[i] ?? null));

    interface Pending {
      sha: string;
      ref: CommitRef;
      partial: Ledger;
      changed: Set<string>;
      ctx: string[];
      out: Issue[];
    }
    const pending: Pending[] = [];
    const outs: Issue[][] = [];
    for (const c of commits) {
      count++;
      const out: Issue[] = [];
      outs.push(out);
      if (shallow.has(c.sha) && c.parents.length === 0) {
        out.push(issue('shallow-clone', repoFile, { what: c.sha.slice(0, 7) }));
        continue;
      }
      const ref: CommitRef = { sha: c.sha, author: c.author.name, email: c.author.email, date: beijingDateOf(c.author.date) };
      const before = await registriesOf(c.parents[0]);
      let after = before;
      for (const ch of c.changes) {
        const cls = classifyPath(ch.path);
        if (cls && REGISTRY_KINDS.has(cls.kind)) after = withRegistry(after, cls.kind as 'people' | 'units' | 'config', ch.newBlob ? blobs.get(ch.newBlob) ?? null : null);
      }
      regsAt.set(c.sha, after);
      if (c.parents[0]) regsAt.delete(c.parents[0]); // keep memory flat on linear history
      const authorRegs = c.parents.length ? before : after;
      const author = authorRegs.emails.get(c.author.email);
      const firstFile = c.changes[0]?.path ?? RECORDS_DIR;
      if (c.changes.length && !author) {
        out.push(issue('unknown-author', { file: firstFile, line: 1, commit: ref }, { name: c.author.name, email: c.author.email }));
      }
      if (after.requireSigned && !['G', 'U'].includes(c.signature)) {
        out.push(issue('unsigned-commit', { file: firstFile, line: 1, commit: ref }, { status: c.signature || 'N' }));
      }
      const isMerge = c.parents.length > 1;
      const partial = emptyLedger();
      partial.people = after.ledger.people;
      partial.units = after.ledger.units;
      partial.config = after.ledger.config;
      const changed = new Set<string>();
      const contextPaths = new Set<string>();
      for (const ch of c.changes) {
        const cls = classifyPath(ch.path);
        const oldCls = ch.oldPath ? classifyPath(ch.oldPath) : cls;
        if (cls === undefined && oldCls === undefined) continue;
        changes++;
        if (cls === null) {
          if (ch.status !== 'D') out.push(issue('unknown-file', { file: ch.path, line: 1, commit: ref }, { path: ch.path }));
          continue;
        }
        const kind = (cls ?? oldCls)!.kind;
        const status = (ch.status === 'C' ? 'A' : ch.status === 'T' ? 'M' : ch.status) as ChangeInput['status'];
        const input: ChangeInput = {
          commit: ref,
          commitDate: ref.date,
          author: isMerge ? undefined : author,
          status,
          kind,
          file: ch.path,
          oldFile: ch.oldPath,
        };
        const oldV = oldCls && ch.oldBlob ? parsedVersion(ch.oldPath ?? ch.path, oldCls, ch.oldBlob, blobs) : { issues: [] };
        const newV = cls && ch.newBlob && status !== 'D' ? parsedVersion(ch.path, cls, ch.newBlob, blobs) : { issues: [] };
        out.push(...newV.issues.map((i) => ({ ...i, commit: ref })));
        if (status !== 'D') changed.add(ch.path);
        if (kind === 'item') {
          const o = oldV.located as Located<Item> | undefined;
          const n = newV.located as Located<Item> | undefined;
          if (isMerge && c.parents[1]) out.push(...(await mergeIssues(graph, repoDir, reader, c, ch.path, o, n, input)));
          else out.push(...itemChangeIssues(input, o, n));
        } else if (kind === 'report') {
          if (status === 'R' && ch.oldPath && ch.path.split('/').slice(0, 3).join('/') !== ch.oldPath.split('/').slice(0, 3).join('/')) {
            out.push(...reportChangeIssues({ ...input, status: 'M' }, undefined));
          } else if (!isMerge) out.push(...reportChangeIssues(input, newV.located as Located<never>));
        } else if (!isMerge) {
          out.push(...officeRecordIssues(input, oldV.located as Located<{ id?: string }>, newV.located));
        }
        if (newV.located && !REGISTRY_KINDS.has(kind)) {
          addRecord(partial, kind, newV.located);
          for (const p of referencedPaths(kind, ch.path, newV.located.value)) contextPaths.add(p);
          if (kind === 'report') contextPaths.add(itemPath(cls!.itemId!));
        }
      }
      const ctx = [...contextPaths].filter((p) => !changed.has(p));
      if (ctx.length || changed.size) pending.push({ sha: c.sha, ref, partial, changed, ctx, out });
    }
    // phase 2: the records the changed ones refer to, as of each commit — one
    // batch for the whole batch of commits, not a round trip per commit
    const specs2 = pending.flatMap((p) => p.ctx.map((path) => `${p.sha}:${path}`));
    const objects2 = await reader.readObjects(specs2);
    let k = 0;
    for (const p of pending) {
      for (const path of p.ctx) {
        const cls = classifyPath(path);
        const o = objects2[k++];
        // context records change rarely: parse each version once, by blob id
        const v = cls && o ? parsedVersion(path, cls, o.oid, new Map([[o.oid, o.bytes]])) : undefined;
        if (v?.located) addRecord(p.partial, cls!.kind, v.located);
      }
      p.out.push(...checkLedger(p.partial, { files: p.changed }).map((i) => ({ ...i, commit: p.ref })));
      // a bulletin stating figures is held to the whole ledger as of its commit (issue 9)
      const figured = new Set(p.partial.bulletins.filter((b) => b.value.figures && p.changed.has(b.file)).map((b) => b.file));
      if (figured.size) p.out.push(...(await bulletinFiguresAt(repoDir, p.sha, figured, reader)).map((i) => ({ ...i, commit: p.ref })));
    }
    for (const out of outs) issues.push(...out);
    reader.trimCache();
  };

  try {
    for await (const c of logCommits(repoDir, { revs, signatures: true, pathPrefix: `${RECORDS_DIR}/` })) {
      graph.add(c.sha, c.parents);
      batch.push(c);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
  } catch (e) {
    if (e instanceof GitError) issues.push(issue('bad-revision', repoFile, { rev: `${revs.join(' ')}（${e.stderr.trim().split('\n')[0]}）` }));
    else throw e;
  }
  return { issues, commits: count, changes };
}

/** A merge brought an item in: reject when both sides moved it differently. */
async function mergeIssues(
  graph: CommitGraph,
  repoDir: string,
  reader: BlobReader,
  c: Commit,
  path: string,
  ours: Located<Item> | undefined,
  merged: Located<Item> | undefined,
  input: ChangeInput,
): Promise<Issue[]> {
  const theirsSha = c.parents[1]!;
  const base = graph.mergeBase(c.parents[0]!, theirsSha) ?? (await mergeBase(repoDir, c.parents[0]!, theirsSha));
  const [baseText, theirsText] = await reader.readMany([base ? `${base}:${path}` : '', `${theirsSha}:${path}`]);
  const cls = classifyPath(path)!;
  const baseV = loadVersion(path, cls, baseText ?? null).located as Located<Item> | undefined;
  const theirs = loadVersion(path, cls, theirsText ?? null).located as Located<Item> | undefined;
  if (!merged) return itemChangeIssues(input, ours, merged);
  const out: Issue[] = [];
  const baseState = baseV?.value.state;
  if (ours && theirs && ours.value.state !== baseState && theirs.value.state !== baseState && ours.value.state !== theirs.value.state) {
    out.push(
      issue('merge-conflict', { file: path, line: merged.lineOf(['state']), commit: input.commit }, {
        a: `${ours.value.state}（${STATE_LABELS[ours.value.state]}）`,
        b: `${theirs.value.state}（${STATE_LABELS[theirs.value.state]}）`,
      }),
    );
    return out;
  }
  // the merge result must be a legal change from each side it came from
  for (const side of [ours, theirs]) {
    if (!side || JSON.stringify(side.value) === JSON.stringify(merged.value)) continue;
    out.push(...itemChangeIssues({ ...input, author: undefined, status: 'M' }, side, merged));
  }
  return out;
}
