/**
 * Texts → ledger. Given the repository-relative path and text of every file
 * under `records/`, parse and validate each one and assemble the ledger.
 * Pure: the caller reads the files (working tree, or blobs from Git).
 */
import type { z } from 'zod';
import { issue, type Issue } from '../domain/issues.ts';
import { emptyLedger, type Ledger, type Located, type LocatedReport } from '../domain/ledger.ts';
import { adjustment } from '../domain/schemas/adjustment.ts';
import { bulletin } from '../domain/schemas/bulletin.ts';
import { config } from '../domain/schemas/config.ts';
import { item } from '../domain/schemas/item.ts';
import { notice } from '../domain/schemas/notice.ts';
import { peopleFile, person } from '../domain/schemas/people.ts';
import { plan } from '../domain/schemas/plan.ts';
import { report } from '../domain/schemas/report.ts';
import { unit, unitsFile } from '../domain/schemas/units.ts';
import { classifyPath, configPath, peoplePath, RECORDS_DIR, unitsPath, type Classified } from './layout.ts';
import { parseFrontmatterText, parseYamlText, type ParsedText } from './parse-record.ts';
import { validateParsed } from './validate.ts';

export interface SourceText {
  path: string;
  /** File contents; `Uint8Array` when it may not be UTF-8. */
  text: string | Uint8Array;
}

export interface LoadResult {
  ledger: Ledger;
  issues: Issue[];
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function decode(src: SourceText): { text?: string; issue?: Issue } {
  if (typeof src.text === 'string') return { text: src.text };
  try {
    return { text: decoder.decode(src.text) };
  } catch {
    return { issue: issue('not-utf8', { file: src.path, line: 1 }) };
  }
}

function located<T>(file: string, parsed: ParsedText, value: T): Located<T> {
  return { file, value, body: parsed.body, bodyLine: parsed.bodyLine, lineOf: parsed.lineOf };
}

/** Registry entries get a `lineOf` relative to their position in the list. */
function entries<T>(file: string, parsed: ParsedText, key: string, list: T[], at: (i: number) => number = (i) => i): Located<T>[] {
  return list.map((value, i) => ({
    file,
    value,
    body: '',
    bodyLine: 1,
    lineOf: (path) => parsed.lineOf([key, at(i), ...path]),
  }));
}

/**
 * The valid entries of a registry that failed validation: one mistyped
 * person must not make every reference to everyone else fail as well.
 */
function salvage<T>(file: string, parsed: ParsedText, key: string, entry: z.ZodType<T>): Located<T>[] {
  const list = (parsed.data as Record<string, unknown> | undefined)?.[key];
  if (!Array.isArray(list)) return [];
  const ok: { value: T; i: number }[] = [];
  list.forEach((raw, i) => {
    const r = entry.safeParse(raw);
    if (r.success) ok.push({ value: r.data, i });
  });
  return entries(file, parsed, key, ok.map((o) => o.value), (j) => ok[j]!.i);
}

/** Markdown record kinds: their schema and where a valid one goes (each schema's output is its list's type). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const MARKDOWN_RECORDS: Record<'item' | 'report' | 'notice' | 'bulletin' | 'plan' | 'adjustment', { schema: z.ZodType; add: (l: Ledger, r: Located<any>, cls: Classified) => void }> = {
  item: { schema: item, add: (l, r) => l.items.push(r) },
  report: { schema: report, add: (l, r, cls) => l.reports.push({ ...r, itemId: cls.itemId!, name: cls.name! } satisfies LocatedReport) },
  notice: { schema: notice, add: (l, r) => l.notices.push(r) },
  bulletin: { schema: bulletin, add: (l, r) => l.bulletins.push(r) },
  plan: { schema: plan, add: (l, r) => l.plans.push(r) },
  adjustment: { schema: adjustment, add: (l, r) => l.adjustments.push(r) },
};

/** Parse and validate one file into `ledger`. Returns its issues. */
export function loadOne(ledger: Ledger, src: SourceText, cls: Classified): Issue[] {
  const { text, issue: decodeIssue } = decode(src);
  if (text === undefined) return decodeIssue ? [decodeIssue] : [];
  const file = src.path;
  switch (cls.kind) {
    case 'config': {
      const parsed = parseYamlText(text, file);
      const v = validateParsed(config, parsed, file);
      if (v.ok) ledger.config = located(file, parsed, v.value);
      return v.issues;
    }
    case 'people': {
      const parsed = parseYamlText(text, file);
      const v = validateParsed(peopleFile, parsed, file);
      ledger.people.push(...(v.ok ? entries(file, parsed, 'people', v.value.people) : salvage(file, parsed, 'people', person)));
      return v.issues;
    }
    case 'units': {
      const parsed = parseYamlText(text, file);
      const v = validateParsed(unitsFile, parsed, file);
      ledger.units.push(...(v.ok ? entries(file, parsed, 'units', v.value.units) : salvage(file, parsed, 'units', unit)));
      return v.issues;
    }
    default: {
      const parsed = parseFrontmatterText(text, file);
      const { schema, add } = MARKDOWN_RECORDS[cls.kind];
      const v = validateParsed(schema, parsed, file);
      if (v.ok) add(ledger, located(file, parsed, v.value), cls);
      return v.issues;
    }
  }
}

/**
 * Builds a ledger one file at a time, so files can be parsed as they are
 * read (the working-tree check reads on another thread while this parses).
 */
export class LedgerLoader {
  readonly ledger = emptyLedger();
  private readonly issues: Issue[] = [];
  private readonly seen = new Set<string>();
  private readonly root: string;

  constructor(root = RECORDS_DIR) {
    this.root = root;
  }

  add(src: SourceText): void {
    const { ledger, issues } = this;
    const cls = classifyPath(src.path, this.root);
    if (cls === undefined) return;
    if (cls === null) {
      issues.push(issue('unknown-file', { file: src.path, line: 1 }, { path: src.path }));
      return;
    }
    this.seen.add(cls.kind);
    const count = () => ledger.items.length + ledger.reports.length + ledger.notices.length + ledger.bulletins.length + ledger.plans.length + ledger.adjustments.length;
    const before = count();
    issues.push(...loadOne(ledger, src, cls));
    const id = cls.kind === 'item' ? cls.itemId : cls.fileId;
    if (count() === before && id && cls.kind !== 'report') ledger.invalid.add(id);
  }

  finish(): LoadResult {
    const root = this.root;
    const required: [string, string][] = [
      ['config', configPath(root)],
      ['people', peoplePath(root)],
      ['units', unitsPath(root)],
    ];
    for (const [kind, path] of required) {
      if (!this.seen.has(kind)) this.issues.push(issue('missing-registry', { file: path, line: 1 }, { path }));
    }
    return { ledger: this.ledger, issues: this.issues };
  }
}

/** Build the ledger from the files under `root` (default `records`). */
export function loadLedger(sources: Iterable<SourceText>, root = RECORDS_DIR): LoadResult {
  const loader = new LedgerLoader(root);
  for (const src of sources) loader.add(src);
  return loader.finish();
}
