/**
 * `npm run build` goes through scripts/build.ts, which starts `astro build`
 * with the site's build environment (`siteBuildEnv`, src/site/data/env.ts)
 * and passes its arguments on.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

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
