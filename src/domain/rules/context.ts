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

/**
 * `valuesAt` without building anything for values that are fine: `fn` gets
 * each value and a function that builds its path (called only for an
 * issue). The rules that look at every field of every record use it.
 */
export function eachValueAt(obj: unknown, pattern: string, fn: (value: unknown, path: () => (string | number)[]) => void): void {
  const segs = segmentsOf(pattern);
  // no list in the pattern (most): one walk down, nothing built
  let cur: unknown = obj;
  let k = 0;
  for (; k < segs.length; k++) {
    const s = segs[k]!;
    if (s.list) break;
    if (cur === null || typeof cur !== 'object') return;
    cur = (cur as Record<string, unknown>)[s.key];
    if (cur === undefined) return;
  }
  if (k === segs.length) {
    fn(cur, () => segs.map((x) => x.key));
    return;
  }
  walkAt(obj, segs, 0, undefined, fn);
}

/** A path as a chain of links to its parent, turned into a list only when asked. */
type PathLink = { up: PathLink | undefined; seg: string | number } | undefined;
const pathOf = (n: PathLink): (string | number)[] => {
  const out: (string | number)[] = [];
  for (let x = n; x; x = x.up) out.push(x.seg);
  return out.reverse();
};

function walkAt(cur: unknown, segs: { key: string; list: boolean }[], k: number, link: PathLink, fn: (value: unknown, path: () => (string | number)[]) => void): void {
  if (k === segs.length) {
    fn(cur, () => pathOf(link));
    return;
  }
  if (cur === null || typeof cur !== 'object') return;
  const s = segs[k]!;
  const v = (cur as Record<string, unknown>)[s.key];
  if (v === undefined) return;
  if (!s.list) walkAt(v, segs, k + 1, { up: link, seg: s.key }, fn);
  else if (Array.isArray(v)) {
    if (v.length === 0) return;
    const here = { up: link, seg: s.key };
    for (let i = 0; i < v.length; i++) walkAt(v[i], segs, k + 1, { up: here, seg: i }, fn);
  }
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
