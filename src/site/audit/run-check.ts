/**
 * Run checkRange(all) in a worker thread (the other core), falling back to
 * the main thread when a worker cannot start (data/beside.ts).
 */
import { checkRange, type RangeResult } from '../../checker/check-range.ts';
import { beside } from '../data/beside.ts';

export interface CheckJob {
  repoDir: string;
  head: string;
}

export const checkAll = (job: CheckJob): Promise<RangeResult> => checkRange(job.repoDir, { all: true, head: job.head });

export const runCheck = (repoDir: string, head: string): Promise<RangeResult> => beside('audit/check-worker.ts', { repoDir, head }, checkAll);
