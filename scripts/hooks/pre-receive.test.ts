/**
 * The pre-receive hook, for real: a bare repository with the hook installed
 * by `scripts/install-hook.ts`, and `git push` from a clone. A good push
 * lands; a bad one is refused with the checker's Chinese message and the
 * remote is unchanged.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemFile, record, superiorItem, TestRepo } from '../../src/checker/test-repo.ts';

const root = resolve(import.meta.dirname, '../..');
const node = join(root, 'node_modules/.bin/node');
let bare: string;
let repo: TestRepo;
const F = itemFile('DB-2026-0001');

const push = (ref = 'main') => spawnSync('git', ['push', '-q', 'origin', ref], { cwd: repo.dir, encoding: 'utf8', env: { ...process.env, HOME: repo.dir } });
const remoteHead = (ref = 'main') => execFileSync('git', ['rev-parse', ref], { cwd: bare, encoding: 'utf8' }).trim();

beforeAll(() => {
  // the hook runs the bundled checker: build it from the sources under test
  execFileSync(node, [join(root, 'scripts/build-cli.ts')], { cwd: root });
  bare = mkdtempSync(join(tmpdir(), 'ledger-bare-'));
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', bare]);
  execFileSync(node, [join(root, 'scripts/install-hook.ts'), bare], { cwd: root });
  repo = TestRepo.create();
  repo.git('remote', 'add', 'origin', bare);
});
afterAll(() => {
  rmSync(bare, { recursive: true, force: true });
  repo.remove();
});

describe('pre-receive hook', () => {
  it('accepts a push of legal steps (a new branch on an empty remote)', () => {
    repo.commit({ by: 'wang-fang', date: '2026-03-02', files: { [F]: record(superiorItem('DB-2026-0001', 'registered')) } });
    const r = push();
    expect(r.stderr).not.toContain('推送被拒绝');
    expect(r.status).toBe(0);
    expect(remoteHead()).toBe(repo.git('rev-parse', 'HEAD').trim());
  });

  it('accepts a further legal step', () => {
    repo.commit({ by: 'zhang-wei', date: '2026-03-03', files: { [F]: record(superiorItem('DB-2026-0001', 'instructed')) } });
    const r = push();
    expect(r.status).toBe(0);
    expect(remoteHead()).toBe(repo.git('rev-parse', 'HEAD').trim());
  });

  it('refuses a push that skips a step, says why in Chinese, and leaves the remote unchanged', () => {
    const before = remoteHead();
    repo.commit({ by: 'wang-fang', date: '2026-03-05', files: { [F]: record(superiorItem('DB-2026-0001', 'in_progress')) } });
    const r = push();
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('【illegal-transition】状态不能从 instructed（已批示） 直接变为 in_progress（办理中）');
    expect(r.stderr).toContain('records/items/2026/DB-2026-0001/item.md:');
    expect(r.stderr).toContain('推送被拒绝');
    expect(remoteHead()).toBe(before);
  });

  it('refuses a new branch carrying a bad commit', () => {
    repo.git('checkout', '-q', '-b', 'feature');
    const r = push('feature');
    expect(r.status).not.toBe(0);
    expect(spawnSync('git', ['rev-parse', '--verify', '--quiet', 'refs/heads/feature'], { cwd: bare }).status).not.toBe(0);
  });

  it('refuses deleting the main branch', () => {
    const r = spawnSync('git', ['push', '-q', 'origin', ':main'], { cwd: repo.dir, encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('不能删除主分支');
  });
});
