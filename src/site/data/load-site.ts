/**
 * Ledger repository → everything the site shows, computed once per build.
 *
 * Reads the HEAD tree (one `git ls-tree`, one `git cat-file --batch`), the
 * whole history (one streaming `git log`, see read-history.ts) and the
 * full-history check (`checkRange(all)`, which has its own single pass), then
 * filters everything to the build's audience and precomputes the views the
 * pages need, so no page recomputes anything heavy.
 */
import { inspectionScoresByUnit, type UnitScores } from '../../domain/inspection-scores.ts';
import { performance } from 'node:perf_hooks';
import { runCheck } from '../audit/run-check.ts';
import { beijingDateOf } from '../../domain/dates.ts';
import { clip, type Names } from '../../domain/describe.ts';
import { itemFigures, tally, type ItemFigures, type Tally } from '../../domain/figures.ts';
import type { Issue } from '../../domain/issues.ts';
import type { Ledger, Located, LocatedAttachment, LocatedReport } from '../../domain/ledger.ts';
import type { Meeting } from '../../domain/schemas/meeting.ts';
import type { SummaryDoc } from '../../domain/schemas/summary.ts';
import type { Bulletin } from '../../domain/schemas/bulletin.ts';
import { config as configSchema, type Config, type SiteBuild } from '../../domain/schemas/config.ts';
import type { Item } from '../../domain/schemas/item.ts';
import type { Notice } from '../../domain/schemas/notice.ts';
import type { Person } from '../../domain/schemas/people.ts';
import type { Plan } from '../../domain/schemas/plan.ts';
import type { Unit } from '../../domain/schemas/units.ts';
import { STATE_LABELS, type State } from '../../domain/workflow.ts';
import { classifyPath, peoplePath, RECORDS_DIR, unitsPath } from '../../format/layout.ts';
import { loadLedger } from '../../format/load-ledger.ts';
import { cacheDir } from '../../io/cache/store.ts';
import { FileParseMemo } from '../../io/cache/parse-memo.ts';
import { afterPages } from '../integration/build-hooks.ts';
import { BlobReader } from '../../io/git/cat-file.ts';
import { listTree, resolveCommit } from '../../io/git/repo.ts';
import type { SiteEnv } from './env.ts';
import { readHistory, type CommitInfo, type HistoryContext, type ItemEvent } from './read-history.ts';
import { pageKeys, type PageKeys } from './page-keys.ts';
import { filterLedger, isPartial } from '../../format/visibility.ts';
import { figureInput, figureSettings, ledgerFigures } from '../../domain/ledger-figures.ts';
import { figuresBeside } from './figures-build.ts';
import { allTime, type PeriodFigures, type RankedUnit } from '../../domain/period-figures.ts';
import { monthPeriod, periodsOfYear, type Period } from '../../domain/period.ts';
import type { BulletinFigures } from '../../domain/schemas/bulletin.ts';

export interface ItemView {
  item: Item;
  file: string;
  body: string;
  fig: ItemFigures;
  /** Reports in order (oldest first). */
  reports: LocatedReport[];
  latest?: LocatedReport;
  /** Year of registration (from the id). */
  year: string;
  /** First deadline before any extension. */
  originalDeadline: string;
}

export interface TimelineRow {
  sha: string;
  date: string;
  day: string;
  /** Display name: the person in people.yml, or the Git author. */
  who: string;
  personId?: string;
  email: string;
  /** The commit subject, when every record it touched is visible in this build. */
  subject?: string;
  kind: ItemEvent['kind'];
  from?: State;
  to?: State;
  words: string[];
}

export interface AuditRow extends TimelineRow {
  itemId: string;
  title: string;
  unit: string;
}

export interface CheckResult {
  ran: boolean;
  /** Issues about records this build shows (or about no record). */
  issues: Issue[];
  /** Issues about records outside this build: counted, not shown. */
  hidden: number;
  commits: number;
  errors: number;
  warnings: number;
  ms: number;
  failure?: string;
}

export interface Site {
  env: SiteEnv;
  config: Config;
  build: SiteBuild;
  head: { sha: string; date: string; day: string } | undefined;
  names: Names;
  people: Map<string, Person>;
  units: Map<string, Unit>;
  unitList: Unit[];
  items: ItemView[];
  byId: Map<string, ItemView>;
  notices: Located<Notice>[];
  bulletins: Located<Bulletin>[];
  plans: Located<Plan>[];
  /** Meetings (分解立项), newest first; their `items` lists only items this build shows. */
  meetings: Located<Meeting>[];
  meetingById: Map<string, Located<Meeting>>;
  /** 督查汇报 documents, newest first. */
  summaries: Located<SummaryDoc>[];
  /** An item's 督查汇报 documents, newest first (as in `summaries`). */
  summariesOf: (itemId: string) => Located<SummaryDoc>[];
  summaryById: Map<string, Located<SummaryDoc>>;
  /** Item id → its attachments this build shows (with their bytes). */
  attachments: Map<string, LocatedAttachment[]>;
  noticeById: Map<string, Located<Notice>>;
  bulletinById: Map<string, Located<Bulletin>>;
  planById: Map<string, Located<Plan>>;
  years: string[];
  byUnit: Map<string, ItemView[]>;
  coByUnit: Map<string, ItemView[]>;
  /** On-site inspection scores each unit was given, over every item this build shows. */
  scoresByUnit: Map<string, UnitScores>;
  byLeader: Map<string, ItemView[]>;
  leaders: Person[];
  tallyAll: Tally;
  tallyByUnit: Map<string, Tally>;
  tallyByLeader: Map<string, Tally>;
  tallyByYear: Map<string, Tally>;
  /** The all-time ranking (empty in a build that sees only part of the ledger). */
  ranking: RankedUnit[];
  /** The ledger as this build sees it (records outside its scopes removed). */
  ledger: Ledger;
  /** This build sees only part of the ledger: no ranking is computed from it. */
  partial: boolean;
  /** The figures of a period over this build's items (memoised; no ranking when partial). */
  figures: (p: Period) => PeriodFigures;
  /** The same for a period of `periods` (its page's), worked out on a worker thread while the history is read; `items` empty. */
  periodFigures: (p: Period) => Promise<PeriodFigures>;
  /** The all-time period and every year, half, quarter and month begun by today, newest first. */
  periods: { all: Period; byYear: { year: number; periods: Period[]; months: Period[] }[] };
  /** The ranking of the latest issued bulletin this build shows (what partial builds publish). */
  publishedRanking?: { bulletin: Located<Bulletin>; figures: BulletinFigures };
  timeline: (itemId: string) => TimelineRow[];
  audit: AuditRow[];
  /** The commit a record file landed with. */
  landedWith: (path: string) => CommitInfo | undefined;
  commitUrl: (sha: string) => string | undefined;
  /** The full-history check, running beside the page generation (await it only after the pages). */
  check: Promise<CheckResult>;
  /** Problems loading the HEAD tree itself (visible records only). */
  loadIssues: Issue[];
  /** Optional report template text from records/_templates/. */
  reportTemplate?: string;
  /** records/_templates/ by file name (for the 新建 links). */
  templates: Map<string, string>;
  /** Every item, notice, bulletin and plan id of the tree, hidden ones included (numbering only). */
  takenIds: string[];
  /** An item's report file names (numbering only). */
  reportNames: (itemId: string) => string[];
  /** The blob id of a file of the HEAD tree (what an attachment's page key rests on). */
  blobOf: (path: string) => string | undefined;
  /** The pages' cache keys (page-keys.ts), worked out when first asked for. */
  keys: PageKeys;
  stats: Record<string, number>;
}

const DEFAULT_CONFIG: Config = configSchema.parse({ organisation: '（未配置）', office: '考核督查办', bulletin_name: '督查通报' });

async function readHead(repoDir: string, sha: string) {
  const files = await listTree(repoDir, sha, RECORDS_DIR);
  const reader = new BlobReader(repoDir);
  try {
    const texts = await reader.readMany(files.map((f) => f.blob));
    return files.map((f, i) => ({ path: f.path, blob: f.blob, text: texts[i] ?? new Uint8Array() }));
  } finally {
    reader.close();
  }
}

export async function loadSite(env: SiteEnv): Promise<Site> {
  const stats: Record<string, number> = {};
  const t0 = performance.now();
  const headSha = await resolveCommit(env.repoDir, 'HEAD');
  if (!headSha) throw new Error(`LEDGER_REPO ${env.repoDir} is not a Git repository with commits (run npm run demo:history, or set LEDGER_REPO)`);
  // Git streams the history while the HEAD tree is read and parsed
  let historyContext!: (c: HistoryContext) => void;
  const t1 = performance.now();
  const historyP = readHistory(env.repoDir, headSha, new Promise<HistoryContext>((ok) => (historyContext = ok))).then((h) => {
    stats.historyMs = performance.now() - t1;
    return h;
  });
  historyP.catch(() => {}); // awaited below
  // the full-history check starts now too, in a worker (the other core)
  const rawCheck = env.runCheck ? runCheck(env.repoDir, headSha) : undefined;
  rawCheck?.catch(() => {}); // awaited after the pages
  const emptyContext = { names: { person: (id: string) => id, unit: (id: string) => id } };
  let files: Awaited<ReturnType<typeof readHead>>;
  try {
    files = await readHead(env.repoDir, headSha);
  } catch (e) {
    historyContext(emptyContext);
    throw e;
  }
  // files parsed in an earlier build (same path, same blob) are taken from the ledger's cache
  const memo = new FileParseMemo(cacheDir(env.repoDir));
  const loaded = loadLedger(files.map((f) => ({ path: f.path, text: f.text, blob: f.blob })), undefined, memo);
  afterPages(() => memo.save()); // for the next build: no page waits for it
  stats.parsed = memo.misses;
  const full = loaded.ledger;
  stats.headMs = performance.now() - t0;

  const config = full.config?.value ?? DEFAULT_CONFIG;
  const build = config.builds.find((b) => b.id === env.buildId);
  if (!build) historyContext(emptyContext);
  if (!build) throw new Error(`SITE_BUILD=${env.buildId} is not one of config.builds: ${config.builds.map((b) => b.id).join(', ')}`);
  const vis = filterLedger(full, build);
  const ledger = vis.ledger;

  // the figures of every period page, on a worker of their own while the history is read (figures-build.ts)
  const partial = isPartial(full, build);
  const input = figureInput(ledger);
  const all = allTime(env.today);
  const figureYears = [...new Set(ledger.items.flatMap((r) => [r.value.id.slice(3, 7), r.value.deadline.slice(0, 4)]))]
    .map(Number)
    .filter((y) => `${y}-01-01` <= env.today)
    .sort((a, b) => b - a);
  const periods = {
    all,
    byYear: figureYears.map((year) => ({
      year,
      periods: periodsOfYear(year, env.today),
      months: Array.from({ length: 12 }, (_, i) => monthPeriod(year, 12 - i)).filter((p) => p.from <= env.today),
    })),
  };
  const pagePeriods = periods.byYear.flatMap((y) => [...y.periods, ...y.months]);
  const periodFiguresP = figuresBeside({ input, periods: pagePeriods, ...figureSettings(ledger, env.today), partial });
  periodFiguresP.catch(() => {}); // a failed worker: the pages work them out here (site.periodFigures)

  const people = new Map(ledger.people.map((p) => [p.value.id, p.value]));
  const units = new Map(ledger.units.map((u) => [u.value.id, u.value]));
  const emails = new Map<string, Person>();
  for (const p of people.values()) for (const e of p.emails) if (!emails.has(e)) emails.set(e, p);
  const names: Names = {
    person: (id) => people.get(id)?.name ?? id,
    unit: (id) => {
      const u = units.get(id);
      return u ? (u.short ?? u.name) : id;
    },
  };

  const blobOf = new Map(files.map((f) => [f.path, f.blob]));
  const known = new Map<string, { item: Item; body: string }>();
  for (const r of full.items) {
    const b = blobOf.get(r.file);
    if (b) known.set(b, { item: r.value, body: r.body });
  }
  historyContext({ names, known, reportUnits: new Map(full.reports.map((r) => [r.file, r.value.unit])), namesKey: `${blobOf.get(peoplePath()) ?? ''}:${blobOf.get(unitsPath()) ?? ''}` });
  const checkP: Promise<CheckResult> = rawCheck
    ? rawCheck.then(
        (r) => {
          const shown = r.issues.filter((i) => vis.pathVisible(i.file));
          const errors = shown.filter((i) => i.severity === 'error').length;
          return { ran: true, issues: shown, hidden: r.issues.length - shown.length, commits: r.commits, errors, warnings: shown.length - errors, ms: performance.now() - t1 };
        },
        (e: unknown) => ({ ran: false, issues: [], hidden: 0, commits: 0, errors: 0, warnings: 0, ms: 0, failure: (e as Error).message }),
      )
    : Promise.resolve({ ran: false, issues: [], hidden: 0, commits: 0, errors: 0, warnings: 0, ms: 0, failure: 'SITE_CHECK=0：本次构建跳过了全量历史检查' });
  const check = checkP.then((c) => {
    stats.checkMs = c.ms;
    return c;
  });
  const history = await historyP;
  stats.versions = history.versions;
  stats.commits = history.commits.size;

  // ——— items with their figures ———
  const settings = { today: env.today, warningDays: config.warning_days, graceDays: config.feedback_grace_days };
  const reportsByItem = new Map<string, LocatedReport[]>();
  for (const r of ledger.reports) {
    const l = reportsByItem.get(r.itemId);
    if (l) l.push(r);
    else reportsByItem.set(r.itemId, [r]);
  }
  const items: ItemView[] = ledger.items
    .map((rec) => {
      const it = rec.value;
      const reports = (reportsByItem.get(it.id) ?? []).sort((a, b) => a.value.date.localeCompare(b.value.date) || a.name.localeCompare(b.name));
      return {
        item: it,
        file: rec.file,
        body: rec.body,
        fig: itemFigures(it, reports.map((r) => r.value), settings),
        reports,
        latest: reports[reports.length - 1],
        year: it.id.slice(3, 7),
        originalDeadline: it.extensions[0]?.from ?? it.deadline,
      };
    })
    .sort((a, b) => b.item.id.localeCompare(a.item.id));
  const byId = new Map(items.map((v) => [v.item.id, v]));
  const years = [...new Set(items.map((v) => v.year))].sort().reverse();

  const group = (key: (v: ItemView) => string[]) => {
    const m = new Map<string, ItemView[]>();
    for (const v of items) for (const k of key(v)) {
      const l = m.get(k);
      if (l) l.push(v);
      else m.set(k, [v]);
    }
    return m;
  };
  const byUnit = group((v) => [v.item.lead_unit]);
  const coByUnit = group((v) => v.item.co_units);
  const byLeader = group((v) => v.item.leaders);
  const byYear = group((v) => [v.year]);
  const tallyOf = (m: Map<string, ItemView[]>) => new Map([...m].map(([k, list]) => [k, tally(list.map((v) => v.fig))]));
  const tallyByUnit = tallyOf(byUnit);
  const scoresByUnit = inspectionScoresByUnit(items.map((v) => v.item));
  const tallyByLeader = tallyOf(byLeader);
  const tallyByYear = tallyOf(byYear);
  // figures by period, over this build's items; a build that sees part of the ledger ranks nothing
  // a few periods are asked for by several pages (all time, this year); each period page asks once:
  // keeping every period's figures (each with a row per item) held ~1 GB at 10,000 items
  const figCache = new Map<string, PeriodFigures>();
  const figures = (p: Period): PeriodFigures => {
    let f = figCache.get(p.key);
    if (!f) {
      f = ledgerFigures(ledger, p, env.today, input);
      if (partial) f.ranking = []; // (a copy would work out every item of the period: `items` is read lazily)
      if (figCache.size >= 4) figCache.delete(figCache.keys().next().value!);
    } else figCache.delete(p.key);
    figCache.set(p.key, f);
    return f;
  };
  const ranking = figures(all).ranking;
  const periodFigures = (p: Period): Promise<PeriodFigures> => periodFiguresP.then((m) => m.get(p.key) ?? figures(p), () => figures(p));
  const published = [...ledger.bulletins]
    .filter((b) => b.value.figures && !b.value.draft && b.value.figures.ranking.length > 0)
    .sort((a, b) => b.value.date.localeCompare(a.value.date))[0];
  const publishedRanking = published ? { bulletin: published, figures: published.value.figures! } : undefined;
  const attachments = new Map<string, LocatedAttachment[]>();
  for (const a of ledger.attachments) (attachments.get(a.itemId) ?? attachments.set(a.itemId, []).get(a.itemId)!).push(a);
  const leaders = [...people.values()].filter((p) => byLeader.has(p.id));

  // ——— timelines and the audit trail, visible items only ———
  const subjectOf = (c: CommitInfo) => (c.paths.every(vis.pathVisible) ? c.subject : undefined);
  const rowOf = (e: ItemEvent): TimelineRow | undefined => {
    const c = history.commits.get(e.sha);
    if (!c) return undefined;
    const p = emails.get(c.email);
    return {
      sha: c.sha,
      date: c.date,
      day: c.day,
      who: p?.name ?? c.name,
      personId: p?.id,
      email: c.email,
      subject: subjectOf(c),
      kind: e.kind,
      from: e.change.from,
      to: e.change.to,
      words: e.change.words,
    };
  };
  const timelines = new Map<string, TimelineRow[]>();
  const audit: AuditRow[] = [];
  for (const v of items) {
    const rows = (history.events.get(v.item.id) ?? []).map(rowOf).filter((r): r is TimelineRow => !!r);
    timelines.set(v.item.id, rows);
    for (const r of rows) if (r.kind === 'item') audit.push({ ...r, itemId: v.item.id, title: v.item.title, unit: v.item.lead_unit });
  }
  audit.sort((a, b) => b.date.localeCompare(a.date) || b.itemId.localeCompare(a.itemId));

  const commitUrl = (sha: string) => config.forge?.commit_url.replace('{sha}', sha);
  const head = history.commits.get(headSha);
  const templateFile = files.find((f) => /^records\/_templates\/(report|落实情况)[^/]*\.md$/.test(f.path));
  const templates = new Map(files.filter((f) => /^records\/_templates\/[^/]+\.md$/.test(f.path)).map((f) => [f.path.split('/').pop()!, new TextDecoder().decode(f.text)]));
  const takenIds: string[] = [];
  const reportNames = new Map<string, string[]>();
  for (const f of files) {
    const c = classifyPath(f.path);
    if (!c) continue;
    if (c.kind === 'item' && c.itemId) takenIds.push(c.itemId);
    else if (c.fileId) takenIds.push(c.fileId);
    if (c.kind === 'report' && c.itemId && c.name) reportNames.set(c.itemId, [...(reportNames.get(c.itemId) ?? []), c.name]);
  }
  const sortDocs = <T extends { date: string; id: string }>(l: Located<T>[]) => [...l].sort((a, b) => b.value.date.localeCompare(a.value.date) || b.value.id.localeCompare(a.value.id));
  const bulletins = [...ledger.bulletins].sort((a, b) => b.value.year - a.value.year || b.value.number - a.value.number);
  stats.totalMs = performance.now() - t0;

  const summaries = [...ledger.summaries].sort((a, b) => b.value.drafted.date.localeCompare(a.value.drafted.date) || b.value.id.localeCompare(a.value.id));
  const summariesByItem = new Map<string, Located<SummaryDoc>[]>();
  for (const d of summaries) (summariesByItem.get(d.value.item) ?? summariesByItem.set(d.value.item, []).get(d.value.item)!).push(d);
  let keys: PageKeys | undefined;
  const site: Site = {
    env,
    config,
    build,
    head: { sha: headSha, date: head?.date ?? '', day: head ? beijingDateOf(head.date) : '' },
    names,
    people,
    units,
    unitList: [...units.values()],
    items,
    byId,
    notices: sortDocs(ledger.notices),
    bulletins,
    plans: sortDocs(ledger.plans),
    meetings: sortDocs(ledger.meetings),
    meetingById: new Map(ledger.meetings.map((m) => [m.value.id, m])),
    summaries,
    summariesOf: (id) => summariesByItem.get(id) ?? [],
    summaryById: new Map(ledger.summaries.map((m) => [m.value.id, m])),
    attachments,
    noticeById: new Map(ledger.notices.map((n) => [n.value.id, n])),
    bulletinById: new Map(ledger.bulletins.map((n) => [n.value.id, n])),
    planById: new Map(ledger.plans.map((n) => [n.value.id, n])),
    years,
    byUnit,
    coByUnit,
    scoresByUnit,
    byLeader,
    leaders,
    tallyAll: tally(items.map((v) => v.fig)),
    tallyByUnit,
    tallyByLeader,
    tallyByYear,
    ranking,
    ledger,
    partial,
    figures,
    periodFigures,
    periods,
    publishedRanking,
    timeline: (id) => timelines.get(id) ?? [],
    audit,
    landedWith: (path) => {
      const sha = history.landed.get(path);
      return sha ? history.commits.get(sha) : undefined;
    },
    commitUrl,
    check,
    loadIssues: loaded.issues.filter((i) => vis.pathVisible(i.file)),
    reportTemplate: templateFile ? new TextDecoder().decode(templateFile.text) : undefined,
    templates,
    takenIds,
    reportNames: (id) => reportNames.get(id) ?? [],
    blobOf: (path) => blobOf.get(path),
    get keys() {
      return (keys ??= pageKeys(site));
    },
    stats,
  };
  return site;
}

/** One-line summary of an item's latest progress for listings. */
export function latestText(v: ItemView): string {
  const r = v.latest;
  if (!r) return '';
  return clip(`${r.value.date} ${r.value.progress}`, 60);
}

export const stateLabel = (s: State) => STATE_LABELS[s];
