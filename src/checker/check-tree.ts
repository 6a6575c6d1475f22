/** The working-tree check: read `records/`, load, run every rule. */
import { checkLedger } from '../domain/rules/index.ts';
import { sortIssues, type Issue } from '../domain/issues.ts';
import type { Ledger } from '../domain/ledger.ts';
import { createHash } from 'node:crypto';
import { LedgerLoader, loadLedger, type SourceText } from '../format/load-ledger.ts';
import { readRecordsTree } from '../io/read-tree.ts';
import { CachedTree } from '../io/cache/tree-files.ts';
import { cacheDir, readCache, writeCache } from '../io/cache/store.ts';

export interface TreeCheck {
  ledger: Ledger;
  issues: Issue[];
  files: number;
}

export function checkTree(repoDir: string, opts: { today?: string } = {}): TreeCheck {
  const read = readRecordsTree(repoDir);
  const { ledger, issues } = loadLedger(read.sources);
  const ruleIssues = checkLedger(ledger, opts);
  return { ledger, issues: sortIssues([...read.issues, ...issues, ...ruleIssues]), files: read.sources.length };
}

/** What `npm run check` reports: the issues and how many files it read. */
export interface TreeVerdict {
  issues: Issue[];
  files: number;
  /** Files whose bytes were read (the others were known unchanged). */
  read: number;
}

/** The working tree's last verdict (tree-check.json in the ledger's cache). */
interface TreeCache {
  /** Digest of every file read (path and bytes), the reading problems and the day checked for. */
  digest: string;
  issues: Issue[];
}
const TREE_CACHE = 'tree-check.json';
/**
 * The same check with the files read on another thread while they are
 * parsed (what `npm run check` runs): same issues, less waiting. Two
 * caches, both keyed by content (io/cache/): the verdict of the last run,
 * when every file's bytes, the reading problems and the day are the same
 * (a tree checked again unchanged is answered from it); and each record
 * file parsed before, by path and blob id (a tree with a few files changed
 * parses only those, then runs every rule). Files whose size, times and
 * inode are unchanged since they were read are not read again (tree-files.json,
 * as Git trusts its index); their blob id is the one recorded.
 */
export async function checkTreeStreaming(repoDir: string, opts: { today?: string } = {}): Promise<TreeVerdict> {
  const dir = cacheDir(repoDir);
  const prior = readCache<TreeCache>(dir, TREE_CACHE);
  const tree = new CachedTree(repoDir);
  const loader = new LedgerLoader(undefined, tree.memo);
  const h = createHash('sha1').update(`${opts.today ?? ''}\0`);
  const held: SourceText[] = [];
  const read = await tree.stream((files) => {
    for (const f of files) {
      h.update(f.path).update('\0');
      if (f.blob) h.update(f.blob);
      else h.update(String(f.size ?? -1)).update(typeof f.text === 'string' ? f.text : f.text).update(f.tail ?? '');
      h.update('\0');
      // with a verdict to compare with, files are parsed only if the tree turns out to differ; else as they arrive
      if (prior) held.push(f);
      else loader.add(f);
    }
  });
  const fresh = read.read;
  for (const i of read.issues) h.update(`${i.file}\0${i.message}\0`);
  const digest = h.digest('hex');
  if (prior?.digest === digest) return { issues: prior.issues, files: read.files, read: fresh };
  for (const f of held) loader.add(f);
  const { ledger, issues } = loader.finish();
  tree.memo.save();
  const all = sortIssues([...read.issues, ...issues, ...checkLedger(ledger, opts)]);
  writeCache(dir, TREE_CACHE, { digest, issues: all } satisfies TreeCache);
  return { issues: all, files: read.files, read: fresh };
}
