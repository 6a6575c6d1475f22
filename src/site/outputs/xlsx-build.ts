/**
 * The 台账 workbook written on a worker thread (xlsx-worker.ts) while the
 * pages render, or here when a worker cannot start (the same bytes: the
 * writer is a pure function of the job).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LedgerRow } from '../../domain/documents/ledger-rows.ts';
import type { PeriodFigures } from '../../domain/period-figures.ts';
import { ledgerXlsxBytes } from '../../io/xlsx/ledger-xlsx.ts';

/** Plain data, so it can be sent to a worker. */
export interface XlsxJob {
  organisation: string;
  rows: LedgerRow[];
  figures: PeriodFigures;
  unitNames: Record<string, string>;
  partial?: string;
}

export function xlsxBytes(job: XlsxJob): Promise<Uint8Array<ArrayBuffer>> {
  return ledgerXlsxBytes({
    organisation: job.organisation,
    rows: job.rows,
    split: 'year',
    scope: '',
    figures: job.figures,
    unitName: (u) => job.unitNames[u] ?? u,
    partial: job.partial,
  });
}

export function xlsxBeside(job: XlsxJob): Promise<Uint8Array<ArrayBuffer>> {
  const file = join(process.env.SITE_SRC ? resolve(process.env.SITE_SRC) : resolve('src'), 'site/outputs/xlsx-worker.ts');
  if (!existsSync(file)) return xlsxBytes(job);
  return new Promise((ok, fail) => {
    let settled = false;
    const here = () => {
      if (settled) return;
      settled = true;
      xlsxBytes(job).then(ok, fail);
    };
    const worker = new Worker(file, { workerData: job });
    worker.once('message', (m: { ok: boolean; bytes?: Uint8Array<ArrayBuffer>; error?: string }) => {
      settled = true;
      if (m.ok) ok(m.bytes!);
      else fail(new Error(m.error));
      void worker.terminate();
    });
    worker.once('error', here);
    worker.once('exit', here);
  });
}
