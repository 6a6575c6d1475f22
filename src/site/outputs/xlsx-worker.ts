/** Worker thread: writes the 台账 workbook (xlsx-build.ts) and posts its bytes. */
import { parentPort, workerData } from 'node:worker_threads';
import { xlsxBytes, type XlsxJob } from './xlsx-build.ts';

xlsxBytes(workerData as XlsxJob).then(
  (bytes) => parentPort!.postMessage({ ok: true, bytes }, [bytes.buffer]),
  (e: unknown) => parentPort!.postMessage({ ok: false, error: (e as Error)?.stack ?? String(e) }),
);
