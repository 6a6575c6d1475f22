/**
 * Links to the records this site gained for the rest of the notice: a
 * meeting's page, a 督查汇报 as a document, and an attachment's file (only
 * when this build carries it: an attachment of an item outside the build's
 * scope has no link, and no file was written).
 */
import type { LocatedAttachment } from '../../domain/ledger.ts';
import { SNIFFED_LABELS } from '../../domain/schemas/attachment.ts';
import { sizeText } from '../../domain/rules/files.ts';
import { file, href } from './links.ts';

export const meetingHref = (id: string) => href('meetings', id);
export const summaryHref = (id: string) => href('summaries', id);
export const attachmentHref = (itemId: string, name: string) => file('attachments', itemId, name);

export interface AttachmentView {
  name: string;
  /** The file on this site; undefined when the build has no file for it (an LFS pointer, or missing). */
  href?: string;
  /** “PDF 文档，35 KB”, “存于 Git LFS，3.3 MB”. */
  what: string;
  missing?: boolean;
}

/** What a record's attachment name shows as: a link to the file with its type and size. */
export function attachmentView(list: readonly LocatedAttachment[] | undefined, itemId: string, name: string): AttachmentView {
  const a = list?.find((x) => x.value.name === name);
  if (!a) return { name, what: '文件不在台账中', missing: true };
  if (a.value.lfs) return { name, what: `存于 Git LFS，${sizeText(a.value.lfs.size)}，请在台账仓库中下载` };
  return { name, href: a.bytes ? attachmentHref(itemId, name) : undefined, what: `${SNIFFED_LABELS[a.value.type]}，${sizeText(a.value.size)}` };
}
