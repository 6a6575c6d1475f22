/**
 * Work done beside the pages: a job run on a worker thread (the other core)
 * while the main thread renders, or on the main thread when a worker cannot
 * start (a runtime that cannot load .ts in workers, no source folder) — the
 * same result either way, since each job is a pure function of its data.
 *
 * The worker's module lives under `src/site/` (found from SITE_SRC, set by
 * astro.config.mjs, or the working directory) and calls `answer`.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parentPort, Worker, workerData, type Transferable } from 'node:worker_threads';

type Reply<R> = { ok: true; value: R } | { ok: false; error: string };

// one queue per process (on globalThis: the pages' bundle and the integration are separate module instances)
const QUEUE = Symbol.for('supervision-ledger.beside-queue');
const g = globalThis as { [QUEUE]?: Promise<unknown> };

/**
 * Run `job` in the worker module `site/<file>` (its `answer` call), or here
 * with `inline`. Jobs run one after another, in the order asked for: the
 * machine the build is made for has two cores, one for the pages and one for
 * the work beside them; four workers at once (check, search index,
 * workbook, documents) were no faster together and each held its own heap
 * (the build's peak memory was their sum).
 */
export function beside<J, R>(file: string, job: J, inline: (job: J) => Promise<R>, opts: { queue?: boolean } = {}): Promise<R> {
  if (opts.queue === false) return onWorker(file, job, inline); // its own worker at once, beside the queue
  const run = () => onWorker(file, job, inline);
  const p = (g[QUEUE] ?? Promise.resolve()).then(run, run);
  g[QUEUE] = p.catch(() => {});
  return p;
}

function onWorker<J, R>(file: string, job: J, inline: (job: J) => Promise<R>): Promise<R> {
  const path = join(process.env.SITE_SRC ? resolve(process.env.SITE_SRC) : resolve('src'), 'site', file);
  if (!existsSync(path)) return inline(job);
  return new Promise((ok, fail) => {
    let settled = false;
    const here = () => {
      if (settled) return;
      settled = true;
      inline(job).then(ok, fail);
    };
    const worker = new Worker(path, { workerData: job });
    worker.once('message', (m: Reply<R>) => {
      settled = true;
      // answered once the worker is gone: the next job's worker does not start beside this one's heap
      const done = () => (m.ok ? ok(m.value) : fail(new Error(m.error)));
      worker.terminate().then(done, done);
    });
    worker.once('error', here);
    worker.once('exit', here);
  });
}

/** In a worker module: run `work` on the job `beside` sent and post its result (its transferables moved, not copied). */
export function answer<J, R>(work: (job: J) => Promise<R>, transfer: (value: R) => Transferable[] = () => []): void {
  work(workerData as J).then(
    (value) => parentPort!.postMessage({ ok: true, value } satisfies Reply<R>, transfer(value)),
    (e: unknown) => parentPort!.postMessage({ ok: false, error: (e as Error)?.stack ?? String(e) } satisfies Reply<R>),
  );
}
