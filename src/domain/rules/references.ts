/**
 * Every reference resolves: people, units, items, notices, bulletins, plans.
 * Which fields hold which kind of reference is declared once, here, as data.
 */
import type { Issue } from '../issues.ts';
import type { Located } from '../ledger.ts';
import { closest } from '../text.ts';
import { at, dottedPath, eachValueAt, type Rule, type RuleContext } from './context.ts';

type RefKind = 'person' | 'unit' | 'item' | 'notice' | 'bulletin' | 'plan' | 'meeting' | 'summary';

/** Reference fields by record kind: pattern → kind of thing referenced. */
export const REFERENCE_FIELDS = {
  item: {
    'leaders[]': 'person',
    lead_unit: 'unit',
    'source.meeting': 'meeting',
    'co_units[]': 'unit',
    'registered.by': 'person',
    'instruction.by': 'person',
    'assigned.by': 'person',
    'assigned.notice': 'notice',
    'arranged.by': 'person',
    'summary.by': 'person',
    'summary.document': 'summary',
    'submitted.by': 'person',
    'application.by': 'person',
    'application.reviewed_by': 'person',
    'application.targets[]': 'unit',
    'approval.by': 'person',
    'rejection.by': 'person',
    'merge.by': 'person',
    'merge.into': 'item',
    'planned.by': 'person',
    'planned.plan': 'plan',
    'lead_opinion.signed_by': 'person',
    'bulletined.bulletin': 'bulletin',
    'closure.by': 'person',
    'closure.verified_by': 'person',
    'archive.by': 'person',
    'cancellation.approved_by': 'person',
    'returns[].by': 'person',
    'extensions[].approved_by': 'person',
    'flag.by': 'person',
    'accountability[].unit': 'unit',
    'accountability[].decided_by': 'person',
    'referrals[].by': 'person',
    'referrals[].approved_by': 'person',
    'referral_receipts[].by': 'person',
    'referral_outcomes[].by': 'person',
    'acknowledgements[].unit': 'unit',
    'acknowledgements[].by': 'person',
    'reviews[].by': 'person',
    'scores[].unit': 'unit',
    'scores[].by': 'person',
    'inspection_summaries[].by': 'person',
    'inspection_summaries[].to': 'person',
    'reminders[].by': 'person',
  },
  report: { unit: 'unit', by: 'person' },
  notice: { by: 'person', approved_by: 'person', 'items[]': 'item', 'to_leaders[]': 'person', 'to_units[]': 'unit' },
  bulletin: { 'items[]': 'item', 'drafted.by': 'person', 'reviewed.by': 'person', 'approved.by': 'person', 'figures.ranking[].unit': 'unit' },
  plan: { by: 'person', 'applications[]': 'item', 'targets[]': 'unit', 'scoring_units[]': 'unit', 'inspection_notice.to[]': 'unit' },
  adjustment: { unit: 'unit', decided_by: 'person', item: 'item' },
  meeting: { chaired_by: 'person', by: 'person', 'items[]': 'item' },
  summary: { item: 'item', 'drafted.by': 'person', 'reviewed.by': 'person', 'instructed.by': 'person', 'revised.by': 'person' },
  person: { unit: 'unit' },
  unit: { head: 'person', leader: 'person' },
} as const satisfies Record<string, Record<string, RefKind>>;

const CODE = {
  person: 'unknown-person',
  unit: 'unknown-unit',
  item: 'unknown-item',
  notice: 'unknown-notice',
  bulletin: 'unknown-bulletin',
  plan: 'unknown-plan',
  meeting: 'unknown-meeting',
  summary: 'unknown-summary',
} as const;

type Known = Record<RefKind, Map<string, unknown>>;

const entriesOf = new Map<object, [string, RefKind][]>();
/** A kind's reference fields as a list, made once. */
function fieldList(fields: Record<string, RefKind>): [string, RefKind][] {
  let e = entriesOf.get(fields);
  if (!e) entriesOf.set(fields, (e = Object.entries(fields)));
  return e;
}

function checkRecord<T>(ctx: RuleContext, known: Known, rec: Located<T>, fields: Record<string, RefKind>, out: Issue[]) {
  for (const [pattern, kind] of fieldList(fields)) {
    const ids = known[kind];
    eachValueAt(rec.value, pattern, (value, path) => {
      if (typeof value !== 'string' || ids.has(value) || ctx.ledger.invalid.has(value)) return;
      const suggestion = kind === 'person' || kind === 'unit' ? closest(value, ids.keys()) : undefined;
      const p = path();
      out.push(at(rec, p, CODE[kind], { field: dottedPath(p), ref: value, suggestion }));
    });
  }
}

export const references: Rule = (ctx) => {
  const out: Issue[] = [];
  const l = ctx.ledger;
  const i = ctx.index;
  const known: Known = { person: i.people, unit: i.units, item: i.items, notice: i.notices, bulletin: i.bulletins, plan: i.plans, meeting: i.meetings, summary: i.summaries };
  const check = <T,>(r: Located<T>, fields: Record<string, RefKind>, o: Issue[]) => checkRecord(ctx, known, r, fields, o);
  for (const r of l.items) check(r, REFERENCE_FIELDS.item, out);
  for (const r of l.reports) {
    check(r, REFERENCE_FIELDS.report, out);
    if (!ctx.index.items.has(r.itemId) && !l.invalid.has(r.itemId)) out.push(at(r, [], 'unknown-item', { field: '所在文件夹', ref: r.itemId }));
  }
  for (const r of l.notices) check(r, REFERENCE_FIELDS.notice, out);
  for (const r of l.bulletins) check(r, REFERENCE_FIELDS.bulletin, out);
  for (const r of l.plans) check(r, REFERENCE_FIELDS.plan, out);
  for (const r of l.meetings) check(r, REFERENCE_FIELDS.meeting, out);
  for (const r of l.summaries) check(r, REFERENCE_FIELDS.summary, out);
  for (const r of l.adjustments) check(r, REFERENCE_FIELDS.adjustment, out);
  for (const r of l.people) check(r, REFERENCE_FIELDS.person, out);
  for (const r of l.units) check(r, REFERENCE_FIELDS.unit, out);
  return out;
};
