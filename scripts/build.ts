/**
 * `npm run build [-- <astro build options>]`: `astro build` with the
 * environment every build of the site runs with (`siteBuildEnv`, src/site/data/env.ts).
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { siteBuildEnv } from '../src/site/data/env.ts';

const root = resolve(import.meta.dirname, '..');
const r = spawnSync(join(root, 'node_modules/.bin/astro'), ['build', ...process.argv.slice(2)], { cwd: root, env: siteBuildEnv(process.env), stdio: 'inherit' });
if (r.error) console.error(`无法启动 astro：${r.error.message}（先运行 npm ci）`);
process.exit(r.status ?? 1);
