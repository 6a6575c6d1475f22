/** jsonChunks: its pieces joined are JSON.stringify's text, for any value JSON.stringify takes. */
import { expect, test } from 'vitest';
import fc from 'fast-check';
import { jsonChunks } from './json-chunks.ts';

const join = (v: unknown, depth?: number) => [...jsonChunks(v, depth)].join('');

test('the pieces joined are JSON.stringify of the value, at any depth', () => {
  // JSON values with the things JSON.stringify drops or replaces: undefined and functions
  // (left out of objects, null in arrays), Dates (toJSON), class instances, Maps, null prototypes
  const odd = fc.oneof(
    fc.constant(undefined),
    fc.constant(() => 1),
    fc.date({ noInvalidDate: true }),
    fc.constant(new Map([[1, 2]])),
    fc.string().map((s) => Object.assign(Object.create(null) as object, { s })),
    fc.integer().map((n) => new (class Box { n = n })()),
    fc.constantFrom(NaN, Infinity, -0),
  );
  const value = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), odd, fc.array(tie('node'), { maxLength: 5 }), fc.dictionary(fc.string(), tie('node'), { maxKeys: 5 })),
  })).node;
  fc.assert(
    fc.property(value, fc.integer({ min: 0, max: 6 }), (v, depth) => {
      if (v === undefined || typeof v === 'function') return; // JSON.stringify gives no text at the top
      expect(join(v, depth)).toBe(JSON.stringify(v));
    }),
    { numRuns: 2000 },
  );
});

test('a large array comes in many small pieces, none of them the whole', () => {
  const rows = Array.from({ length: 1000 }, (_, i) => ({ sha: `c${i}`, text: '督查'.repeat(50) }));
  const pieces = [...jsonChunks({ commits: rows })];
  expect(pieces.length).toBeGreaterThan(1000);
  expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(200);
  expect(pieces.join('')).toBe(JSON.stringify({ commits: rows }));
});
