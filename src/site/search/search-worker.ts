/**
 * Worker thread: builds the Pagefind index from the search records while
 * the main thread renders pages — splits the text into Chinese words
 * (segment.ts), feeds Pagefind's service (the extended binary, a process of
 * its own) and writes the index to a temporary folder that the build moves
 * into place at the end.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildSearchIndex, type IndexJob } from './search-build.ts';

buildSearchIndex(workerData as IndexJob).then(
  (r) => parentPort!.postMessage({ ok: true, ...r }),
  (e: unknown) => parentPort!.postMessage({ ok: false, error: (e as Error)?.stack ?? String(e) }),
);
