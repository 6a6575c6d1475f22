/**
 * The whole ledger history in ONE pass, for every page of the site: one
 * streaming `git log` over the repository and one `git cat-file --batch`
 * process for the item versions it needs. Never a Git process per record.
 *
 * Out come, per item, the commits that touched it with the words for what
 * changed (`domain/describe.ts`), and, per record file, the commit it landed
 * with (a bulletin names the commit the ledger was at when it was issued).
 *
 * Kept in the ledger's cache (`site-history.json`, io/cache/store.ts) for
 * the commit it was read up to: a later build reads only the commits since
 * (`git log HEAD --not <cached tip>`), when the cached tip is an ancestor
 * and the names the words use (people.yml, units.yml) are the same. The
 * words of reports are worked out on every build from the report's path
 * and today's names, so nothing in the cache depends on the HEAD tree.
 */
import { beijingDateOf } from '../../domain/dates.ts';
import { describeItemChange, describeReportAdded, type ItemChange, type Names } from '../../domain/describe.ts';
import { subject, type Commit } from '../../domain/history.ts';
import { emptyLedger } from '../../domain/ledger.ts';
import type { Item } from '../../domain/schemas/item.ts';
import { REPORT_FILE_RE } from '../../domain/schemas/report.ts';
import { classifyPath, RECORDS_DIR } from '../../format/layout.ts';
import { loadOne } from '../../format/load-ledger.ts';
import { cacheDir, readCache, writeCache } from '../../io/cache/store.ts';
import { afterPages } from '../integration/build-hooks.ts';
import { BlobReader } from '../../io/git/cat-file.ts';
import { logCommits } from '../../io/git/log-stream.ts';
import { isAncestor } from '../../io/git/repo.ts';
import { revList } from '../../io/git/rev-list.ts';

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
  /** What the names of `names` come from (the registries' blob ids): a cached history worded with other names is read again. */
  namesKey?: string;
}

/** What is kept between builds (the events of items; report words are worked out again). */
interface HistoryCache {
  head: string;
  namesKey: string;
  /** Every commit read (all of `git log head`), in order. */
  order: string[];
  commits: CommitInfo[];
  events: [string, ItemEvent[]][];
  landed: [string, string][];
  versions: number;
}

const HISTORY_CACHE = 'site-history.json';

/**
 * `context` may still be loading (the HEAD tree is parsed meanwhile): Git
 * starts streaming the log at once and the first batch waits for it.
 */
export async function readHistory(repoDir: string, head: string, context: HistoryContext | Promise<HistoryContext>): Promise<History> {
  const dir = cacheDir(repoDir);
  const prior = readCache<HistoryCache>(dir, HISTORY_CACHE);
  const since = prior && prior.head !== head && (await isAncestor(repoDir, prior.head, head)) ? prior : undefined;
  if (prior && prior.head === head) {
    const opts = await context;
    if (prior.namesKey === (opts.namesKey ?? '')) return fromCache(prior, [], opts);
  }
  if (since) {
    const r = await readCommits(repoDir, [head, '--not', since.head], context);
    const opts = await context;
    // the commits since, appended, must be what a whole pass lists after the cached ones (a merge could interleave them)
    const order = [...since.order, ...r.order];
    const inOrder = !r.merges || ((all) => all.length === order.length && all.every((sha, i) => sha === order[i]))(await revList(repoDir, ['--reverse', '--topo-order', head]));
    if (since.namesKey === (opts.namesKey ?? '') && inOrder) {
      const h = fromCache(since, [r], opts);
      save(dir, head, opts, h, order);
      return h;
    }
  }
  const r = await readCommits(repoDir, [head], context);
  const opts = await context;
  const h = fromCache(undefined, [r], opts);
  save(dir, head, opts, h, r.order);
  return h;
}

/** Kept for the next build: written once the pages are done (0.5 s of JSON at 10,000 items that no page waits for). */
function save(dir: string | undefined, head: string, opts: HistoryContext, h: History, order: string[]) {
  afterPages(() => saveNow(dir, head, opts, h, order));
}

function saveNow(dir: string | undefined, head: string, opts: HistoryContext, h: History, order: string[]) {
  writeCache(dir, HISTORY_CACHE, {
    head,
    namesKey: opts.namesKey ?? '',
    order,
    commits: [...h.commits.values()],
    events: [...h.events],
    landed: [...h.landed],
    versions: h.versions,
  } satisfies HistoryCache);
}

/** A cached history and the passes read since, with the words of report events worked out for today's names. */
function fromCache(c: HistoryCache | undefined, passes: Pass[], opts: HistoryContext): History {
  const commits = new Map((c?.commits ?? []).map((x) => [x.sha, x]));
  const events = new Map((c?.events ?? []).map(([id, list]) => [id, [...list]]));
  const landed = new Map(c?.landed ?? []);
  let versions = c?.versions ?? 0;
  for (const p of passes) {
    for (const x of p.commits) commits.set(x.sha, x);
    for (const [id, list] of p.events) {
      const l = events.get(id);
      if (l) l.push(...list);
      else events.set(id, [...list]);
    }
    for (const [path, sha] of p.landed) if (!landed.has(path)) landed.set(path, sha);
    versions += p.versions;
  }
  for (const list of events.values()) {
    for (const e of list) {
      if (!e.file) continue;
      const cls = classifyPath(e.file.path);
      const name = cls?.name ?? e.file.path.split('/').pop()!;
      const st = e.file.status;
      if (e.file.attachment) {
        const how = st === 'A' || st === 'C' ? '新增' : st === 'D' ? '删除' : '改动已提交的';
        e.change = { words: [`${how}附件 ${name}`] };
        continue;
      }
      const m = REPORT_FILE_RE.exec(name);
      const unit = opts.reportUnits?.get(e.file.path) ?? m?.[2];
      e.unit = unit;
      e.change = {
        words:
          st === 'A' || st === 'C'
            ? [m && unit ? describeReportAdded(unit, m[1]!, opts.names) : `新增落实情况（${name}）`]
            : st === 'D'
              ? [`删除落实情况 ${name}`]
              : [`改动已报送的落实情况 ${name}`],
      };
    }
  }
  return { commits, events, landed, versions };
}

/** What one pass over `git log` found. */
interface Pass {
  commits: CommitInfo[];
  events: Map<string, ItemEvent[]>;
  landed: Map<string, string>;
  versions: number;
  /** Every commit listed, in order (those touching no record too). */
  order: string[];
  merges: boolean;
}

async function readCommits(repoDir: string, revs: string[], context: HistoryContext | Promise<HistoryContext>): Promise<Pass> {
  let opts!: HistoryContext;
  const commits: CommitInfo[] = [];
  const events = new Map<string, ItemEvent[]>();
  const landed = new Map<string, string>();
  const order: string[] = [];
  let merges = false;
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
      order.push(c.sha);
      if (c.parents.length > 1) merges = true;
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
          push(cls.itemId, { sha: c.sha, kind: 'report', change: { words: [] }, file: { path: ch.path, status: ch.status } });
        } else if (cls.kind === 'attachment' && cls.itemId && cls.name) {
          push(cls.itemId, { sha: c.sha, kind: 'report', change: { words: [] }, file: { path: ch.path, status: ch.status, attachment: true } });
        }
      }
      if (paths.length) {
        commits.push({
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
    for await (const c of logCommits(repoDir, { revs, pathPrefix: `${RECORDS_DIR}/` })) {
      batch.push(c);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
  } finally {
    reader.close();
  }
  return { commits, events, landed, versions, order, merges };
}
