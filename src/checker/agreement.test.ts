/**
 * The history check and the working-tree check agree on every commit: a
 * commit the history check accepts leaves a tree the working-tree check
 * accepts (as of the commit's date), and a tree that fails was refused by
 * the history check at that commit. Replayed over the whole demo history
 * and over the ways a record can leave the checked set.
 *
 * The tree of each commit is kept in memory as the log streams by (one
 * `git log`, one `git cat-file`), each file version parsed once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { beijingDateOf } from '../domain/dates.ts';
import type { Issue } from '../domain/issues.ts';
import { emptyLedger } from '../domain/ledger.ts';
import { checkLedger } from '../domain/rules/index.ts';
import { buildDemoRepo } from '../demo/build-demo-repo.ts';
import { classifyPath, RECORDS_DIR } from '../format/layout.ts';
import { addRecord, loadOne, onlyRecord } from '../format/load-ledger.ts';
import { BlobReader } from '../io/git/cat-file.ts';
import { logCommits } from '../io/git/log-stream.ts';
import { checkRange } from './check-range.ts';
import { itemFile, record, superiorItem, TestRepo } from './test-repo.ts';

const root = resolve(import.meta.dirname, '../..');
const cleanup: string[] = [];
afterAll(() => {
  for (const d of cleanup) rmSync(d, { recursive: true, force: true });
});

interface Verdict {
  sha: string;
  history: string[];
  tree: string[];
}

/** For each commit, oldest first: the history check's errors for it and the working-tree check's errors on its tree. */
async function verdicts(dir: string): Promise<Verdict[]> {
  const history = await checkRange(dir, { all: true });
  const bySha = new Map<string, Issue[]>();
  for (const i of history.issues) if (i.commit && i.severity === 'error') bySha.set(i.commit.sha, [...(bySha.get(i.commit.sha) ?? []), i]);
  const reader = new BlobReader(dir);
  const files = new Map<string, string>(); // path → blob
  const parsed = new Map<string, { ledger: ReturnType<typeof emptyLedger>; issues: Issue[] }>();
  const out: Verdict[] = [];
  try {
    for await (const c of logCommits(dir, { revs: ['HEAD'], pathPrefix: `${RECORDS_DIR}/` })) {
      for (const ch of c.changes) {
        if (ch.oldPath) files.delete(ch.oldPath);
        if (ch.newBlob) files.set(ch.path, ch.newBlob);
        else files.delete(ch.path);
      }
      const need = [...files].filter(([p, b]) => !parsed.has(`${b}:${p}`));
      const texts = await reader.readMany(need.map(([, b]) => b));
      need.forEach(([p, b], k) => {
        const l = emptyLedger();
        const cls = classifyPath(p);
        const issues = cls ? loadOne(l, { path: p, text: texts[k]! }, cls) : [];
        parsed.set(`${b}:${p}`, { ledger: l, issues: cls === null ? [{ code: 'unknown-file', severity: 'error', file: p, line: 1, message: p }] : issues });
      });
      const ledger = emptyLedger();
      const loadIssues: Issue[] = [];
      for (const [p, b] of files) {
        const v = parsed.get(`${b}:${p}`)!;
        loadIssues.push(...v.issues);
        const l = v.ledger;
        ledger.people.push(...l.people);
        ledger.units.push(...l.units);
        ledger.config ??= l.config;
        const rec = onlyRecord(l);
        const cls = classifyPath(p);
        if (rec && cls) addRecord(ledger, cls.kind, rec);
        for (const id of l.invalid) ledger.invalid.add(id);
      }
      const tree = [...loadIssues, ...checkLedger(ledger, { today: beijingDateOf(c.author.date) })].filter((i) => i.severity === 'error');
      out.push({ sha: c.sha, history: (bySha.get(c.sha) ?? []).map((i) => `${i.code} ${i.file}`), tree: tree.map((i) => `${i.code} ${i.file}`) });
    }
  } finally {
    reader.close();
  }
  return out;
}

describe('history and working tree agree on every commit', () => {
  it('of the demo history (every commit passes both)', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'ledger-agree-')), 'ledger');
    cleanup.push(resolve(dir, '..'));
    await buildDemoRepo(root, dir);
    const v = await verdicts(dir);
    expect(v.length).toBeGreaterThan(300);
    const disagree = v.filter((x) => (x.history.length === 0) !== (x.tree.length === 0));
    expect(disagree).toEqual([]);
    expect(v.filter((x) => x.history.length || x.tree.length)).toEqual([]);
  }, 120_000);

  it('when a record leaves the checked set (renamed into an ignored folder, out of records/, deleted): both refuse', async () => {
    for (const to of ['records/items/_trash/DB-2026-0001', 'attic/DB-2026-0001', null]) {
      const repo = TestRepo.create();
      cleanup.push(repo.dir);
      const F = itemFile('DB-2026-0001');
      repo.commit({ by: 'wang-fang', date: '2026-03-02', files: { [F]: record(superiorItem('DB-2026-0001', 'registered')) } });
      repo.commit({ by: 'zhang-wei', date: '2026-03-03', files: { [F]: record(superiorItem('DB-2026-0001', 'instructed')) } });
      repo.commit({ by: 'wang-fang', date: '2026-03-04', files: { [F]: record(superiorItem('DB-2026-0001', 'assigned')) } });
      repo.commit({
        by: 'wang-fang',
        date: '2026-03-04',
        files: { 'records/notices/TZ-2026-001.md': record({ id: 'TZ-2026-001', title: '督办通知', date: '2026-03-04', by: 'wang-fang', items: ['DB-2026-0001'], to_units: ['urban', 'env'] }) },
      });
      if (to) {
        const { mkdirSync } = await import('node:fs');
        mkdirSync(join(repo.dir, to, '..'), { recursive: true });
        repo.git('mv', 'records/items/2026/DB-2026-0001', to);
        repo.commit({ by: 'wang-fang', date: '2026-03-06', files: {} });
      } else repo.commit({ by: 'wang-fang', date: '2026-03-06', files: { [F]: null } });
      const v = await verdicts(repo.dir);
      expect(v.filter((x) => (x.history.length === 0) !== (x.tree.length === 0)), String(to)).toEqual([]);
      const last = v.at(-1)!;
      expect(last.history, String(to)).toContain('unknown-item records/notices/TZ-2026-001.md');
      expect(last.tree, String(to)).toContain('unknown-item records/notices/TZ-2026-001.md');
    }
  });
});
