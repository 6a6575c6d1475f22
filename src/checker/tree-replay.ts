/**
 * The blob at every record path as of the commit being judged, known by
 * replaying the log's changes (no Git of its own): a commit whose first
 * parent is the commit replayed last applies its first-parent diff; a
 * merge whose further parent is applies its diff against that parent; a
 * root commit starts from nothing. Any other jump (the log moving to
 * another line of history) leaves the tree unknown until the next root.
 *
 * Why: the history check reads, for every commit, the records the changed
 * ones refer to as of that commit. Read as `<commit>:<path>`, cat-file
 * walks the commit's trees down to the file (a year folder holds thousands
 * of items): 3.7 s of a 10,000-item `check --all`, most of it for versions
 * parsed already. With the blob id known, a version parsed already is not
 * read at all, and another is read by its id.
 */
import type { Change, Commit } from '../domain/history.ts';

export class TreeReplay {
  private files = new Map<string, string>();
  /** The commit whose tree `files` is; undefined: not known. */
  private tip: string | undefined;

  /** Move to `c` (its changes as the log gave them; a merge's `mergeChanges` read already). */
  step(c: Commit): void {
    if (c.parents.length === 0) {
      this.files.clear();
      this.apply(c.changes);
      this.tip = c.sha;
      return;
    }
    const k = this.tip === undefined ? -1 : c.parents.indexOf(this.tip);
    const diff = k === 0 ? c.changes : k > 0 ? c.mergeChanges?.[k - 1] : undefined;
    if (!diff) {
      this.tip = undefined;
      this.files.clear();
      return;
    }
    this.apply(diff);
    this.tip = c.sha;
  }

  /** The blob at `path` in the commit stepped to last: its id, null when no such file, undefined when not known. */
  blobAt(path: string): string | null | undefined {
    if (this.tip === undefined) return undefined;
    return this.files.get(path) ?? null;
  }

  private apply(changes: Change[]): void {
    for (const ch of changes) {
      if (ch.status === 'R' && ch.oldPath) this.files.delete(ch.oldPath);
      if (ch.newBlob && ch.status !== 'D') this.files.set(ch.path, ch.newBlob);
      else this.files.delete(ch.path);
    }
  }
}
