/**
 * SITE_HEAP_GROWTH (env.ts `heapGrowth`): a whole percent from 5 to 400;
 * `0`/`off` leaves V8's own; anything else the default. The environment a
 * build starts with (`siteBuildEnv`) and what a build was started without
 * (`missingAllocatorEnv`).
 */
import { expect, test } from 'vitest';
import { ALLOCATOR_ENV, DEFAULT_HEAP_GROWTH, heapGrowth, missingAllocatorEnv, siteBuildEnv } from './env.ts';

test('SITE_HEAP_GROWTH is a whole percent from 5 to 400, 0 or off leaves V8 its own, anything else is the default', () => {
  expect(heapGrowth({ SITE_HEAP_GROWTH: '20' })).toBe(20);
  expect(heapGrowth({ SITE_HEAP_GROWTH: ' 5 ' })).toBe(5);
  expect(heapGrowth({ SITE_HEAP_GROWTH: '400' })).toBe(400);
  for (const off of ['0', 'off', ' OFF ']) expect(heapGrowth({ SITE_HEAP_GROWTH: off })).toBeUndefined();
  expect(DEFAULT_HEAP_GROWTH).toBe(30);
  for (const bad of [undefined, '', '4', '401', '1.5', '-20', '20%', 'abc']) expect(heapGrowth({ SITE_HEAP_GROWTH: bad })).toBe(DEFAULT_HEAP_GROWTH);
});

test('a build starts with the caller\'s variables, telemetry off and both allocator settings', () => {
  expect(siteBuildEnv({ LEDGER_REPO: '/x', PATH: '/bin' })).toEqual({ LEDGER_REPO: '/x', PATH: '/bin', ASTRO_TELEMETRY_DISABLED: '1', MIMALLOC_PURGE_DELAY: '0', MALLOC_ARENA_MAX: '2' });
});

test('a value the caller set wins (to measure a build without the settings)', () => {
  expect(siteBuildEnv({ MIMALLOC_PURGE_DELAY: '10', MALLOC_ARENA_MAX: '8', ASTRO_TELEMETRY_DISABLED: '0' })).toMatchObject({ MIMALLOC_PURGE_DELAY: '10', MALLOC_ARENA_MAX: '8', ASTRO_TELEMETRY_DISABLED: '0' });
});

test('missingAllocatorEnv names the settings a process was started without', () => {
  expect(missingAllocatorEnv({})).toEqual(Object.keys(ALLOCATOR_ENV));
  expect(missingAllocatorEnv({ MIMALLOC_PURGE_DELAY: '0' })).toEqual(['MALLOC_ARENA_MAX']);
  expect(missingAllocatorEnv(siteBuildEnv({}))).toEqual([]);
});
