/**
 * One action, one commit, all or nothing. Under Git's index lock the new
 * files are hashed into a private object quarantine (as a pre-receive hook
 * sees a push), committed on top of HEAD (only the folders on the changed
 * paths made anew, their tree objects written in one process), and the
 * candidate is judged by the caller (the range check the hook runs). Only a
 * commit that passes lands: its objects move into the repository, the
 * branch moves by compare-and-swap, the files are written (each by rename,
 * never half) and the index is replaced through its lock. A refusal, a dry
 * run or a crash before that leaves working tree, index and history as they
 * were.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BlobReader } from '../git/cat-file.ts';
import { gitRun } from './git-run.ts';
import { treeEntries } from './names-on-refs.ts';
import { IndexLock, NotReadyError, dirtyFiles, repoState, untrackedAt, type RepoState } from './repo-state.ts';

export interface FileChange {
  /** Repository-relative path. */
  path: string;
  /** A record's text, or an attachment's bytes. */
  text: string | Uint8Array;
}

export interface Change {
  files: FileChange[];
  message: string;
  author: { name: string; email: string };
}

export interface Candidate {
  state: RepoState;
  /** The commit made, not yet on any branch. */
  commit: string;
  /** The commit's environment: its objects are only visible with it. */
  env: Record<string, string>;
}

export interface CommitOptions {
  dryRun?: boolean;
  /**
   * Judge the candidate (run with `candidate.env` in `process.env`): issues
   * that refuse it, as the caller's error to throw; return to accept.
   */
  judge: (candidate: Candidate) => Promise<void>;
  /** Build the change once the lock is held and the checkout is clean. */
  build: (state: RepoState) => Promise<Change>;
}

export interface CommitResult {
  state: RepoState;
  commit: string;
  change: Change;
  /** `git diff` of the candidate against HEAD (for --dry-run). */
  diff?: string;
  landed: boolean;
}

/** Run `fn` with `env` set in this process (the checker's Git processes inherit it). */
async function withEnv<T>(env: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** Git's order of tree entries: by name as bytes, a folder's name as if it ended in `/`. */
function treeOrder(a: { name: Buffer; dir: boolean }, b: { name: Buffer; dir: boolean }): number {
  const x = a.dir ? Buffer.concat([a.name, Buffer.from('/')]) : a.name;
  const y = b.dir ? Buffer.concat([b.name, Buffer.from('/')]) : b.name;
  return Buffer.compare(x, y);
}

/**
 * The tree of HEAD with `blobs` (path → blob id) put in: the folders on the
 * changed paths are read (one cat-file process) and made anew, deepest
 * first — their objects hashed here (SHA-1 repositories, as `treeEntries`)
 * and written by one `git hash-object -t tree` — so a step on 5,000 items
 * costs two Git processes, not one per folder; every other folder is
 * shared with HEAD.
 */
async function buildTree(state: RepoState, blobs: Map<string, string>, env: Record<string, string>, scratch: string): Promise<string> {
  const dirs = new Set<string>(['']);
  for (const p of blobs.keys()) {
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  const order = [...dirs].sort((a, b) => b.split('/').length - a.split('/').length || b.localeCompare(a));
  const reader = new BlobReader(state.top);
  let existing: (Uint8Array | null)[];
  try {
    existing = await reader.readMany(order.map((d) => `${state.head}:${d}`));
  } finally {
    reader.close();
  }
  const parentOf = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');
  const baseOf = (p: string) => p.slice(p.lastIndexOf('/') + 1);
  // each folder's new entries: the blobs in it, then its subfolders made anew
  const entries = new Map<string, Map<string, { mode: string; oid: string }>>();
  order.forEach((dir, k) => {
    const m = new Map<string, { mode: string; oid: string }>();
    const bytes = existing[k];
    if (bytes) for (const e of treeEntries(bytes)) m.set(e.name, { mode: e.mode, oid: e.oid });
    entries.set(dir, m);
  });
  for (const [path, oid] of blobs) entries.get(parentOf(path))!.set(baseOf(path), { mode: '100644', oid });
  const made = new Map<string, string>();
  const files: string[] = [];
  order.forEach((dir, k) => {
    const list = [...entries.get(dir)!].map(([name, e]) => ({ name: Buffer.from(name), dir: e.mode === '40000', ...e })).sort(treeOrder);
    const body = Buffer.concat(list.flatMap((e) => [Buffer.from(`${e.mode} `), e.name, Buffer.from([0]), Buffer.from(e.oid, 'hex')]));
    const oid = createHash('sha1').update(`tree ${body.length}\0`).update(body).digest('hex');
    made.set(dir, oid);
    if (dir) entries.get(parentOf(dir))!.set(baseOf(dir), { mode: '40000', oid });
    const file = join(scratch, `tree-${k}`);
    writeFileSync(file, body);
    files.push(file);
  });
  const written = gitRun(state.top, ['hash-object', '-w', '-t', 'tree', '--stdin-paths'], { env, input: files.join('\n') + '\n' })!.trim().split('\n');
  // Git's own hashing of the same bytes must agree (it also checks each tree is well formed)
  if (written.some((oid, k) => oid !== made.get(order[k]!))) throw new Error('tree hashes differ from git hash-object');
  return made.get('')!;
}

/** Loose objects of the quarantine into the repository's object store. */
function migrateObjects(from: string, to: string) {
  for (const sub of readdirSync(from)) {
    if (!/^[0-9a-f]{2}$/.test(sub)) continue;
    const target = join(to, sub);
    mkdirSync(target, { recursive: true });
    for (const f of readdirSync(join(from, sub))) {
      const dest = join(target, f);
      if (!existsSync(dest)) renameSync(join(from, sub, f), dest);
    }
  }
}

function writeAtomic(path: string, text: string | Uint8Array) {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.ledger-${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

export async function commitChange(dir: string, opts: CommitOptions): Promise<CommitResult> {
  const state = repoState(dir);
  const lock = new IndexLock(state.gitDir);
  // a dry run holds the lock too: no other writer, and `git status` cannot refresh the index meanwhile
  lock.acquire();
  let scratch: string | undefined;
  try {
    const dirty = dirtyFiles(state.top);
    if (dirty.length) throw new NotReadyError({ reason: 'dirty', files: dirty });
    const change = await opts.build(state);
    // a new file must not land on an untracked one (it would be overwritten)
    const clash = untrackedAt(state.top, change.files.map((f) => f.path));
    if (clash.length) throw new NotReadyError({ reason: 'dirty', files: clash });

    scratch = mkdtempSync(join(state.gitDir, 'ledger-'));
    const objects = join(scratch, 'objects');
    mkdirSync(objects);
    const index = join(scratch, 'index');
    const env: Record<string, string> = {
      GIT_OBJECT_DIRECTORY: objects,
      GIT_ALTERNATE_OBJECT_DIRECTORIES: join(state.gitDir, 'objects'),
    };
    // blobs, from files in the scratch folder, in one process
    const blobFiles = change.files.map((f, i) => {
      const p = join(scratch!, `blob-${i}`);
      writeFileSync(p, f.text);
      return p;
    });
    const shas = blobFiles.length ? gitRun(state.top, ['hash-object', '-w', '--no-filters', '--stdin-paths'], { env, input: blobFiles.join('\n') + '\n' })!.trim().split('\n') : [];
    // trees: only the folders on the changed paths are made anew (no index of 30,000 entries to write)
    const tree = await buildTree(state, new Map(change.files.map((f, i) => [f.path, shas[i]!])), env, scratch);
    const who = {
      GIT_AUTHOR_NAME: change.author.name,
      GIT_AUTHOR_EMAIL: change.author.email,
      // the forge's automation commits for the person who pressed the button
      GIT_COMMITTER_NAME: process.env.GIT_COMMITTER_NAME ?? change.author.name,
      GIT_COMMITTER_EMAIL: process.env.GIT_COMMITTER_EMAIL ?? change.author.email,
    };
    const commit = gitRun(state.top, ['commit-tree', tree, '-p', state.head, '-F', '-'], { env: { ...env, ...who }, input: change.message })!.trim();
    const candidate: Candidate = { state, commit, env: { GIT_OBJECT_DIRECTORY: objects, GIT_ALTERNATE_OBJECT_DIRECTORIES: join(state.gitDir, 'objects') } };

    let diff: string | undefined;
    if (opts.dryRun) diff = gitRun(state.top, ['-c', 'core.quotepath=off', 'diff', '--no-ext-diff', '--no-color', state.head, commit], { env: candidate.env });
    await withEnv(candidate.env, () => opts.judge(candidate));
    if (opts.dryRun) return { state, commit, change, diff, landed: false };

    // it passed: land it
    migrateObjects(objects, join(state.gitDir, 'objects'));
    const moved = gitRun(state.top, ['update-ref', '-m', `ledger: ${change.message.split('\n')[0]}`, 'HEAD', commit, state.head], { allowFail: true });
    if (moved === undefined) throw new NotReadyError({ reason: 'locked', lock: state.branch });
    for (const f of change.files) writeAtomic(join(state.top, f.path), f.text);
    // the index: HEAD's as it was, plus the files just written (hashed again, with their stat data)
    if (existsSync(join(state.gitDir, 'index'))) copyFileSync(join(state.gitDir, 'index'), index);
    if (change.files.length) gitRun(state.top, ['update-index', '--add', '--', ...change.files.map((f) => f.path)], { env: { GIT_INDEX_FILE: index } });
    // the new index through Git's lock protocol: written into index.lock, renamed over index
    lock.closeFd();
    copyFileSync(index, lock.path);
    renameSync(lock.path, join(state.gitDir, 'index'));
    return { state, commit, change, landed: true };
  } finally {
    lock.release();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}
