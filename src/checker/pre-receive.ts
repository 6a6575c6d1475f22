/**
 * The server's side of a push (the pre-receive hook): every ref the push
 * updates, whatever its namespace, in ONE check.
 *
 * - Protected branches are append-only: no deletion, no non-fast-forward
 *   update (a force-push that drops or rewrites landed commits).
 * - Tags are records too: never moved, never deleted.
 * - A ref must point at a commit (or an annotated tag of one).
 * - Every commit the push makes reachable that no existing branch or tag
 *   reaches is checked (one `git log` over all pushed tips `--not
 *   --branches --tags`): a tag or any other ref cannot carry an unchecked
 *   commit, and a branch made later at such a commit is checked then too,
 *   since only branches and tags count as checked.
 * - When the server says who pushed (Gitea, GitLab, GitHub Enterprise, or
 *   an administrator's LEDGER_PUSHER), each new commit must be theirs.
 */
import type { Pusher } from '../domain/identity.ts';
import { issue, type Issue } from '../domain/issues.ts';
import { BlobReader } from '../io/git/cat-file.ts';
import { join, resolve } from 'node:path';
import { isAncestor } from '../io/git/repo.ts';
import { CHECKED_REFS, shallowCommits, type RangeResult } from './check-range.ts';
import { checkCommits } from './commit-check.ts';

export interface RefUpdate {
  old: string;
  new: string;
  ref: string;
}

export interface PushOptions {
  /** Branch names (without `refs/heads/`) that only ever grow. */
  protectedBranches: string[];
  pusher?: Pusher;
}

const ZERO = /^0+$/;
export const DEFAULT_PROTECTED = ['main', 'master'];

/** Lines `<old> <new> <ref>` as Git gives them to the hook. */
export function parseUpdates(text: string): RefUpdate[] {
  return text
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((p) => p.length === 3)
    .map(([old, neu, ref]) => ({ old: old!, new: neu!, ref: ref! }));
}

/**
 * The account that pushed, from the variables the forge sets for hooks:
 * Gitea `GITEA_PUSHER_NAME`/`GITEA_PUSHER_EMAIL` (also for web edits and
 * merge-button merges), GitLab `GL_USERNAME`, GitHub Enterprise Server
 * `GITHUB_USER_LOGIN`, or `LEDGER_PUSHER` set by an administrator (e.g. in
 * an SSH forced command).
 */
export function pusherFromEnv(env: Record<string, string | undefined>): Pusher | undefined {
  if (env.GITEA_PUSHER_NAME || env.GITEA_PUSHER_EMAIL) return { login: env.GITEA_PUSHER_NAME || undefined, email: env.GITEA_PUSHER_EMAIL || undefined, source: 'Gitea：GITEA_PUSHER_NAME' };
  if (env.GL_USERNAME) return { login: env.GL_USERNAME, source: 'GitLab：GL_USERNAME' };
  if (env.GITHUB_USER_LOGIN) return { login: env.GITHUB_USER_LOGIN, source: 'GitHub Enterprise：GITHUB_USER_LOGIN' };
  if (env.LEDGER_PUSHER) return { login: env.LEDGER_PUSHER, source: 'LEDGER_PUSHER' };
  return undefined;
}

export function protectedFromEnv(value: string | undefined): string[] {
  const list = (value ?? '').split(/[\s,]+/).filter(Boolean);
  return list.length ? list : DEFAULT_PROTECTED;
}

export async function checkPush(repoDir: string, updates: RefUpdate[], opts: PushOptions): Promise<RangeResult> {
  const reader = new BlobReader(repoDir);
  try {
    return await runPush(repoDir, updates, opts, reader);
  } finally {
    reader.close();
  }
}

async function runPush(repoDir: string, updates: RefUpdate[], opts: PushOptions, reader: BlobReader): Promise<RangeResult> {
  const issues: Issue[] = [];
  const at = (ref: string) => ({ file: ref, line: 1, ref });
  const short = (sha: string) => sha.slice(0, 7);
  const tips: string[] = [];
  const fastForward: { u: RefUpdate; branch: string; to: string }[] = [];
  // what each new value is: a commit, a tag of one, or something else (one read for all)
  const objects = await reader.readObjects(updates.flatMap((u) => (ZERO.test(u.new) ? ['', ''] : [`${u.new}^{commit}`, u.new])));
  for (const [i, u] of updates.entries()) {
    const branch = u.ref.startsWith('refs/heads/') ? u.ref.slice('refs/heads/'.length) : undefined;
    const isProtected = branch !== undefined && opts.protectedBranches.includes(branch);
    const isTag = u.ref.startsWith('refs/tags/');
    if (ZERO.test(u.new)) {
      if (isProtected) issues.push(issue('ref-deleted', at(u.ref), { what: '受保护分支', ref: branch }));
      else if (isTag) issues.push(issue('ref-deleted', at(u.ref), { what: '标签', ref: u.ref.slice('refs/tags/'.length) }));
      continue;
    }
    if (isTag && !ZERO.test(u.old)) {
      issues.push(issue('tag-moved', at(u.ref), { tag: u.ref.slice('refs/tags/'.length), old: short(u.old), new: short(u.new) }));
      continue;
    }
    const target = objects[2 * i];
    if (!target || target.type !== 'commit') {
      issues.push(issue('bad-ref-target', at(u.ref), { ref: u.ref, target: short(u.new), type: objects[2 * i + 1]?.type ?? '不存在' }));
      continue;
    }
    tips.push(target.oid);
    if (isProtected && !ZERO.test(u.old) && u.old !== target.oid) fastForward.push({ u, branch: branch!, to: target.oid });
  }
  if (!tips.length) return { issues, commits: 0, changes: 0 };
  // a server's repository is where the hook runs (GIT_DIR, or the bare repository itself): its
  // shallow file, if any, read directly — no process for a question a full server repository answers with no
  const shallow = new Set([...shallowCommits(process.env.GIT_DIR ? resolve(repoDir, process.env.GIT_DIR) : repoDir), ...shallowCommits(join(repoDir, '.git'))]);
  // with one tip, a new commit whose parent is the old tip proves the update a
  // fast-forward without asking Git (every streamed commit is then the tip's ancestor)
  const single = new Set(tips).size === 1;
  const parents = new Set<string>();
  const r = await checkCommits(repoDir, reader, {
    revs: [...new Set(tips), '--not', ...CHECKED_REFS],
    shallow,
    pusher: opts.pusher,
    onCommit: (c) => {
      for (const p of c.parents) parents.add(p);
    },
  });
  for (const f of fastForward) {
    if ((single && parents.has(f.u.old)) || (await isAncestor(repoDir, f.u.old, f.to))) continue;
    issues.push(issue('history-rewritten', at(f.u.ref), { branch: f.branch, old: short(f.u.old), new: short(f.u.new) }));
  }
  return { issues: [...issues, ...r.issues], commits: r.commits, changes: r.changes };
}
