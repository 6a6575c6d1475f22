/**
 * The worker-thread reader gives exactly what the plain reader gives: the
 * same files in the same order with the same bytes, and the same issues for
 * symlinks, oversized files and a missing records/ folder.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { FIXTURES } from '../../tests/fixtures/cases.ts';
import type { SourceText } from '../format/load-ledger.ts';
import { ATTACHMENT_HEAD, MAX_RECORD_BYTES, readRecordsTree, streamRecordsTree } from './read-tree.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function both(dir: string) {
  const plain = readRecordsTree(dir);
  const streamed: SourceText[] = [];
  const r = await streamRecordsTree(dir, (files) => streamed.push(...files));
  return { plain, streamed, r };
}

it('reads a ledger the same way on both paths, odd files included', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-read-'));
  dirs.push(dir);
  cpSync(join(FIXTURES, 'valid'), dir, { recursive: true });
  symlinkSync('TZ-2026-007.md', join(dir, 'records/notices/TZ-2026-008.md'));
  writeFileSync(join(dir, 'records/notices/TZ-2026-009.md'), Buffer.alloc(MAX_RECORD_BYTES + 1, 0x61));
  writeFileSync(join(dir, 'records/notices/TZ-2026-010.md'), Buffer.from([0xd5, 0xc5, 0xb7, 0xb6])); // GBK bytes: read as they are
  const { plain, streamed, r } = await both(dir);
  expect(streamed.map((s) => s.path)).toEqual(plain.sources.map((s) => s.path));
  streamed.forEach((s, i) => expect(Buffer.from(s.text as Uint8Array).equals(Buffer.from(plain.sources[i]!.text as Uint8Array))).toBe(true));
  expect(r.files).toBe(plain.sources.length);
  expect(r.issues.map((i) => `${i.file} ${i.message}`).sort()).toEqual(plain.issues.map((i) => `${i.file} ${i.message}`).sort());
  expect(r.issues.map((i) => i.file).sort()).toEqual(['records/notices/TZ-2026-008.md', 'records/notices/TZ-2026-009.md']);
});

it('says records/ is missing on both paths', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-read-empty-'));
  dirs.push(dir);
  const { plain, r } = await both(dir);
  expect(r.issues).toEqual(plain.issues);
  expect(r.issues[0]!.message).toContain('找不到 records 文件夹');
});

it('reads attachments as bytes on both paths: small ones whole, large ones by head and tail with their size', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-read-att-'));
  dirs.push(dir);
  cpSync(join(FIXTURES, 'valid'), dir, { recursive: true });
  const att = 'records/items/2026/DB-2026-0031/attachments';
  mkdirSync(join(dir, att), { recursive: true });
  const big = Buffer.alloc(3 * 1024 * 1024 + 5, 0x20); // larger than a text record may be
  big.write('%PDF-1.7', 0);
  big.write('%%EOF', big.length - 6);
  writeFileSync(join(dir, att, '扫描件.pdf'), big);
  const { plain, streamed, r } = await both(dir);
  expect(r.issues).toEqual([]);
  expect(plain.issues).toEqual([]);
  for (const list of [plain.sources, streamed]) {
    const s = list.find((x) => x.path === `${att}/扫描件.pdf`)!;
    expect(s.size).toBe(big.length);
    expect((s.text as Uint8Array).length).toBe(ATTACHMENT_HEAD);
    expect(Buffer.from(s.tail!).subarray(-6).toString()).toBe('%%EOF ');
    const small = list.find((x) => x.path.endsWith('现场核查照片.jpg'))!;
    expect(small.size).toBeUndefined();
    expect((small.text as Uint8Array)[0]).toBe(0xff);
  }
});
