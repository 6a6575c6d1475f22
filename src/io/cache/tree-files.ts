/**
 * `records/` read through the ledger's caches, for every reader of the
 * whole working tree (the working-tree check, the CLI's exports, drafts and
 * statistics): files whose size, times and inode are unchanged since they
 * were last read are handed over unread with their recorded blob id (as Git
 * trusts its index), and parsed records are answered by path and blob id
 * (parse-memo.ts). Without a cache (`LEDGER_CACHE=off`, no Git directory)
 * every file is read and parsed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Issue } from '../../domain/issues.ts';
import { streamRecordsTree, type TreeFile } from '../read-tree.ts';
import { FileParseMemo } from './parse-memo.ts';
import { cacheDir, readCache, writeCache } from './store.ts';

/** Each record file's stat signature and blob id when last read. */
interface FilesCache {
  writtenAt: number;
  files: Record<string, [string, string]>;
}
const FILES_CACHE = 'tree-files.json';
/** A file changed less than this before the signatures were written is read again: some file systems keep times in whole seconds. */
const RACY_MS = 3000;

export interface CachedTreeRead {
  issues: Issue[];
  files: number;
  /** Files whose bytes were read (the others were known unchanged). */
  read: number;
}

/** One reading of `records/` through the caches: load with `new LedgerLoader(undefined, tree.memo)`, then `tree.memo.save()`. */
export class CachedTree {
  private readonly repoDir: string;
  private readonly dir: string | undefined;
  /** Parsed records by path and blob id. */
  readonly memo: FileParseMemo;

  constructor(repoDir: string) {
    this.repoDir = repoDir;
    this.dir = cacheDir(repoDir);
    this.memo = new FileParseMemo(this.dir);
  }

  /** Stream `records/` to `onFiles`, unchanged files unread (each with a `read()` that fetches its bytes if the memo has no parse of them). */
  async stream(onFiles: (files: TreeFile[]) => void): Promise<CachedTreeRead> {
    const { dir, repoDir } = this;
    const known = readCache<FilesCache>(dir, FILES_CACHE);
    const seen: FilesCache['files'] = {};
    let fresh = 0;
    const read = await streamRecordsTree(
      repoDir,
      (files) => {
        for (const f of files) {
          if (f.sig && f.blob) seen[f.path] = [f.sig, f.blob];
          if (f.unread) f.read = () => readFileSync(join(repoDir, f.path));
          else fresh++;
        }
        onFiles(files);
      },
      undefined,
      dir ? { files: known?.files ?? {}, cutoff: (known?.writtenAt ?? 0) - RACY_MS } : undefined,
    );
    if (dir && (fresh > 0 || !known)) writeCache(dir, FILES_CACHE, { writtenAt: Date.now(), files: seen } satisfies FilesCache);
    return { ...read, read: fresh };
  }
}
