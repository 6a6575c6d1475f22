/**
 * Every bulletin's and notice's .docx of a build, written on a worker thread
 * (docx-worker.ts) from the moment the site is loaded, so the pages only
 * await their bytes: the Word writer takes ~17 ms a document (6 s for the
 * 324 notices of the 10,000-item bench ledger) that the page thread need not
 * spend. Each document is kept in the ledger's cache by a digest of its model
 * and the code (`docx/<digest>.docx`): a rebuild writes only the documents
 * whose content changed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OfficialDocument } from '../../domain/documents/official-document.ts';
import { codeVersion } from '../../io/cache/store.ts';
import { officialDocx } from '../../io/docx/official-docx.ts';
import { beside } from '../data/beside.ts';

export interface DocxJob {
  /** Document id → the model its .docx is written from (plain data). */
  models: [string, OfficialDocument][];
  cacheDir?: string;
}

export type DocxDone = Record<string, Uint8Array<ArrayBuffer>>;

const DOCX_CACHE = 'docx';

export async function docxAll(job: DocxJob): Promise<DocxDone> {
  const dir = job.cacheDir && join(job.cacheDir, DOCX_CACHE);
  const out: DocxDone = {};
  const used = new Set<string>();
  for (const [id, model] of job.models) {
    const name = `${createHash('sha1').update(codeVersion()).update('\0').update(JSON.stringify(model)).digest('hex')}.docx`;
    used.add(name);
    const cached = dir ? readOr(join(dir, name)) : undefined;
    if (cached) {
      out[id] = cached;
      continue;
    }
    const b = await officialDocx(model);
    const bytes = new Uint8Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
    out[id] = bytes;
    if (dir) keep(dir, name, bytes);
  }
  if (dir) {
    try {
      for (const f of readdirSync(dir)) if (!used.has(f)) rmSync(join(dir, f), { force: true });
    } catch {
      // nothing cached
    }
  }
  return out;
}

function readOr(file: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    const b = readFileSync(file);
    return new Uint8Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
  } catch {
    return undefined;
  }
}

function keep(dir: string, name: string, bytes: Uint8Array) {
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `.${name}.${process.pid}.tmp`);
    writeFileSync(tmp, bytes);
    renameSync(tmp, join(dir, name));
  } catch {
    // a read-only repository, a full disk: run without the cache
  }
}

export const docxBeside = (job: DocxJob): Promise<DocxDone> => beside('outputs/docx-worker.ts', job, docxAll);
