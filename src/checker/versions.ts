/**
 * Record versions as the history check meets them: one file's bytes parsed
 * into a located record (or the issues why not), placed in a partial
 * ledger, and the paths of the records it refers to (one hop), so the same
 * rules as the working tree can run on what a commit changed.
 */
import type { Issue } from '../domain/issues.ts';
import { emptyLedger, type Ledger, type Located, type LocatedReport } from '../domain/ledger.ts';
import { valuesAt } from '../domain/rules/context.ts';
import { REFERENCE_FIELDS } from '../domain/rules/references.ts';
import { BULLETIN_ID_RE } from '../domain/schemas/common.ts';
import type { Item } from '../domain/schemas/item.ts';
import { bulletinPath, itemPath, noticePath, planPath, type Classified } from '../format/layout.ts';
import { loadOne } from '../format/load-ledger.ts';

export interface Loaded {
  located?: Located<unknown>;
  issues: Issue[];
}

export function loadVersion(path: string, cls: Classified, text: Uint8Array | null): Loaded {
  if (!text) return { issues: [] };
  const l = emptyLedger();
  const issues = loadOne(l, { path, text }, cls);
  const located: Located<unknown> | undefined =
    l.items[0] ?? l.reports[0] ?? l.notices[0] ?? l.bulletins[0] ?? l.plans[0] ?? l.config ?? (l.people.length || l.units.length ? ({ file: path, value: {}, body: '', bodyLine: 1, lineOf: () => 1 } as Located<unknown>) : undefined);
  return { located, issues };
}

export function addToLedger(ledger: Ledger, kind: string, rec: Located<unknown>) {
  switch (kind) {
    case 'item':
      ledger.items.push(rec as Located<Item>);
      break;
    case 'report':
      ledger.reports.push(rec as LocatedReport);
      break;
    case 'notice':
      ledger.notices.push(rec as Ledger['notices'][number]);
      break;
    case 'bulletin':
      ledger.bulletins.push(rec as Ledger['bulletins'][number]);
      break;
    case 'plan':
      ledger.plans.push(rec as Ledger['plans'][number]);
      break;
  }
}

function pathOfRef(kind: string, id: string): string | undefined {
  switch (kind) {
    case 'item':
      return itemPath(id);
    case 'notice':
      return noticePath(id);
    case 'plan':
      return planPath(id);
    case 'bulletin': {
      const m = BULLETIN_ID_RE.exec(id);
      return m ? bulletinPath(id, m[1]!) : undefined;
    }
    default:
      return undefined;
  }
}

/** Records one record refers to (one hop), as repository paths. */
export function referencedPaths(kind: string, value: unknown): string[] {
  const fields = (REFERENCE_FIELDS as Record<string, Record<string, string>>)[kind];
  if (!fields) return [];
  const out: string[] = [];
  for (const [pattern, refKind] of Object.entries(fields)) {
    for (const { value: v } of valuesAt(value, pattern)) {
      if (typeof v !== 'string') continue;
      const p = pathOfRef(refKind, v);
      if (p) out.push(p);
    }
  }
  return out;
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
