/**
 * The workflow table as the notice has it, typed out by hand: every edge
 * with its committers and signers, every amendment, every document. Tests
 * hold `src/domain/workflow.ts` to these rows (`workflow-pins.test.ts`) and
 * take each step as a person of each role against them
 * (`transitions-roles.test.ts`); never computed from the source.
 */
/** kind action from→to | committers | signers (field:roles[@unit of]) | appends */
export const EDGES = `
superior register ∅→registered | office | registered.by:office
superior instruct registered→instructed | main_leader,office | instruction.by:main_leader
superior assign instructed→assigned | office | assigned.by:office
superior arrange assigned→in_progress | leader,main_leader,office | arranged.by:leader,main_leader
superior summarise in_progress→reported | office | summary.by:office
superior return reported→in_progress | main_leader,office,supervision_leader | | returns
superior submit reported→submitted | office | submitted.by:office
superior close submitted→closed | office | closure.by:office
superior archive closed→archived | office | archive.by:office
superior cancel registered→cancelled | main_leader,office | cancellation.approved_by:main_leader
superior cancel instructed→cancelled | main_leader,office | cancellation.approved_by:main_leader
superior cancel assigned→cancelled | main_leader,office | cancellation.approved_by:main_leader
superior cancel in_progress→cancelled | main_leader,office | cancellation.approved_by:main_leader
superior cancel reported→cancelled | main_leader,office | cancellation.approved_by:main_leader
meeting register ∅→registered | office | registered.by:office
meeting assign registered→assigned | office | assigned.by:office
meeting arrange assigned→in_progress | leader,main_leader,office | arranged.by:leader,main_leader
meeting bulletin in_progress→bulletined | office |
meeting return bulletined→in_progress | main_leader,office,supervision_leader | | returns
meeting close bulletined→closed | office | closure.by:office
meeting archive closed→archived | office | archive.by:office
meeting cancel registered→cancelled | main_leader,office | cancellation.approved_by:main_leader
meeting cancel assigned→cancelled | main_leader,office | cancellation.approved_by:main_leader
meeting cancel in_progress→cancelled | main_leader,office | cancellation.approved_by:main_leader
meeting cancel bulletined→cancelled | main_leader,office | cancellation.approved_by:main_leader
special apply ∅→applied | office,unit | application.by:office,unit application.reviewed_by:leader,main_leader@lead_unit
special approve applied→approved | main_leader,office | approval.by:main_leader
special reject applied→rejected | main_leader,office | rejection.by:main_leader
special merge applied→merged | office | merge.by:office
special merge approved→merged | office | merge.by:office
special plan approved→planned | office | planned.by:office
special start planned→inspecting | office |
special bulletin inspecting→bulletined | office | lead_opinion.signed_by:leader,main_leader@lead_unit
special return bulletined→inspecting | main_leader,office,supervision_leader | | returns
special close bulletined→closed | office | closure.by:office
special archive closed→archived | office | archive.by:office
special cancel applied→cancelled | main_leader,office | cancellation.approved_by:main_leader
special cancel approved→cancelled | main_leader,office | cancellation.approved_by:main_leader
special cancel planned→cancelled | main_leader,office | cancellation.approved_by:main_leader
special cancel inspecting→cancelled | main_leader,office | cancellation.approved_by:main_leader
special cancel bulletined→cancelled | main_leader,office | cancellation.approved_by:main_leader
`
  .trim()
  .split('\n');

/** action | committers | signers | change field when [afterEnd] [ownUnit] */
export const AMENDMENT_ROWS = `
extend | office | extensions[].approved_by:main_leader | append extensions open
flag | office | | set flag unflagged
unflag | office | | set flag flagged
accountability | office | accountability[].decided_by:main_leader | append accountability open
referral | office | referrals[].by:office referrals[].approved_by:main_leader | append referrals open
receive-referral | discipline | referral_receipts[].by:discipline | append referral_receipts referred afterEnd
referral-outcome | discipline | referral_outcomes[].by:discipline | append referral_outcomes referred afterEnd
acknowledge | office,unit | acknowledgements[].by:office,unit | append acknowledgements assigned ownUnit=unit
review | office | reviews[].by:office | append reviews reporting
score | office,unit | scores[].by:office,unit | append scores inspecting
summarise-inspection | office | inspection_summaries[].by:office inspection_summaries[].to:main_leader | append inspection_summaries inspecting
remind | office | reminders[].by:office | append reminders reporting
report | office,unit | | file - reporting
edit | office | | content - open
`
  .trim()
  .split('\n');

/** document | committers | signers | steps (field action committers signers) */
export const DOCUMENT_ROWS = `
meeting | office | by:office
summary | office |
summary.drafted draft-summary | office | drafted.by:office
summary.reviewed review-summary | office,supervision_leader | reviewed.by:supervision_leader
summary.instructed instruct-summary | main_leader,office | instructed.by:main_leader
summary.revised revise-summary | office | revised.by:office
notice | office | by:office approved_by:main_leader
plan | office | by:office
adjustment | office | decided_by:main_leader
bulletin | office | drafted.by:office reviewed.by:supervision_leader approved.by:main_leader
`
  .trim()
  .split('\n');

export interface ExpectedEdge {
  kind: string;
  action: string;
  from: string | null;
  to: string;
  committers: string[];
  /** field → roles */
  signers: Record<string, string[]>;
}

const parseSigners = (s: string) =>
  Object.fromEntries(
    s
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((x) => {
        const [field, rs] = x.split(':') as [string, string];
        return [field, rs.replace(/@.*$/, '').split(',')];
      }),
  );

/** The EDGES rows as data. */
export const EXPECTED_EDGES: ExpectedEdge[] = EDGES.map((row) => {
  const [head, committers, signers = ''] = row.split('|').map((x) => x.trim()) as [string, string, string?];
  const [kind, action, move] = head.split(/\s+/) as [string, string, string];
  const [from, to] = move.split('→') as [string, string];
  return { kind, action, from: from === '∅' ? null : from, to, committers: committers.split(','), signers: parseSigners(signers) };
});

/** The AMENDMENT_ROWS as data: action → committers. */
export const EXPECTED_AMENDMENT_COMMITTERS: Record<string, string[]> = Object.fromEntries(
  AMENDMENT_ROWS.map((row) => {
    const [action, committers] = row.split('|').map((x) => x.trim()) as [string, string];
    return [action, committers.split(',')];
  }),
);

/** The AMENDMENT_ROWS as data: signer field → roles. */
export const EXPECTED_AMENDMENT_SIGNERS: Record<string, string[]> = Object.assign({}, ...AMENDMENT_ROWS.map((row) => parseSigners(row.split('|')[2] ?? '')));
