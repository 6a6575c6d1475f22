/**
 * Texts → ledger. Given the repository-relative path and text of every file
 * under `records/`, parse and validate each one and assemble the ledger.
 * Pure: the caller reads the files (working tree, or blobs from Git).
 */
import type { z } from 'zod';
import { issue, type Issue } from '../domain/issues.ts';
import { emptyLedger, type Ledger, type Located, type LocatedAttachment, type LocatedReport, type RecordKind } from '../domain/ledger.ts';
import { adjustment } from '../domain/schemas/adjustment.ts';
import { bulletin } from '../domain/schemas/bulletin.ts';
import { config } from '../domain/schemas/config.ts';
import { item } from '../domain/schemas/item.ts';
import { meeting } from '../domain/schemas/meeting.ts';
import { summaryDoc } from '../domain/schemas/summary.ts';
import { notice } from '../domain/schemas/notice.ts';
import { peopleFile, person } from '../domain/schemas/people.ts';
import { plan } from '../domain/schemas/plan.ts';
import { report } from '../domain/schemas/report.ts';
import { unit, unitsFile } from '../domain/schemas/units.ts';
import { classifyPath, configPath, peoplePath, RECORDS_DIR, unitsPath, type Classified } from './layout.ts';
import { parseFrontmatterText, parseYamlText, type FieldPath, type ParsedText } from './parse-record.ts';
import { validateParsed } from './validate.ts';
import { sniff } from './sniff.ts';

export interface SourceText {
  path: string;
  /** File contents; `Uint8Array` when it may not be UTF-8. For a large attachment read from disk: only its head. */
  text: string | Uint8Array;
  /** Attachments: the file's real size when `text` holds only its head. */
  size?: number;
  /** Attachments: the file's last bytes when `text` holds only its head. */
  tail?: Uint8Array;
  /** The file's Git blob id (of exactly these bytes), when known: what a parse memo is keyed by. */
  blob?: string;
  /**
   * Set when the bytes were not read (`text` is empty): the file is known
   * unchanged since it was parsed as `blob`, and is read with this only if
   * the memo cannot answer for it or a line number is asked for.
   */
  read?: () => Uint8Array;
}

/**
 * A Markdown record file as parsed and validated, in a form that can be
 * kept between runs (io/cache/parse-memo.ts): the record (without its line
 * map, which is rebuilt from the text when a line is first asked for) or
 * nothing, and the issues. The same bytes always give the same result, so
 * a memo keyed by blob id can answer instead of parsing.
 */
export interface ParsedRecord {
  record?: { file: string; value: unknown; body: string; bodyLine: number; itemId?: string; name?: string };
  issues: Issue[];
}

/** Keeps ParsedRecords by file and blob id; `add` asks it first. */
export interface ParseMemo {
  get(src: SourceText): ParsedRecord | undefined;
  put(src: SourceText, parsed: ParsedRecord): void;
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
function salvage<T>(ledger: Ledger, file: string, parsed: ParsedText, key: string, entry: z.ZodType<T>): Located<T>[] {
  const list = (parsed.data as Record<string, unknown> | undefined)?.[key];
  if (!Array.isArray(list)) return [];
  const ok: { value: T; i: number }[] = [];
  list.forEach((raw, i) => {
    const r = entry.safeParse(raw);
    if (r.success) ok.push({ value: r.data, i });
    else {
      // its own issues say what to fix: references to it are not reported again
      const id = (raw as { id?: unknown } | null)?.id;
      if (typeof id === 'string') ledger.invalid.add(id.trim());
    }
  });
  return entries(file, parsed, key, ok.map((o) => o.value), (j) => ok[j]!.i);
}

type MarkdownKind = 'item' | 'report' | 'notice' | 'bulletin' | 'plan' | 'adjustment' | 'meeting' | 'summary';

/** Markdown record kinds: their schema and the ledger list a valid one goes to (each schema's output is its list's type). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const MARKDOWN_RECORDS: Record<MarkdownKind, { schema: z.ZodType; list: (l: Ledger) => Located<any>[] }> = {
  item: { schema: item, list: (l) => l.items },
  report: { schema: report, list: (l) => l.reports },
  notice: { schema: notice, list: (l) => l.notices },
  bulletin: { schema: bulletin, list: (l) => l.bulletins },
  plan: { schema: plan, list: (l) => l.plans },
  meeting: { schema: meeting, list: (l) => l.meetings },
  summary: { schema: summaryDoc, list: (l) => l.summaries },
  adjustment: { schema: adjustment, list: (l) => l.adjustments },
};

/** Put a loaded record (a report or attachment with its item id and name) into the list of its kind. */
export function addRecord(ledger: Ledger, kind: RecordKind, rec: Located<unknown>): void {
  if (kind === 'attachment') ledger.attachments.push(rec as LocatedAttachment);
  else if (kind in MARKDOWN_RECORDS) MARKDOWN_RECORDS[kind as MarkdownKind].list(ledger).push(rec);
}

/** The one record of a ledger loaded from one file (registries excepted), if it validated. */
export function onlyRecord(ledger: Ledger): Located<unknown> | undefined {
  for (const k of Object.keys(MARKDOWN_RECORDS) as MarkdownKind[]) {
    const r = MARKDOWN_RECORDS[k].list(ledger)[0];
    if (r) return r;
  }
  return ledger.attachments[0];
}

/** Number of records a ledger holds (registries excepted). */
const recordCount = (l: Ledger) =>
  (Object.keys(MARKDOWN_RECORDS) as MarkdownKind[]).reduce((n, k) => n + MARKDOWN_RECORDS[k].list(l).length, 0) + l.attachments.length;

/** An attachment: never decoded as text, its type told from its bytes. */
function loadAttachment(ledger: Ledger, src: SourceText, cls: Classified): Issue[] {
  const bytes = typeof src.text === 'string' ? new TextEncoder().encode(src.text) : src.text;
  const size = src.size ?? bytes.length;
  const found = sniff(bytes, size, src.tail ?? bytes);
  const whole = size === bytes.length;
  ledger.attachments.push({
    file: src.path,
    itemId: cls.itemId!,
    value: { name: cls.name!, size, type: found.type, ...(found.lfs ? { lfs: found.lfs } : {}) },
    body: '',
    bodyLine: 1,
    lineOf: () => 1,
    ...(whole ? { bytes } : {}),
  });
  return [];
}

/** Parse and validate one file into `ledger`. Returns its issues. */
export function loadOne(ledger: Ledger, src: SourceText, cls: Classified): Issue[] {
  if (cls.kind === 'attachment') return loadAttachment(ledger, src, cls);
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
      ledger.people.push(...(v.ok ? entries(file, parsed, 'people', v.value.people) : salvage(ledger, file, parsed, 'people', person)));
      return v.issues;
    }
    case 'units': {
      const parsed = parseYamlText(text, file);
      const v = validateParsed(unitsFile, parsed, file);
      ledger.units.push(...(v.ok ? entries(file, parsed, 'units', v.value.units) : salvage(ledger, file, parsed, 'units', unit)));
      return v.issues;
    }
    default: {
      const parsed = parseFrontmatterText(text, file);
      const { schema, list } = MARKDOWN_RECORDS[cls.kind as MarkdownKind];
      const v = validateParsed(schema, parsed, file);
      if (v.ok) {
        const rec = located(file, parsed, v.value);
        const report: LocatedReport | undefined = cls.kind === 'report' ? { ...(rec as Located<LocatedReport['value']>), itemId: cls.itemId!, name: cls.name! } : undefined;
        list(ledger).push(report ?? rec);
      }
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
  private readonly memo?: ParseMemo;

  constructor(root = RECORDS_DIR, memo?: ParseMemo) {
    this.root = root;
    this.memo = memo;
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
    const before = recordCount(ledger);
    const memo = this.memo && src.blob && cls.kind in MARKDOWN_RECORDS ? this.memo : undefined;
    const kept = memo?.get(src);
    if (!kept && src.read) src = { ...src, text: src.read(), read: undefined };
    if (kept) {
      issues.push(...kept.issues);
      if (kept.record) {
        // the line map is built from the text only if a line is asked for, as the fast parse does
        let lineOf: ParsedText['lineOf'] | undefined;
        const text = () => (src.read ? new TextDecoder().decode(src.read()) : typeof src.text === 'string' ? src.text : new TextDecoder().decode(src.text));
        MARKDOWN_RECORDS[cls.kind as MarkdownKind].list(ledger).push({ ...kept.record, lineOf: (path: FieldPath) => (lineOf ??= parseFrontmatterText(text(), src.path).lineOf)(path) });
      }
    } else {
      const found = loadOne(ledger, src, cls);
      issues.push(...found);
      if (memo) {
        const list = MARKDOWN_RECORDS[cls.kind as MarkdownKind].list(ledger);
        const rec = recordCount(ledger) > before ? (list[list.length - 1] as Located<unknown> & { itemId?: string; name?: string }) : undefined;
        memo.put(src, { issues: found, record: rec && { file: rec.file, value: rec.value, body: rec.body, bodyLine: rec.bodyLine, ...(rec.itemId ? { itemId: rec.itemId, name: rec.name } : {}) } });
      }
    }
    const id = cls.kind === 'item' ? cls.itemId : cls.fileId;
    // a file that did not validate: what refers to it is not reported again
    if (recordCount(ledger) === before) {
      if (cls.kind === 'report') ledger.invalid.add(src.path);
      else if (id) ledger.invalid.add(id);
    }
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
    this.ledger.complete = true;
    return { ledger: this.ledger, issues: this.issues };
  }
}

/** Build the ledger from the files under `root` (default `records`). */
export function loadLedger(sources: Iterable<SourceText>, root = RECORDS_DIR, memo?: ParseMemo): LoadResult {
  const loader = new LedgerLoader(root, memo);
  for (const src of sources) loader.add(src);
  return loader.finish();
}
