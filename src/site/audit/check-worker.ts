/**
 * Worker thread: the full-history check (checkRange all) runs on the other
 * core while the main thread reads the history and renders pages. Posts the
 * RangeResult (plain data) or an error message (data/beside.ts).
 */
import { answer } from '../data/beside.ts';
import { checkAll } from './run-check.ts';

answer(checkAll);
