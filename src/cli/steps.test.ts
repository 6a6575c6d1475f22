/**
 * `ledger steps` and the program's outcomes, run in-process on the valid
 * fixture ledger and once through the package bin as staff would run it
 * (`npx ledger`): Chinese help, exit codes 0 / 1 / 2, no English errors.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from './main.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURE = resolve(ROOT, 'tests/fixtures/valid');

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runMain(argv, { out: (s) => void (out += s), err: (s) => void (err += s) });
  return { code, out, err };
}

describe('ledger steps', () => {
  it('lists the edges and amendments open to an item in progress, with what each writes', async () => {
    const r = await run('steps', 'DB-2026-0031', '--dir', FIXTURE);
    expect(r.code).toBe(0);
    expect(r.out).toContain('DB-2026-0031');
    expect(r.out).toMatch(/bulletin\s+督查通报 → 已通报/);
    expect(r.out).toMatch(/cancel\s+撤销 → 已撤销/);
    expect(r.out).toMatch(/extend\s+延期/);
  });

  it('lists only what the acting person may commit', async () => {
    const unit = await run('steps', 'DB-2026-0031', '--dir', FIXTURE, '--as', 'zhao-qiang', '--json');
    expect(unit.code).toBe(0);
    const actions = JSON.parse(unit.out).steps.map((s: { action: string }) => s.action);
    expect(actions).not.toContain('bulletin');
    expect(actions).not.toContain('cancel');
    expect(actions.length).toBeGreaterThan(0);
    const office = JSON.parse((await run('steps', 'DB-2026-0031', '--dir', FIXTURE, '--as', 'liu-yang', '--json')).out);
    expect(office.steps.map((s: { action: string }) => s.action)).toContain('bulletin');
  });

  it('a terminal item has no next step', async () => {
    const r = await run('steps', 'DB-2026-0003', '--dir', FIXTURE);
    expect(r.out).toContain('没有可以办理的环节');
  });

  it('refuses an unknown item (exit 1) and an unknown person with a suggestion (exit 2)', async () => {
    const missing = await run('steps', 'DB-2026-0999', '--dir', FIXTURE);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('找不到督办事项 “DB-2026-0999”');
    const typo = await run('steps', 'DB-2026-0031', '--dir', FIXTURE, '--as', 'liu-yan');
    expect(typo.code).toBe(2);
    expect(typo.err).toContain('是不是 “liu-yang”');
  });

  it('answers usage mistakes in Chinese with exit 2', async () => {
    const r = await run('stepz');
    expect(r.code).toBe(2);
    expect(r.err).toContain('不认识的命令 stepz');
    expect(r.err).toContain('steps');
    expect(r.err).not.toMatch(/error:|unknown/i);
    const opt = await run('steps', 'DB-2026-0031', '--colour');
    expect(opt.code).toBe(2);
    expect(opt.err).toContain('不认识的选项 --colour');
  });
});

describe('the package bin', () => {
  it('npx ledger --help prints Chinese help with every command and exits 0', () => {
    const out = execFileSync('npx', ['--no-install', 'ledger', '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(out).toContain('用法： ledger [选项] [命令]');
    expect(out).toContain('steps [选项] <编号>');
    expect(out).not.toMatch(/Usage:|Options:|Commands:/);
  });

  it('exit codes reach the shell', () => {
    const r = spawnSync('npx', ['--no-install', 'ledger', 'steps', 'DB-2026-0999', '--dir', FIXTURE], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('未办理');
  });
});
