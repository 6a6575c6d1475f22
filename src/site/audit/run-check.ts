/**
 * Run checkRange(all) in a worker thread (the other core), falling back to
 * the main thread when a worker cannot start. The worker's file is found
 * from SITE_SRC (set by astro.config.mjs) or the working directory.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkRange, type RangeResult } from '../../checker/check-range.ts';

export function runCheck(repoDir: string, head: string): Promise<RangeResult> {
  const file = join(process.env.SITE_SRC ? resolve(process.env.SITE_SRC) : resolve('src'), 'site/audit/check-worker.ts');
  if (!existsSync(file)) return checkRange(repoDir, { all: true, head });
  return new Promise((ok, fail) => {
    let settled = false;
    const worker = new Worker(file, { workerData: { repoDir, head } });
    worker.once('message', (m: { ok: boolean; result?: RangeResult; error?: string }) => {
      settled = true;
      if (m.ok) ok(m.result!);
      else fail(new Error(m.error));
      void worker.terminate();
    });
    worker.once('error', (e) => {
      if (settled) return;
      settled = true;
      // e.g. a runtime that cannot load .ts in workers: do it here instead
      checkRange(repoDir, { all: true, head }).then(ok, fail);
      void e;
    });
    worker.once('exit', (code) => {
      if (!settled) {
        settled = true;
        checkRange(repoDir, { all: true, head }).then(ok, fail);
        void code;
      }
    });
  });
}
