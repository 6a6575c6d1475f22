/**
 * `npm run forge:files`: write the Run-workflow forms' lists of steps
 * (.github/, .gitea/ and .gitlab/ ledger-step.yml) from the workflow
 * table, between their marker comments. `-- --check` only says which are
 * out of date (exit 1), as the test does.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FORGE_FILES, updateForgeFile } from '../src/cli/forge-files.ts';

const root = resolve(import.meta.dirname, '..');
const checkOnly = process.argv.includes('--check');
const stale: string[] = [];
for (const file of FORGE_FILES) {
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  const next = updateForgeFile(file, text);
  if (next === text) continue;
  stale.push(file);
  if (!checkOnly) writeFileSync(path, next);
}
if (checkOnly && stale.length) {
  process.stderr.write(`out of date with the workflow table: ${stale.join(', ')}; run npm run forge:files\n`);
  process.exitCode = 1;
} else process.stdout.write(stale.length ? `wrote ${stale.join(', ')}\n` : 'the forge files are up to date\n');
