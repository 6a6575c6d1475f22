/** SITE_HEAP_GROWTH (env.ts `heapGrowth`): a whole percent from 5 to 400, anything else left to V8. */
import { expect, test } from 'vitest';
import { heapGrowth } from './env.ts';

test('SITE_HEAP_GROWTH is a whole percent from 5 to 400; anything else is ignored', () => {
  expect(heapGrowth({ SITE_HEAP_GROWTH: '20' })).toBe(20);
  expect(heapGrowth({ SITE_HEAP_GROWTH: ' 5 ' })).toBe(5);
  expect(heapGrowth({ SITE_HEAP_GROWTH: '400' })).toBe(400);
  for (const bad of [undefined, '', '4', '401', '1.5', '-20', '20%', 'abc']) expect(heapGrowth({ SITE_HEAP_GROWTH: bad })).toBeUndefined();
});
