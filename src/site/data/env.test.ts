/** SITE_HEAP_GROWTH (env.ts `heapGrowth`): a whole percent from 5 to 400; `0`/`off` leaves V8's own; anything else the default. */
import { expect, test } from 'vitest';
import { DEFAULT_HEAP_GROWTH, heapGrowth } from './env.ts';

test('SITE_HEAP_GROWTH is a whole percent from 5 to 400, 0 or off leaves V8 its own, anything else is the default', () => {
  expect(heapGrowth({ SITE_HEAP_GROWTH: '20' })).toBe(20);
  expect(heapGrowth({ SITE_HEAP_GROWTH: ' 5 ' })).toBe(5);
  expect(heapGrowth({ SITE_HEAP_GROWTH: '400' })).toBe(400);
  for (const off of ['0', 'off', ' OFF ']) expect(heapGrowth({ SITE_HEAP_GROWTH: off })).toBeUndefined();
  expect(DEFAULT_HEAP_GROWTH).toBe(30);
  for (const bad of [undefined, '', '4', '401', '1.5', '-20', '20%', 'abc']) expect(heapGrowth({ SITE_HEAP_GROWTH: bad })).toBe(DEFAULT_HEAP_GROWTH);
});
