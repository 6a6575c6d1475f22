/**
 * An attachment: a file in an item's `attachments/` folder (批示件 scans,
 * materials, photos, the 归档 file), referenced by name from the item, its
 * reports or its 督查汇报. Not a text record and not parsed: the loader
 * tells its type from its content (magic bytes, `format/sniff.ts`), never
 * from its extension, and the rules hold it to `config.attachments`.
 * Append-only: once landed it never changes or disappears.
 */
import type { AttachmentType } from './config.ts';

/** What the content turned out to be: an allowed type, or something else staff may have renamed. */
export type SniffedType = AttachmentType | 'doc' | 'zip' | 'exe' | 'gif' | 'text' | 'lfs' | 'unknown';

export const SNIFFED_LABELS: Record<SniffedType, string> = {
  pdf: 'PDF 文档',
  jpg: 'JPG 图片',
  png: 'PNG 图片',
  ofd: 'OFD 版式文档',
  docx: 'Word 文档（.docx）',
  xlsx: 'Excel 表格（.xlsx）',
  doc: 'Word/Excel 97-2003 文档（.doc/.xls）',
  zip: 'ZIP 压缩包',
  exe: 'Windows 可执行程序',
  gif: 'GIF 图片',
  text: '纯文本',
  lfs: 'Git LFS 指针',
  unknown: '无法识别的文件',
};

/** Extensions each allowed type may carry (lower case). */
export const TYPE_EXTENSIONS: Record<AttachmentType, readonly string[]> = {
  pdf: ['pdf'],
  jpg: ['jpg', 'jpeg'],
  png: ['png'],
  ofd: ['ofd'],
  docx: ['docx'],
  xlsx: ['xlsx'],
};

/** A Git LFS pointer (https://git-lfs.com/spec/v1): the file itself lives in LFS storage. */
export interface LfsPointer {
  oid: string;
  /** Size of the real file in bytes. */
  size: number;
}

export interface Attachment {
  /** File name in `attachments/`. */
  name: string;
  /** Size in bytes of what is stored in Git (for an LFS pointer: the pointer). */
  size: number;
  /** The type its content shows (`lfs` for a pointer). */
  type: SniffedType;
  lfs?: LfsPointer;
}

/** Lower-case extension of a file name (`照片.JPG` → `jpg`). */
export const extensionOf = (name: string) => /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
