/**
 * Working tree → source texts. Reads every file under `records/` of a
 * repository checkout as bytes (so the loader can detect non-UTF-8 files).
 * Attachments (`items/<year>/<id>/attachments/*`) take their own path: they
 * are binary and may be large, so only their head and tail are read (what
 * telling their type needs) with their real size; the 2 MB limit of text
 * records does not apply to them (their limit is `config.attachments`).
 */
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync, readSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { issue, type Issue } from '../domain/issues.ts';
import { RECORDS_DIR } from '../format/layout.ts';
import type { SourceText } from '../format/load-ledger.ts';

/** 2 MiB: no record is anywhere near it; a larger file is a mistake. */
export const MAX_RECORD_BYTES = 2 * 1024 * 1024;

/** An attachment in an item folder (a path relative to the repository). */
export const ATTACHMENT_PATH_RE = /\/items\/[^/]+\/[^/]+\/attachments\/[^/]+$/;
/** Bytes read from an attachment's start and end; a file up to both is read whole. */
export const ATTACHMENT_HEAD = 64 * 1024;
export const ATTACHMENT_TAIL = 66 * 1024;

/** An attachment's head and tail (or the whole file when small) and its size. */
export function readAttachment(abs: string, path: string): SourceText {
  const fd = openSync(abs, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size <= ATTACHMENT_HEAD + ATTACHMENT_TAIL) {
      const all = readFileSync(fd);
      return { path, text: new Uint8Array(all.buffer, all.byteOffset, all.length) };
    }
    const head = new Uint8Array(ATTACHMENT_HEAD);
    const tail = new Uint8Array(ATTACHMENT_TAIL);
    readSync(fd, head, 0, ATTACHMENT_HEAD, 0);
    readSync(fd, tail, 0, ATTACHMENT_TAIL, size - ATTACHMENT_TAIL);
    return { path, text: head, size, tail };
  } finally {
    closeSync(fd);
  }
}

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
      issues.push(problemIssue(rel, (e as Error).message));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const childRel = `${rel}/${entry.name}`;
      if (entry.isSymbolicLink()) {
        issues.push(problemIssue(childRel, 'symlink'));
      } else if (entry.isDirectory()) {
        walk(childRel);
      } else if (entry.isFile() && ATTACHMENT_PATH_RE.test(childRel)) {
        sources.push(readAttachment(join(repoDir, childRel), childRel));
      } else if (entry.isFile()) {
        const bytes = readFileSync(join(repoDir, childRel));
        if (bytes.length > MAX_RECORD_BYTES) {
          issues.push(problemIssue(childRel, `size:${bytes.length}`));
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

/**
 * The walk and the reads of `readRecordsTree`, on another thread: files
 * arrive in batches (their bytes transferred, not copied) while the caller
 * parses the ones before. On a 10,000-item ledger the file system costs
 * ~0.7 s of a ~2.5 s check; overlapped, the check takes ~1.8 s.
 *
 * The worker is plain JavaScript evaluated from this string (it needs
 * nothing but fs and crypto), so the bundled checker carries it without a
 * second entry point. It also gives each record file's Git blob id (the
 * parse memo's key, io/cache/parse-memo.ts), off the parsing thread. `read-tree.test.ts` holds it to the same results as
 * `readRecordsTree`.
 */
const WALKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { readdirSync, readFileSync, openSync, fstatSync, readSync, closeSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { createHash } = require('node:crypto');
// Git's blob id of a record's bytes (what a parse memo is keyed by), worked out here, beside the reading
const blobId = (bytes) => createHash('sha1').update('blob ' + bytes.length + '\\0').update(bytes).digest('hex');
const { repoDir, recordsDir, max, attachmentRe, headBytes, tailBytes, known, cutoff } = workerData;
const attachment = new RegExp(attachmentRe);
let batch = [];
let transfer = [];
const flush = () => {
  if (batch.length) parentPort.postMessage({ files: batch }, transfer);
  batch = [];
  transfer = [];
};
const problem = (file, reason) => parentPort.postMessage({ problem: { file, reason } });
const walk = (rel) => {
  let entries;
  try {
    entries = readdirSync(join(repoDir, rel), { withFileTypes: true });
  } catch (e) {
    problem(rel, e.message);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const child = rel + '/' + entry.name;
    if (entry.isSymbolicLink()) problem(child, 'symlink');
    else if (entry.isDirectory()) walk(child);
    else if (entry.isFile() && attachment.test(child)) {
      const fd = openSync(join(repoDir, child), 'r');
      try {
        const size = fstatSync(fd).size;
        if (size <= headBytes + tailBytes) {
          const bytes = new Uint8Array(readFileSync(fd));
          batch.push({ path: child, text: bytes });
          transfer.push(bytes.buffer);
        } else {
          const head = new Uint8Array(headBytes);
          const tail = new Uint8Array(tailBytes);
          readSync(fd, head, 0, headBytes, 0);
          readSync(fd, tail, 0, tailBytes, size - tailBytes);
          batch.push({ path: child, text: head, size, tail });
          transfer.push(head.buffer, tail.buffer);
        }
      } finally {
        closeSync(fd);
      }
      if (batch.length >= 256) flush();
    }
    else if (entry.isFile()) {
      const abs = join(repoDir, child);
      // a file whose size, times and inode are those recorded when it was last read is not read again
      // (as Git trusts its index): its blob id is the recorded one; a change since (or too close to
      // the recording to tell, on a file system with coarse times) is read
      let sig;
      if (known) {
        const st = statSync(abs, { bigint: true });
        sig = st.size + ':' + st.mtimeNs + ':' + st.ctimeNs + ':' + st.ino + ':' + st.dev;
        const k = known[child];
        if (k && k[0] === sig && st.mtimeMs < cutoff && st.ctimeMs < cutoff) {
          batch.push({ path: child, text: new Uint8Array(0), blob: k[1], sig, unread: true });
          if (batch.length >= 256) flush();
          continue;
        }
      }
      const bytes = new Uint8Array(readFileSync(abs));
      if (bytes.length > max) problem(child, 'size:' + bytes.length);
      else {
        batch.push({ path: child, text: bytes, blob: blobId(bytes), sig });
        transfer.push(bytes.buffer);
        if (batch.length >= 256) flush();
      }
    }
  }
};
walk(recordsDir);
flush();
parentPort.postMessage({ done: true });
`;

function problemIssue(file: string, reason: string): Issue {
  if (reason === 'symlink') return issue('unreadable-file', { file }, { reason: '这是一个符号链接，台账中只允许普通文件' });
  if (reason.startsWith('size:')) {
    return issue('unreadable-file', { file }, { reason: `文件过大（${Math.round(Number(reason.slice(5)) / 1024)} KB），单个记录不应超过 2 MB` });
  }
  return issue('unreadable-file', { file }, { reason });
}

/** A file as the walker hands it over: its stat signature when asked for, and whether its bytes were left unread. */
export type TreeFile = SourceText & { sig?: string; unread?: boolean };

/** Files known from an earlier read: path → [stat signature, blob id], trusted for files last changed before `cutoff` (ms). */
export interface KnownFiles {
  files: Record<string, [sig: string, blob: string]>;
  cutoff: number;
}

/**
 * Read `records/` on a worker thread, handing each batch of files to
 * `onFiles` as it arrives. Resolves with the reading issues and the count.
 * With `known`, record files (not attachments) unchanged since then are
 * handed over unread (`unread`, empty `text`, the known blob id).
 */
export function streamRecordsTree(
  repoDir: string,
  onFiles: (files: TreeFile[]) => void,
  recordsDir = RECORDS_DIR,
  known?: KnownFiles,
): Promise<{ issues: Issue[]; files: number }> {
  if (!existsSync(join(repoDir, recordsDir))) {
    return Promise.resolve({ issues: readRecordsTree(repoDir, recordsDir).issues, files: 0 });
  }
  const issues: Issue[] = [];
  let files = 0;
  return new Promise((resolve, reject) => {
    const worker = new Worker(WALKER, { eval: true, workerData: { repoDir, recordsDir, max: MAX_RECORD_BYTES, attachmentRe: ATTACHMENT_PATH_RE.source, headBytes: ATTACHMENT_HEAD, tailBytes: ATTACHMENT_TAIL, known: known?.files, cutoff: known?.cutoff } });
    worker.on('message', (m: { files?: TreeFile[]; problem?: { file: string; reason: string }; done?: boolean }) => {
      if (m.files) {
        files += m.files.length;
        onFiles(m.files);
      } else if (m.problem) issues.push(problemIssue(m.problem.file, m.problem.reason));
      else if (m.done) {
        void worker.terminate();
        resolve({ issues, files });
      }
    });
    worker.on('error', reject);
  });
}
