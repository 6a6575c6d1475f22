/**
 * Files an item's folder holds beside its record — attachments in
 * `attachments/` and progress reports in `reports/` — and the records that
 * name them by file name: which fields do (declared once, here, as data),
 * whether each named file exists, and whether each attachment is of an
 * allowed type (told from its content) and size (`config.attachments`).
 */
import { attachmentsConfig, type AttachmentsConfig } from '../schemas/config.ts';
import { extensionOf, SNIFFED_LABELS, TYPE_EXTENSIONS } from '../schemas/attachment.ts';
import type { Issue } from '../issues.ts';
import type { Located } from '../ledger.ts';
import { at, dottedPath, valuesAt, type Rule, type RuleContext } from './context.ts';

/** Fields naming attachments (files in the item's `attachments/`), by record kind. */
export const ATTACHMENT_FIELDS = {
  item: ['registered.attachments[]', 'instruction.attachments[]', 'closure.attachments[]', 'archive.attachments[]'],
  report: ['attachments[]'],
  summary: ['attachments[]'],
} as const;

/** Fields naming progress reports (files in the item's `reports/`), by record kind. */
export const REPORT_FILE_FIELDS = {
  item: ['closure.reports[]', 'reviews[].report'],
  summary: ['materials[]'],
} as const;

export type FileRefKind = 'attachment' | 'report';

/** The item whose folder holds the files a record names: an item's own, a report's item, a 督查汇报's item. */
export function folderItem(kind: string, value: unknown, itemIdOfFile?: string): string | undefined {
  if (kind === 'item') return (value as { id?: string }).id;
  if (kind === 'report') return itemIdOfFile;
  if (kind === 'summary') return (value as { item?: string }).item;
  return undefined;
}

/** Every file name a record names, with the field path and what kind of file it is. */
export function fileRefs(kind: string, value: unknown): { path: (string | number)[]; name: string; ref: FileRefKind }[] {
  const out: { path: (string | number)[]; name: string; ref: FileRefKind }[] = [];
  const scan = (patterns: readonly string[] | undefined, ref: FileRefKind) => {
    for (const p of patterns ?? []) for (const { path, value: v } of valuesAt(value, p)) if (typeof v === 'string') out.push({ path, name: v, ref });
  };
  scan((ATTACHMENT_FIELDS as Record<string, readonly string[]>)[kind], 'attachment');
  scan((REPORT_FILE_FIELDS as Record<string, readonly string[]>)[kind], 'report');
  return out;
}

/** Records that may name files, with their kind and the item whose folder they name files in. */
function namingRecords(ctx: RuleContext): { kind: string; rec: Located<unknown>; itemId?: string }[] {
  const l = ctx.ledger;
  return [
    ...l.items.map((rec) => ({ kind: 'item', rec, itemId: rec.value.id })),
    ...l.reports.map((rec) => ({ kind: 'report', rec, itemId: rec.itemId })),
    ...l.summaries.map((rec) => ({ kind: 'summary', rec, itemId: rec.value.item })),
  ];
}

export const fileReferences: Rule = (ctx) => {
  const out: Issue[] = [];
  for (const { kind, rec, itemId } of namingRecords(ctx)) {
    if (!itemId || !ctx.index.items.has(itemId)) continue; // an unknown item is reported elsewhere
    const year = /^DB-(\d{4})-/.exec(itemId)?.[1] ?? '';
    for (const { path, name, ref } of fileRefs(kind, rec.value)) {
      const exists = ref === 'attachment' ? ctx.index.attachmentsByItem.get(itemId)?.has(name) : ctx.index.reportsByItem.get(itemId)?.some((r) => r.name === name);
      const dir = `records/items/${year}/${itemId}/${ref === 'attachment' ? 'attachments' : 'reports'}/`;
      if (exists || ctx.ledger.invalid.has(`${dir}${name}`)) continue;
      out.push(at(rec, path, ref === 'attachment' ? 'unknown-attachment' : 'unknown-report', { field: dottedPath(path), ref: name, dir }));
    }
  }
  return out;
};

const DEFAULTS = attachmentsConfig.parse({});

/** “10 MB”, “350 KB”. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The allowed types as staff read them: “PDF、JPG、PNG、OFD、DOCX、XLSX”. */
export const allowedText = (cfg: AttachmentsConfig) => cfg.types.map((t) => t.toUpperCase()).join('、');

export const attachmentFiles: Rule = (ctx) => {
  const out: Issue[] = [];
  const cfg = ctx.ledger.config?.value.attachments ?? DEFAULTS;
  const allowed = allowedText(cfg);
  const limit = sizeText(cfg.max_kb * 1024);
  const referenced = new Set<string>();
  if (ctx.ledger.complete) {
    for (const { kind, rec, itemId } of namingRecords(ctx)) {
      for (const r of fileRefs(kind, rec.value)) if (r.ref === 'attachment') referenced.add(`${itemId}/${r.name}`);
    }
  }
  for (const a of ctx.ledger.attachments) {
    const { name, type, size, lfs } = a.value;
    const ext = extensionOf(name);
    if (lfs) {
      // a Git LFS pointer: the content is elsewhere, so judge it by its extension
      if (!cfg.types.some((t) => TYPE_EXTENSIONS[t].includes(ext))) {
        out.push(at(a, [], 'attachment-type', { name, found: `存于 Git LFS 的 .${ext || '（无扩展名）'} 文件`, allowed, limit }));
      }
    } else if (!(cfg.types as readonly string[]).includes(type)) {
      out.push(at(a, [], 'attachment-type', { name, found: SNIFFED_LABELS[type], allowed, limit }));
    } else {
      const exts = TYPE_EXTENSIONS[type as keyof typeof TYPE_EXTENSIONS];
      if (!exts.includes(ext)) out.push(at(a, [], 'attachment-extension', { name, found: SNIFFED_LABELS[type], ext: ext || '（无）', expected: exts.map((e) => `.${e}`).join(' 或 ') }));
    }
    if (!lfs && size > cfg.max_kb * 1024) out.push(at(a, [], 'attachment-too-large', { name, size: sizeText(size), limit, allowed }));
    if (ctx.ledger.complete && ctx.index.items.has(a.itemId) && !referenced.has(`${a.itemId}/${name}`)) {
      out.push(at(a, [], 'attachment-unreferenced', { name }));
    }
  }
  return out;
};
