/**
 * The benchmark's generated ledger is a valid one: a small ledger (every
 * kind, notices and plans, items at every depth of their path) passes the
 * working-tree check and the full-history check with no issue at all, so
 * `npm run bench` times checks of a ledger that is right, not error reports.
 * The history check is run again with its memory of parsed versions kept
 * small, as a 50,000-item history fills it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCommits } from '../checker/commit-check.ts';
import { checkRange } from '../checker/check-range.ts';
import { checkTree } from '../checker/check-tree.ts';
import { formatIssue } from '../checker/format.ts';
import { BlobReader } from '../io/git/cat-file.ts';
import { fastImport } from '../io/git/fast-import.ts';
import { generateLedger } from './generate.ts';

let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-generated-'));
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir });
  await fastImport(dir, 'main', generateLedger({ items: 300 }));
  execFileSync('git', ['checkout', '-q', '-f', 'main'], { cwd: dir });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('generated ledger (300 items)', () => {
  it('holds every kind, and notices naming units of several items', () => {
    const files = execFileSync('git', ['ls-files', 'records'], { cwd: dir, encoding: 'utf8' }).trim().split('\n');
    expect(files.filter((f) => f.endsWith('/item.md'))).toHaveLength(300);
    expect(files.some((f) => f.startsWith('records/notices/'))).toBe(true);
    expect(files.some((f) => f.startsWith('records/plans/'))).toBe(true);
    expect(files.some((f) => f.startsWith('records/summaries/'))).toBe(true);
  });

  it('passes the working-tree check', () => {
    const r = checkTree(dir, { today: '2099-12-31' });
    expect(r.issues.map(formatIssue)).toEqual([]);
  });

  it('passes the full-history check', async () => {
    const r = await checkRange(dir, { all: true });
    expect(r.issues.map(formatIssue)).toEqual([]);
    expect(r.commits).toBeGreaterThan(1000);
  });

  it('passes it too when the parsed versions kept between batches overflow at once (as at 50,000 items)', async () => {
    // bounds about one batch's versions: versions parsed before the batch, then dropped in the middle of it
    for (const keepParsed of [150, 200, 250]) {
      const reader = new BlobReader(dir);
      try {
        const r = await checkCommits(dir, reader, { revs: ['HEAD'], shallow: new Set(), keepParsed });
        expect(r.issues.map(formatIssue), `keepParsed ${keepParsed}`).toEqual([]);
      } finally {
        reader.close();
      }
    }
  });
});
