/**
 * Read a few named record files of a checkout (the registries and the
 * records one action touches), not the whole `records/` tree: an action on
 * a 10,000-item ledger reads a handful of files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceText } from '../format/load-ledger.ts';

/** The files of `paths` (repository-relative) that exist, as bytes. */
export function readRecordFiles(repoDir: string, paths: readonly string[]): SourceText[] {
  const out: SourceText[] = [];
  for (const path of paths) {
    try {
      const bytes = readFileSync(join(repoDir, path));
      out.push({ path, text: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  return out;
}
