/**
 * The whole ledger of a checkout, for commands that read every record
 * (exports, statistics, drafts, reminders): `records/` read on a worker
 * thread while it is parsed, through the ledger's caches (files unchanged
 * since the last run neither read nor parsed again: io/cache/tree-files.ts),
 * with a progress bar in a terminal. A ledger that does not load (a file
 * the checker cannot read) is refused with the checker's own issues:
 * figures over a partial ledger would mislead.
 */
import { resolve } from 'node:path';
import { beijingDate } from '../domain/dates.ts';
import type { Ledger } from '../domain/ledger.ts';
import { isCalendarDate } from '../domain/schemas/common.ts';
import { LedgerLoader } from '../format/load-ledger.ts';
import { CachedTree } from '../io/cache/tree-files.ts';
import { Refusal, UsageError } from './errors.ts';
import { M } from './messages.ts';
import type { Progress } from './progress.ts';

export async function readWholeLedger(dir: string, progress: Progress): Promise<{ dir: string; ledger: Ledger }> {
  const abs = resolve(dir);
  const tree = new CachedTree(abs);
  const loader = new LedgerLoader(undefined, tree.memo);
  progress.start(0, '读取台账');
  let seen = 0;
  const read = await tree.stream((files) => {
    for (const f of files) loader.add(f);
    seen += files.length;
    progress.start(seen, '读取台账');
    progress.tick(seen);
  });
  progress.stop();
  const { ledger, issues } = loader.finish();
  tree.memo.save();
  const errors = [...read.issues, ...issues].filter((i) => i.severity === 'error');
  if (errors.length) throw new Refusal(M.ledgerUnreadable(errors.length), errors.slice(0, 20));
  return { dir: abs, ledger };
}

/** `--today`, or today in Beijing. */
export function todayOf(opt: string | undefined): string {
  if (opt === undefined) return beijingDate();
  if (!isCalendarDate(opt)) throw new UsageError(M.badDate(opt));
  return opt;
}
