/** log-stream.ts `own`: the same text, whatever its length or script (a commit's fields go through it). */
import { expect, test } from 'vitest';
import fc from 'fast-check';
import { own } from './log-stream.ts';

test('own returns a string equal to the one given', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
      expect(own(s)).toBe(s);
    }),
  );
  const log = `${'a'.repeat(40)}\x1f督查通报 第 3 期\x1f${'b'.repeat(40)}`;
  for (const part of log.split('\x1f')) expect(own(part)).toBe(part);
});
