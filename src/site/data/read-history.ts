/**
 * The whole ledger history in ONE pass, for every page of the site: one
 * streaming `git log` over the repository and one `git cat-file --batch`
 * process for the item versions it needs. Never a Git process per record.
 *
 * Out come, per item, the commits that touched it with the words for what
 * changed (`domain/describe.ts`), and, per record file, the commit it landed
 * with (a bulletin names the commit the ledger was at when it was issued).
 */
import { beijingDateOf } from '../../domain/dates.ts';
import { describeItemChange, describeReportAdded, type ItemChange, type Names } from '../../domain/describe.ts';
import { subject, type Commit } from '../../domain/history.ts';
import { emptyLedger } from '../../domain/ledger.ts';
import type { Item } from '../../domain/schemas/item.ts';
import { REPORT_FILE_RE } from '../../domain/schemas/report.ts';
import { classifyPath, RECORDS_DIR } from '../../format/layout.ts';
import { loadOne } from '../../format/load-ledger.ts';
import { BlobReader } from '../../io/git/cat-file.ts';
import { logCommits } from '../../io/git/log-stream.ts';

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
}

export interface History {
  commits: Map<string, CommitInfo>;
  /** Item id → its events, oldest first. */
  events: Map<string, ItemEvent[]>;
  /** Record path → sha of the commit that added it. */
  landed: Map<string, string>;
  /** Item versions parsed (for the build log). */
  versions: number;
}

interface Version {
  blob: string;
  item?: Item;
  body: string;
}

const BATCH = 500;

function parseItem(path: string, bytes: Uint8Array | null, itemId: string): Omit<Version, 'blob'> {
  if (!bytes) return { body: '' };
  const l = emptyLedger();
  loadOne(l, { path, text: bytes }, { kind: 'item', itemId });
  const rec = l.items[0];
  return rec ? { item: rec.value, body: rec.body } : { body: '' };
}

export interface HistoryContext {
  names: Names;
  /** Parsed versions already known (the HEAD tree): blob id → version. */
  known?: Map<string, { item: Item; body: string }>;
  /** Report path → its unit (from the HEAD tree: a file name like 2026-04-24-community-3.md is ambiguous). */
  reportUnits?: Map<string, string>;
}

/**
 * `context` may still be loading (the HEAD tree is parsed meanwhile): Git
 * starts streaming the log at once and the first batch waits for it.
 */
export async function readHistory(repoDir: string, head: string, context: HistoryContext | Promise<HistoryContext>): Promise<History> {
  let opts!: HistoryContext;
  const commits = new Map<string, CommitInfo>();
  const events = new Map<string, ItemEvent[]>();
  const landed = new Map<string, string>();
  const last = new Map<string, Version>();
  const reader = new BlobReader(repoDir);
  let versions = 0;
  const push = (id: string, e: ItemEvent) => {
    const list = events.get(id);
    if (list) list.push(e);
    else events.set(id, [e]);
  };

  let batch: Commit[] = [];
  const flush = async () => {
    const todo = batch;
    batch = [];
    opts ??= await context;
    // 1. which blobs this batch needs, simulating each item file's last version
    const lastBlob = new Map<string, string | undefined>();
    const need = new Set<string>();
    for (const c of todo) {
      for (const ch of c.changes) {
        if (!ch.path.endsWith('/item.md')) continue;
        const prev = lastBlob.has(ch.path) ? lastBlob.get(ch.path) : last.get(ch.path)?.blob;
        if (ch.oldBlob && ch.oldBlob !== prev && !opts.known?.has(ch.oldBlob)) need.add(ch.oldBlob);
        if (ch.newBlob && !opts.known?.has(ch.newBlob)) need.add(ch.newBlob);
        lastBlob.set(ch.path, ch.newBlob);
      }
    }
    const specs = [...need];
    const got = await reader.readMany(specs);
    const bytes = new Map(specs.map((s, i) => [s, got[i] ?? null]));
    reader.trimCache(0);
    const version = (path: string, itemId: string, blob: string | undefined): Version | undefined => {
      if (!blob) return undefined;
      const cached = last.get(path);
      if (cached?.blob === blob) return cached;
      const k = opts.known?.get(blob);
      if (k) return { blob, item: k.item, body: k.body };
      versions++;
      return { blob, ...parseItem(path, bytes.get(blob) ?? null, itemId) };
    };

    // 2. walk the commits in order
    for (const c of todo) {
      const paths: string[] = [];
      for (const ch of c.changes) {
        const cls = classifyPath(ch.path);
        if (!cls) continue;
        paths.push(ch.path);
        if (ch.status === 'A' && !landed.has(ch.path)) landed.set(ch.path, c.sha);
        if (cls.kind === 'item' && cls.itemId) {
          const before = ch.status === 'A' ? undefined : version(ch.oldPath ?? ch.path, cls.itemId, ch.oldBlob);
          const after = ch.status === 'D' ? undefined : version(ch.path, cls.itemId, ch.newBlob);
          if (after) last.set(ch.path, after);
          else last.delete(ch.path);
          let change: ItemChange;
          if ((before && !before.item) || (after && !after.item)) {
            change = { words: [after && !after.item ? '此版本无法通过校验，内容未能解析（见“审计”页的检查结果）' : '由无法解析的版本修正'] };
            if (before?.item && after && !after.item) change.from = before.item.state;
            if (after?.item) change.to = after.item.state;
          } else {
            change = describeItemChange(before?.item, after?.item, opts.names, !!before && !!after && before.body.trim() !== after.body.trim());
          }
          push(cls.itemId, { sha: c.sha, kind: 'item', change });
        } else if (cls.kind === 'report' && cls.itemId && cls.name) {
          const m = REPORT_FILE_RE.exec(cls.name);
          const unit = opts.reportUnits?.get(ch.path) ?? m?.[2];
          const words =
            ch.status === 'A' || ch.status === 'C'
              ? [m && unit ? describeReportAdded(unit, m[1]!, opts.names) : `新增落实情况（${cls.name}）`]
              : ch.status === 'D'
                ? [`删除落实情况 ${cls.name}`]
                : [`改动已报送的落实情况 ${cls.name}`];
          push(cls.itemId, { sha: c.sha, kind: 'report', change: { words }, unit });
        } else if (cls.kind === 'attachment' && cls.itemId && cls.name) {
          const how = ch.status === 'A' || ch.status === 'C' ? '新增' : ch.status === 'D' ? '删除' : '改动已提交的';
          push(cls.itemId, { sha: c.sha, kind: 'report', change: { words: [`${how}附件 ${cls.name}`] } });
        }
      }
      if (paths.length) {
        commits.set(c.sha, {
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
  };

  try {
    for await (const c of logCommits(repoDir, { revs: [head], pathPrefix: `${RECORDS_DIR}/` })) {
      batch.push(c);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
  } finally {
    reader.close();
  }
  return { commits, events, landed, versions };
}
