/**
 * One broken file yields its own issues only: records that point at it do
 * not each report it missing. And a checkout without records/ is told so.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { FIXTURES } from '../../tests/fixtures/cases.ts';
import { checkTree } from './check-tree.ts';
import { formatIssue } from './format.ts';

const dirs: string[] = [];
const copyValid = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-cascade-'));
  cpSync(join(FIXTURES, 'valid'), dir, { recursive: true });
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

it('an item that fails its schema is reported once, not by its reports and notice too', () => {
  const dir = copyValid();
  const file = join(dir, 'records/items/2026/DB-2026-0031/item.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/\nkind: meeting/, '\nkind: meetin'));
  const issues = checkTree(dir, { today: '2026-11-24' }).issues;
  expect(issues.map((i) => `${i.file} ${i.code}`)).toEqual(['records/items/2026/DB-2026-0031/item.md invalid-value']);
});

it('a directory without records/ gets a Chinese message, not a stack trace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-empty-'));
  dirs.push(dir);
  const issues = checkTree(dir, { today: '2026-11-24' }).issues;
  expect(issues.map(formatIssue)[0]).toBe(
    'records:1: 【unreadable-file】无法读取文件：找不到 records 文件夹\n    提示：请在台账仓库的根目录运行，或用 --dir 指定台账仓库的路径',
  );
});
