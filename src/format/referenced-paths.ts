/**
 * The files one record refers to, as repository paths: records named by id
 * (REFERENCE_FIELDS) and files named in its item's folder (attachments and
 * reports, `rules/files.ts`). The history check loads them as context, so
 * the rules judge a changed record against what it names as of that commit.
 */
import { REFERENCE_FIELDS } from '../domain/rules/references.ts';
import { valuesAt } from '../domain/rules/context.ts';
import { fileRefs, folderItem } from '../domain/rules/files.ts';
import { attachmentPath, classifyPath, itemPath, recordPath, reportPath } from './layout.ts';

export function referencedPaths(kind: string, file: string, value: unknown): string[] {
  const out: string[] = [];
  const fields = (REFERENCE_FIELDS as Record<string, Record<string, string>>)[kind];
  for (const [pattern, refKind] of Object.entries(fields ?? {})) {
    for (const { value: v } of valuesAt(value, pattern)) {
      const p = typeof v === 'string' ? recordPath(refKind, v) : undefined;
      if (p) out.push(p);
    }
  }
  const ownItem = kind === 'report' || kind === 'attachment' ? classifyPath(file)?.itemId : undefined;
  if (ownItem) out.push(itemPath(ownItem));
  const itemId = folderItem(kind, value, ownItem);
  if (itemId) for (const r of fileRefs(kind, value)) out.push(r.ref === 'attachment' ? attachmentPath(itemId, r.name) : reportPath(itemId, r.name));
  return out;
}
