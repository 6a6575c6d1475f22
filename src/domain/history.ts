/**
 * The shape of Git history as the domain sees it: commits and the record
 * files they changed. Produced by `io/git/*` (one streaming `git log` pass),
 * or by tests and the site from recorded data. Pure types.
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
}

export interface Commit {
  sha: string;
  parents: string[];
  author: Person;
  committer: Person;
  message: string;
  /** `%G?`: G good, U good/unknown trust, N none, B bad, … ('' when not asked). */
  signature: string;
  /** Changes against the first parent (merges: what the merge brought in). */
  changes: Change[];
}

/** First line of a commit message. */
export const subject = (c: Commit) => c.message.split('\n')[0] ?? '';
