/**
 * Every reference resolves: people, units, items, notices, bulletins, plans.
 * Which fields hold which kind of reference is declared once, here, as data.
 */
import type { Issue } from '../issues.ts';
import type { Located } from '../ledger.ts';
import { closest } from '../text.ts';
import { at, dottedPath, valuesAt, type Rule, type RuleContext } from './context.ts';

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

function keysOf(ctx: RuleContext, kind: RefKind): Map<string, unknown> {
  const i = ctx.index;
  return { person: i.people, unit: i.units, item: i.items, notice: i.notices, bulletin: i.bulletins, plan: i.plans, meeting: i.meetings, summary: i.summaries }[kind];
}

function checkRecord<T>(ctx: RuleContext, rec: Located<T>, fields: Record<string, RefKind>, out: Issue[]) {
  for (const [pattern, kind] of Object.entries(fields)) {
    const known = keysOf(ctx, kind);
    for (const { path, value } of valuesAt(rec.value, pattern)) {
      if (typeof value !== 'string' || known.has(value) || ctx.ledger.invalid.has(value)) continue;
      const suggestion = kind === 'person' || kind === 'unit' ? closest(value, known.keys()) : undefined;
      out.push(at(rec, path, CODE[kind], { field: dottedPath(path), ref: value, suggestion }));
    }
  }
}

export const references: Rule = (ctx) => {
  const out: Issue[] = [];
  const l = ctx.ledger;
  for (const r of l.items) checkRecord(ctx, r, REFERENCE_FIELDS.item, out);
  for (const r of l.reports) {
    checkRecord(ctx, r, REFERENCE_FIELDS.report, out);
    if (!ctx.index.items.has(r.itemId) && !l.invalid.has(r.itemId)) out.push(at(r, [], 'unknown-item', { field: '所在文件夹', ref: r.itemId }));
  }
  for (const r of l.notices) checkRecord(ctx, r, REFERENCE_FIELDS.notice, out);
  for (const r of l.bulletins) checkRecord(ctx, r, REFERENCE_FIELDS.bulletin, out);
  for (const r of l.plans) checkRecord(ctx, r, REFERENCE_FIELDS.plan, out);
  for (const r of l.meetings) checkRecord(ctx, r, REFERENCE_FIELDS.meeting, out);
  for (const r of l.summaries) checkRecord(ctx, r, REFERENCE_FIELDS.summary, out);
  for (const r of l.adjustments) checkRecord(ctx, r, REFERENCE_FIELDS.adjustment, out);
  for (const r of l.people) checkRecord(ctx, r, REFERENCE_FIELDS.person, out);
  for (const r of l.units) checkRecord(ctx, r, REFERENCE_FIELDS.unit, out);
  return out;
};
