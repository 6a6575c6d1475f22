/**
 * Bulletin figures against the ledger as of the bulletin's commit (the
 * history side of the bulletin-figures rule), in a real Git repository.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../tests/fixtures/cases.ts';
import { bulletinFiguresAt } from './bulletin-figures-at.ts';

const root = mkdtempSync(join(tmpdir(), 'ledger-figures-at-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('as of the bulletin’s commit', () => {
  it('a later commit that changes an item does not make an earlier bulletin wrong; a tampered one is caught at its commit', async () => {
    const dir = mkdtempSync(join(root, 'git-'));
    cpSync(join(FIXTURES, 'valid/records'), join(dir, 'records'), { recursive: true });
    const git = (...a: string[]) => execFileSync('git', a, { cwd: dir, env: { ...process.env, HOME: dir, GIT_AUTHOR_NAME: 'x', GIT_AUTHOR_EMAIL: 'x@x', GIT_COMMITTER_NAME: 'x', GIT_COMMITTER_EMAIL: 'x@x' }, encoding: 'utf8' }).trim();
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'ledger');
    const good = git('rev-parse', 'HEAD');
    const file = 'records/bulletins/2026/TB-2026-04.md';
    const paths = new Set([file]);
    expect(await bulletinFiguresAt(dir, good, paths)).toEqual([]);
    const text = readFileSync(join(dir, file), 'utf8');
    writeFileSync(join(dir, file), text.replace('  feedback_rate: 20%', '  feedback_rate: 80%'));
    git('commit', '-q', '-am', 'tampered');
    const bad = await bulletinFiguresAt(dir, git('rev-parse', 'HEAD'), paths);
    expect(bad.map((i) => i.message)).toEqual(['通报中 figures.feedback_rate 写的是 “80%”，按台账截至 2026-04-30 的记录计算应为 “20%”']);
  });
});

describe('the range check', () => {
  it('flags a bulletin pushed with a hand-changed rate, as of its commit', async () => {
    const { checkRange } = await import('./check-range.ts');
    const dir = mkdtempSync(join(root, 'range-'));
    cpSync(join(FIXTURES, 'valid/records'), join(dir, 'records'), { recursive: true });
    const env = (date: string) => ({ ...process.env, HOME: dir, GIT_AUTHOR_NAME: '孙丽', GIT_AUTHOR_EMAIL: 'sun.li@zhangfan.gov.cn', GIT_COMMITTER_NAME: '孙丽', GIT_COMMITTER_EMAIL: 'sun.li@zhangfan.gov.cn', GIT_AUTHOR_DATE: `${date}T10:00:00+08:00`, GIT_COMMITTER_DATE: `${date}T10:00:00+08:00` });
    const git = (date: string, ...a: string[]) => execFileSync('git', a, { cwd: dir, env: env(date), encoding: 'utf8' });
    git('2026-11-20', 'init', '-q', '-b', 'main');
    git('2026-11-20', 'add', '-A');
    git('2026-11-20', 'commit', '-q', '-m', 'ledger');
    const file = join(dir, 'records/bulletins/2026/TB-2026-04.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  due: 3', '  due: 2'));
    git('2026-11-21', 'commit', '-q', '-am', '改数字');
    const r = await checkRange(dir, { range: 'HEAD~1..HEAD' });
    expect(r.issues.filter((i) => i.code === 'bulletin-figures').map((i) => i.message)).toEqual(['通报中 figures.due 写的是 “2”，按台账截至 2026-04-30 的记录计算应为 “3”']);
  });
});
