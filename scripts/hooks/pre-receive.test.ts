/**
 * The pre-receive hook, for real: bare repositories with the hook installed
 * by `scripts/install-hook.ts`, and `git push` from clones. A good push
 * lands; a bad one is refused with the checker's Chinese message and the
 * remote is unchanged — for every ref the push updates: branches, tags,
 * anything; force-pushes and deletions of protected branches; merges; and
 * the person the forge says pushed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemFile, record, reportFile, superiorItem, TestRepo, yamlText } from '../../src/checker/test-repo.ts';

const root = resolve(import.meta.dirname, '../..');
const node = join(root, 'node_modules/.bin/node');
const made: string[] = [];
const F = itemFile('DB-2026-0001');

/** A bare repository with the hook installed (as `npm run hook:install` does) and a clone-like work repo pushing to it. */
function server(opts: { registries?: Record<string, unknown> } = {}) {
  const bare = mkdtempSync(join(tmpdir(), 'ledger-bare-'));
  made.push(bare);
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', bare]);
  execFileSync(node, [join(root, 'scripts/install-hook.ts'), bare], { cwd: root });
  const repo = TestRepo.create(opts);
  made.push(repo.dir);
  repo.git('remote', 'add', 'origin', bare);
  const push = (args: string[] | string = 'main', env: Record<string, string> = {}) =>
    spawnSync('git', ['push', '-q', 'origin', ...(typeof args === 'string' ? [args] : args)], { cwd: repo.dir, encoding: 'utf8', env: { ...process.env, HOME: repo.dir, ...env } });
  const remote = (ref = 'main') => spawnSync('git', ['rev-parse', '--verify', '--quiet', ref], { cwd: bare, encoding: 'utf8' }).stdout.trim();
  return { bare, repo, push, remote };
}

beforeAll(() => {
  // the hook runs the bundled checker: build it from the sources under test
  execFileSync(node, [join(root, 'scripts/build-cli.ts')], { cwd: root });
});
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

const step = (s: string, extra: Record<string, unknown> = {}) => record(superiorItem('DB-2026-0001', s, extra));

describe('pre-receive hook: commits', () => {
  const s = server();
  it('accepts a push of legal steps (a new branch on an empty remote)', () => {
    s.repo.commit({ by: 'wang-fang', date: '2026-03-02', files: { [F]: step('registered') } });
    const r = s.push();
    expect(r.stderr).not.toContain('推送被拒绝');
    expect(r.status).toBe(0);
    expect(s.remote()).toBe(s.repo.git('rev-parse', 'HEAD').trim());
  });

  it('accepts a further legal step', () => {
    s.repo.commit({ by: 'zhang-wei', date: '2026-03-03', files: { [F]: step('instructed') } });
    expect(s.push().status).toBe(0);
    expect(s.remote()).toBe(s.repo.git('rev-parse', 'HEAD').trim());
  });

  it('refuses a push that skips a step, says why in Chinese, and leaves the remote unchanged', () => {
    const before = s.remote();
    s.repo.commit({ by: 'wang-fang', date: '2026-03-05', files: { [F]: step('in_progress') } });
    const r = s.push();
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('【illegal-transition】状态不能从 instructed（已批示） 直接变为 in_progress（办理中）');
    expect(r.stderr).toContain('records/items/2026/DB-2026-0001/item.md:');
    expect(r.stderr).toContain('推送被拒绝');
    expect(s.remote()).toBe(before);
  });

  it('refuses a new branch carrying a bad commit', () => {
    s.repo.git('checkout', '-q', '-b', 'feature');
    expect(s.push('feature').status).not.toBe(0);
    expect(s.remote('refs/heads/feature')).toBe('');
  });

  it('refuses a tag — or a ref in any namespace — carrying an unchecked commit, so no branch can be made at it later', () => {
    const bad = s.repo.git('rev-parse', 'HEAD').trim();
    for (const ref of ['refs/tags/v1', 'refs/notes/x', 'refs/anything/y']) {
      const r = s.push([`${bad}:${ref}`]);
      expect(r.status, ref).not.toBe(0);
      expect(r.stderr).toContain('【illegal-transition】');
      expect(s.remote(ref)).toBe('');
    }
    // an annotated tag too
    s.repo.git('-c', 'user.name=t', '-c', 'user.email=t@x', 'tag', '-a', '-m', '标签', 'v2', bad);
    expect(s.push(['refs/tags/v2']).status).not.toBe(0);
    expect(s.remote('refs/tags/v2')).toBe('');
    s.repo.git('checkout', '-q', 'main');
    s.repo.git('reset', '-q', '--hard', 'origin/main');
  });

  it('a branch made at a commit only a forge-internal ref reaches (a fork’s pull request) is checked, not trusted', () => {
    const t = server();
    t.repo.commit({ by: 'wang-fang', date: '2026-03-02', files: { [F]: step('registered') } });
    expect(t.push().status).toBe(0);
    const bad = t.repo.commit({ by: 'wang-fang', date: '2026-03-06', files: { [F]: step('in_progress') } });
    // the forge stores a fork's commits under refs/pull/*, without running hooks
    execFileSync('git', ['fetch', '-q', t.repo.dir, `${bad}:refs/pull/1/head`], { cwd: t.bare });
    const r = t.push([`${bad}:refs/heads/from-pr`]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('【illegal-transition】');
    expect(t.remote('refs/heads/from-pr')).toBe('');
  });

  it('accepts a tag on a checked commit, and refuses moving or deleting it', () => {
    s.repo.git('tag', 'v3', 'HEAD~1');
    expect(s.push(['refs/tags/v3']).status).toBe(0);
    const moved = s.push(['--force', 'HEAD:refs/tags/v3']);
    expect(moved.status).not.toBe(0);
    expect(moved.stderr).toMatch(/引用 refs\/tags\/v3: 【tag-moved】标签 v3 已指向 [0-9a-f]{7}，推送会把它改指向 [0-9a-f]{7}/);
    const deleted = s.push([':refs/tags/v3']);
    expect(deleted.status).not.toBe(0);
    expect(deleted.stderr).toContain('【ref-deleted】推送会删除标签 v3');
  });

  it('refuses a ref that points at something other than a commit', () => {
    const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: s.repo.dir, input: '不是提交\n', encoding: 'utf8' }).trim();
    const r = s.push([`${blob}:refs/tags/not-a-commit`]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/引用 refs\/tags\/not-a-commit: 【bad-ref-target】refs\/tags\/not-a-commit 指向的 [0-9a-f]{7} 不是提交（blob）/);
  });

  it('refuses deleting the main branch', () => {
    const r = s.push([':main']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('引用 refs/heads/main: 【ref-deleted】推送会删除受保护分支 main');
    expect(s.remote()).not.toBe('');
  });
});

describe('pre-receive hook: history is append-only on protected branches', () => {
  const R = reportFile('DB-2026-0001', '2026-03-10-urban.md');
  const landed = () => {
    const s = server();
    s.repo.commit({ by: 'wang-fang', date: '2026-03-02', files: { [F]: step('registered') } });
    s.repo.commit({ by: 'zhang-wei', date: '2026-03-03', files: { [F]: step('instructed') } });
    s.repo.commit({ by: 'wang-fang', date: '2026-03-04', files: { [F]: step('assigned') } });
    s.repo.commit({ by: 'li-ming', date: '2026-03-05', files: { [F]: step('in_progress') } });
    s.repo.commit({ by: 'zhao-qiang', date: '2026-03-10', files: { [R]: record({ date: '2026-03-10', unit: 'urban', by: 'zhao-qiang', progress: '已排查 12 条巷道。' }) } });
    expect(s.push().status).toBe(0);
    return s;
  };

  it('a force-push that drops or amends a landed report is refused in Chinese, the remote unchanged', () => {
    const s = landed();
    const before = s.remote();
    s.repo.git('reset', '-q', '--hard', 'HEAD~1');
    const dropped = s.push(['--force', 'main']);
    expect(dropped.status).not.toBe(0);
    expect(dropped.stderr).toMatch(/引用 refs\/heads\/main: 【history-rewritten】推送会改写受保护分支 main 的历史：原来的提交 [0-9a-f]{7} 不在新提交 [0-9a-f]{7} 的历史中（强制推送）/);
    s.repo.commit({ by: 'zhao-qiang', date: '2026-03-10', files: { [R]: record({ date: '2026-03-10', unit: 'urban', by: 'zhao-qiang', progress: '已排查 15 条巷道。' }) } });
    const amended = s.push(['--force', 'main']);
    expect(amended.status).not.toBe(0);
    expect(amended.stderr).toContain('【history-rewritten】');
    expect(s.remote()).toBe(before);
  });

  it('without the hook, Git itself still refuses it (receive.denyNonFastForwards, set by hook:install)', () => {
    const s = landed();
    rmSync(join(s.bare, 'hooks/pre-receive'));
    const before = s.remote();
    s.repo.git('reset', '-q', '--hard', 'HEAD~1');
    const r = s.push(['--force', 'main']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/non-fast-forward/);
    expect(s.remote()).toBe(before);
  });

  it('an unprotected branch may be force-pushed and deleted (when the server allows it)', () => {
    const s = landed();
    execFileSync('git', ['config', '--file', join(s.bare, 'config'), 'receive.denyNonFastForwards', 'false']);
    s.repo.git('checkout', '-q', '-b', 'draft');
    s.repo.commit({ by: 'qian-hong', date: '2026-03-11', files: { [reportFile('DB-2026-0001', '2026-03-11-env.md')]: record({ date: '2026-03-11', unit: 'env', by: 'qian-hong', progress: '配合。' }) } });
    expect(s.push('draft').status).toBe(0);
    s.repo.git('reset', '-q', '--hard', 'HEAD~1');
    expect(s.push(['--force', 'draft']).status).toBe(0);
    expect(s.push([':draft']).status).toBe(0);
  });

  it('a tree entry Git itself refuses (a ".." path): refused by Git (receive.fsckObjects) and by the checker', () => {
    const s = landed();
    const g = (...a: string[]) => s.repo.git(...a).trim();
    const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: s.repo.dir, input: '恶意内容\n', encoding: 'utf8' }).trim();
    const inner = execFileSync('git', ['mktree'], { cwd: s.repo.dir, input: `100644 blob ${blob}\tx.md\n`, encoding: 'utf8' }).trim();
    const records = g('rev-parse', 'HEAD:records');
    const listing = g('ls-tree', records).split('\n').filter(Boolean).join('\n');
    const recs = execFileSync('git', ['mktree'], { cwd: s.repo.dir, input: `${listing}\n040000 tree ${inner}\t..\n`, encoding: 'utf8' }).trim();
    const top = execFileSync('git', ['mktree'], { cwd: s.repo.dir, input: `040000 tree ${recs}\trecords\n`, encoding: 'utf8' }).trim();
    const env = { ...process.env, GIT_AUTHOR_NAME: '王芳', GIT_AUTHOR_EMAIL: 'wang.fang@zf.gov.cn', GIT_COMMITTER_NAME: '王芳', GIT_COMMITTER_EMAIL: 'wang.fang@zf.gov.cn', GIT_AUTHOR_DATE: '2026-03-12T10:00:00+08:00', GIT_COMMITTER_DATE: '2026-03-12T10:00:00+08:00' };
    const commit = execFileSync('git', ['commit-tree', top, '-p', 'HEAD', '-m', 'x'], { cwd: s.repo.dir, env, encoding: 'utf8' }).trim();
    const before = s.remote();
    const byGit = s.push([`${commit}:refs/heads/main`]);
    expect(byGit.status).not.toBe(0);
    expect(byGit.stderr).toMatch(/fsck|dotdot|\.\./i);
    execFileSync('git', ['config', '--file', join(s.bare, 'config'), 'receive.fsckObjects', 'false']);
    const byChecker = s.push([`${commit}:refs/heads/main`]);
    expect(byChecker.status).not.toBe(0);
    expect(byChecker.stderr).toContain('【unsafe-path】提交中的路径 “records/../x.md” 含有 Git 不允许的部分 “..”');
    expect(s.remote()).toBe(before);
  });
});

describe('pre-receive hook: merges', () => {
  it('two clerks register the same next id on two branches: each branch lands, the merge of them is refused', () => {
    const s = server();
    s.repo.commit({ by: 'wang-fang', date: '2026-03-02', files: { [F]: step('registered') } });
    expect(s.push().status).toBe(0);
    const G = itemFile('DB-2026-0002');
    s.repo.git('checkout', '-q', '-b', 'clerk-b');
    s.repo.commit({ by: 'wang-fang', date: '2026-03-03', files: { [G]: record(superiorItem('DB-2026-0002', 'registered', { title: '乙：农贸市场整治' })) } });
    expect(s.push('clerk-b').status).toBe(0);
    s.repo.git('checkout', '-q', 'main');
    s.repo.commit({ by: 'wang-fang', date: '2026-03-03', files: { [G]: record(superiorItem('DB-2026-0002', 'registered', { title: '甲：背街小巷整治' })) } });
    expect(s.push().status).toBe(0);
    const before = s.remote();
    s.repo.merge('clerk-b', { by: 'wang-fang', date: '2026-03-04', files: { [G]: record(superiorItem('DB-2026-0002', 'registered', { title: '甲：背街小巷整治' })) } });
    const r = s.push();
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('【duplicate-registration】编号 DB-2026-0002 在两个分支上分别登记了不同的督办事项');
    expect(r.stderr).toContain('改用下一个未用的编号 DB-2026-0003');
    expect(s.remote()).toBe(before);
  });
});

describe('pre-receive hook: the person the forge says pushed', () => {
  const pushed = (env: Record<string, string>, by: 'wang-fang' | 'zhao-qiang' = 'wang-fang', committer?: 'zhao-qiang') => {
    const s = server({ registries: { 'records/config.yml': { organisation: '测试街道', office: '测试街道考核督查办', bulletin_name: '测试督查', git: { automation: { name: '台账自动化', forge_users: ['ledger-bot'] } } } } });
    expect(s.push('main', { GITEA_PUSHER_NAME: 'wang.fang' }).status).toBe(0);
    s.repo.commit({ by, committer, date: '2026-03-02', files: { [F]: step('registered') } });
    return { s, r: s.push('main', env) };
  };

  it('Gitea: the pusher is the author', () => {
    expect(pushed({ GITEA_PUSHER_NAME: 'wang.fang', GITEA_PUSHER_EMAIL: 'wang.fang@zf.gov.cn' }).r.status).toBe(0);
  });

  it('Gitea: someone pushing a commit in another’s name is refused', () => {
    const { s, r } = pushed({ GITEA_PUSHER_NAME: 'zhao.qiang' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('【pusher-not-author】此提交的作者是 王芳（wang.fang@zf.gov.cn），提交者是 王芳（wang.fang@zf.gov.cn），但推送者是 赵强（服务器确认的账号 zhao.qiang）');
    expect(s.remote()).not.toBe(s.repo.git('rev-parse', 'HEAD').trim());
  });

  it('GitLab (GL_USERNAME) and GitHub Enterprise (GITHUB_USER_LOGIN) the same', () => {
    expect(pushed({ GL_USERNAME: 'zhao.qiang' }).r.stderr).toContain('【pusher-not-author】');
    expect(pushed({ GITHUB_USER_LOGIN: 'zhao.qiang' }).r.stderr).toContain('【pusher-not-author】');
    expect(pushed({ GL_USERNAME: 'wang.fang' }).r.status).toBe(0);
  });

  it('an account not in people.yml is refused', () => {
    const { r } = pushed({ GITEA_PUSHER_NAME: 'stranger' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('【unknown-pusher】推送者账号 “stranger”（Gitea：GITEA_PUSHER_NAME）不在 records/people.yml 的 forge_users 或邮箱中');
  });

  it('the automation account named in config may push commits authored by others', () => {
    expect(pushed({ GITEA_PUSHER_NAME: 'ledger-bot' }).r.status).toBe(0);
  });

  it('a committer recording on an author’s behalf acts with the committer’s own roles', () => {
    // the unit head commits the office's registration in the office's name, and pushes it himself
    const { r } = pushed({ GITEA_PUSHER_NAME: 'zhao.qiang' }, 'wang-fang', 'zhao-qiang');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('【wrong-committer】“登记报备”须由考核督查办提交，而提交者 赵强 的角色是责任单位');
  });
});

describe('hook:install', () => {
  it('sets receive.denyNonFastForwards and receive.fsckObjects', () => {
    const s = server();
    const get = (k: string) => execFileSync('git', ['config', '--file', join(s.bare, 'config'), k], { encoding: 'utf8' }).trim();
    expect(get('receive.denyNonFastForwards')).toBe('true');
    expect(get('receive.fsckObjects')).toBe('true');
  });

  it('writes the protected branches it is given', () => {
    const bare = mkdtempSync(join(tmpdir(), 'ledger-bare-'));
    made.push(bare);
    execFileSync('git', ['init', '-q', '--bare', bare]);
    execFileSync(node, [join(root, 'scripts/install-hook.ts'), bare, '--protect', 'main release'], { cwd: root });
    expect(execFileSync('cat', [join(bare, 'hooks/pre-receive')], { encoding: 'utf8' })).toContain('LEDGER_PROTECTED_BRANCHES:-main release}');
  });
});

void yamlText;

describe('pre-receive hook: several refs in one push', () => {
  it('a rewind of main is refused even when another pushed branch continues from main’s old tip', () => {
    const s = server();
    s.repo.commit({ by: 'wang-fang', date: '2026-03-02', files: { [F]: step('registered') } });
    s.repo.commit({ by: 'zhang-wei', date: '2026-03-03', files: { [F]: step('instructed') } });
    expect(s.push().status).toBe(0);
    const before = s.remote();
    s.repo.git('checkout', '-q', '-b', 'next');
    s.repo.commit({ by: 'wang-fang', date: '2026-03-04', files: { [F]: step('assigned') } });
    const r = s.push(['--force', 'HEAD~2:refs/heads/main', 'next']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('【history-rewritten】');
    expect(s.remote()).toBe(before);
  });
});
