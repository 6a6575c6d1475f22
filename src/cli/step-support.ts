/**
 * What the step builders share: reading a record's text from the clean
 * checkout, new records in house style, inputs checked into values (a usage
 * mistake otherwise), display names for documents' bodies, the next free
 * number of a kind on every branch, and the documents of one item that a
 * staged step needs (its 督查汇报s).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Resolved } from '../domain/actions/apply.ts';
import type { StepInput } from '../domain/actions/inputs.ts';
import { nextIds, type NumberedKind } from '../domain/actions/numbering.ts';
import type { Located } from '../domain/ledger.ts';
import { renderMapping } from '../format/edit-record.ts';
import { loadLedger } from '../format/load-ledger.ts';
import { readRecordFiles } from '../io/read-records.ts';
import { namesOnBranches } from '../io/write/names-on-refs.ts';
import type { Opened } from './context.ts';
import { Refusal, UsageError } from './errors.ts';
import { S } from './step-messages.ts';

const decoder = new TextDecoder();

/** A record's text as the clean checkout holds it (the same as HEAD's). */
export function readText(top: string, path: string): string {
  const [src] = readRecordFiles(top, [path]);
  if (!src) throw new Refusal(`找不到文件 ${path}`);
  return typeof src.text === 'string' ? src.text : decoder.decode(src.text);
}

export const optionList = (inputs: StepInput[]) => inputs.map((i) => `--${i.option}（${i.label}）`).join('、');

/** Values of resolved inputs, or the usage mistake (a bad value, a missing option; `row`: of a batch file). */
export function check(r: Resolved, row?: number): Record<string, unknown> {
  if (r.invalid.length) {
    const bad = r.invalid[0]!;
    throw new UsageError(S.invalid(bad.input.option, bad.value, bad.allowed));
  }
  if (r.missing.length) throw new UsageError(row ? S.rowMissing(row, optionList(r.missing)) : S.missing(optionList(r.missing)));
  return r.values;
}

/** A new Markdown record in house style. */
export const recordText = (data: Record<string, unknown>, body = '') => `---\n${renderMapping(data)}---\n${body}`;

/** Display names for documents' bodies. */
export function namer(opened: Opened) {
  return {
    unitName: (id: string) => opened.index.units.get(id)?.value.short ?? opened.index.units.get(id)?.value.name ?? id,
    personName: (id: string) => opened.index.people.get(id)?.value.name ?? id,
  };
}

/** The next free ids of a kind in a year, looking at `folder` on every local and remote-tracking branch. */
export async function nextFree(top: string, kind: NumberedKind, folder: string, year: string, count = 1): Promise<{ ids: string[]; seen: string[] }> {
  const seen = [...((await namesOnBranches(top, [folder])).get(folder) ?? [])].map((n) => n.replace(/\.md$/, ''));
  return { ids: nextIds(kind, year, seen, count), seen };
}

/** Every record of a kind kept one file per id in `folder` (the 督查汇报s), as the checkout holds them. */
export function loadFolder<T>(top: string, folder: string, pick: (l: ReturnType<typeof loadLedger>['ledger']) => Located<T>[]): Located<T>[] {
  let names: string[];
  try {
    names = readdirSync(join(top, folder)).filter((n) => n.endsWith('.md'));
  } catch {
    return [];
  }
  return pick(loadLedger(readRecordFiles(top, names.map((n) => `${folder}/${n}`))).ledger);
}
