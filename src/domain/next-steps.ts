/**
 * What may happen next to an item: the edges leaving its state and the
 * amendments open to it, each with the fields it needs and who may take it.
 * Pure, read from the workflow table; the CLI (`ledger steps`) and the site
 * (links on the item page) show it.
 */
import type { Item } from './schemas/item.ts';
import type { Role } from './schemas/people.ts';
import {
  AMENDMENTS,
  FIELD_LABELS,
  STATE_LABELS,
  WORKFLOWS,
  edgesFrom,
  isFrozen,
  isTerminal,
  type Amendment,
  type AmendmentWhen,
  type State,
  type StepField,
} from './workflow.ts';
import { reportingStart } from './figures.ts';

export interface NextStep {
  /** The step's action name (the `ledger` subcommand). */
  action: string;
  label: string;
  /** `edge`: a state move; `amendment`: a change that keeps the state. */
  type: 'edge' | 'amendment';
  to?: State;
  toLabel?: string;
  /** Step fields the move writes (the target state's own fields). */
  fields: { field: StepField; label: string }[];
  /** Roles that may commit the step. */
  committer: readonly Role[];
  /** Whether a person with `roles` may commit it (undefined when no roles given). */
  allowed?: boolean;
}

export function nextSteps(item: Item, roles?: readonly Role[]): NextStep[] {
  const may = (committer: readonly Role[]) => (roles ? roles.some((r) => committer.includes(r)) : undefined);
  const wf = WORKFLOWS[item.kind];
  const out: NextStep[] = edgesFrom(item.kind, item.state).map((e) => ({
    action: e.action,
    label: e.label,
    type: 'edge',
    to: e.to,
    toLabel: STATE_LABELS[e.to],
    fields: (e.appends ? [] : (wf.states[e.to]?.adds ?? [])).map((f) => ({ field: f, label: FIELD_LABELS[f] })),
    committer: e.committer,
    allowed: may(e.committer),
  }));
  const ended = isTerminal(item.kind, item.state) || isFrozen(item.kind, item.state);
  {
    for (const a of Object.values(AMENDMENTS) as Amendment[]) {
      if ((ended && !a.afterEnd) || !amendmentOpen(item, a.when)) continue;
      out.push({ action: a.action, label: a.label, type: 'amendment', fields: [], committer: a.committer, allowed: may(a.committer) });
    }
  }
  return out;
}

/** Whether an amendment's condition holds for an open item. */
export function amendmentOpen(item: Item, when: AmendmentWhen): boolean {
  switch (when) {
    case 'open':
      return true;
    case 'reporting':
      return reportingStart(item) !== undefined;
    case 'flagged':
      return item.flag !== undefined && item.flag.lifted === undefined;
    case 'unflagged':
      return item.flag === undefined || item.flag.lifted !== undefined;
    case 'assigned':
      return item.assigned !== undefined;
    case 'inspecting':
      return item.inspection !== undefined;
    case 'referred':
      return item.referrals.length > 0;
  }
}

/**
 * The referrals still waiting for an answer of the 纪工委 in `field`: a
 * receipt for each referral not yet received, an outcome for each received
 * one not yet answered (the order `rules/accountability.ts` holds them to).
 */
export function pendingReferrals(item: Item, field: 'referral_receipts' | 'referral_outcomes'): number[] {
  const received = new Set(item.referral_receipts.map((r) => r.referral));
  const answered = new Set(item[field].map((r) => r.referral));
  return item.referrals.map((_, i) => i + 1).filter((n) => !answered.has(n) && (field === 'referral_receipts' || received.has(n)));
}
