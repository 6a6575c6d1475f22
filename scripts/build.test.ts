/**
 * `npm run build` goes through scripts/build.ts, which starts `astro build`
 * with the site's build environment (site-build-env.ts) and passes its
 * arguments on.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteBuildEnv } from './site-build-env.ts';

const ROOT = resolve(import.meta.dirname, '..');

describe('siteBuildEnv', () => {
  it('keeps the caller\'s variables and adds the allocator settings and no telemetry', () => {
    const env = siteBuildEnv({ LEDGER_REPO: '/x', PATH: '/bin' });
    expect(env).toEqual({ LEDGER_REPO: '/x', PATH: '/bin', ASTRO_TELEMETRY_DISABLED: '1', MIMALLOC_PURGE_DELAY: '0', MALLOC_ARENA_MAX: '2' });
  });

  it('lets a value the caller set win (to measure a build without them)', () => {
    expect(siteBuildEnv({ MIMALLOC_PURGE_DELAY: '10', MALLOC_ARENA_MAX: '8' })).toMatchObject({ MIMALLOC_PURGE_DELAY: '10', MALLOC_ARENA_MAX: '8' });
  });
});

describe('npm run build', () => {
  it('is scripts/build.ts', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts.build).toBe('node scripts/build.ts');
  });

  it('starts astro build with its arguments and returns its exit code', () => {
    const r = spawnSync(join(ROOT, 'node_modules/.bin/node'), [join(ROOT, 'scripts/build.ts'), '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('astro build');
  });
});
