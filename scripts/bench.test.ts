/**
 * The benchmark runs end to end on a tiny ledger and prints its table with
 * every step beside its peer or floor. No timing is asserted here: targets
 * are the benchmark's business (a missed target is its exit code, not a
 * failed test).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const out = mkdtempSync(join(tmpdir(), 'ledger-bench-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

it('bench on 30 items prints every step with its yardstick and writes JSON', () => {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/node'), ['scripts/bench.ts', '--items', '30', '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  expect(r.stderr).not.toMatch(/Error:/);
  for (const step of ['floor: read every record file', 'floor: git log -z --raw', 'floor: cat-file --batch', 'working-tree check', 'one-commit push (pre-receive hook)', 'full-history check', 'peer: stock Astro build', 'peer: Pagefind CLI', 'site build', 'site rebuild after one commit']) {
    expect(r.stdout, step).toContain(step);
  }
  const json = JSON.parse(readFileSync(join(out, 'results-30.json'), 'utf8'));
  expect(json.items).toBe(30);
  const site = json.rows.find((x: { step: string }) => x.step.startsWith('site build'));
  expect(site.yardstick).toBe('stock Astro + Pagefind');
  expect(site.ratio).toBeGreaterThan(0);
  expect(site.note).not.toMatch(/FAILED/);
  for (const row of json.rows) expect(row.note ?? '', row.step).not.toMatch(/FAILED/);
  const peer = json.rows.find((x: { step: string }) => x.step.startsWith('peer: stock Astro build'));
  expect(peer.step).toMatch(/\((\d+) pages\)/);
  expect(Number(/\((\d+) pages\)/.exec(peer.step)![1])).toBeGreaterThan(30);
  const tree = json.rows.find((x: { step: string }) => x.step === 'working-tree check');
  expect(tree.note).not.toMatch(/FAILED/);
});
