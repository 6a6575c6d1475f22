/**
 * The workflow table pinned to the notice, edge by edge and amendment by
 * amendment: who may commit each step and who must sign each field, written
 * out here by hand (not computed from the source), so that widening or
 * narrowing any set — a unit allowed to 销号, a `leader` signing the
 * 督查汇报's instruction — fails a test that names the step. Behaviour tests
 * of the same sets (a person of each role taking each step) are in
 * `transitions-roles.test.ts`; this file holds the data.
 */
import { describe, expect, it } from 'vitest';
import {
  AMENDMENTS,
  DOCUMENTS,
  DONE_STATES,
  ITEM_FIELDS,
  ITEM_KINDS,
  VOID_STATES,
  WORKFLOWS,
  isFrozen,
  isTerminal,
  statesOf,
  type Amendment,
  type Signer,
} from './workflow.ts';
import { AMENDMENT_ROWS, DOCUMENT_ROWS, EDGES } from '../../tests/support/expected-table.ts';

/** Rows compared with runs of spaces folded (the table is typed by hand). */
const norm = (rows: string[]) => rows.map((r) => r.replace(/\s+/g, ' ').trim());
const roles = (rs: readonly string[]) => [...rs].sort().join(',');
const signerText = (ss: readonly Signer[] | undefined) => (ss ?? []).map((s) => `${s.field}:${roles(s.roles)}${s.ofUnit ? `@${s.ofUnit}` : ''}`).join(' ');

describe('the committer and signer sets of every edge', () => {
  it('are exactly the notice’s, edge by edge', () => {
    const actual = ITEM_KINDS.flatMap((kind) =>
      WORKFLOWS[kind].edges.map((e) => `${kind} ${e.action} ${e.from ?? '∅'}→${e.to} | ${roles(e.committer)} | ${signerText(e.signers)}${e.appends ? ` | ${e.appends}` : ''}`.trimEnd()),
    );
    expect(norm(actual)).toEqual(norm(EDGES));
  });
});

describe('every amendment', () => {
  it('has exactly the notice’s committers, signers, change and when', () => {
    const actual = (Object.values(AMENDMENTS) as Amendment[]).map((a) =>
      [
        a.action,
        roles(a.committer),
        signerText(a.signers),
        [a.change, a.field ?? '-', a.when, a.afterEnd ? 'afterEnd' : '', a.ownUnit ? `ownUnit=${a.ownUnit}` : ''].filter(Boolean).join(' '),
      ].join(' | '),
    );
    expect(norm(actual)).toEqual(norm(AMENDMENT_ROWS));
  });
});

describe('the office’s documents', () => {
  it('are committed and signed by exactly these roles, the 督查汇报 step by step, frozen after its revision', () => {
    const actual = Object.entries(DOCUMENTS).flatMap(([kind, d]) => [
      `${kind} | ${roles(d.committer)} | ${signerText(d.signers)}`.trimEnd(),
      ...(d.steps ?? []).map((s) => `${kind}.${s.field} ${s.action} | ${roles(s.committer)} | ${signerText(s.signers)}`),
    ]);
    expect(norm(actual)).toEqual(norm(DOCUMENT_ROWS));
    expect(DOCUMENTS.summary.bodyUntil).toBe('instructed');
  });
});

describe('the field policies', () => {
  it('say how history may change each item field', () => {
    const table = Object.fromEntries(Object.entries(ITEM_FIELDS).map(([f, p]) => [f, 'by' in p ? `${p.policy}:${([] as string[]).concat(p.by).join('/')}` : p.policy]));
    expect(table).toEqual({
      id: 'identity',
      kind: 'identity',
      state: 'state',
      deadline: 'deadline',
      title: 'content',
      source: 'content',
      content: 'content',
      requirements: 'content',
      leaders: 'content',
      lead_unit: 'content',
      co_units: 'content',
      reports_due: 'content',
      priority: 'content',
      visibility: 'content',
      tags: 'content',
      registered: 'step',
      instruction: 'step',
      assigned: 'step',
      arranged: 'step',
      summary: 'step',
      submitted: 'step',
      application: 'step',
      approval: 'step',
      rejection: 'step',
      merge: 'step',
      planned: 'step',
      inspection: 'step',
      lead_opinion: 'step',
      bulletined: 'step',
      closure: 'step',
      archive: 'step',
      cancellation: 'step',
      returns: 'list:return',
      extensions: 'list:extend',
      accountability: 'list:accountability',
      referrals: 'list:referral',
      referral_receipts: 'list:receive-referral',
      referral_outcomes: 'list:referral-outcome',
      acknowledgements: 'list:acknowledge',
      reviews: 'list:review',
      scores: 'list:score',
      inspection_summaries: 'list:summarise-inspection',
      reminders: 'list:remind',
      flag: 'set:flag/unflag',
    });
  });
});

describe('the ends of each workflow', () => {
  it('freeze closed and archived items, end archived, cancelled, rejected and merged ones', () => {
    const ends = Object.fromEntries(
      ITEM_KINDS.map((k) => [k, statesOf(k).filter((s) => isFrozen(k, s) || isTerminal(k, s)).map((s) => `${s}${isFrozen(k, s) ? ':frozen' : ''}${isTerminal(k, s) ? ':terminal' : ''}`)]),
    );
    expect(ends).toEqual({
      superior: ['closed:frozen', 'archived:frozen:terminal', 'cancelled:terminal'],
      meeting: ['closed:frozen', 'archived:frozen:terminal', 'cancelled:terminal'],
      special: ['rejected:terminal', 'merged:terminal', 'closed:frozen', 'archived:frozen:terminal', 'cancelled:terminal'],
    });
  });

  it('count closed and archived as 办结, and leave cancelled, rejected and merged out of the figures', () => {
    expect([...DONE_STATES]).toEqual(['closed', 'archived']);
    expect([...VOID_STATES]).toEqual(['cancelled', 'rejected', 'merged']);
  });
});
