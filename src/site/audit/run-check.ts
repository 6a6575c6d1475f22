/**
 * Run checkRange(all) in a worker thread (the other core), falling back to
 * the main thread when a worker cannot start (data/beside.ts).
 *
 * With `history`, a check that judges every commit from the root (a cold
 * build: no cached verdict, no `git.baseline`) also makes the site's pass
 * over the history (`format/item-history.ts`) from the versions it parses
 * anyway, and tells at once whether it will (`onWhole`), so the pages'
 * thread reads neither the log nor the item versions a second time.
 */
import { namesOf } from '../../domain/describe.ts';
import type { Item } from '../../domain/schemas/item.ts';
import type { Person } from '../../domain/schemas/people.ts';
import type { Unit } from '../../domain/schemas/units.ts';
import { checkRange, type RangeResult } from '../../checker/check-range.ts';
import { buildRegistries } from '../../checker/registries.ts';
import { ItemHistoryBuilder } from '../../format/item-history.ts';
import { peoplePath, unitsPath } from '../../format/layout.ts';
import { BlobReader } from '../../io/git/cat-file.ts';
import { beside, type Tell } from '../data/beside.ts';
import type { SharedPass } from '../data/read-history.ts';

export interface CheckJob {
  repoDir: string;
  head: string;
  /** Make the site's history pass too, when the check judges the whole history. */
  history?: boolean;
}

export interface CheckOutcome {
  result: RangeResult;
  /** The site's history pass (only when asked for and every commit from the root was judged). */
  history?: SharedPass;
}

/** The names the history's words use, from the tip's registries, and what they rest on (their blob ids). */
export async function headNames(repoDir: string, head: string) {
  const reader = new BlobReader(repoDir);
  try {
    const [people, units] = await reader.readObjects([`${head}:${peoplePath()}`, `${head}:${unitsPath()}`]);
    const l = buildRegistries({ people: people?.bytes ?? null, units: units?.bytes ?? null }).ledger;
    return { names: namesOf(l.people.map((p) => p.value as Person), l.units.map((u) => u.value as Unit)), namesKey: `${people?.oid ?? ''}:${units?.oid ?? ''}` };
  } finally {
    reader.close();
  }
}

export async function checkAll(job: CheckJob, tell: Tell = () => {}): Promise<CheckOutcome> {
  if (!job.history) return { result: await checkRange(job.repoDir, { all: true, head: job.head }) };
  const named = await headNames(job.repoDir, job.head);
  let builder: ItemHistoryBuilder | undefined;
  const result = await checkRange(job.repoDir, {
    all: true,
    head: job.head,
    wholeHistory: (whole) => {
      tell(whole);
      if (!whole) return undefined;
      const b = (builder = new ItemHistoryBuilder(named.names));
      return (c, versionAt) =>
        b.add(c, (path, itemId, blob) => {
          const v = versionAt(path, blob, { kind: 'item', itemId });
          if (!v) return undefined;
          b.versions++;
          const rec = v.located;
          return rec ? { item: rec.value as Item, body: rec.body } : { body: '' };
        });
    },
  });
  const history = builder?.complete ? { pass: builder.result(), namesKey: named.namesKey } : undefined;
  return { result, history };
}

/** The check on the other core; `onWhole` hears first whether a history pass will come with it. */
export const runCheck = (repoDir: string, head: string, opts: { history?: boolean; onWhole?: (whole: boolean) => void } = {}): Promise<CheckOutcome> =>
  beside('audit/check-worker.ts', { repoDir, head, history: opts.history } satisfies CheckJob, checkAll, { onNote: (n) => opts.onWhole?.(n === true) });
