/**
 * The ledger in memory: every record, typed, with where it came from so a
 * rule can name the file and line of what it finds. Built by
 * `format/load-ledger.ts` from texts; read by rules, figures and the site.
 */
import type { Attachment } from './schemas/attachment.ts';
import type { Adjustment } from './schemas/adjustment.ts';
import type { Bulletin } from './schemas/bulletin.ts';
import type { Config } from './schemas/config.ts';
import type { Item } from './schemas/item.ts';
import type { Meeting } from './schemas/meeting.ts';
import type { Notice } from './schemas/notice.ts';
import type { Person } from './schemas/people.ts';
import type { Plan } from './schemas/plan.ts';
import type { Report } from './schemas/report.ts';
import type { SummaryDoc } from './schemas/summary.ts';
import type { Unit } from './schemas/units.ts';

export type FieldPath = ReadonlyArray<string | number>;

/** The kinds of file a ledger repository holds. */
export type RecordKind = 'config' | 'people' | 'units' | 'item' | 'report' | 'notice' | 'bulletin' | 'plan' | 'adjustment' | 'meeting' | 'summary' | 'attachment';

/** A validated record and its source position. */
export interface Located<T> {
  /** Repository-relative path of the file holding the record. */
  file: string;
  value: T;
  /** Markdown body ('' for registry entries). */
  body: string;
  bodyLine: number;
  /** 1-based line of a field of this record. */
  lineOf: (path: FieldPath) => number;
}

export interface LocatedReport extends Located<Report> {
  /** The item the report belongs to (from its folder). */
  itemId: string;
  /** File name, e.g. `2026-03-20-urban.md`. */
  name: string;
}

export interface LocatedAttachment extends Located<Attachment> {
  /** The item whose `attachments/` folder holds the file. */
  itemId: string;
  /** The file's bytes as read (the whole file from Git; its head from the working tree). */
  bytes?: Uint8Array;
}

export interface Ledger {
  config?: Located<Config>;
  people: Located<Person>[];
  units: Located<Unit>[];
  items: Located<Item>[];
  reports: LocatedReport[];
  notices: Located<Notice>[];
  bulletins: Located<Bulletin>[];
  plans: Located<Plan>[];
  meetings: Located<Meeting>[];
  summaries: Located<SummaryDoc>[];
  attachments: LocatedAttachment[];
  /**
   * Whether the ledger holds every file of the repository (a working tree
   * or a whole commit), not only the records one commit changed and those
   * they reference: only then is a file nothing refers to worth a warning.
   */
  complete?: boolean;
  /** Manual 加减分 decided by a main leader. */
  adjustments: Located<Adjustment>[];
  /**
   * Ids of records whose file exists but did not validate (from the file or
   * folder name). References to them are not reported again: the file's own
   * issues already say what to fix.
   */
  invalid: Set<string>;
}

export const emptyLedger = (): Ledger => ({
  people: [],
  units: [],
  items: [],
  reports: [],
  notices: [],
  bulletins: [],
  plans: [],
  meetings: [],
  summaries: [],
  attachments: [],
  adjustments: [],
  invalid: new Set(),
});

/** Lookup tables over a ledger, built once per check. */
export interface Index {
  people: Map<string, Located<Person>>;
  units: Map<string, Located<Unit>>;
  items: Map<string, Located<Item>>;
  notices: Map<string, Located<Notice>>;
  bulletins: Map<string, Located<Bulletin>>;
  plans: Map<string, Located<Plan>>;
  meetings: Map<string, Located<Meeting>>;
  summaries: Map<string, Located<SummaryDoc>>;
  /** Item id → attachment file name → attachment. */
  attachmentsByItem: Map<string, Map<string, LocatedAttachment>>;
  reportsByItem: Map<string, LocatedReport[]>;
  /** Lower-case e-mail → person id. */
  emails: Map<string, string>;
}

function byId<T extends { id: string }>(list: Located<T>[]): Map<string, Located<T>> {
  const m = new Map<string, Located<T>>();
  for (const r of list) if (!m.has(r.value.id)) m.set(r.value.id, r);
  return m;
}

export function indexLedger(ledger: Ledger): Index {
  const reportsByItem = new Map<string, LocatedReport[]>();
  for (const r of ledger.reports) {
    const list = reportsByItem.get(r.itemId) ?? [];
    list.push(r);
    reportsByItem.set(r.itemId, list);
  }
  for (const list of reportsByItem.values()) list.sort((a, b) => a.value.date.localeCompare(b.value.date) || a.name.localeCompare(b.name));
  const attachmentsByItem = new Map<string, Map<string, LocatedAttachment>>();
  for (const a of ledger.attachments) {
    const m = attachmentsByItem.get(a.itemId) ?? new Map<string, LocatedAttachment>();
    m.set(a.value.name, a);
    attachmentsByItem.set(a.itemId, m);
  }
  const emails = new Map<string, string>();
  for (const p of ledger.people) for (const e of p.value.emails) if (!emails.has(e)) emails.set(e, p.value.id);
  return {
    people: byId(ledger.people),
    units: byId(ledger.units),
    items: byId(ledger.items),
    notices: byId(ledger.notices),
    bulletins: byId(ledger.bulletins),
    plans: byId(ledger.plans),
    meetings: byId(ledger.meetings),
    summaries: byId(ledger.summaries),
    attachmentsByItem,
    reportsByItem,
    emails,
  };
}
