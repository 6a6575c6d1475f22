/**
 * The checker's caches (the ledger's .git/ledger-cache: the full-history
 * verdict, the working tree's verdict, its files' signatures and parsed
 * records) change nothing but time: every answer with them is the answer
 * without them (LEDGER_CACHE=0) — after new commits, a merge, a history
 * rewritten under the cache, a file edited with its size and time kept, a
 * file added and a file removed — and deleting them changes nothing.
 */
import { readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkRange } from './check-range.ts';
import { checkTree, checkTreeStreaming } from './check-tree.ts';
import { itemFile, record, reportFile, superiorItem, superiorSupport, TestRepo } from './test-repo.ts';

const repos: TestRepo[] = [];
afterAll(() => repos.forEach((r) => r.remove()));

/** The verdict without any cache, then with the cache as it is (filled or extended by this call). */
async function both<T>(run: () => Promise<T>): Promise<{ plain: T; cached: T }> {
  process.env.LEDGER_CACHE = '0';
  let plain: T;
  try {
    plain = await run();
  } finally {
    delete process.env.LEDGER_CACHE;
  }
  return { plain, cached: await run() };
}

const cacheFiles = (repo: TestRepo) => readdirSync(join(repo.dir, '.git/ledger-cache'));

describe('the full-history verdict kept in the cache', () => {
  it('is the verdict of a full pass after new commits, a merge and a rewritten history', async () => {
    const repo = TestRepo.create();
    repos.push(repo);
    const id = 'DB-2026-0001';
    repo.commit({ by: 'wang-fang', date: '2026-03-02', files: { [itemFile(id)]: record(superiorItem(id, 'registered')) } });
    // an error early in the history: a state jumped over
    repo.commit({ by: 'wang-fang', date: '2026-03-04', files: { [itemFile(id)]: record(superiorItem(id, 'assigned')) } });
    const all = () => checkRange(repo.dir, { all: true });
    let r = await both(all);
    expect(r.plain.issues.length).toBeGreaterThan(0);
    expect(r.cached).toEqual(r.plain);
    expect(cacheFiles(repo)).toContain('history-check.json');
    expect(await all()).toEqual(r.plain); // answered from the cache

    // new commits, one with an error of its own, on a side branch merged back
    const id2 = 'DB-2026-0002';
    repo.git('checkout', '-q', '-b', 'side');
    repo.commit({ by: 'wang-fang', date: '2026-03-05', files: { [itemFile(id2)]: record(superiorItem(id2, 'registered')) } });
    repo.git('checkout', '-q', 'main');
    repo.commit({ by: 'zhao-qiang', date: '2026-03-06', files: { [itemFile(id)]: record(superiorItem(id, 'closed')) } });
    repo.merge('side', { by: 'wang-fang', date: '2026-03-07' });
    r = await both(all);
    expect(r.plain.issues.length).toBeGreaterThan(1);
    expect(r.cached).toEqual(r.plain);

    // the cached tip is no longer in the history: everything is judged again
    repo.git('reset', '-q', '--hard', 'HEAD~3');
    repo.commit({ by: 'wang-fang', date: '2026-03-08', files: { [itemFile(id)]: record(superiorItem(id, 'assigned', { title: '改过的标题' })) } });
    r = await both(all);
    expect(r.cached).toEqual(r.plain);

    // deleting the cache changes nothing
    rmSync(join(repo.dir, '.git/ledger-cache'), { recursive: true });
    expect(await all()).toEqual(r.plain);
  });
});

describe('the working tree with its caches', () => {
  it('answers as a check without them, file edits (size and time kept), additions and removals included', async () => {
    const repo = TestRepo.create();
    repos.push(repo);
    const id = 'DB-2026-0003';
    const support = superiorSupport(id);
    const files: Record<string, string> = { [itemFile(id)]: record(superiorItem(id, 'in_progress')) };
    for (const steps of Object.values(support)) for (const s of steps) Object.assign(files, s.files);
    repo.commit({ by: 'wang-fang', date: '2026-03-05', files });
    const TODAY = '2026-11-24';
    const tree = async () => (await checkTreeStreaming(repo.dir, { today: TODAY })).issues;
    const reference = () => checkTree(repo.dir, { today: TODAY }).issues;
    const same = async () => {
      const { plain, cached } = await both(tree);
      expect(plain).toEqual(reference());
      expect(cached).toEqual(plain);
      expect(await tree()).toEqual(plain); // answered again, from the verdict kept
    };
    await same();
    expect(cacheFiles(repo)).toEqual(expect.arrayContaining(['tree-check.json', 'tree-files.json', 'parsed']));
    // files changed less than 3 s before their signatures were written are read again (coarse file times):
    // let that pass, write the signatures, and the next check leaves every record file unread
    await new Promise((ok) => setTimeout(ok, 3200));
    rmSync(join(repo.dir, '.git/ledger-cache/tree-files.json'));
    await same();
    expect((await checkTreeStreaming(repo.dir, { today: TODAY })).read).toBe(0);

    // an edit keeping the size and the modification time: the change is still seen (Git's way: the inode's change time moves)
    const file = join(repo.dir, itemFile(id));
    const before = statSync(file);
    const text = record(superiorItem(id, 'in_progress'));
    const edited = text.replace('lead_unit: urban', 'lead_unit: nobod');
    expect(edited.length).toBe(text.length);
    writeFileSync(file, edited);
    utimesSync(file, before.atime, before.mtime);
    expect((await checkTreeStreaming(repo.dir, { today: TODAY })).read).toBe(1);
    await same();
    expect((await tree()).map((i) => i.code)).toContain('unknown-unit');

    // a file added, then one removed
    writeFileSync(join(repo.dir, reportFile(id, '2026-03-20-urban.md')), record({ date: '2026-03-20', unit: 'urban', by: 'zhao-qiang', progress: '已完成。' }));
    await same();
    rmSync(join(repo.dir, reportFile(id, '2026-03-20-urban.md')));
    await same();

    // deleting the cache changes nothing
    rmSync(join(repo.dir, '.git/ledger-cache'), { recursive: true });
    expect(await tree()).toEqual(reference());
  });
});
