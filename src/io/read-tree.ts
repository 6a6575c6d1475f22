/**
 * Working tree → source texts. Reads every file under `records/` of a
 * repository checkout as bytes (so the loader can detect non-UTF-8 files).
 */
import { existsSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { issue, type Issue } from '../domain/issues.ts';
import { RECORDS_DIR } from '../format/layout.ts';
import type { SourceText } from '../format/load-ledger.ts';

/** 2 MiB: no record is anywhere near it; a larger file is a mistake. */
export const MAX_RECORD_BYTES = 2 * 1024 * 1024;

export interface TreeRead {
  sources: SourceText[];
  issues: Issue[];
}

export function readRecordsTree(repoDir: string, recordsDir = RECORDS_DIR): TreeRead {
  const sources: SourceText[] = [];
  const issues: Issue[] = [];
  // one readdir with file types per folder: no stat call per file
  const walk = (rel: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(join(repoDir, rel), { withFileTypes: true });
    } catch (e) {
      issues.push(issue('unreadable-file', { file: rel }, { reason: (e as Error).message }));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const childRel = `${rel}/${entry.name}`;
      if (entry.isSymbolicLink()) {
        issues.push(issue('unreadable-file', { file: childRel }, { reason: '这是一个符号链接，台账中只允许普通文件' }));
      } else if (entry.isDirectory()) {
        walk(childRel);
      } else if (entry.isFile()) {
        const bytes = readFileSync(join(repoDir, childRel));
        if (bytes.length > MAX_RECORD_BYTES) {
          issues.push(issue('unreadable-file', { file: childRel }, { reason: `文件过大（${Math.round(bytes.length / 1024)} KB），单个记录不应超过 2 MB` }));
        } else sources.push({ path: childRel, text: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) });
      }
    }
  };
  if (!existsSync(join(repoDir, recordsDir))) {
    issues.push(issue('unreadable-file', { file: recordsDir }, { reason: `找不到 ${recordsDir} 文件夹`, hint: '请在台账仓库的根目录运行，或用 --dir 指定台账仓库的路径' }));
    return { sources, issues };
  }
  walk(recordsDir);
  return { sources, issues };
}
