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
import { extensionChain, listOrder, noFutureDates, stepOrder } from './dates.ts';
import { bulletinLinks, mergeLinks, noticeLinks, planLinks } from './links.ts';
import { docNumbers, identity, registries, reports, visibilityScope } from './records.ts';
import { attachmentFiles, fileReferences } from './files.ts';
import { acknowledgements, closureEvidence, reviews } from './handling.ts';
import { meetingLinks } from './meetings.ts';
import { summaryLinks } from './summaries.ts';
import { applicationForm, inspectionResults, mergeCandidates } from './special.ts';
import { accountabilityKinds, referralAnswers } from './accountability.ts';
import { bulletinFigureRule, typedBanji } from './bulletin-figures.ts';

export const RULES: Record<string, Rule> = {
  identity,
  docNumbers,
  registries,
  references,
  stateFits,
  signers,
  stepOrder,
  extensionChain,
  listOrder,
  noFutureDates,
  noticeLinks,
  bulletinLinks,
  planLinks,
  mergeLinks,
  reports,
  visibilityScope,
  meetingLinks,
  summaryLinks,
  fileReferences,
  attachmentFiles,
  acknowledgements,
  reviews,
  closureEvidence,
  applicationForm,
  mergeCandidates,
  inspectionResults,
  accountabilityKinds,
  referralAnswers,
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
