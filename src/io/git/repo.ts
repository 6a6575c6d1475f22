/**
 * Small Git questions answered with simple-git (a handful of processes per
 * run, never one per record): resolving revisions, shallow clones, merge
 * bases, the files of a tree.
 */
import { spawn } from 'node:child_process';
import { simpleGit, type SimpleGit } from 'simple-git';

/**
 * Inside a pre-receive hook the pushed objects sit in a quarantine that Git
 * names through these variables; simple-git drops ambient GIT_* variables
 * unless allowed, and without them the pushed commits are invisible.
 */
const HOOK_ENVIRONMENT = ['GIT_DIR', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_QUARANTINE_PATH'];

export function git(repoDir: string): SimpleGit {
  return simpleGit({ baseDir: repoDir, maxConcurrentProcesses: 4, allowEnvironment: HOOK_ENVIRONMENT });
}

/** Full sha of `rev`, or undefined when it does not resolve to a commit. */
export async function resolveCommit(repoDir: string, rev: string): Promise<string | undefined> {
  try {
    return (await git(repoDir).raw(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`])).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Whether `a` is an ancestor of (or equal to) `b`: `git merge-base --is-ancestor` answers by exit code alone. */
export function isAncestor(repoDir: string, a: string, b: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn('git', ['merge-base', '--is-ancestor', a, b], { cwd: repoDir, stdio: 'ignore' });
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code === 0));
  });
}

export async function mergeBase(repoDir: string, a: string, b: string): Promise<string | undefined> {
  try {
    return (await git(repoDir).raw(['merge-base', a, b])).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Paths (and blob ids) of the files under `prefix` in `rev`'s tree. */
export async function listTree(repoDir: string, rev: string, prefix: string): Promise<{ path: string; blob: string }[]> {
  const out = await git(repoDir).raw(['-c', 'core.quotepath=off', 'ls-tree', '-r', '-z', '--full-tree', rev, '--', prefix]);
  return out
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const tab = line.indexOf('\t');
      const [, type, blob] = line.slice(0, tab).split(' ');
      return { path: line.slice(tab + 1), blob: blob!, type };
    })
    .filter((e) => e.type === 'blob')
    .map(({ path, blob }) => ({ path, blob }));
}

export interface RepoFacts {
  /** Empty when `repoDir` is not in a Git repository. */
  gitDir: string;
  shallow: boolean;
  /** Requested revisions → full sha (undefined: not a commit here). */
  commits: (string | undefined)[];
}

/**
 * Everything a range check needs to know up front, in one `git rev-parse`
 * when all revisions resolve (the usual case: a hook has no time to spare),
 * one more per revision only when one does not.
 */
export async function repoFacts(repoDir: string, revs: string[]): Promise<RepoFacts> {
  const g = git(repoDir);
  try {
    const out = (await g.raw(['rev-parse', '--absolute-git-dir', '--is-shallow-repository', ...revs.map((r) => `${r}^{commit}`)])).trim().split('\n');
    return { gitDir: out[0]!, shallow: out[1] === 'true', commits: out.slice(2) };
  } catch {
    let out: string[];
    try {
      out = (await g.raw(['rev-parse', '--absolute-git-dir', '--is-shallow-repository'])).trim().split('\n');
    } catch {
      return { gitDir: '', shallow: false, commits: revs.map(() => undefined) };
    }
    const commits = await Promise.all(revs.map((r) => resolveCommit(repoDir, r)));
    return { gitDir: out[0]!, shallow: out[1] === 'true', commits };
  }
}
