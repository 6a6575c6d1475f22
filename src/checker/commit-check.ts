/**
 * The engine of the history check: every commit of a revision set judged
 * against its parents, in ONE pass — one streaming `git log`, one
 * `git cat-file --batch` for every version, one `git diff-tree --stdin` for
 * merges' further parents, and per batch of 400 commits at most one
 * `git rev-list` (merge bases before the range) and one `git grep` (records
 * naming a removed record). Never a process per commit or per record.
 *
 * Per commit: the paths it touched (safe, regular files, in the layout);
 * who made it (author, committer, signature, pusher); each changed record
 * by the workflow table (`domain/transitions.ts`; merges by
 * `domain/merge-rules.ts` against every parent and the merge base); then
 * the working tree's rules on the changed records, the records they refer
 * to, the records that still name a removed one, and, for document
 * numbers, their siblings — as of that commit.
 */
import { beijingDateOf } from '../domain/dates.ts';
import { RECORD_MODE, unsafePathComponent, type Change, type Commit } from '../domain/history.ts';
import { actingPerson, identityIssues, type Pusher } from '../domain/identity.ts';
import { issue, type CommitRef, type Issue } from '../domain/issues.ts';
import { emptyLedger, type Ledger, type Located } from '../domain/ledger.ts';
import { isDuplicateRegistration, mergeRecordIssues, nextFreeName, type Version } from '../domain/merge-rules.ts';
import { checkLedger } from '../domain/rules/index.ts';
import { docNumberIssues } from '../domain/rules/records.ts';
import { CommitGraph } from '../domain/commit-graph.ts';
import type { Item } from '../domain/schemas/item.ts';
import type { Person } from '../domain/schemas/people.ts';
import { itemChangeIssues, officeRecordIssues, reportChangeIssues, type ChangeInput } from '../domain/transitions.ts';
import { classifyPath, itemPath, RECORDS_DIR, reportsDir, type Classified } from '../format/layout.ts';
import { ITEM_ID_RE } from '../domain/schemas/common.ts';
import { BlobReader, treeEntries } from '../io/git/cat-file.ts';
import { filesNaming } from '../io/git/grep.ts';
import { GitError, logCommits } from '../io/git/log-stream.ts';
import { mergeBases } from '../io/git/merge-bases.ts';
import { MergeDiffReader } from '../io/git/merge-diffs.ts';
import { bulletinFiguresAt } from './bulletin-figures-at.ts';
import { mergePaths, unpaired } from './merge-versions.ts';
import { TreeReplay } from './tree-replay.ts';
import { buildRegistries, personOf, REGISTRY_KINDS, withRegistry, type Registries, type RegistryKind } from './registries.ts';
import { addToLedger, idOfPath, loadVersion, referencedPaths, withFields, type Loaded } from './versions.ts';

export interface CommitsOptions {
  /** Revision arguments for `git log` (e.g. `['a..b']`, `[tip, '--not', '--branches', '--tags']`). */
  revs: string[];
  /** Commits that are the roots of a shallow clone. */
  shallow: Set<string>;
  /** The account that pushed, when a server hook knows it. */
  pusher?: Pusher;
  /** Called with every commit as it streams by (before it is judged). */
  onCommit?: (c: Commit) => void;
  /** Parsed versions kept for reuse from one batch of commits to the next (default 10,000; tests set it small). */
  keepParsed?: number;
}

export interface CommitsResult {
  issues: Issue[];
  commits: number;
  changes: number;
  /**
   * Some commit was judged under `git.require_signed`: its verdict then
   * depends on the machine's signature setup (the allowed signers), not
   * only on the repository, so it is not kept in a cache.
   */
  signed: boolean;
}

const BATCH = 400;
const PREFIX = `${RECORDS_DIR}/`;
const repoFile = { file: RECORDS_DIR, line: 1 };
/** Records with an id that other records name (a removed one leaves them dangling). */
const NAMED_KINDS = new Set(['item', 'notice', 'plan', 'bulletin', 'meeting', 'summary', 'adjustment']);
/** Records whose document numbers must be unique across the ledger. */
const NUMBERED_KINDS = new Set(['notice', 'plan', 'bulletin']);
const REGULAR = new Set(['100644', '100755']);
const MODE_KINDS: Record<string, string> = { '100755': '可执行文件', '120000': '符号链接', '160000': '子模块', '040000': '文件夹' };

const classify = classifyPath;
const unsafe = unsafePathComponent;

/** One record a commit changed, normalised: a rename out of the checked set is a deletion. */
interface RecordChange {
  status: ChangeInput['status'];
  path: string;
  oldPath?: string;
  cls: Classified;
  oldCls?: Classified;
  oldBlob?: string;
  newBlob?: string;
}

/** A commit's work left for the batch's second round of reads. */
interface Pending {
  sha: string;
  ref: CommitRef;
  partial: Ledger;
  changed: Set<string>;
  /** Paths whose version as of this commit is context (or, in `recheck`, judged again). */
  ctx: Set<string>;
  /** The blob of each `ctx` path as of this commit, where the replayed tree knew it (null: no such file). */
  ctxBlobs?: Map<string, string | null>;
  recheck?: Set<string>;
  /** Ids this commit removed (records naming them are judged again). */
  removed: string[];
  numbered: boolean;
  out: Issue[];
}

export async function checkCommits(repoDir: string, reader: BlobReader, opts: CommitsOptions): Promise<CommitsResult> {
  const issues: Issue[] = [];
  const diffs = new MergeDiffReader(repoDir, PREFIX);
  const regsAt = new Map<string, Registries>();
  const registriesOf = async (sha: string | undefined): Promise<Registries> => {
    if (!sha) return buildRegistries({});
    const hit = regsAt.get(sha);
    if (hit) return hit;
    const [people, units, config] = await reader.readMany([`${sha}:${RECORDS_DIR}/people.yml`, `${sha}:${RECORDS_DIR}/units.yml`, `${sha}:${RECORDS_DIR}/config.yml`]);
    const r = buildRegistries({ people, units, config });
    regsAt.set(sha, r);
    return r;
  };

  // A file's old version in one commit is its new version in an earlier
  // one: parse each (blob, path) once. Bounded, and emptied only between
  // batches: a batch does not read the bytes of a version parsed already,
  // so emptying it mid-batch lost those versions (at 50,000 items a record
  // then read as new in the commit that changed it: illegal-transition
  // from （新登记）).
  const parsed = new Map<string, Loaded>();
  const keepParsed = opts.keepParsed ?? 10_000;
  const blobs = new Map<string, Uint8Array | null>();
  const version = (path: string, cls: Classified | null | undefined, blob: string | undefined): Loaded => {
    if (!cls || !blob) return { issues: [] };
    const key = `${blob}:${path}`;
    let v = parsed.get(key);
    if (!v) {
      v = loadVersion(path, cls, blobs.get(blob) ?? null);
      parsed.set(key, v);
    }
    return v;
  };

  // merge bases from the streamed graph (generation numbers), else one rev-list per batch
  const graph = new CommitGraph();
  // every record path's blob as of the commit being judged (tree-replay.ts): context read by blob id
  const tree = new TreeReplay();
  let count = 0;
  let changes = 0;
  let pusherReported = false;
  let signed = false;
  let batch: Commit[] = [];
  // per batch: each merge's base, and the base's blob of each path (`<base>:<path>` → oid)
  const bases = new Map<string, string | null>();
  const baseBlob = new Map<string, string | undefined>();

  const flush = async () => {
    const commits = batch;
    batch = [];
    if (parsed.size > keepParsed) parsed.clear(); // recent versions are the ones asked for again
    // ——— merges: diffs against further parents, merge bases ———
    const merges = commits.filter((c) => c.parents.length > 1);
    bases.clear();
    baseBlob.clear();
    if (merges.length) {
      const pairs = merges.flatMap((c) => c.parents.slice(1).map((parent) => ({ merge: c.sha, parent })));
      const answers = await diffs.diffs(pairs);
      let k = 0;
      for (const c of merges) c.mergeChanges = c.parents.slice(1).map(() => answers[k++] ?? []);
      const found = await mergeBases(repoDir, merges.map((c) => [c.parents[0]!, c.parents[1]!] as const), graph);
      merges.forEach((c, i) => bases.set(c.sha, found[i]!));
    }

    // ——— round 1: every version every commit needs ———
    const specs: string[] = [];
    // an old version is usually the new version of an earlier commit, parsed already
    const wantOld = (blob: string | undefined, path: string) => {
      if (blob && !parsed.has(`${blob}:${path}`)) specs.push(blob);
    };
    const want = (blob: string | undefined) => {
      if (blob) specs.push(blob);
    };
    const baseSpecs: string[] = [];
    for (const c of commits) {
      for (const ch of c.changes) {
        wantOld(ch.oldBlob, ch.oldPath ?? ch.path);
        want(ch.newBlob);
      }
      if (c.parents.length > 1) {
        for (const ch of (c.mergeChanges ?? []).flat()) {
          want(ch.oldBlob);
          want(ch.newBlob);
        }
        const base = bases.get(c.sha);
        if (base) for (const m of mergePaths(c)) if (classify(m.path)) baseSpecs.push(`${base}:${m.path}`);
      }
    }
    const got = await reader.readObjects([...specs, ...baseSpecs]);
    specs.forEach((s, i) => blobs.set(s, got[i]?.bytes ?? null));
    baseSpecs.forEach((s, i) => {
      const o = got[specs.length + i];
      baseBlob.set(s, o?.oid);
      if (o) blobs.set(o.oid, o.bytes);
    });

    const pending: Pending[] = [];
    const outs: Issue[][] = [];
    for (const c of commits) {
      count++;
      const out: Issue[] = [];
      outs.push(out);
      tree.step(c);
      if (opts.shallow.has(c.sha) && c.parents.length === 0) {
        out.push(issue('shallow-clone', repoFile, { what: c.sha.slice(0, 7) }));
        continue;
      }
      const p = await checkOne(c, out);
      if (!p) continue;
      pending.push(p);
      for (const path of p.ctx) {
        const blob = tree.blobAt(path);
        if (blob !== undefined) (p.ctxBlobs ??= new Map()).set(path, blob);
      }
    }

    // ——— round 2: records that name a removed one (its id in their text; an item's reports) ———
    const removing = pending.filter((p) => p.removed.length);
    const naming = await filesNaming(repoDir, removing.map((p) => p.sha), [...new Set(removing.flatMap((p) => p.removed))], PREFIX);
    const reportDirs = removing.flatMap((p) => p.removed.filter((id) => ITEM_ID_RE.test(id)).map((id) => ({ p, dir: reportsDir(id) })));
    const reportTrees = await reader.readObjects(reportDirs.map((x) => `${x.p.sha}:${x.dir}`));
    reportDirs.forEach(({ p, dir }, i) => {
      const t = reportTrees[i];
      if (t?.type === 'tree') for (const e of treeEntries(t)) naming.set(p.sha, (naming.get(p.sha) ?? new Set()).add(`${dir}/${e.name}`));
    });
    for (const p of removing) for (const path of naming.get(p.sha) ?? []) if (!p.changed.has(path) && classify(path)) (p.recheck ??= new Set()).add(path);
    const recheck = removing.flatMap((p) => [...(p.recheck ?? [])].map((path) => ({ p, path })));
    const recheckObjects = await reader.readObjects(recheck.map(({ p, path }) => `${p.sha}:${path}`));
    recheck.forEach(({ p, path }, i) => {
      const o = recheckObjects[i];
      if (o) blobs.set(o.oid, o.bytes);
      const cls = classify(path)!;
      const v = version(path, cls, o?.oid);
      // judged again as of this commit, its own reading problems already reported where it changed
      take(p, path, cls.kind, { located: v.located, issues: [] });
    });

    // ——— document numbers: the changed records' siblings (notices, plans, bulletins) ———
    const numberedTrees = pending.filter((p) => p.numbered);
    const trees = await reader.readObjects(numberedTrees.flatMap((p) => [`${p.sha}:${RECORDS_DIR}/notices`, `${p.sha}:${RECORDS_DIR}/plans`, `${p.sha}:${RECORDS_DIR}/bulletins`]));
    const siblings = new Map<string, { path: string; oid: string }[]>();
    const yearSpecs: { sha: string; dir: string }[] = [];
    numberedTrees.forEach((p, i) => {
      const list: { path: string; oid: string }[] = [];
      for (const [j, dir] of ['notices', 'plans'].entries()) {
        const t = trees[i * 3 + j];
        if (t?.type === 'tree') for (const e of treeEntries(t)) list.push({ path: `${RECORDS_DIR}/${dir}/${e.name}`, oid: e.oid });
      }
      const b = trees[i * 3 + 2];
      if (b?.type === 'tree') for (const e of treeEntries(b)) if (e.mode === '40000') yearSpecs.push({ sha: p.sha, dir: `${RECORDS_DIR}/bulletins/${e.name}` });
      siblings.set(p.sha, list);
    });
    const yearTrees = await reader.readObjects(yearSpecs.map((y) => `${y.sha}:${y.dir}`));
    yearSpecs.forEach((y, i) => {
      const t = yearTrees[i];
      if (t?.type === 'tree') for (const e of treeEntries(t)) siblings.get(y.sha)!.push({ path: `${y.dir}/${e.name}`, oid: e.oid });
    });
    const unread = [...new Set([...siblings.values()].flat().filter((s) => !parsed.has(`${s.oid}:${s.path}`)).map((s) => s.oid))];
    for (const o of await reader.readObjects(unread)) if (o) blobs.set(o.oid, o.bytes);

    // ——— the records the changed ones refer to, as of each commit: one read for the batch ———
    // (by blob id where the replayed tree knows it, and not at all when that version is parsed already;
    // else by `<commit>:<path>`)
    const ctx = pending.flatMap((p) => [...p.ctx].filter((path) => !p.changed.has(path)).map((path) => ({ p, path, blob: p.ctxBlobs?.get(path) })));
    const toRead = [...new Set(ctx.flatMap(({ p, path, blob }) => (blob === undefined ? [`${p.sha}:${path}`] : blob && !parsed.has(`${blob}:${path}`) ? [blob] : [])))];
    const objects = await reader.readObjects(toRead);
    const read = new Map(toRead.map((spec, i) => [spec, objects[i] ?? null]));
    for (const o of objects) if (o) blobs.set(o.oid, o.bytes);
    for (const { p, path, blob } of ctx) {
      const cls = classify(path);
      const oid = blob === undefined ? read.get(`${p.sha}:${path}`)?.oid : blob;
      // context records change rarely: parse each version once, by blob id
      const v = oid ? version(path, cls, oid) : undefined;
      if (v?.located) addToLedger(p.partial, cls!.kind, v.located);
    }
    for (const p of pending) {
      const found = checkLedger(p.partial, { files: p.changed });
      if (found.length) {
        const byFile = new Map(p.partial.items.map((r) => [r.file, r]));
        p.out.push(...found.map((i) => ({ ...(byFile.has(i.file) ? withFields([i], byFile.get(i.file))[0]! : i), commit: p.ref })));
      }
      // a bulletin stating figures is held to the whole ledger as of its commit (issue 9)
      const figured = new Set(p.partial.bulletins.filter((b) => b.value.figures && p.changed.has(b.file)).map((b) => b.file));
      if (figured.size) p.out.push(...(await bulletinFiguresAt(repoDir, p.sha, figured, reader)).map((i) => ({ ...i, commit: p.ref })));
      if (p.numbered) {
        const all = emptyLedger();
        all.notices = [...p.partial.notices];
        all.plans = [...p.partial.plans];
        all.bulletins = [...p.partial.bulletins];
        const seen = new Set([...all.notices, ...all.plans, ...all.bulletins].map((r) => r.file));
        for (const s of siblings.get(p.sha) ?? []) {
          const cls = classify(s.path);
          if (seen.has(s.path) || !cls) continue;
          const v = version(s.path, cls, s.oid);
          if (v.located) addToLedger(all, cls.kind, v.located);
        }
        p.out.push(...docNumberIssues(all).filter((i) => p.changed.has(i.file)).map((i) => ({ ...i, commit: p.ref })));
      }
    }
    for (const out of outs) issues.push(...out);
    reader.trimCache();
    blobs.clear();
  };

  /** One commit: paths, identity, every changed record; what is left for round 2. */
  const checkOne = async (c: Commit, out: Issue[]): Promise<Pending | undefined> => {
    const ref: CommitRef = { sha: c.sha, author: c.author.name, email: c.author.email, date: beijingDateOf(c.author.date) };
    const isMerge = c.parents.length > 1;
    const before = await registriesOf(c.parents[0]);
    let after = before;
    for (const ch of c.changes) {
      const cls = classify(ch.path);
      if (cls && REGISTRY_KINDS.has(cls.kind)) after = withRegistry(after, cls.kind as RegistryKind, ch.newBlob ? (blobs.get(ch.newBlob) ?? null) : null);
    }
    regsAt.set(c.sha, after);
    if (c.parents[0] && !isMerge) regsAt.delete(c.parents[0]); // keep memory flat on linear history
    // the author is looked up in the registry before the commit: no one adds himself and acts in one commit
    const authorRegs = c.parents.length ? before : after;
    const author = personOf(authorRegs, { email: c.author.email });
    const committer = personOf(authorRegs, { email: c.committer.email });
    const pusherPerson = opts.pusher ? personOf(authorRegs, { login: opts.pusher.login, email: opts.pusher.email }) : undefined;
    const automation = !!opts.pusher && [opts.pusher.login, opts.pusher.email].some((x) => x && authorRegs.automation.has(x.toLowerCase()));
    const pusher = opts.pusher ? { ...opts.pusher, person: pusherPerson, automation } : undefined;
    const actor = actingPerson(author, committer, pusher);
    const firstFile = c.changes[0]?.path ?? RECORDS_DIR;

    const partial = emptyLedger();
    partial.people = after.ledger.people;
    partial.units = after.ledger.units;
    partial.config = after.ledger.config;
    const p: Pending = { sha: c.sha, ref, partial, changed: new Set(), ctx: new Set(), removed: [], numbered: false, out };

    // ——— the paths themselves (against the first parent: what this commit brought in) ———
    let recordChanges = 0;
    for (const ch of c.changes) {
      const bad = unsafe(ch.path);
      if (bad !== undefined) {
        out.push(issue('unsafe-path', { file: ch.path, line: 1, commit: ref }, { path: ch.path, part: bad }));
        continue;
      }
      const cls = classify(ch.path);
      const oldCls = ch.oldPath ? classify(ch.oldPath) : cls;
      if (cls === undefined && oldCls === undefined) continue;
      recordChanges++;
      if (cls === null && ch.newBlob) out.push(issue('unknown-file', { file: ch.path, line: 1, commit: ref }, { path: ch.path }));
      if (cls && ch.newMode && ch.newMode !== RECORD_MODE) out.push(issue('file-mode', { file: ch.path, line: 1, commit: ref }, { mode: ch.newMode, kind: MODE_KINDS[ch.newMode] ?? '非普通文件' }));
    }
    changes += recordChanges;

    // ——— each changed record ———
    let introduced = false;
    if (isMerge) {
      const base = bases.get(c.sha) ?? null;
      for (const m of mergePaths(c)) {
        const cls = classify(m.path);
        if (!cls || unsafe(m.path) !== undefined) continue;
        const regular = !m.resultMode || REGULAR.has(m.resultMode);
        const v = (blob: string | undefined): Version => ({ blob, rec: version(m.path, cls, regular ? blob : undefined).located });
        const baseVersion = v(base ? baseBlob.get(`${base}:${m.path}`) : undefined);
        const parents = m.parents.map((blob, i) => ({ ...v(blob), sha: c.parents[i]! }));
        let nextFree: string | undefined;
        if (isDuplicateRegistration(baseVersion, parents)) nextFree = await nextFreeFor(c, m.path, cls.kind);
        const result = v(m.result);
        const r = mergeRecordIssues({ kind: cls.kind, file: m.path, commit: ref, commitDate: ref.date, merger: actor, result, parents, base: baseVersion, nextFree });
        out.push(...withFields(r.issues, result.rec));
        introduced ||= r.introduced;
        // re-judged by the tree rules: what differs from the first parent (what the merge brought in)
        if (m.result && m.result !== m.parents[0]) take(p, m.path, cls.kind, version(m.path, cls, regular ? m.result : undefined));
        else if (!m.result && NAMED_KINDS.has(cls.kind) && r.introduced) p.removed.push(idOfPath(cls)!);
      }
    } else {
      for (const rc of recordChangesOf(c.changes)) {
        const input: ChangeInput = { commit: ref, commitDate: ref.date, author: actor, status: rc.status, kind: rc.cls.kind, file: rc.path, oldFile: rc.oldPath };
        const regular = (mode: string | undefined) => !mode || REGULAR.has(mode);
        const oldV = version(rc.oldPath ?? rc.path, rc.oldCls ?? rc.cls, rc.oldBlob);
        const newV = rc.status === 'D' ? { issues: [] } : version(rc.path, rc.cls, regular(c.changes.find((x) => x.path === rc.path)?.newMode) ? rc.newBlob : undefined);
        const kind = rc.cls.kind;
        if (kind === 'item') {
          const found = itemChangeIssues(input, oldV.located as Located<Item> | undefined, newV.located as Located<Item> | undefined);
          if (found.length) out.push(...withFields(found, newV.located));
        }
        else if (kind === 'report') {
          const moved = rc.status === 'R' && rc.oldPath && rc.path.split('/').slice(0, 5).join('/') !== rc.oldPath.split('/').slice(0, 5).join('/');
          out.push(...reportChangeIssues(moved ? { ...input, status: 'M' } : input, newV.located as Located<never>));
        } else out.push(...officeRecordIssues(input, oldV.located as Located<{ id?: string }>, newV.located));
        if (rc.status === 'D' && NAMED_KINDS.has(kind)) p.removed.push(idOfPath(rc.cls)!);
        if (rc.status !== 'D') take(p, rc.path, kind, newV);
      }
    }

    // ——— who made it ———
    const touched = recordChanges > 0 || (isMerge && introduced);
    if (touched) {
      const cleanMerge = isMerge && !introduced;
      if ((c.parents.length ? before : after).requireSigned) signed = true;
      if (!author && !cleanMerge) out.push(issue('unknown-author', { file: firstFile, line: 1, commit: ref }, { name: c.author.name, email: c.author.email }));
      if (pusher && !pusher.person && !pusher.automation && !pusherReported && !cleanMerge) {
        pusherReported = true;
        out.push(issue('unknown-pusher', { file: firstFile, line: 1, commit: ref }, { login: pusher.login ?? pusher.email ?? '', source: pusher.source }));
      }
      const signerPerson = c.signer ? personOf(authorRegs, { signer: c.signer }) : undefined;
      out.push(
        ...identityIssues({
          commit: ref,
          file: firstFile,
          author,
          authorText: () => describe(author, c.author.name, c.author.email),
          committer,
          committerText: () => describe(committer, c.committer.name, c.committer.email),
          signature: c.signature,
          signer: c.signer,
          signerPerson,
          // the rule in force before the commit: a commit cannot switch it off for itself
          requireSigned: (c.parents.length ? before : after).requireSigned,
          pusher,
          cleanMerge,
        }),
      );
    }
    if (!p.ctx.size && !p.changed.size && !p.removed.length) return undefined;
    return p;
  };

  /** The next free id (or report name) for a record registered on two sides of a merge. */
  const nextFreeFor = async (c: Commit, path: string, kind: string): Promise<string | undefined> => {
    const dir = kind === 'item' ? path.split('/').slice(0, -2).join('/') : path.split('/').slice(0, -1).join('/');
    const trees = await reader.readObjects([c.sha, ...c.parents].map((sha) => `${sha}:${dir}`));
    const taken = trees.flatMap((t) => (t?.type === 'tree' ? treeEntries(t).map((e) => e.name) : []));
    return nextFreeName(kind as never, path, taken);
  };

  try {
    for await (const c of logCommits(repoDir, { revs: opts.revs, signatures: true, pathPrefix: PREFIX })) {
      graph.add(c.sha, c.parents);
      opts.onCommit?.(c);
      batch.push(c);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
  } catch (e) {
    if (e instanceof GitError) issues.push(issue('bad-revision', repoFile, { rev: `${opts.revs.join(' ')}（${e.stderr.trim().split('\n')[0]}）` }));
    else throw e;
  } finally {
    diffs.close();
  }
  return { issues, commits: count, changes, signed };
}

/** A version a commit leaves: its reading problems, the tree rules' attention, its references as context. */
function take(p: Pending, path: string, kind: string, v: Loaded) {
  p.out.push(...v.issues.map((i) => ({ ...i, commit: p.ref })));
  p.changed.add(path);
  if (!v.located || REGISTRY_KINDS.has(kind)) return;
  addToLedger(p.partial, kind, v.located);
  for (const r of referencedPaths(kind, path, v.located.value)) p.ctx.add(r);
  if (kind === 'report') p.ctx.add(itemPath(classify(path)!.itemId!));
  if (NUMBERED_KINDS.has(kind) && carriesNumber(v.located.value)) p.numbered = true;
}

/** A document number that must be unique: a notice's or a plan's 文号, a bulletin's running number. */
function carriesNumber(v: unknown): boolean {
  const r = v as { doc_no?: string; inspection_notice?: { doc_no?: string }; total?: number };
  return Boolean(r.doc_no || r.inspection_notice?.doc_no || r.total !== undefined);
}

function describe(p: Person | undefined, name: string, email: string): string {
  return p ? `${p.name}（${email}）` : `${name} <${email}>（不在名册中）`;
}

/**
 * The record changes of a commit, normalised: a rename whose new path is
 * not a record of the same kind (into a `_` folder, out of `records/`, to
 * another kind) is the old record's deletion plus, if the new path is a
 * record, an addition.
 */
function recordChangesOf(changes: Change[]): RecordChange[] {
  const out: RecordChange[] = [];
  for (const ch of changes) {
    if (unsafe(ch.path) !== undefined) continue;
    const cls = classify(ch.path);
    const oldCls = ch.oldPath ? classify(ch.oldPath) : cls;
    if (ch.status === 'R' && ch.oldPath && (!cls || !oldCls || cls.kind !== oldCls.kind)) {
      for (const part of unpaired([ch])) {
        const pc = classify(part.path);
        if (pc) out.push({ status: part.status as 'A' | 'D', path: part.path, cls: pc, oldBlob: part.oldBlob, newBlob: part.newBlob });
      }
      continue;
    }
    if (!cls) continue;
    const status = (ch.status === 'C' ? 'A' : ch.status === 'T' ? 'M' : ch.status) as ChangeInput['status'];
    out.push({ status, path: ch.path, oldPath: ch.oldPath, cls, oldCls: oldCls ?? undefined, oldBlob: ch.oldBlob, newBlob: ch.newBlob });
  }
  return out;
}
