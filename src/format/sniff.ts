/**
 * What an attachment really is, from its bytes (magic numbers), never from
 * its name: an `.exe` renamed `.pdf` is still a program. Office Open XML
 * (docx, xlsx) and OFD are ZIP packages told apart by the names of their
 * parts, read from the ZIP's central directory at the end of the file (or,
 * when only the head was read, from the local headers at its start).
 * A Git LFS pointer (a small text file standing for a large file kept in
 * LFS storage) is recognised and parsed.
 *
 * Pure: bytes in, a type out. The working-tree reader passes the head and
 * the tail of large files; Git blobs come whole.
 */
import type { LfsPointer, SniffedType } from '../domain/schemas/attachment.ts';

export interface Sniffed {
  type: SniffedType;
  lfs?: LfsPointer;
}

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;

const LFS_HEAD = 'version https://git-lfs.github.com/spec/v1';

/** A Git LFS pointer file, parsed; undefined when `bytes` is not one. */
export function parseLfsPointer(bytes: Uint8Array): LfsPointer | undefined {
  if (bytes.length > 1024 || !startsWith(bytes, ascii(LFS_HEAD))) return undefined;
  const text = new TextDecoder().decode(bytes);
  const oid = /^oid sha256:([0-9a-f]{64})$/m.exec(text)?.[1];
  const size = /^size (\d+)$/m.exec(text)?.[1];
  return oid && size ? { oid, size: Number(size) } : undefined;
}

/** Names of a ZIP's entries: from the central directory when `tail` holds it, else from the local headers in `head`. */
function zipNames(head: Uint8Array, tail: Uint8Array, size: number): string[] {
  const dec = new TextDecoder();
  const tailStart = size - tail.length;
  for (let i = tail.length - 22; i >= Math.max(0, tail.length - 22 - 0xffff); i--) {
    if (u32(tail, i) !== 0x06054b50) continue;
    const cdSize = u32(tail, i + 12);
    const cdOffset = u32(tail, i + 16);
    if (cdOffset < tailStart || cdOffset + cdSize > size) break;
    const names: string[] = [];
    let p = cdOffset - tailStart;
    while (p + 46 <= tail.length && u32(tail, p) === 0x02014b50) {
      const n = u16(tail, p + 28);
      names.push(dec.decode(tail.subarray(p + 46, p + 46 + n)));
      p += 46 + n + u16(tail, p + 30) + u16(tail, p + 32);
    }
    return names;
  }
  const names: string[] = [];
  let p = 0;
  while (p + 30 <= head.length && u32(head, p) === 0x04034b50) {
    const flags = u16(head, p + 6);
    const comp = u32(head, p + 18);
    const n = u16(head, p + 26);
    names.push(dec.decode(head.subarray(p + 30, p + 30 + n)));
    if (flags & 0x08 && comp === 0) break; // sizes follow the data: cannot skip it
    p += 30 + n + u16(head, p + 28) + comp;
  }
  return names;
}

function isText(b: Uint8Array): boolean {
  if (b.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, Math.min(b.length, 4096)));
    return true;
  } catch {
    return false;
  }
}

/**
 * The type of a file from its first bytes (`head`), its last bytes
 * (`tail`, the same array when the whole file was read) and its size.
 */
export function sniff(head: Uint8Array, size: number = head.length, tail: Uint8Array = head): Sniffed {
  const lfs = parseLfsPointer(head);
  if (lfs && size === head.length) return { type: 'lfs', lfs };
  // PDF readers accept the header anywhere in the first 1 KB
  const pdf = ascii('%PDF-');
  for (let i = 0; i <= Math.min(head.length - pdf.length, 1024); i++) if (startsWith(head, pdf, i)) return { type: 'pdf' };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { type: 'png' };
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { type: 'jpg' };
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return { type: 'gif' };
  if (startsWith(head, ascii('MZ')) || startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) return { type: 'exe' };
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { type: 'doc' };
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    const names = zipNames(head, tail, size);
    if (names.includes('OFD.xml')) return { type: 'ofd' };
    if (names.includes('[Content_Types].xml')) {
      if (names.some((n) => n.startsWith('word/'))) return { type: 'docx' };
      if (names.some((n) => n.startsWith('xl/'))) return { type: 'xlsx' };
    }
    return { type: 'zip' };
  }
  return { type: isText(head) ? 'text' : 'unknown' };
}
