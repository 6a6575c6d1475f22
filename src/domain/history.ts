/**
 * The shape of Git history as the domain sees it: commits and the record
 * files they changed. Produced by `io/git/*` (one streaming `git log` pass),
 * or by tests and the site from recorded data. Pure types, and the one
 * judgement about paths that needs no Git: which tree entries no checkout
 * may ever hold.
 */

export interface Person {
  name: string;
  email: string;
  /** ISO 8601 with offset, as Git reports it. */
  date: string;
}

export type ChangeStatus = 'A' | 'M' | 'D' | 'R' | 'C' | 'T';

export interface Change {
  status: ChangeStatus;
  /** Path after the change (for D: the deleted path). */
  path: string;
  /** Path before a rename or copy. */
  oldPath?: string;
  /** Blob ids; `undefined` for a side that does not exist (A: old, D: new). */
  oldBlob?: string;
  newBlob?: string;
  /** Git file modes (`100644`, `100755`, `120000`, `160000`); `undefined` for a side that does not exist. */
  oldMode?: string;
  newMode?: string;
}

export interface Commit {
  sha: string;
  parents: string[];
  author: Person;
  committer: Person;
  message: string;
  /** `%G?`: G good, U good/unknown trust, N none, B bad, … ('' when not asked). */
  signature: string;
  /** `%GS`: who signed (a GPG user id or the SSH principal from the allowed-signers file; '' when unsigned or not asked). */
  signer: string;
  /** Changes against the first parent (merges: what the merge brought in). */
  changes: Change[];
  /**
   * Merges only: the changes against each further parent (`mergeChanges[0]`
   * is against `parents[1]`), filled in by the history check.
   */
  mergeChanges?: Change[][];
}

/** First line of a commit message. */
export const subject = (c: Commit) => c.message.split('\n')[0] ?? '';

/** The only mode a record file may have: a plain, non-executable file. */
export const RECORD_MODE = '100644';

/**
 * The component of `path` that no checkout may hold (Git itself refuses
 * such trees with `receive.fsckObjects`), or `undefined` when the path is
 * safe: empty components, `.`, `..`, and `.git` in any case.
 */
const UNSAFE = /(?:^|\/)(\.{0,2}|\.git)(?:\/|$)/i;

export function unsafePathComponent(path: string): string | undefined {
  const m = UNSAFE.exec(path);
  return m ? m[1] || '（空）' : undefined;
}
