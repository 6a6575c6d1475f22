/**
 * Property (issue 11): the site's history — every item's timeline, every
 * commit's line, the commit each record landed with — is the same whether
 * the site reads Git itself (`site/data/read-history.ts`) or takes the pass
 * the full-history check made while judging every commit
 * (`site/audit/run-check.ts`, what a cold build does). Random legal walks,
 * then some of: an item version that does not parse, one mended, an item
 * file moved out of the layout and back, an item deleted, and a side branch
 * (a report and an item edit) merged with Git's own merge.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemPath, reportPath } from '../../src/format/layout.ts';
import { checkAll, headNames } from '../../src/site/audit/run-check.ts';
import { readHistory, type History } from '../../src/site/data/read-history.ts';
import { WALK_PEOPLE, writeHistory, type HistoryCommit } from './history.ts';
import { walk } from './walk.ts';

const SEED = 20261126;
const RUNS = 25;

let cacheEnv: string | undefined;
beforeAll(() => {
  cacheEnv = process.env.LEDGER_CACHE;
  process.env.LEDGER_CACHE = 'off'; // both passes read Git: no cached history answers for either
});
afterAll(() => {
  if (cacheEnv === undefined) delete process.env.LEDGER_CACHE;
  else process.env.LEDGER_CACHE = cacheEnv;
});

function git(dir: string, args: string[], n = 0): string {
  const when = `2026-06-01T16:${String(n % 60).padStart(2, '0')}:00+08:00`;
  const p = WALK_PEOPLE['wang-fang'];
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir, GIT_AUTHOR_NAME: p.name, GIT_AUTHOR_EMAIL: p.emails[0], GIT_COMMITTER_NAME: p.name, GIT_COMMITTER_EMAIL: p.emails[0], GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when },
  }).trim();
}

function commit(dir: string, message: string, files: Record<string, string | null>, n: number) {
  for (const [path, text] of Object.entries(files)) {
    const abs = join(dir, path);
    if (text === null) rmSync(abs, { force: true });
    else {
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, text);
    }
  }
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '--allow-empty', '--no-verify', '-m', message], n);
}

/** The two ways to the site's history of the repository's HEAD. */
async function bothWays(dir: string): Promise<{ own: History; shared: History; whole: boolean[] }> {
  const head = git(dir, ['rev-parse', 'HEAD']);
  const whole: boolean[] = [];
  const outcome = await checkAll({ repoDir: dir, head, history: true }, (n) => whole.push(n === true));
  expect(outcome.history, 'a whole check from the root makes the pass').toBeDefined();
  const { names, namesKey } = await headNames(dir, head);
  const context = { names, namesKey };
  const own = await readHistory(dir, head, context);
  const shared = await readHistory(dir, head, context, Promise.resolve(outcome.history));
  return { own, shared, whole };
}

const same = (a: History, b: History) => {
  expect([...b.commits.values()]).toEqual([...a.commits.values()]);
  expect([...b.events]).toEqual([...a.events]);
  expect([...b.landed]).toEqual([...a.landed]);
};

describe('the history the check makes for the site', () => {
  it('is the history the site reads itself', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(), { minLength: 50, maxLength: 300 }),
        fc.integer({ min: 8, max: 40 }),
        fc.record({ broken: fc.boolean(), moved: fc.boolean(), deleted: fc.boolean(), merged: fc.boolean() }),
        async (choices, steps, extra) => {
          const { history } = walk(choices, steps, 2);
          const items = [...new Set(history.flatMap((c: HistoryCommit) => Object.keys(c.files)).filter((p) => p.endsWith('/item.md')))];
          const dir = await writeHistory(history);
          try {
            git(dir, ['checkout', '-q', '-f', 'main']);
            const first = items[0]!;
            const id = first.split('/').at(-2)!;
            let n = 0;
            if (extra.merged) {
              git(dir, ['checkout', '-q', '-b', 'side']);
              commit(dir, `${id} 报送落实情况（分支）`, { [reportPath(id, '2026-06-02-urban.md')]: '---\nunit: urban\ndate: 2026-06-02\n---\n分支上的情况。\n' }, n++);
              git(dir, ['checkout', '-q', 'main']);
            }
            const text = execFileSync('git', ['show', `HEAD:${first}`], { cwd: dir, encoding: 'utf8' });
            if (extra.broken) {
              commit(dir, `${id} 改坏`, { [first]: text.replace(/^state: .*$/m, 'state: 乱写的状态') }, n++);
              commit(dir, `${id} 改回`, { [first]: text }, n++);
            }
            if (extra.moved) {
              commit(dir, `${id} 移走`, { [first]: null, [first.replace('item.md', 'item-old.md')]: text }, n++);
              commit(dir, `${id} 移回`, { [first]: text, [first.replace('item.md', 'item-old.md')]: null }, n++);
            }
            if (extra.merged) git(dir, ['merge', '-q', '--no-ff', '-m', '合并 side', 'side'], n++);
            if (extra.deleted && items[1]) commit(dir, '删除事项', { [items[1]]: null }, n++);
            const { own, shared, whole } = await bothWays(dir);
            expect(whole).toEqual([true]);
            same(own, shared);
          } finally {
            rmSync(dir, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('is taken when worded with the same names, and passed over otherwise', async () => {
    const { history } = walk(Array.from({ length: 80 }, (_, i) => i * 7), 12, 1);
    const dir = await writeHistory(history);
    try {
      const head = git(dir, ['rev-parse', 'HEAD']);
      const outcome = await checkAll({ repoDir: dir, head, history: true });
      const { names, namesKey } = await headNames(dir, head);
      const marked = { ...outcome.history!, pass: { ...outcome.history!.pass, landed: new Map([['records/marker.md', head]]) } };
      const taken = await readHistory(dir, head, { names, namesKey }, Promise.resolve(marked));
      expect([...taken.landed]).toEqual([['records/marker.md', head]]);
      const other = await readHistory(dir, head, { names, namesKey: 'other:names' }, Promise.resolve(marked));
      expect(other.landed.has('records/marker.md')).toBe(false);
      expect(other.landed.size).toBeGreaterThan(0);
      const failed = await readHistory(dir, head, { names, namesKey }, Promise.reject(new Error('worker died')));
      expect([...failed.landed]).toEqual([...other.landed]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is not made when the check does not judge the whole history', async () => {
    const { history } = walk(Array.from({ length: 80 }, (_, i) => i * 5), 10, 1);
    const dir = await writeHistory(history);
    try {
      const head = git(dir, ['rev-parse', 'HEAD']);
      process.env.LEDGER_CACHE = join(dir, '.cache');
      const told: unknown[] = [];
      const cold = await checkAll({ repoDir: dir, head, history: true }, (n) => told.push(n));
      expect(cold.history).toBeDefined();
      const warm = await checkAll({ repoDir: dir, head, history: true }, (n) => told.push(n));
      expect(warm.history, 'the verdict came from the cache: no pass was made').toBeUndefined();
      expect(warm.result.issues).toEqual(cold.result.issues);
      expect(told).toEqual([true, false]);
      const plain = await checkAll({ repoDir: dir, head });
      expect(plain.history).toBeUndefined();
    } finally {
      process.env.LEDGER_CACHE = 'off';
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
