/**
 * The registered list of rules (beancount's habit: each validation is a
 * function in one list). `checkLedger` runs them all and collects every
 * issue; no rule stops another.
 */
import { indexLedger, type Ledger } from '../ledger.ts';
import { sortIssues, type Issue } from '../issues.ts';
import type { Rule, RuleContext } from './context.ts';
import { references } from './references.ts';
import { signers, stateFits } from './workflow-rules.ts';
import { extensionChain, noFutureDates, stepOrder } from './dates.ts';
import { bulletinLinks, mergeLinks, noticeLinks, planLinks } from './links.ts';
import { identity, registries, reports, visibilityScope } from './records.ts';
import { bulletinFigureRule, typedBanji } from './bulletin-figures.ts';

export const RULES: Record<string, Rule> = {
  identity,
  registries,
  references,
  stateFits,
  signers,
  stepOrder,
  extensionChain,
  noFutureDates,
  noticeLinks,
  bulletinLinks,
  planLinks,
  mergeLinks,
  reports,
  visibilityScope,
  bulletinFigures: bulletinFigureRule,
  typedBanji,
};

export interface CheckOptions {
  /** Today in Beijing (YYYY-MM-DD); omit to skip the future-date rule. */
  today?: string;
  /** Keep only issues in these files (a history check's changed records). */
  files?: Set<string>;
}

export function checkLedger(ledger: Ledger, opts: CheckOptions = {}): Issue[] {
  const ctx: RuleContext = { ledger, index: indexLedger(ledger), today: opts.today, complete: !opts.files };
  const all = Object.values(RULES).flatMap((rule) => rule(ctx));
  // filter before sorting: sorting reads lines, and lines are computed lazily
  return sortIssues(opts.files ? all.filter((i) => opts.files!.has(i.file)) : all);
}

export type { Rule, RuleContext };
