/**
 * Worker thread: the full-history check (checkRange all) runs on the other
 * core while the main thread reads the history and renders pages. Posts the
 * RangeResult (plain data) or an error message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkRange } from '../../checker/check-range.ts';

const { repoDir, head } = workerData as { repoDir: string; head: string };
checkRange(repoDir, { all: true, head }).then(
  (result) => parentPort!.postMessage({ ok: true, result }),
  (e: unknown) => parentPort!.postMessage({ ok: false, error: (e as Error)?.stack ?? String(e) }),
);
