/**
 * A history as data — commits with an author, a fixed date and whole file
 * contents — written into a real temporary Git repository in one
 * `git fast-import` process, then checked with the range check's `--all`.
 * The property tests build, mutate and judge histories through this.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkRange } from '../../src/checker/check-range.ts';
import { PEOPLE, type PersonId } from '../../src/checker/test-repo.ts';
import type { Issue } from '../../src/domain/issues.ts';
import { configPath, peoplePath, unitsPath } from '../../src/format/layout.ts';
import { yamlFileText } from '../../src/format/serialise.ts';
import { fastImport } from '../../src/io/git/fast-import.ts';

/** The walk's people: the test registry plus a 纪工委 member. */
export const WALK_PEOPLE = {
  ...PEOPLE,
  'xu-gang': { name: '徐刚', title: '纪工委书记', roles: ['discipline'], emails: ['xu.gang@zf.gov.cn'], forge_users: ['xu.gang'] },
} as const;
export type WalkPersonId = PersonId | 'xu-gang';

export interface HistoryCommit {
  by: WalkPersonId | { name: string; email: string };
  /** Beijing calendar date; the commit is made at 10:00 + its index in minutes. */
  date: string;
  message: string;
  /** Path → whole new content; null deletes. */
  files: Record<string, string | null>;
}

export const REGISTRY_FILES: Record<string, string> = {
  [configPath()]: yamlFileText({ organisation: '测试街道', office: '测试街道考核督查办', bulletin_name: '测试督查' }),
  [peoplePath()]: yamlFileText({ people: Object.entries(WALK_PEOPLE).map(([id, p]) => ({ id, ...p })) }),
  [unitsPath()]: yamlFileText({
    units: [
      { id: 'urban', name: '城市管理办公室', type: 'department' },
      { id: 'env', name: '生态环境办公室', type: 'department' },
    ],
  }),
};

/** The first commit of every walk: the registries, by the office. */
export const REGISTRY_COMMIT: HistoryCommit = { by: 'wang-fang', date: '2026-03-01', message: '建立台账', files: REGISTRY_FILES };

const who = (by: HistoryCommit['by']) => (typeof by === 'string' ? { name: WALK_PEOPLE[by].name, email: WALK_PEOPLE[by].emails[0] } : by);

/** Write `commits` (the first one included) to `main` of a new repository; returns its directory. */
export async function writeHistory(commits: HistoryCommit[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-walk-'));
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir, env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir } });
  await fastImport(
    dir,
    'main',
    commits.map((c, i) => ({
      author: who(c.by),
      time: Date.parse(`${c.date}T10:00:00+08:00`) / 1000 + (i % 600) * 6,
      tz: '+0800',
      message: c.message,
      files: new Map(Object.entries(c.files)),
    })),
  );
  return dir;
}

/** Errors of `check --all` over `commits` written to a fresh repository (removed afterwards). */
export async function checkHistory(commits: HistoryCommit[]): Promise<{ errors: Issue[]; commits: number }> {
  const dir = await writeHistory(commits);
  try {
    const r = await checkRange(dir, { all: true });
    return { errors: r.issues.filter((i) => i.severity === 'error'), commits: r.commits };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function git(dir: string, args: string[], env: Record<string, string> = {}) {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir, ...env } });
}

function commitFiles(dir: string, c: HistoryCommit, n: number) {
  for (const [path, content] of Object.entries(c.files)) {
    const abs = join(dir, path);
    if (content === null) rmSync(abs, { force: true });
    else {
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, content);
    }
  }
  git(dir, ['add', '-A']);
  const w = who(c.by);
  const when = `${c.date}T16:${String(n % 60).padStart(2, '0')}:00+08:00`;
  git(dir, ['commit', '-q', '--allow-empty', '--no-verify', '-m', c.message], {
    GIT_AUTHOR_NAME: w.name, GIT_AUTHOR_EMAIL: w.email, GIT_COMMITTER_NAME: w.name, GIT_COMMITTER_EMAIL: w.email, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when,
  });
}

/**
 * Two branches from `prefix`: `ours` on main, `theirs` on a side branch,
 * merged into main by `merger` with Git's own merge, every conflicted file
 * resolved to main's version (`git checkout --ours`). `check --all` errors.
 */
export async function checkMerge(
  prefix: HistoryCommit[],
  ours: HistoryCommit[],
  theirs: HistoryCommit[],
  merger: HistoryCommit['by'],
  date: string,
): Promise<{ errors: Issue[]; conflicted: string[]; merged: Record<string, string | null> }> {
  const dir = await writeHistory(prefix);
  try {
    git(dir, ['checkout', '-q', '-f', 'main']);
    git(dir, ['checkout', '-q', '-b', 'side']);
    theirs.forEach((c, i) => commitFiles(dir, c, i));
    git(dir, ['checkout', '-q', 'main']);
    ours.forEach((c, i) => commitFiles(dir, c, 30 + i));
    let conflicted: string[] = [];
    try {
      git(dir, ['-c', 'user.name=t', '-c', 'user.email=t@localhost', 'merge', '-q', '--no-ff', '--no-commit', 'side'], {});
    } catch {
      conflicted = git(dir, ['diff', '--name-only', '--diff-filter=U']).split('\n').filter(Boolean);
      for (const f of conflicted) {
        git(dir, ['checkout', '--ours', '--', f]);
        git(dir, ['add', '--', f]);
      }
    }
    commitFiles(dir, { by: merger, date, message: '合并 side', files: {} }, 59);
    const paths = new Set([...ours, ...theirs].flatMap((c) => Object.keys(c.files)));
    const merged: Record<string, string | null> = {};
    for (const p of paths) {
      try {
        merged[p] = git(dir, ['show', `HEAD:${p}`]);
      } catch {
        merged[p] = null;
      }
    }
    const r = await checkRange(dir, { all: true });
    return { errors: r.issues.filter((i) => i.severity === 'error'), conflicted, merged };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
