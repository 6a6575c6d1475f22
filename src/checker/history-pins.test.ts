/**
 * One-line changes to the history check that the rest of the suite let
 * through (issue 7 part 11), pinned over real repositories:
 * - the author is looked up in the registry *before* the commit: a stranger
 *   adding himself to people.yml, or a unit head promoting himself to the
 *   office, cannot act in that same commit;
 * - a new branch (`check --range REV --new`, the hook's new ref) is checked
 *   for its own commits only, excluding what existing branches and tags
 *   reach — and its own bad commits are still found.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { checkPush } from './pre-receive.ts';
import { itemFile, PEOPLE, record, superiorItem, TestRepo, yamlText } from './test-repo.ts';

const repos: TestRepo[] = [];
const newRepo = () => {
  const r = TestRepo.create();
  repos.push(r);
  return r;
};
afterEach(() => {
  for (const r of repos.splice(0)) r.remove();
});

const F = itemFile('DB-2026-0001');
const G = itemFile('DB-2026-0002');
const people = (extra: Record<string, unknown>[] = [], patch: Record<string, Record<string, unknown>> = {}) =>
  yamlText({ people: [...Object.entries(PEOPLE).map(([id, p]) => ({ id, ...p, ...(patch[id] ?? {}) })), ...extra] });

describe('who acts is looked up before the commit', () => {
  it('a stranger who adds himself to people.yml as the office and registers an item in the same commit is unknown', async () => {
    const repo = newRepo();
    const stranger = { name: '冒名者', email: 'mao@example.com' };
    repo.commit({
      by: stranger,
      date: '2026-03-02',
      files: {
        'records/people.yml': people([{ id: 'mao-ming', name: '冒名者', title: '考核督查办', roles: ['office'], emails: [stranger.email] }]),
        [F]: record(superiorItem('DB-2026-0001', 'registered')),
      },
    });
    expect(await repo.codes()).toContain('unknown-author');
  });

  it('once the office has added him, his next commit is judged by his roles', async () => {
    const repo = newRepo();
    const clerk = { name: '新同事', email: 'xin@zf.gov.cn' };
    repo.commit({ by: 'wang-fang', date: '2026-03-02', files: { 'records/people.yml': people([{ id: 'xin-tong', name: '新同事', title: '考核督查办', roles: ['office'], emails: [clerk.email] }]) } });
    repo.commit({ by: clerk, date: '2026-03-03', files: { [F]: record(superiorItem('DB-2026-0001', 'registered')) } });
    expect(await repo.codes({ range: 'HEAD~2..HEAD' })).toEqual([]);
  });

  it('a unit head who makes himself the office and registers an item in one commit acts with the roles he had', async () => {
    const repo = newRepo();
    repo.commit({
      by: 'zhao-qiang',
      date: '2026-03-02',
      files: { 'records/people.yml': people([], { 'zhao-qiang': { roles: ['unit', 'office'] } }), [F]: record(superiorItem('DB-2026-0001', 'registered')) },
    });
    const codes = await repo.codes();
    expect(codes.filter((c) => c === 'wrong-committer').length).toBe(2); // the registry and the registration
  });
});

describe('a new branch is checked for its own commits only', () => {
  /** main carries a commit that skips a step (landed before the checker was installed). */
  function withOldBadCommit(): TestRepo {
    const repo = newRepo();
    repo.commit({ by: 'wang-fang', date: '2026-03-02', files: { [F]: record(superiorItem('DB-2026-0001', 'registered')) } });
    repo.commit({ by: 'wang-fang', date: '2026-03-04', files: { [F]: record(superiorItem('DB-2026-0001', 'assigned')) } });
    expect(repo.git('rev-parse', '--abbrev-ref', 'HEAD').trim()).toBe('main');
    return repo;
  }

  it('check --range REV --new: what main already reaches is not judged again; the branch’s own bad commit is', async () => {
    const repo = withOldBadCommit();
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit({ by: 'wang-fang', date: '2026-03-05', files: { [G]: record(superiorItem('DB-2026-0002', 'registered')) } });
    // the feature branch exists as a ref too: exclude it by checking the tip on a detached head
    const tip = repo.git('rev-parse', 'HEAD').trim();
    repo.git('checkout', '-q', '--detach');
    repo.git('branch', '-D', 'feature');
    const good = await repo.check({ range: tip, excludeExisting: true });
    expect(good.issues.map((i) => i.code)).toEqual([]);
    expect(good.commits).toBe(1);
    // without exclusion the old commit is judged (this is what --new must not do)
    expect((await repo.codes({ range: tip })).length).toBeGreaterThan(0);
    // a bad commit of its own is found
    repo.commit({ by: 'zhao-qiang', date: '2026-03-06', files: { [G]: record(superiorItem('DB-2026-0002', 'instructed')) } });
    expect(await repo.codes({ range: 'HEAD', excludeExisting: true })).toEqual(['wrong-committer']);
  });

  it('the hook: a pushed new branch is judged for the commits no branch or tag reaches yet', async () => {
    const repo = withOldBadCommit();
    repo.git('checkout', '-q', '--detach');
    const sha = repo.commit({ by: 'wang-fang', date: '2026-03-05', files: { [G]: record(superiorItem('DB-2026-0002', 'registered')) } });
    const zero = '0'.repeat(40);
    const ok = await checkPush(repo.dir, [{ old: zero, new: sha, ref: 'refs/heads/feature' }], { protectedBranches: ['main'] });
    expect(ok.issues.map((i) => i.code)).toEqual([]);
    expect(ok.commits).toBe(1);
    const bad = repo.commit({ by: 'zhao-qiang', date: '2026-03-06', files: { [G]: record(superiorItem('DB-2026-0002', 'instructed')) } });
    const refused = await checkPush(repo.dir, [{ old: zero, new: bad, ref: 'refs/tags/v1' }], { protectedBranches: ['main'] });
    expect(refused.issues.map((i) => i.code)).toEqual(['wrong-committer']);
    expect(refused.commits).toBe(2);
  });
});
