/**
 * What the history says about each item, commit by commit: the commits that
 * touched records (with who, when and the subject), per item the events
 * with the words for what changed (`domain/describe.ts`), and the commit
 * each record file landed with.
 *
 * Pure: fed one commit at a time, oldest first, with a way to get the
 * parsed item at a (path, blob). Two passes over Git feed it — the site's
 * own (`site/data/read-history.ts`, one `git log` and one `cat-file` for
 * the item versions) and the full-history check's (`checker/commit-check.ts`
 * `observe`, which parses every version anyway): on a cold site build the
 * check's pass gives the site its history, so Git's history is read and
 * its item versions parsed once, not twice.
 */
import { beijingDateOf } from '../domain/dates.ts';
import { describeItemChange, type ItemChange, type Names } from '../domain/describe.ts';
import { subject, type Commit } from '../domain/history.ts';
import type { Item } from '../domain/schemas/item.ts';
import { classifyPath } from './layout.ts';

export interface CommitInfo {
  sha: string;
  /** Author date as Git reports it (ISO 8601 with offset). */
  date: string;
  /** Beijing calendar date of the author date. */
  day: string;
  name: string;
  email: string;
  subject: string;
  /** Record paths the commit touched (to decide whether its subject may be shown). */
  paths: string[];
}

export interface ItemEvent {
  sha: string;
  kind: 'item' | 'report';
  change: ItemChange;
  /** For report events: the report's unit id (from its file name). */
  unit?: string;
  /** Report and attachment events: what happened to which file (their words are worked out from it on each build). */
  file?: { path: string; status: string; attachment?: boolean };
}

/** What one pass over `git log` found. */
export interface HistoryPass {
  commits: CommitInfo[];
  events: Map<string, ItemEvent[]>;
  landed: Map<string, string>;
  /** Item versions parsed. */
  versions: number;
  /** Every commit listed, in order (those touching no record too). */
  order: string[];
  merges: boolean;
}

/** One version of an item file: its parsed item, or none when it does not parse. */
export interface ItemVersion {
  item?: Item;
  body: string;
}

/**
 * Where the builder gets an item's version at (path, blob); `undefined`
 * when the feeder does not have it (the pass is then not trusted:
 * `complete` is false).
 */
export type VersionOf = (path: string, itemId: string, blob: string) => ItemVersion | undefined;

export class ItemHistoryBuilder {
  private readonly commits: CommitInfo[] = [];
  private readonly events = new Map<string, ItemEvent[]>();
  private readonly landed = new Map<string, string>();
  private readonly order: string[] = [];
  private merges = false;
  /** Each item file's last version as the pass met it (a version is looked up once). */
  private readonly last = new Map<string, ItemVersion & { blob: string }>();
  /** Versions the feeder could not give (the pass is incomplete). */
  private missing = 0;
  /** Item versions the feeder parsed for this pass (the build log's figure; the feeder counts). */
  versions = 0;

  private readonly names: Names;

  constructor(names: Names) {
    this.names = names;
  }

  get complete(): boolean {
    return this.missing === 0;
  }

  /** The next commit (oldest first), with the feeder's parsed versions. */
  add(c: Commit, versionOf: VersionOf): void {
    this.order.push(c.sha);
    if (c.parents.length > 1) this.merges = true;
    const paths: string[] = [];
    const version = (path: string, itemId: string, blob: string | undefined): (ItemVersion & { blob: string }) | undefined => {
      if (!blob) return undefined;
      const cached = this.last.get(path);
      if (cached?.blob === blob) return cached;
      const v = versionOf(path, itemId, blob);
      if (!v) {
        this.missing++;
        return { blob, body: '' };
      }
      return { blob, ...v };
    };
    for (const ch of c.changes) {
      const cls = classifyPath(ch.path);
      if (!cls) continue;
      paths.push(ch.path);
      if (ch.status === 'A' && !this.landed.has(ch.path)) this.landed.set(ch.path, c.sha);
      if (cls.kind === 'item' && cls.itemId) {
        const before = ch.status === 'A' ? undefined : version(ch.oldPath ?? ch.path, cls.itemId, ch.oldBlob);
        const after = ch.status === 'D' ? undefined : version(ch.path, cls.itemId, ch.newBlob);
        if (after) this.last.set(ch.path, after);
        else this.last.delete(ch.path);
        let change: ItemChange;
        if ((before && !before.item) || (after && !after.item)) {
          change = { words: [after && !after.item ? '此版本无法通过校验，内容未能解析（见“审计”页的检查结果）' : '由无法解析的版本修正'] };
          if (before?.item && after && !after.item) change.from = before.item.state;
          if (after?.item) change.to = after.item.state;
        } else {
          change = describeItemChange(before?.item, after?.item, this.names, !!before && !!after && before.body.trim() !== after.body.trim());
        }
        this.push(cls.itemId, { sha: c.sha, kind: 'item', change });
      } else if (cls.kind === 'report' && cls.itemId && cls.name) {
        this.push(cls.itemId, { sha: c.sha, kind: 'report', change: { words: [] }, file: { path: ch.path, status: ch.status } });
      } else if (cls.kind === 'attachment' && cls.itemId && cls.name) {
        this.push(cls.itemId, { sha: c.sha, kind: 'report', change: { words: [] }, file: { path: ch.path, status: ch.status, attachment: true } });
      }
    }
    if (paths.length) {
      this.commits.push({
        sha: c.sha,
        date: c.author.date,
        day: beijingDateOf(c.author.date),
        name: c.author.name,
        email: c.author.email,
        subject: subject(c),
        paths,
      });
    }
  }

  /** The pass so far (its lists, not copies: take it once, at the end). */
  result(): HistoryPass {
    return { commits: this.commits, events: this.events, landed: this.landed, versions: this.versions, order: this.order, merges: this.merges };
  }

  private push(id: string, e: ItemEvent) {
    const list = this.events.get(id);
    if (list) list.push(e);
    else this.events.set(id, [e]);
  }
}
