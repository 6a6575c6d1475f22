/**
 * Attachments are told by content, never by name: PDF, images, Office Open
 * XML and OFD packages (by the names of their ZIP parts, from the central
 * directory or, with only the head read, the local headers), LFS pointers,
 * and what staff might rename to pass: programs, old .doc, plain ZIPs.
 */
import { describe, expect, it } from 'vitest';
import { zipStored } from '../demo/ooxml.ts';
import { parseLfsPointer, sniff } from './sniff.ts';

/** A stored (uncompressed) ZIP of `files`, enough for a sniffer (the demo's own ZIP writer). */
const zip = (files: Record<string, string>) => zipStored(Object.entries(files));

const docx = () => zip({ '[Content_Types].xml': '<Types/>', '_rels/.rels': '<Relationships/>', 'word/document.xml': '<w:document/>' });
const xlsx = () => zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' });
const ofd = () => zip({ 'OFD.xml': '<ofd:OFD/>', 'Doc_0/Document.xml': '<ofd:Document/>' });

describe('sniff', () => {
  it('tells the allowed types by their bytes', () => {
    expect(sniff(new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj')).type).toBe('pdf');
    expect(sniff(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])).type).toBe('png');
    expect(sniff(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16])).type).toBe('jpg');
    expect(sniff(docx()).type).toBe('docx');
    expect(sniff(xlsx()).type).toBe('xlsx');
    expect(sniff(ofd()).type).toBe('ofd');
  });

  it('sees through renamed files', () => {
    expect(sniff(new TextEncoder().encode('MZ\x90\x00 This program cannot be run in DOS mode.')).type).toBe('exe');
    expect(sniff(Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1])).type).toBe('exe');
    expect(sniff(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0])).type).toBe('doc');
    expect(sniff(zip({ 'setup.exe': 'MZ' })).type).toBe('zip');
    expect(sniff(new TextEncoder().encode('GIF89a\x01\x00')).type).toBe('gif');
    expect(sniff(new TextEncoder().encode('会议纪要：……')).type).toBe('text');
    expect(sniff(Uint8Array.from([0, 1, 2, 3, 0xfe])).type).toBe('unknown');
  });

  it('reads a package from its head alone when the central directory is out of reach', () => {
    const whole = docx();
    const head = whole.subarray(0, 180); // the three local headers, not the central directory
    const tail = new Uint8Array(10); // a tail that holds no central directory
    expect(sniff(head, 10_000_000, tail).type).toBe('docx');
  });

  it('reads a package from its tail when its head is only the first part', () => {
    const whole = xlsx();
    expect(sniff(whole.subarray(0, 40), whole.length, whole).type).toBe('xlsx');
  });

  it('accepts a Git LFS pointer and reads the size of the real file', () => {
    const text = 'version https://git-lfs.github.com/spec/v1\noid sha256:' + 'a'.repeat(64) + '\nsize 52428800\n';
    const bytes = new TextEncoder().encode(text);
    expect(sniff(bytes)).toEqual({ type: 'lfs', lfs: { oid: 'a'.repeat(64), size: 52_428_800 } });
    expect(parseLfsPointer(new TextEncoder().encode('version https://git-lfs.github.com/spec/v1\nsize 3\n'))).toBeUndefined();
  });
});
