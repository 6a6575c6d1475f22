/**
 * Property (issue 7 part 10c): random byte-level mutations of valid records
 * (the fixture ledger `tests/fixtures/valid/records`) never crash the loader
 * or the checker — the working-tree rules and the history check of a commit
 * that lands the damaged file: only catalogue issues come out, each naming
 * a file of the ledger and a line in it, in a message with no leaked
 * `undefined` or `[object Object]`. Mutations flip, insert, delete and
 * overwrite bytes, YAML's special characters, CR/LF/TAB, a BOM, full-width
 * colons and spaces, and broken UTF-8. Bounded, fixed seeds.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRange } from '../../src/checker/check-range.ts';
import { CATALOG, type Issue } from '../../src/domain/issues.ts';
import { checkLedger } from '../../src/domain/rules/index.ts';
import { loadLedger } from '../../src/format/load-ledger.ts';
import { fastImport } from '../../src/io/git/fast-import.ts';

const ROOT = resolve(import.meta.dirname, '../fixtures/valid');
function* walkDir(dir: string): Generator<string> {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) yield* walkDir(p);
    else yield p;
  }
}
const FILES = [...walkDir(join(ROOT, 'records'))].map((p) => ({ path: relative(ROOT, p), bytes: new Uint8Array(readFileSync(p)) }));
const RECORDS = FILES.filter((f) => /\.(md|yml)$/.test(f.path) && !f.path.endsWith('README.md'));
const ALL_PATHS = new Set(FILES.map((f) => f.path));

const enc = (s: string) => [...new TextEncoder().encode(s)];
const INTERESTING: number[][] = [
  [0x00], [0xff], [0xfe], [0x0a], [0x0d], [0x09], [0x20], [0x3a], [0x2d], [0x22], [0x27], [0x5b], [0x5d], [0x7b], [0x7d], [0x23], [0x26], [0x2a], [0x21], [0x7c], [0x3e], [0x25], [0x40], [0x60],
  enc('：'), enc('\uFEFF'), enc('\u3000'), enc('---\n'), enc('\r\n'), enc(': '), enc('- '), enc('  '), [0xe4], [0xe4, 0xb8], enc('2026/4/30'), enc('2026-02-30'), enc('null'), enc('~'), enc('<<: *a'), enc('&a '),
];
const mutation = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), bytes: fc.oneof(fc.constantFrom(...INTERESTING), fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 4 })) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 16 }) }),
  fc.record({ op: fc.constant('overwrite' as const), at: fc.nat(), bytes: fc.constantFrom(...INTERESTING) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(bytes: Uint8Array, ms: Mutation[]): Uint8Array {
  let b = [...bytes];
  for (const m of ms) {
    const at = b.length ? m.at % (b.length + 1) : 0;
    if (m.op === 'flip') {
      if (b.length) b[at % b.length]! ^= 1 << m.bit;
    } else if (m.op === 'insert') b = [...b.slice(0, at), ...m.bytes, ...b.slice(at)];
    else if (m.op === 'delete') b = [...b.slice(0, at), ...b.slice(at + m.n)];
    else b = [...b.slice(0, at), ...m.bytes, ...b.slice(at + m.bytes.length)];
  }
  return new Uint8Array(b);
}

/** Every issue is a catalogue issue naming a ledger file and a line, in a message that reads. */
function wellFormed(issues: Issue[], paths: Set<string>): string[] {
  const bad: string[] = [];
  for (const i of issues) {
    const where = `${i.code} ${i.file}:${String(i.line)}`;
    if (!(i.code in CATALOG)) bad.push(`not in the catalogue: ${where}`);
    if (!paths.has(i.file) && i.file !== 'records') bad.push(`names no ledger file: ${where}`);
    if (!Number.isInteger(i.line) || i.line < 1) bad.push(`no line: ${where}`);
    if (typeof i.message !== 'string' || !i.message.trim() || /undefined|\[object Object\]|NaN/.test(i.message + (i.hint ?? ''))) bad.push(`message: ${where}: ${i.message} ${i.hint ?? ''}`);
  }
  return bad;
}

describe('random byte mutations of valid records', () => {
  it('never crash the loader or the working-tree rules; only catalogue issues with file and line come out', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 6 }), (n, ms) => {
        const target = RECORDS[n % RECORDS.length]!;
        const sources = FILES.map((f) => ({ path: f.path, text: f === target ? mutate(f.bytes, ms) : f.bytes }));
        const { ledger, issues } = loadLedger(sources);
        const all = [...issues, ...checkLedger(ledger, { today: '2026-11-24' })];
        expect(wellFormed(all, ALL_PATHS), target.path).toEqual([]);
      }),
      { numRuns: 300, seed: 20260707 },
    );
  });

  it('never crash the history check of the commit that lands them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-bytes-'));
    try {
      execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir });
      const office = { name: '王芳', email: 'wang.fang@zf.gov.cn' };
      // the valid ledger as one commit (the same object every time it is imported: no parent, fixed date)
      const first = { author: office, time: Date.parse('2026-11-24T10:00:00+08:00') / 1000, tz: '+0800', message: '台账', files: new Map<string, Uint8Array | null>(FILES.map((f) => [f.path, f.bytes])) };
      await fastImport(dir, 'main', [first]);
      const base = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim();
      let k = 0;
      await fc.assert(
        fc.asyncProperty(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 6 }), async (n, ms) => {
          const target = RECORDS[n % RECORDS.length]!;
          const branch = `m${k++}`;
          await fastImport(dir, branch, [first, { author: office, time: Date.parse('2026-11-25T10:00:00+08:00') / 1000, tz: '+0800', message: '改动', files: new Map([[target.path, mutate(target.bytes, ms)]]) }]);
          const r = await checkRange(dir, { range: `${base}..${branch}` });
          expect(wellFormed(r.issues, ALL_PATHS), target.path).toEqual([]);
          expect(r.issues.every((i) => i.commit?.sha), 'every history issue names its commit').toBe(true);
        }),
        { numRuns: 25, seed: 20260708 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
