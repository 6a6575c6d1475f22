#!/usr/bin/env node
// The `ledger` command (`npx ledger …` in a ledger repository). The project
// runs on Node >= 22.18 (TypeScript sources run as they are); a machine whose
// `node` is older gets the project's own Node from node_modules/.bin.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  const own = fileURLToPath(new URL('../node_modules/.bin/node', import.meta.url));
  if (!existsSync(own)) {
    process.stderr.write(`ledger 需要 Node 22.18 或更高版本（当前 ${process.version}）；请在项目文件夹执行 npm install。\n`);
    process.exit(2);
  }
  const r = spawnSync(own, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 2);
}
const bundled = new URL('../dist-cli/ledger.mjs', import.meta.url);
await import(existsSync(fileURLToPath(bundled)) ? bundled.href : new URL('../src/cli/run.ts', import.meta.url).href);
