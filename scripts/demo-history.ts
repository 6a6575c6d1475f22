/**
 * `npm run demo:history [-- TARGET]`: build the demo ledger repository
 * (default `.demo/ledger`) from `records/`, then check its whole history.
 */
import { resolve } from 'node:path';
import { buildDemoRepo } from '../src/demo/build-demo-repo.ts';

const target = resolve(process.argv[2] ?? '.demo/ledger');
const t0 = Date.now();
const repo = await buildDemoRepo(process.cwd(), target);
console.log(`demo ledger repository: ${repo.dir} (${repo.commits} commits, ${Date.now() - t0} ms)`);
