/**
 * A merge's record paths and their versions in the result and in every
 * parent, from the diffs against each parent (first parent from the log,
 * the others from `git diff-tree`). Pure: blob ids in, blob ids out; a
 * path a diff does not list is the same in that parent as in the result.
 */
import type { Change, Commit } from '../domain/history.ts';

export interface MergePath {
  path: string;
  /** Blob id in the merge result (undefined: absent). */
  result?: string;
  resultMode?: string;
  /** Blob id in each parent, in parent order. */
  parents: (string | undefined)[];
}

/** Renames split into a deletion and an addition: a merge is compared path by path. */
export function unpaired(changes: Change[]): Change[] {
  return changes.flatMap((c): Change[] =>
    c.status === 'R' && c.oldPath
      ? [
          { status: 'D', path: c.oldPath, oldBlob: c.oldBlob, oldMode: c.oldMode },
          { status: 'A', path: c.path, newBlob: c.newBlob, newMode: c.newMode },
        ]
      : [c],
  );
}

/** Every path that differs between the merge and any parent, with its versions. */
export function mergePaths(c: Commit): MergePath[] {
  const diffs = [c.changes, ...(c.mergeChanges ?? [])].map(unpaired);
  const out = new Map<string, MergePath & { listed: boolean[] }>();
  diffs.forEach((diff, i) => {
    for (const ch of diff) {
      let m = out.get(ch.path);
      if (!m) {
        m = { path: ch.path, result: ch.newBlob, resultMode: ch.newMode, parents: [], listed: [] };
        out.set(ch.path, m);
      }
      m.parents[i] = ch.oldBlob;
      m.listed[i] = true;
    }
  });
  // a parent whose diff does not list the path has what the result has
  return [...out.values()].map(({ listed, ...m }) => ({ ...m, parents: diffs.map((_, i) => (listed[i] ? m.parents[i] : m.result)) }));
}
