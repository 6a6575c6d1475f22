/**
 * The commands that read the whole ledger (stats, exports, drafts) read it
 * through the ledger's caches: the answer after an edit is the answer
 * without any cache.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, expect, it } from 'vitest';
import { FIXTURES } from '../../tests/fixtures/cases.ts';
import { runMain } from './main.ts';

const root = mkdtempSync(join(tmpdir(), 'ledger-whole-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const saved = process.env.LEDGER_CACHE;
afterEach(() => {
  if (saved === undefined) delete process.env.LEDGER_CACHE;
  else process.env.LEDGER_CACHE = saved;
});

async function stats(dir: string): Promise<string> {
  let out = '';
  const code = await runMain(['stats', '--json', '--period', '2026', '--today', '2026-11-24', '--dir', dir], { out: (s) => void (out += s), err: () => {} });
  expect(code).toBe(0);
  return out;
}

it('stats read through the caches equal stats without them, before and after an edit', async () => {
  const dir = mkdtempSync(join(root, 'ledger-'));
  cpSync(join(FIXTURES, 'valid/records'), join(dir, 'records'), { recursive: true });
  execFileSync('git', ['init', '-q', dir]);
  delete process.env.LEDGER_CACHE;
  const cold = await stats(dir);
  expect(await stats(dir)).toBe(cold);
  // an overdue item changes hands: the units' figures change
  const file = join(dir, 'records/items/2026/DB-2026-0031/item.md');
  const text = readFileSync(file, 'utf8');
  const edited = text.replace('lead_unit: urban ', 'lead_unit: safety').replace('co_units: [env, community-3]', 'co_units: [env, urban]');
  expect(edited).not.toBe(text);
  writeFileSync(file, edited);
  const warm = await stats(dir);
  process.env.LEDGER_CACHE = 'off';
  const none = await stats(dir);
  expect(warm).toBe(none);
  expect(warm).not.toBe(cold);
});
