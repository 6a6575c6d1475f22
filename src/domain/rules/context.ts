/** What every rule receives, and small helpers rules share. */
import type { Issue, IssueCode } from '../issues.ts';
import { issue } from '../issues.ts';
import type { FieldPath, Index, Ledger, Located } from '../ledger.ts';

export interface RuleContext {
  ledger: Ledger;
  index: Index;
  /** Today's date in Beijing (YYYY-MM-DD): dates after it are rejected. */
  today?: string;
  /**
   * The whole ledger is loaded (the working-tree check). A history check
   * passes only the changed records and those they name: rules over every
   * item (a bulletin's figures) then wait for a complete ledger.
   */
  complete?: boolean;
}

/** A rule inspects the whole ledger and returns every issue it finds. */
export type Rule = (ctx: RuleContext) => Issue[];

/**
 * Issue at a field of a located record. The line is computed when first
 * read: finding it may mean re-parsing the file with positions, which a
 * history check's context-only issues (filtered out) never need.
 */
export function at<T>(rec: Located<T>, path: FieldPath, code: IssueCode, params: Record<string, string | number | undefined> = {}): Issue {
  const found = issue(code, { file: rec.file, line: 0 }, params);
  let line: number | undefined;
  Object.defineProperty(found, 'line', { get: () => (line ??= rec.lineOf(path)), enumerable: true, configurable: true });
  return found;
}

export const dottedPath = (path: FieldPath) =>
  path.reduce<string>((acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : String(seg)), '');

/**
 * Values at a path pattern: `instruction.by`, `extensions[].approved_by`.
 * Returns each concrete path with its value (missing values are skipped).
 */
const compiled = new Map<string, { key: string; list: boolean }[]>();

function segmentsOf(pattern: string) {
  let segs = compiled.get(pattern);
  if (!segs) {
    segs = pattern.split('.').map((seg) => (seg.endsWith('[]') ? { key: seg.slice(0, -2), list: true } : { key: seg, list: false }));
    compiled.set(pattern, segs);
  }
  return segs;
}

export function valuesAt(obj: unknown, pattern: string): { path: (string | number)[]; value: unknown }[] {
  const segs = segmentsOf(pattern);
  // the common case (no list, value absent) allocates nothing
  let cur: unknown = obj;
  let simple = true;
  for (const { key, list } of segs) {
    if (list) {
      simple = false;
      break;
    }
    if (cur === null || typeof cur !== 'object') return [];
    cur = (cur as Record<string, unknown>)[key];
    if (cur === undefined) return [];
  }
  if (simple) return [{ path: segs.map((s) => s.key), value: cur }];
  let found: { path: (string | number)[]; value: unknown }[] = [{ path: [], value: obj }];
  for (const { key, list } of segs) {
    const next: typeof found = [];
    for (const f of found) {
      if (f.value === null || typeof f.value !== 'object') continue;
      const v = (f.value as Record<string, unknown>)[key];
      if (v === undefined) continue;
      if (list) {
        if (Array.isArray(v)) v.forEach((e, i) => next.push({ path: [...f.path, key, i], value: e }));
      } else next.push({ path: [...f.path, key], value: v });
    }
    found = next;
  }
  return found;
}
