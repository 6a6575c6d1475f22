/**
 * Cache keys of the pages (Astro's incremental build, `experimental.
 * incrementalBuild`: a page whose key and code are unchanged since the last
 * build is copied from Astro's cache instead of rendered again).
 *
 * A key is a digest of everything the page shows: the build-wide part
 * (config, people, units, the build and its audience, today, the site URL,
 * the templates, the code) and the page's own data — the item with its
 * reports, timeline rows and attachments; the documents it names; for a
 * list, every listed item's digest. A record file enters by its path and
 * blob id: what is parsed from it (and worked out from that and today,
 * like an item's figures) is a function of those and the code. Deliberately wide: a page is
 * rendered again when anything it could show changed, never kept when it
 * did. What differs on every build (the build time, the ledger commit in
 * the footer) is not in any key: those pages get it written in afterwards
 * (view/stamp.ts). `cache.test.ts` (tests/e2e) holds a rebuild with the
 * cache to the bytes of a build without it.
 */
import { createHash } from 'node:crypto';
import { codeVersion } from '../../io/cache/store.ts';
import type { Located } from '../../domain/ledger.ts';
import type { PeriodFigures } from '../../domain/period-figures.ts';
import { invalidReports } from '../audit/damage-html.ts';
import type { AuditRow, ItemView, Site } from './load-site.ts';

/** Bump when what a key covers changes. */
const SCHEME = 'page-keys/1';

/** JSON of anything the pages read: Maps as entries, bytes as their length (pages show names, not bytes), functions dropped. */
function json(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (x instanceof Map ? [...x] : x instanceof Set ? [...x] : x instanceof Uint8Array ? `bytes:${x.length}` : x));
}

export const digest = (...parts: unknown[]): string => {
  const h = createHash('sha1');
  for (const p of parts) h.update(typeof p === 'string' ? p : json(p)).update('\u0000');
  return h.digest('hex');
};

export interface PageKeys {
  item(id: string): string;
  summary(id: string): string;
  notice(id: string): string;
  plan(id: string): string;
  bulletin(id: string): string;
  meeting(id: string): string;
  /** A notice's or bulletin's .docx (written from the document, its items and the registries). */
  docx(id: string): string;
  figures(f: PeriodFigures, extra?: unknown): string;
  audit(rows: AuditRow[]): string;
  unit(id: string): string;
  leader(id: string): string;
  ledgerYear(year: string): string;
  attachment(itemId: string, name: string): string;
}

export function pageKeys(site: Site): PageKeys {
  const global = digest(
    SCHEME,
    codeVersion(),
    site.config,
    site.build,
    site.partial,
    site.env.today,
    site.env.siteUrl,
    [...site.people.values()],
    site.unitList,
    site.templates,
    site.reportTemplate ?? '',
    site.publishedRanking ?? null,
    site.periods,
    site.ranking,
    site.leaders.map((p) => p.id),
    site.years,
  );
  const items = new Map<string, string>();
  const file = (path: string) => `${path}@${site.blobOf(path) ?? 'none'}`;
  /** Everything about an item any page shows. */
  const itemDigest = (v: ItemView | undefined): string => {
    if (!v) return 'none';
    let d = items.get(v.item.id);
    if (!d) {
      d = digest(
        file(v.file),
        v.reports.map((r) => file(r.file)),
        (site.attachments.get(v.item.id) ?? []).map((a) => file(a.file)),
        site.timeline(v.item.id),
        site.reportNames(v.item.id),
      );
      items.set(v.item.id, d);
    }
    return d;
  };
  // reports that do not load, by item (invalidReports for every item would read every load issue for each)
  const invalid = new Map<string, ReturnType<typeof invalidReports>>();
  for (const i of site.loadIssues) {
    const m = /^records\/items\/[^/]+\/([^/]+)\/reports\//.exec(i.file);
    if (m && !invalid.has(m[1]!)) invalid.set(m[1]!, invalidReports(site, m[1]!));
  }
  const doc = (x: Located<unknown> | undefined) => (x ? [file(x.file), site.landedWith(x.file) ?? null] : null);
  const itemsOf = (ids: readonly string[]) => ids.map((id) => itemDigest(site.byId.get(id)));
  return {
    item(id) {
      const v = site.byId.get(id)!;
      const it = v.item;
      return digest(global, 'item', itemDigest(v), [
        doc(it.assigned?.notice ? site.noticeById.get(it.assigned.notice) : undefined),
        doc(it.planned ? site.planById.get(it.planned.plan) : undefined),
        doc(it.bulletined ? site.bulletinById.get(it.bulletined.bulletin) : undefined),
        doc(it.source.meeting ? site.meetingById.get(it.source.meeting) : undefined),
        [...site.summariesOf(id), ...(it.summary ? [site.summaryById.get(it.summary.document)] : [])].map(doc),
        it.merge ? site.byId.has(it.merge.into) : null,
        invalid.get(id) ?? null,
      ]);
    },
    summary(id) {
      const x = site.summaryById.get(id)!;
      return digest(global, 'summary', doc(x), itemsOf([x.value.item]));
    },
    notice(id) {
      const x = site.noticeById.get(id)!;
      return digest(global, 'notice', doc(x), itemsOf(x.value.items));
    },
    plan(id) {
      const x = site.planById.get(id)!;
      return digest(global, 'plan', doc(x), itemsOf(x.value.applications));
    },
    bulletin(id) {
      const x = site.bulletinById.get(id)!;
      return digest(global, 'bulletin', doc(x), itemsOf(x.value.items));
    },
    meeting(id) {
      const x = site.meetingById.get(id)!;
      const listed = x.value.items.map((i) => site.byId.get(i)?.item.assigned?.notice);
      return digest(global, 'meeting', doc(x), itemsOf(x.value.items), listed.map((n) => (n ? doc(site.noticeById.get(n)) : null)));
    },
    docx(id) {
      const x = site.noticeById.get(id) ?? site.bulletinById.get(id);
      const named = (x?.value as { items?: string[] } | undefined)?.items ?? [];
      return digest(global, 'docx', x ? file(x.file) : id, named.map((i) => { const v = site.byId.get(i); return v ? file(v.file) : 'none'; }));
    },
    figures: (f, extra) => digest(global, 'figures', f.period, f.asOf, f.all, f.byUnit, f.byLeader, f.ranking, f.adjustments, extra ?? null),
    audit: (rows) => digest(global, 'audit', rows),
    unit(id) {
      const u = site.units.get(id)!;
      return digest(global, 'unit', u, (site.byUnit.get(id) ?? []).map(itemDigest), (site.coByUnit.get(id) ?? []).map(itemDigest), site.tallyByUnit.get(id) ?? null, site.scoresByUnit.get(id) ?? null, u.leader ? site.byLeader.has(u.leader) : null);
    },
    leader(id) {
      return digest(global, 'leader', id, (site.byLeader.get(id) ?? []).map(itemDigest), site.tallyByLeader.get(id) ?? null);
    },
    ledgerYear: (year) => digest(global, 'year', year, site.items.filter((v) => v.year === year).map(itemDigest)),
    attachment(itemId, name) {
      const a = site.attachments.get(itemId)?.find((x) => x.value.name === name);
      return digest('attachment', a ? (site.blobOf(a.file) ?? null) : null, a?.value ?? null);
    },
  };
}
