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
const subjects = () => log.map((l) => l.split('|')[2]!);

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
    const files = execFileSync('git', ['-c', 'core.quotePath=false', 'ls-files', 'records'], { cwd: dir, encoding: 'utf8' }).trim().split('\n');
    const ours = execFileSync('git', ['-c', 'core.quotePath=false', 'ls-files', 'records'], { cwd: root, encoding: 'utf8' }).trim().split('\n');
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

  it('shows each step of the notice by the person who takes it', () => {
    const by = (story: string) => new Set(log.filter((l) => l.split('|')[2]!.includes(story)).map((l) => l.split('|')[0]));
    // 分解立项: a meeting and its items in one commit, by the office
    expect(log.filter((l) => l.includes('分解立项：')).length).toBeGreaterThanOrEqual(3);
    // 督查汇报: drafted by the office, reviewed by the supervision leader himself
    expect(by('起草督查汇报')).toEqual(new Set(['王芳']));
    expect(by('分管考核督查领导审阅')).toEqual(new Set(['孙志强']));
    expect(by('按批示修改定稿').size).toBeGreaterThan(0);
    // 签收 by the units' own people (and the office for calls it took)
    expect(by('签收（').size).toBeGreaterThanOrEqual(10);
    expect(subjects().some((s) => s.includes('退回重报'))).toBe(true);
    // scored by the business departments the plans name
    expect(by('实地督查考核打分')).toEqual(new Set(['罗斌', '许静']));
    expect(by('纪工委签收移送')).toEqual(new Set(['石岩']));
    expect(by('纪工委反馈处理结果')).toEqual(new Set(['陈磊']));
    expect(by('梳理汇总上报主要领导')).toEqual(new Set(['王芳']));
  });

  it('brings each attachment with the first commit that names it', () => {
    const added = execFileSync('git', ['-c', 'core.quotePath=false', 'log', '--diff-filter=A', '--name-only', '--format=%s', '--', 'records/items/*/*/attachments/*'], { cwd: dir, encoding: 'utf8' });
    expect(added).toMatch(/主要领导批阅：已批示\n\nrecords\/items\/2026\/DB-2026-0001\/attachments\/主要领导批示件\.pdf/);
    expect(added).toMatch(/报送落实情况（emergency，2026-02-14）\n\nrecords\/items\/2026\/DB-2026-0001\/attachments\/节日期间安全生产工作总结\.docx/);
  });
});
