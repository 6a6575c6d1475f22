/**
 * Whether a checkout may take an action now, and the lock that keeps a
 * second action (or a `git commit` in another terminal) out while it runs:
 * Git's own `index.lock`, created exclusively, as Git itself does. Refusals
 * say what is wrong in Chinese and leave the repository as it was.
 */
import { closeSync, existsSync, openSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gitRun } from './git-run.ts';

export type NotReady =
  | { reason: 'not-repository'; dir: string }
  | { reason: 'no-commit' }
  | { reason: 'detached' }
  | { reason: 'in-progress'; what: string }
  | { reason: 'locked'; lock: string }
  | { reason: 'dirty'; files: string[] };

export class NotReadyError extends Error {
  readonly why: NotReady;
  constructor(why: NotReady) {
    super(why.reason);
    this.why = why;
  }
}

export interface RepoState {
  /** Top of the working tree. */
  top: string;
  /** Absolute .git directory. */
  gitDir: string;
  /** `refs/heads/main` */
  branch: string;
  /** The commit HEAD points at. */
  head: string;
}

const IN_PROGRESS: [string, string][] = [
  ['rebase-merge', '变基（rebase）'],
  ['rebase-apply', '变基（rebase）或补丁应用（am）'],
  ['MERGE_HEAD', '合并（merge）'],
  ['CHERRY_PICK_HEAD', '拣选（cherry-pick）'],
  ['REVERT_HEAD', '撤销提交（revert）'],
  ['BISECT_LOG', '二分查找（bisect）'],
];

/** Where the checkout is and what HEAD is, or why no action may run. */
export function repoState(dir: string): RepoState {
  const out = gitRun(dir, ['rev-parse', '--show-toplevel', '--absolute-git-dir'], { allowFail: true });
  if (!out) throw new NotReadyError({ reason: 'not-repository', dir });
  const [top, gitDir] = out.trim().split('\n') as [string, string];
  const branch = gitRun(dir, ['symbolic-ref', '-q', 'HEAD'], { allowFail: true })?.trim();
  if (!branch) throw new NotReadyError({ reason: 'detached' });
  const head = gitRun(dir, ['rev-parse', '-q', '--verify', 'HEAD^{commit}'], { allowFail: true })?.trim();
  if (!head) throw new NotReadyError({ reason: 'no-commit' });
  for (const [file, what] of IN_PROGRESS) if (existsSync(join(gitDir, file))) throw new NotReadyError({ reason: 'in-progress', what });
  return { top, gitDir, branch, head };
}

/** Tracked files changed, staged or not (untracked files elsewhere are no concern of a step). */
export function dirtyFiles(top: string): string[] {
  const tracked = gitRun(top, ['-c', 'core.quotepath=off', 'status', '--porcelain=v1', '-z', '--untracked-files=no', '--no-renames', '--ignore-submodules'])!;
  return tracked
    .split('\0')
    .filter(Boolean)
    .map((e) => e.slice(3));
}

/** Of `paths`, those that exist in the working tree without being tracked. */
export function untrackedAt(top: string, paths: string[]): string[] {
  const present = paths.filter((p) => existsSync(join(top, p)));
  if (!present.length) return [];
  const tracked = new Set(gitRun(top, ['-c', 'core.quotepath=off', 'ls-files', '-z', '--', ...present])!.split('\0'));
  return present.filter((p) => !tracked.has(p));
}

/** Git's index lock, held for the whole action. */
export class IndexLock {
  private fd: number | undefined;
  readonly path: string;
  constructor(gitDir: string) {
    this.path = join(gitDir, 'index.lock');
  }
  acquire(): void {
    try {
      this.fd = openSync(this.path, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new NotReadyError({ reason: 'locked', lock: this.path });
      throw e;
    }
  }
  /** The lock file (to write the new index into before `commit`). */
  get held(): boolean {
    return this.fd !== undefined;
  }
  release(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
    rmSync(this.path, { force: true });
  }
  /** The lock becomes the index (the new index was written into it). */
  closeFd(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
