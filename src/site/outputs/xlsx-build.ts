/**
 * The 台账 workbook written on a worker thread (xlsx-worker.ts) while the
 * pages render, or here when a worker cannot start (the same bytes: the
 * writer is a pure function of the job).
 */
import type { LedgerRow } from '../../domain/documents/ledger-rows.ts';
import type { PeriodFigures } from '../../domain/period-figures.ts';
import { ledgerXlsxBytes } from '../../io/xlsx/ledger-xlsx.ts';
import { beside } from '../data/beside.ts';

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

export const xlsxBeside = (job: XlsxJob): Promise<Uint8Array<ArrayBuffer>> => beside('outputs/xlsx-worker.ts', job, xlsxBytes);
