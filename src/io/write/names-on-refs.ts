/**
 * The names in a few folders of `records/` on every local and
 * remote-tracking branch (and HEAD), for numbering: the ids under
 * `records/items/2026/`, the notices, a year's bulletins, an item's report
 * files. One `git cat-file --batch` reads every (branch, folder) tree.
 */
import { BlobReader } from '../git/cat-file.ts';
import { gitRun } from './git-run.ts';

export interface TreeEntry {
  /** Git's mode as written in trees: `100644`, `40000`. */
  mode: string;
  name: string;
  oid: string;
}

/** Entries of a raw Git tree object (`<mode> <name>\0<20-byte id>`…; SHA-1 repositories). */
export function treeEntries(bytes: Uint8Array): TreeEntry[] {
  const out: TreeEntry[] = [];
  const dec = new TextDecoder();
  let i = 0;
  while (i < bytes.length) {
    const sp = bytes.indexOf(0x20, i);
    const nul = bytes.indexOf(0x00, sp);
    if (sp < 0 || nul < 0) break;
    const oid = Buffer.from(bytes.subarray(nul + 1, nul + 21)).toString('hex');
    out.push({ mode: dec.decode(bytes.subarray(i, sp)), name: dec.decode(bytes.subarray(sp + 1, nul)), oid });
    i = nul + 21;
  }
  return out;
}

/** Entry names of a raw Git tree object. */
export const treeNames = (bytes: Uint8Array): string[] => treeEntries(bytes).map((e) => e.name);

/** The commits of HEAD and every branch, local and remote-tracking (deduplicated). */
export function branchTips(dir: string): string[] {
  const refs = gitRun(dir, ['for-each-ref', '--format=%(objectname)', 'refs/heads', 'refs/remotes'])!.split('\n').filter(Boolean);
  const head = gitRun(dir, ['rev-parse', '-q', '--verify', 'HEAD'], { allowFail: true })?.trim();
  return [...new Set([...(head ? [head] : []), ...refs])];
}

/** Names found in each folder on any branch: folder → set of names. */
export async function namesOnBranches(dir: string, folders: string[]): Promise<Map<string, Set<string>>> {
  const tips = branchTips(dir);
  const out = new Map(folders.map((f) => [f, new Set<string>()]));
  if (!tips.length || !folders.length) return out;
  const reader = new BlobReader(dir);
  try {
    const specs = tips.flatMap((t) => folders.map((f) => `${t}:${f}`));
    const got = await reader.readMany(specs);
    specs.forEach((s, k) => {
      const bytes = got[k];
      if (bytes) for (const n of treeNames(bytes)) out.get(folders[k % folders.length]!)!.add(n);
    });
  } finally {
    reader.close();
  }
  return out;
}
