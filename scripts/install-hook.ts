/**
 * `npm run hook:install -- /srv/git/ledger.git [--gitlab]`: install the
 * pre-receive hook into a bare repository on a plain Git server (hooks/) or
 * a GitLab server (custom_hooks/), with this checkout as LEDGER_HOME.
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const home = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const target = args.find((a) => !a.startsWith('--'));
if (!target) {
  console.error('usage: npm run hook:install -- <bare-repo.git> [--gitlab]');
  process.exit(2);
}
const dir = join(resolve(target), args.includes('--gitlab') ? 'custom_hooks' : 'hooks');
mkdirSync(dir, { recursive: true });
const hook = readFileSync(join(home, 'scripts/hooks/pre-receive'), 'utf8').replace('__LEDGER_HOME__', home);
const out = join(dir, 'pre-receive');
writeFileSync(out, hook);
chmodSync(out, 0o755);
console.log(`installed ${out} (LEDGER_HOME=${home})`);
