/**
 * Record versions as the history check meets them: one file's bytes parsed
 * into a located record (or the issues why not), placed in a partial
 * ledger, and the paths of the records it refers to (one hop), so the same
 * rules as the working tree can run on what a commit changed.
 */
import type { Issue } from '../domain/issues.ts';
import { emptyLedger, type Ledger, type Located, type RecordKind } from '../domain/ledger.ts';
import type { Classified } from '../format/layout.ts';
import { addRecord, loadOne, onlyRecord } from '../format/load-ledger.ts';
import { referencedPaths as referenced } from '../format/referenced-paths.ts';

export interface Loaded {
  located?: Located<unknown>;
  issues: Issue[];
}

export function loadVersion(path: string, cls: Classified, text: Uint8Array | null): Loaded {
  if (!text) return { issues: [] };
  const l = emptyLedger();
  const issues = loadOne(l, { path, text }, cls);
  const located: Located<unknown> | undefined =
    onlyRecord(l) ?? l.config ?? (l.people.length || l.units.length ? ({ file: path, value: {}, body: '', bodyLine: 1, lineOf: () => 1 } as Located<unknown>) : undefined);
  return { located, issues };
}

export function addToLedger(ledger: Ledger, kind: string, rec: Located<unknown>) {
  addRecord(ledger, kind as RecordKind, rec);
}

/** Records and files one record refers to (one hop), as repository paths. */
export function referencedPaths(kind: string, file: string, value: unknown): string[] {
  return referenced(kind, file, value);
}

/** The id a record file stands for (items: the folder; notices, plans, bulletins: the file name). */
export function idOfPath(cls: Classified): string | undefined {
  return cls.kind === 'item' ? cls.itemId : cls.fileId;
}

/** The top-level field whose lines hold `line` in this version of a record (undefined: the whole file, or before the first field). */
export function fieldAtLine(rec: Located<unknown>, line: number): string | undefined {
  if (line <= 1 || !rec.value || typeof rec.value !== 'object') return undefined;
  let best: string | undefined;
  let bestLine = 0;
  for (const k of Object.keys(rec.value)) {
    const l = rec.lineOf([k]);
    if (l > 1 && l <= line && l >= bestLine) {
      best = k;
      bestLine = l;
    }
  }
  return best;
}

/** Name the field of each issue on this record's file (the site marks the field). */
export function withFields(issues: Issue[], rec: Located<unknown> | undefined): Issue[] {
  if (!rec) return issues;
  return issues.map((i) => {
    if (i.file !== rec.file || i.field) return i;
    const field = fieldAtLine(rec, i.line);
    return field ? { ...i, field } : i;
  });
}
