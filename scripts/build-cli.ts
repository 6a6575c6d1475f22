/**
 * `npm run build:cli` (also run by `npm install` through `prepare`): bundle
 * the checker into one ES module, `dist-cli/check.mjs`, for the pre-receive
 * hook and CI, and the `ledger` command into `dist-cli/ledger.mjs`. One file loads in a fraction of the time Node needs to strip
 * types from and resolve ~40 TypeScript modules, which is most of a
 * one-commit check.
 */
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
// the checker (hook, CI) and the `ledger` command (bin/ledger.mjs loads it when present)
for (const [entry, name] of [['scripts/check.ts', 'check'], ['src/cli/run.ts', 'ledger']] as const) {
  await build({
    entryPoints: [resolve(root, entry)],
    outfile: resolve(root, `dist-cli/${name}-bundle.mjs`),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    minifyWhitespace: true,
    legalComments: 'none',
    // CommonJS dependencies (gray-matter, simple-git) call require()
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'warning',
  });
  // Entry: turn on Node's on-disk compile cache before loading the bundle, so
  // repeated runs skip compiling it (~50 ms of a one-commit check).
  writeFileSync(
    resolve(root, `dist-cli/${name}.mjs`),
    `import module from 'node:module';\ntry { module.enableCompileCache?.(); } catch {}\nawait import('./${name}-bundle.mjs');\n`,
  );
}
console.log('built dist-cli/check.mjs, dist-cli/ledger.mjs');
