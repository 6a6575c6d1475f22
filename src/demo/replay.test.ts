/**
 * The demo history replayed from records/: it passes the full-history
 * check, its final tree equals records/ byte for byte, and it tells the
 * stories an audit trail must show (a return, an extension, a flag, a
 * cancellation, a merged special application), by several people over months.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRange } from '../checker/check-range.ts';
import { formatIssue } from '../checker/format.ts';
import { buildDemoRepo } from './build-demo-repo.ts';

const root = resolve(import.meta.dirname, '../..');
let dir: string;
let log: string[];

beforeAll(async () => {
  dir = join(mkdtempSync(join(tmpdir(), 'ledger-demo-')), 'ledger');
  await buildDemoRepo(root, dir);
  log = execFileSync('git', ['log', '--format=%an|%ad|%s', '--date=short'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 }).trim().split('\n');
});
afterAll(() => rmSync(resolve(dir, '..'), { recursive: true, force: true }));

describe('demo history', () => {
  it('passes the full-history check', async () => {
    const r = await checkRange(dir, { all: true });
    expect(r.issues.map(formatIssue)).toEqual([]);
    expect(r.commits).toBeGreaterThan(300);
  });

  it('ends with records/ exactly as committed in this project', () => {
    const files = execFileSync('git', ['ls-files', 'records'], { cwd: dir, encoding: 'utf8' }).trim().split('\n');
    const ours = execFileSync('git', ['ls-files', 'records'], { cwd: root, encoding: 'utf8' }).trim().split('\n');
    expect(files.sort()).toEqual(ours.sort());
    for (const f of files) expect(readFileSync(join(dir, f)).equals(readFileSync(join(root, f))), f).toBe(true);
  });

  it('is the work of many people over months, with the stories an audit needs', () => {
    const authors = new Set(log.map((l) => l.split('|')[0]));
    const months = new Set(log.map((l) => l.split('|')[1]!.slice(0, 7)));
    expect(authors.size).toBeGreaterThanOrEqual(8);
    expect(months.size).toBeGreaterThanOrEqual(6);
    const subjects = log.map((l) => l.split('|')[2]!);
    for (const story of ['退回重办', '延期', '挂牌督办', '撤销', '合并督查', '报送落实情况', '印发督查通报', '印发督办通知']) {
      expect(subjects.some((s) => s.includes(story)), story).toBe(true);
    }
  });
});
