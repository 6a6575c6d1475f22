/** A bulletin or notice of the ledger, by id, written as a .docx file. */
import { writeFileSync } from 'node:fs';
import { bulletinDocument, noticeDocument, type OfficialDocument } from '../../domain/documents/official-document.ts';
import type { Ledger } from '../../domain/ledger.ts';
import { markdownBlocks } from '../../format/markdown-blocks.ts';
import { officialDocx } from './official-docx.ts';

export class UnknownDocument extends Error {}

/** The document `id` (TB-… bulletin, TZ-… notice) of `ledger`, laid out. */
export function documentOf(ledger: Ledger, id: string): { doc: OfficialDocument; label: string } {
  const b = ledger.bulletins.find((x) => x.value.id === id);
  if (b) return { doc: bulletinDocument(ledger, b.value, markdownBlocks(b.body)), label: `督查通报 ${id}` };
  const n = ledger.notices.find((x) => x.value.id === id);
  if (n) return { doc: noticeDocument(ledger, n.value, markdownBlocks(n.body)), label: `督办通知 ${id}` };
  throw new UnknownDocument(id);
}

/** Write `id` to `file`; returns what was written (for the message). */
export async function writeDocumentDocx(file: string, ledger: Ledger, id: string): Promise<string> {
  const { doc, label } = documentOf(ledger, id);
  writeFileSync(file, await officialDocx(doc));
  return label;
}
