/**
 * `npm start`: regenerate the demo ledger repository from records/ (unless
 * LEDGER_REPO names another one), build the site for SITE_BUILD (default
 * internal) and serve it on http://localhost:4321 (PORT to change).
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { buildDemoRepo } from '../src/demo/build-demo-repo.ts';
import { serveStatic } from './serve.ts';
import { siteBuildEnv } from '../src/site/data/env.ts';

const root = resolve(import.meta.dirname, '..');
const env = siteBuildEnv(process.env);
if (!process.env.LEDGER_REPO) {
  const t0 = Date.now();
  const repo = await buildDemoRepo(root, join(root, '.demo/ledger'));
  console.log(`演示台账仓库已生成：${repo.dir}（${repo.commits} 个提交，${Date.now() - t0} 毫秒）`);
  env.LEDGER_REPO = repo.dir;
}
const out = resolve(root, process.env.SITE_OUT || 'dist');
const t1 = Date.now();
const r = spawnSync(join(root, 'node_modules/.bin/astro'), ['build'], { cwd: root, env: { ...env, SITE_OUT: out }, stdio: 'inherit' });
if (r.status !== 0) {
  console.error('网站构建失败，见上面的输出。');
  process.exit(r.status ?? 1);
}
console.log(`网站构建完成（${((Date.now() - t1) / 1000).toFixed(1)} 秒）：${out}`);
const port = Number(process.env.PORT || 4321);
const { url } = await serveStatic(out, port);
console.log(`请在浏览器中打开 ${url}/ （按 Ctrl+C 停止）`);
