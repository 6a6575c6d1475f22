/**
 * `scripts/check.ts` as staff and CI run it: a child process on a fixture
 * ledger, judged by exit code and output. The checker only reads: the
 * fixture's bytes are the same afterwards.
 */
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { copyCase, FIXTURES } from '../../tests/fixtures/cases.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const NODE = join(REPO, 'node_modules/.bin/node');
const SCRIPT = join(REPO, 'scripts/check.ts');
const VALID = join(FIXTURES, 'valid');

const root = mkdtempSync(join(tmpdir(), 'ledger-check-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function check(dir: string, ...extra: string[]) {
  const r = spawnSync(NODE, [SCRIPT, '--dir', dir, '--today', '2026-11-24', ...extra], {
    cwd: root, // not the repository: the checker must not look at its own records/
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file, directory and symlink under `dir` with its bytes (or link target). */
function snapshotTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    const abs = join(dir, rel);
    const st = lstatSync(abs);
    if (st.isSymbolicLink()) out.set(rel, `link:${readlinkSync(abs)}`);
    else if (st.isDirectory()) {
      out.set(rel, `dir:${st.mode}`);
      for (const name of readdirSync(abs).sort()) walk(rel ? `${rel}/${name}` : name);
    } else out.set(rel, `file:${st.mode}:${readFileSync(abs).toString('base64')}`);
  };
  walk('');
  return out;
}

describe('npm run check (working tree)', () => {
  it('passes the valid ledger with exit 0 and changes nothing in it', () => {
    const before = snapshotTree(VALID);
    const r = check(VALID);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^检查通过：32 个文件，没有错误（用时 \d+ 毫秒）\n$/);
    expect(snapshotTree(VALID)).toEqual(before);
  });

  it('fails a broken ledger with exit 1, naming file, line and code', () => {
    const dir = copyCase('wrong-signer', root);
    const before = snapshotTree(dir);
    const r = check(dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^records\/items\/2026\/DB-2026-0001\/item\.md:25: 【wrong-signer】/m);
    expect(r.stdout).toMatch(/^ {4}提示：此处须由以下角色之一签批：主要领导/m);
    expect(r.stdout).toMatch(/检查未通过：32 个文件，1 个错误（用时 \d+ 毫秒）。请按提示修改后重新提交。\n$/);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('reports unreadable and undecodable files without touching them', () => {
    const dir = copyCase('unreadable-file-symlink', root);
    const before = snapshotTree(dir);
    const r = check(dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^records\/notices\/TZ-2026-008\.md:1: 【unreadable-file】/m);
    expect(snapshotTree(dir)).toEqual(before);

    const gbk = copyCase('not-utf8-gbk-report', root);
    const gbkBefore = snapshotTree(gbk);
    expect(check(gbk).stdout).toMatch(/^records\/items\/2026\/DB-2026-0031\/reports\/2026-03-20-urban\.md:1: 【not-utf8】/m);
    expect(snapshotTree(gbk)).toEqual(gbkBefore);
  });

  it('passes a ledger with only warnings (exit 0)', () => {
    const r = check(copyCase('visibility-wider', root));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^records\/bulletins\/2026\/TB-2026-04\.md:9: 【visibility-wider】［警告］/m);
    expect(r.stdout).toMatch(/检查通过：32 个文件，没有错误，1 个警告/);
  });

  it('prints JSON with --json', () => {
    const ok = JSON.parse(check(VALID, '--json').stdout);
    expect(ok).toMatchObject({ version: 1, summary: { errors: 0, warnings: 0, files: 32 }, issues: [] });

    const r = check(copyCase('yaml-bad-indent', root), '--json');
    expect(r.code).toBe(1);
    const bad = JSON.parse(r.stdout);
    expect(bad.summary.errors).toBe(1);
    expect(bad.summary.warnings).toBe(0);
    expect(bad.issues).toEqual([
      expect.objectContaining({ code: 'yaml-syntax', severity: 'error', file: 'records/items/2026/DB-2026-0033/item.md', line: 8 }),
    ]);
  });

  it('says that records/ is missing in an empty directory', () => {
    const empty = mkdtempSync(join(root, 'empty-'));
    const r = check(empty);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^records:1: 【unreadable-file】/m);
    expect(r.stdout).toMatch(/^records\/config\.yml:1: 【missing-registry】/m);
  });

  it('exits 2 on bad usage', () => {
    const r = check(VALID, '--no-such-option');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('参数有误');
    expect(r.stdout).toBe('');
  });
});
