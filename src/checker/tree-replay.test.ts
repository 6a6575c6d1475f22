/**
 * The replayed tree (tree-replay.ts) against Git's own: a real repository
 * with a branch, merges both ways, a rename, a deletion, a second root and
 * files outside records/; at every commit where the replay says it knows
 * the tree, every record path's blob is the one `git ls-tree` gives, and a
 * path that is not there is null.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test } from 'vitest';
import type { Commit } from '../domain/history.ts';
import { logCommits } from '../io/git/log-stream.ts';
import { MergeDiffReader } from '../io/git/merge-diffs.ts';
import { TreeReplay } from './tree-replay.ts';

function repo() {
  const dir = mkdtempSync(join(tmpdir(), 'tree-replay-'));
  let tick = 0;
  const git = (...args: string[]) => {
    const when = `2026-03-01T10:${String(tick++).padStart(2, '0')}:00+08:00`;
    return execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@x.cn', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@x.cn', GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when },
    }).trim();
  };
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  const commit = (message: string) => {
    git('add', '-A');
    git('commit', '-qm', message, '--allow-empty');
  };
  git('init', '-q', '-b', 'main');
  return { dir, git, write, commit, remove: (path: string) => rmSync(join(dir, path)) };
}

test('the replayed tree is Git\'s tree at every commit where it says it knows it', async () => {
  const { dir, git, write, commit, remove } = repo();
  write('records/a.md', 'a1');
  write('records/items/2026/X/item.md', 'x1');
  write('README.md', 'outside');
  commit('root');
  git('checkout', '-qb', 'side');
  write('records/items/2026/X/reports/r1.md', 'r1');
  commit('side 1');
  git('checkout', '-q', 'main');
  write('records/a.md', 'a2');
  git('mv', 'records/items/2026/X/item.md', 'records/items/2026/X/moved.md');
  commit('main 1 (a rename)');
  git('merge', '-q', '--no-ff', '-m', 'side into main', 'side');
  git('checkout', '-q', 'side');
  write('records/b.md', 'b1');
  commit('side 2');
  git('merge', '-q', '--no-ff', '-m', 'main into side', 'main');
  remove('records/a.md');
  write('README.md', 'outside 2');
  commit('side 3 (a deletion)');
  git('checkout', '-q', 'main');
  git('merge', '-q', '--no-ff', '-m', 'side into main again', 'side');
  git('checkout', '-q', '--orphan', 'other');
  git('rm', '-rqf', '.');
  write('records/c.md', 'c1');
  commit('a second root');
  git('checkout', '-q', 'main');
  git('merge', '-q', '--allow-unrelated-histories', '-m', 'roots joined', 'other');
  write('records/c.md', 'c2');
  commit('main after the join');

  const diffs = new MergeDiffReader(dir, 'records/');
  const tree = new TreeReplay();
  const paths = new Set<string>();
  let known = 0;
  let commits = 0;
  try {
    const all: Commit[] = [];
    for await (const c of logCommits(dir, { revs: ['main'], pathPrefix: 'records/' })) all.push(c);
    for (const c of all) {
      if (c.parents.length > 1) c.mergeChanges = (await diffs.diffs(c.parents.slice(1).map((parent) => ({ merge: c.sha, parent })))).map((d) => d ?? []);
      tree.step(c);
      commits++;
      const lines = git('ls-tree', '-r', c.sha, '--', 'records/').split('\n').filter(Boolean);
      const truth = new Map(lines.map((l) => [l.slice(l.indexOf('\t') + 1), l.slice(0, l.indexOf('\t')).split(' ')[2]!]));
      for (const p of truth.keys()) paths.add(p);
      if (tree.blobAt('records/a.md') === undefined) continue;
      known++;
      for (const p of paths) expect(tree.blobAt(p), `${p} at ${c.message}`).toBe(truth.get(p) ?? null);
    }
  } finally {
    diffs.close();
  }
  expect(commits).toBe(11);
  // the log moves between lines of history here and there; most commits follow the one before
  expect(known).toBeGreaterThanOrEqual(6);
});

test('a jump to another line of history leaves the tree unknown, a root starts it again', () => {
  const tree = new TreeReplay();
  expect(tree.blobAt('records/a.md')).toBeUndefined();
  const c = (sha: string, parents: string[], changes: Commit['changes']): Commit => ({
    sha,
    parents,
    changes,
    author: { name: 'A', email: 'a@x.cn', date: '2026-03-01T10:00:00+08:00' },
    committer: { name: 'A', email: 'a@x.cn', date: '2026-03-01T10:00:00+08:00' },
    signature: '',
    signer: '',
    message: '',
  });
  tree.step(c('r', [], [{ status: 'A', path: 'records/a.md', newBlob: 'b1' }]));
  expect(tree.blobAt('records/a.md')).toBe('b1');
  expect(tree.blobAt('records/none.md')).toBeNull();
  tree.step(c('s', ['r'], [{ status: 'R', oldPath: 'records/a.md', path: 'records/b.md', oldBlob: 'b1', newBlob: 'b1' }]));
  expect(tree.blobAt('records/a.md')).toBeNull();
  expect(tree.blobAt('records/b.md')).toBe('b1');
  tree.step(c('t', ['elsewhere'], []));
  expect(tree.blobAt('records/b.md')).toBeUndefined();
  tree.step(c('u', ['t'], [])); // still not known: its parent's tree was not
  expect(tree.blobAt('records/b.md')).toBeUndefined();
  tree.step(c('v', [], [{ status: 'A', path: 'records/c.md', newBlob: 'b2' }]));
  expect(tree.blobAt('records/c.md')).toBe('b2');
  expect(tree.blobAt('records/b.md')).toBeNull();
});
