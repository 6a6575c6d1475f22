/**
 * What a command needs from a ledger checkout: the registries and the few
 * records it names, read from the working tree and validated by the same
 * loader the checker uses; and the acting person, resolved from people.yml.
 */
import { resolve } from 'node:path';
import { indexLedger, type Index, type Ledger, type Located } from '../domain/ledger.ts';
import type { Issue } from '../domain/issues.ts';
import type { Item } from '../domain/schemas/item.ts';
import type { Person } from '../domain/schemas/people.ts';
import { closest } from '../domain/text.ts';
import { configPath, itemPath, peoplePath, unitsPath } from '../format/layout.ts';
import { loadLedger } from '../format/load-ledger.ts';
import { readRecordFiles } from '../io/read-records.ts';
import { Refusal, UsageError } from './errors.ts';
import { M } from './messages.ts';

export interface Opened {
  dir: string;
  ledger: Ledger;
  index: Index;
  /** Issues of the files read (registries included). */
  issues: Issue[];
}

/** Load the registries and the items `ids` of the ledger at `dir`. */
export function openLedger(dir: string, ids: readonly string[] = []): Opened {
  const abs = resolve(dir);
  const sources = readRecordFiles(abs, [configPath(), peoplePath(), unitsPath(), ...ids.map((id) => itemPath(id))]);
  const { ledger, issues } = loadLedger(sources);
  return { dir: abs, ledger, index: indexLedger(ledger), issues };
}

/** The item `id`, or a refusal naming where it should be (or why it does not load). */
export function itemOf(opened: Opened, id: string): Located<Item> {
  const rec = opened.index.items.get(id);
  if (rec) return rec;
  const own = opened.issues.filter((i) => i.file === itemPath(id));
  throw new Refusal(M.unknownItem(id), own);
}

/** The person `id` from people.yml, or a usage error with a "did you mean". */
export function personOf(opened: Opened, id: string): Person {
  const p = opened.index.people.get(id);
  if (p) return p.value;
  throw new UsageError(M.unknownPerson(id, closest(id, opened.index.people.keys())));
}
