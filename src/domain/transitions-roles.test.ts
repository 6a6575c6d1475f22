/**
 * The table's rules held as behaviour (issue 7 part 11): every edge and
 * every amendment taken by a person of each role — accepted exactly for the
 * roles the notice names (`tests/support/expected-table.ts`, typed by hand);
 * no move between states but the table's; every write-once field never
 * rewritten; every frozen or terminal state frozen but for what the edges
 * leaving it (and the 纪工委's late answers) write; the deadline only with
 * an extension chained to it. Pure: `itemChangeIssues` as the history check
 * calls it.
 */
import { describe, expect, it } from 'vitest';
import { EXPECTED_AMENDMENT_COMMITTERS, EXPECTED_EDGES } from '../../tests/support/expected-table.ts';
import { changeCodes, changeInput, itemAt, only, STATE_FIELDS, STEP_VALUES } from '../../tests/support/table-items.ts';
import type { Located } from './ledger.ts';
import { ROLES, type Role } from './schemas/people.ts';
import { report as reportSchema, type Report } from './schemas/report.ts';
import { reportChangeIssues } from './transitions.ts';
import { ITEM_KINDS, STATES, type ItemKind, type State } from './workflow.ts';

type Rec = Record<string, unknown>;
const clone = <T>(v: T): T => structuredClone(v);
const RETURN = { date: '2026-05-10', by: 'only-main-leader', reason: '重新核实。' };

/** The item before and after an edge, from the hand-written state fields. */
function edgeChange(kind: ItemKind, from: State | null, to: State, action: string): { before?: Rec; after: Rec } {
  if (from === null) return { after: itemAt(kind, to) };
  const before = itemAt(kind, from);
  const after: Rec = { ...clone(before), state: to };
  if (action === 'return') {
    const keep = new Set(STATE_FIELDS[kind][to]);
    for (const f of STATE_FIELDS[kind][from] ?? []) if (!keep.has(f)) delete after[f];
    after.returns = [RETURN];
  } else {
    for (const f of STATE_FIELDS[kind][to] ?? []) if (after[f] === undefined) after[f] = clone(STEP_VALUES[f]);
    if (kind === 'meeting' && after.assigned && !(after.assigned as Rec).notice) after.assigned = { ...(after.assigned as Rec), notice: 'TZ-2026-001' };
  }
  return { before, after };
}

describe('every edge, taken by a person of each role', () => {
  for (const e of EXPECTED_EDGES) {
    it(`${e.kind} ${e.action} ${e.from ?? '∅'}→${e.to}: only ${e.committers.join('/')} may commit it`, () => {
      const { before, after } = edgeChange(e.kind as ItemKind, e.from as State | null, e.to as State, e.action);
      const verdicts = Object.fromEntries(ROLES.map((r) => [r, changeCodes(before, after, only(r))]));
      const expected = Object.fromEntries(ROLES.map((r) => [r, e.committers.includes(r) ? [] : ['wrong-committer']]));
      expect(verdicts).toEqual(expected);
    });
  }
});

describe('no move but the table’s', () => {
  for (const kind of ITEM_KINDS) {
    it(`${kind}: every other pair of states is an illegal transition, whoever commits it`, () => {
      const states = STATES.filter((s) => STATE_FIELDS[kind][s]);
      const legal = new Set(EXPECTED_EDGES.filter((e) => e.kind === kind).map((e) => `${e.from ?? '∅'}→${e.to}`));
      const wrong: string[] = [];
      for (const from of [null, ...states]) {
        for (const to of states) {
          if (from === to || legal.has(`${from ?? '∅'}→${to}`)) continue;
          const codes = changeCodes(from ? itemAt(kind, from) : undefined, itemAt(kind, to), only('office'));
          if (!codes.includes('illegal-transition')) wrong.push(`${from ?? '∅'}→${to}: ${codes.join(',') || 'accepted'}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }
});

/** One change per amendment: the item before, the item after (hand-written). */
const ENTRY = {
  extension: { date: '2026-04-20', from: '2026-12-31', to: '2027-01-31', approved_by: 'only-main-leader', reason: '工程量大。' },
  flag: { date: '2026-04-20', by: 'only-office', reason: '进度滞后。' },
  accountability: { date: '2026-04-21', kind: 'direct', measure: '约谈', reason: '进度滞后。', decided_by: 'only-main-leader' },
  referral: { date: '2026-04-22', by: 'only-office', approved_by: 'only-main-leader', reason: '线索移送。' },
  receipt: { date: '2026-04-23', by: 'only-discipline', referral: 1 },
  outcome: { date: '2026-04-24', by: 'only-discipline', referral: 1, result: '已立案。' },
  acknowledgement: { date: '2026-04-20', unit: 'urban', by: 'only-unit' },
  review: { date: '2026-04-20', by: 'only-office', report: '2026-03-10-urban.md', result: 'accepted' },
  score: { date: '2026-04-20', unit: 'urban', score: 90, by: 'only-unit' },
  summary: { date: '2026-04-20', by: 'only-office', to: 'only-main-leader', text: '情况汇总。' },
  reminder: { date: '2026-04-20', method: 'phone', to: ['城市管理办公室'], by: 'only-office' },
};
const open = itemAt('superior', 'in_progress');
const inspecting = itemAt('special', 'inspecting');
const referred = { ...open, referrals: [ENTRY.referral] };
const AMENDMENT_CHANGES: Record<string, { before: Rec; after: Rec }> = {
  extend: { before: open, after: { ...open, extensions: [ENTRY.extension], deadline: '2027-01-31' } },
  flag: { before: open, after: { ...open, flag: ENTRY.flag } },
  unflag: { before: { ...open, flag: ENTRY.flag }, after: { ...open, flag: { ...ENTRY.flag, lifted: '2026-05-01' } } },
  accountability: { before: open, after: { ...open, accountability: [ENTRY.accountability] } },
  referral: { before: open, after: referred },
  'receive-referral': { before: referred, after: { ...referred, referral_receipts: [ENTRY.receipt] } },
  'referral-outcome': { before: { ...referred, referral_receipts: [ENTRY.receipt] }, after: { ...referred, referral_receipts: [ENTRY.receipt], referral_outcomes: [ENTRY.outcome] } },
  acknowledge: { before: open, after: { ...open, acknowledgements: [ENTRY.acknowledgement] } },
  review: { before: open, after: { ...open, reviews: [ENTRY.review] } },
  score: { before: inspecting, after: { ...inspecting, scores: [ENTRY.score] } },
  'summarise-inspection': { before: inspecting, after: { ...inspecting, inspection_summaries: [ENTRY.summary] } },
  remind: { before: open, after: { ...open, reminders: [ENTRY.reminder] } },
  edit: { before: open, after: { ...open, requirements: '改过的办理要求。', tags: ['重点'] } },
};

describe('every amendment, taken by a person of each role', () => {
  for (const [action, committers] of Object.entries(EXPECTED_AMENDMENT_COMMITTERS)) {
    it(`${action}: only ${committers.join('/')} may commit it`, () => {
      const verdicts = Object.fromEntries(
        ROLES.map((r: Role) => {
          if (action === 'report') return [r, reportCodes(only(r))];
          const c = AMENDMENT_CHANGES[action];
          if (!c) throw new Error(`no change written for ${action}`);
          return [r, changeCodes(c.before, c.after, only(r))];
        }),
      );
      expect(verdicts).toEqual(Object.fromEntries(ROLES.map((r) => [r, committers.includes(r) ? [] : ['wrong-committer']])));
    });
  }

  it('editing the body (not a field) is the edit amendment too', () => {
    const bodies: [string, string] = ['说明。\n', '改过的说明。\n'];
    expect(Object.fromEntries(ROLES.map((r) => [r, changeCodes(open, open, only(r), bodies)]))).toEqual(
      Object.fromEntries(ROLES.map((r) => [r, EXPECTED_AMENDMENT_COMMITTERS.edit!.includes(r) ? [] : ['wrong-committer']])),
    );
  });

  it('every content field is edited by the office only', () => {
    const edits: Rec = { title: '新标题', source: { type: 'document', name: '改过的来文', date: '2026-03-01' }, content: '新内容。', requirements: '新要求。', leaders: ['only-main-leader'], lead_unit: 'env', co_units: [], reports_due: 'weekly', priority: 'urgent', visibility: 'public', tags: ['重点'] };
    for (const [field, value] of Object.entries(edits)) {
      expect(changeCodes(open, { ...open, [field]: value }, only('office')), field).toEqual([]);
      for (const r of ROLES.filter((x) => x !== 'office')) expect(changeCodes(open, { ...open, [field]: value }, only(r)), `${field} by ${r}`).toEqual(['wrong-committer']);
    }
  });

  it('a unit signs for itself only: its 签收 of another unit is refused; the office signs for any', () => {
    const other = { ...open, acknowledgements: [{ ...ENTRY.acknowledgement, unit: 'env' }] };
    expect(changeCodes(open, other, only('unit', 'urban'))).toEqual(['wrong-committer']);
    expect(changeCodes(open, other, only('unit', 'env'))).toEqual([]);
    expect(changeCodes(open, other, only('office'))).toEqual([]);
  });

  it('a unit reports for itself only', () => {
    const rep = (unit: string) => ({ file: 'records/items/2026/DB-2026-0001/reports/2026-04-20-urban.md', value: reportSchema.parse({ date: '2026-04-20', unit, by: 'only-unit', progress: '进展。' }), body: '', bodyLine: 1, lineOf: () => 1 }) as Located<Report>;
    expect(reportChangeIssues(changeInput(only('unit', 'env'), 'A', 'report'), rep('urban')).map((i) => i.code)).toEqual(['wrong-committer']);
    expect(reportChangeIssues(changeInput(only('unit', 'urban'), 'A', 'report'), rep('urban')).map((i) => i.code)).toEqual([]);
  });
});

function reportCodes(author: ReturnType<typeof only>): string[] {
  const value = reportSchema.parse({ date: '2026-04-20', unit: 'urban', by: author.id, progress: '已完成排查。' });
  const rec: Located<Report> = { file: 'records/items/2026/DB-2026-0001/reports/2026-04-20-urban.md', value, body: '', bodyLine: 1, lineOf: () => 1 };
  return reportChangeIssues(changeInput(author, 'A', 'report'), rec).map((i) => i.code);
}

describe('the deadline follows the last extension, chained to the old one', () => {
  const ext = ENTRY.extension;
  const cases: [string, Rec, string[]][] = [
    ['chained, deadline moved with it', { extensions: [ext], deadline: ext.to }, []],
    ['extension not from the old deadline', { extensions: [{ ...ext, from: '2026-11-30' }], deadline: ext.to }, ['deadline-changed']],
    ['deadline not the extension’s end', { extensions: [ext], deadline: '2027-02-28' }, ['deadline-changed']],
    ['deadline moved with no extension', { deadline: '2027-01-31' }, ['deadline-changed']],
    ['two extensions in one commit', { extensions: [{ ...ext, to: '2027-01-15' }, { ...ext, from: '2027-01-15' }], deadline: ext.to }, ['deadline-changed']],
  ];
  for (const [name, patch, codes] of cases) it(name, () => expect(changeCodes(open, { ...open, ...patch }, only('office'))).toEqual(codes));
});

/** The step fields used by each kind, and a state carrying each that is neither frozen nor ended (if any). */
const OPEN_STATE: Record<ItemKind, State[]> = {
  superior: ['submitted'],
  meeting: ['bulletined'],
  special: ['bulletined'],
};

describe('write-once fields', () => {
  for (const kind of ITEM_KINDS) {
    it(`${kind}: every step field, once recorded, is never rewritten or removed`, () => {
      const fields = [...new Set(Object.values(STATE_FIELDS[kind]).flat())];
      const wrong: string[] = [];
      for (const f of fields!) {
        const state = ([...OPEN_STATE[kind], ...(Object.keys(STATE_FIELDS[kind]) as State[])] as State[]).find((s) => STATE_FIELDS[kind][s]!.includes(f))!;
        const before = itemAt(kind, state);
        const rewritten = { ...before, [f]: { ...(before[f] as Rec), date: '2026-05-05' } };
        const removed = { ...before };
        delete removed[f];
        for (const [how, after] of [['rewritten', rewritten], ['removed', removed]] as const) {
          const codes = changeCodes(before, after, only('office'));
          if (!codes.includes('rewritten-history')) wrong.push(`${f} ${how} in ${state}: ${codes.join(',') || 'accepted'}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }

  it('every append-only list keeps every entry as it landed', () => {
    const lists: Record<string, unknown> = {
      returns: RETURN,
      extensions: ENTRY.extension,
      accountability: ENTRY.accountability,
      referrals: ENTRY.referral,
      referral_receipts: ENTRY.receipt,
      referral_outcomes: ENTRY.outcome,
      acknowledgements: ENTRY.acknowledgement,
      reviews: ENTRY.review,
      scores: ENTRY.score,
      inspection_summaries: ENTRY.summary,
      reminders: ENTRY.reminder,
    };
    const wrong: string[] = [];
    for (const [list, entry] of Object.entries(lists)) {
      const base = list === 'scores' || list === 'inspection_summaries' ? inspecting : open;
      const before = { ...base, [list]: [entry], ...(list === 'extensions' ? { deadline: ENTRY.extension.to } : {}) };
      const changed = { ...before, [list]: [{ ...(entry as Rec), date: '2026-04-25' }] };
      const dropped = { ...before, [list]: [] };
      const reordered = { ...before, [list]: [{ ...(entry as Rec), date: '2026-04-25' }, entry] };
      for (const [how, after] of [['changed', changed], ['dropped', dropped], ['inserted before', reordered]] as const) {
        const codes = changeCodes(before, after, only('office'));
        if (!codes.includes('rewritten-history')) wrong.push(`${list} ${how}: ${codes.join(',') || 'accepted'}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the step a return sends back is cleared by the return and written again only by the edge that redoes it', () => {
    // meeting: the 通报 sent back, then a new 通报
    const mBulletined = itemAt('meeting', 'bulletined');
    const mReturned = { ...itemAt('meeting', 'in_progress'), returns: [RETURN] };
    expect(changeCodes(mBulletined, mReturned, only('main_leader'))).toEqual([]);
    const mAgain = { ...mReturned, state: 'bulletined', bulletined: { date: '2026-05-20', bulletin: 'TB-2026-02' } };
    expect(changeCodes(mReturned, mAgain, only('office'))).toEqual([]);
    // the 通报 swapped while nothing moves
    expect(changeCodes(mBulletined, { ...mBulletined, bulletined: { date: '2026-03-22', bulletin: 'TB-2026-02' } }, only('office'))).toEqual(['rewritten-history']);
    // special: the opinion and the 通报 sent back together, redone together
    const sBulletined = itemAt('special', 'bulletined');
    const sReturned = { ...itemAt('special', 'inspecting'), returns: [RETURN] };
    expect(changeCodes(sBulletined, sReturned, only('supervision_leader'))).toEqual([]);
    const sAgain = { ...sReturned, state: 'bulletined', lead_opinion: { ...STEP_VALUES.lead_opinion, date: '2026-05-20' }, bulletined: { date: '2026-05-20', bulletin: 'TB-2026-02' } };
    expect(changeCodes(sReturned, sAgain, only('office'))).toEqual([]);
    expect(changeCodes(sBulletined, { ...sBulletined, lead_opinion: { ...STEP_VALUES.lead_opinion, problems: '改写' } }, only('office'))).toEqual(['rewritten-history']);
    // a return clears only the step it sends back
    expect(changeCodes(sBulletined, { ...sReturned, inspection: undefined }, only('office'))).toContain('rewritten-history');
  });
});

describe('frozen and ended items', () => {
  /** Each kind of change: a content field, a list entry, the flag, a step field rewritten, the deadline. */
  const CHANGES: [string, (v: Rec) => Rec][] = [
    ['title edited', (v) => ({ ...v, title: '改过的标题' })],
    ['a reminder appended', (v) => ({ ...v, reminders: [ENTRY.reminder] })],
    ['an accountability entry appended', (v) => ({ ...v, accountability: [ENTRY.accountability] })],
    ['an extension with the deadline', (v) => ({ ...v, extensions: [ENTRY.extension], deadline: ENTRY.extension.to })],
    ['flagged', (v) => ({ ...v, flag: ENTRY.flag })],
    ['a referral appended', (v) => ({ ...v, referrals: [ENTRY.referral] })],
    ['a tag added', (v) => ({ ...v, tags: ['重点'] })],
  ];
  const ENDS: Record<ItemKind, State[]> = { superior: ['closed', 'archived', 'cancelled'], meeting: ['closed', 'archived', 'cancelled'], special: ['rejected', 'merged', 'closed', 'archived', 'cancelled'] };

  for (const kind of ITEM_KINDS) {
    for (const state of ENDS[kind]) {
      it(`${kind} ${state}: takes no change but its own next step and the 纪工委's answers`, () => {
        const before = itemAt(kind, state);
        const wrong: string[] = [];
        for (const [name, change] of CHANGES) {
          for (const r of ['office', 'main_leader'] as const) {
            const codes = changeCodes(before, change(before), only(r));
            if (!codes.includes('frozen-item')) wrong.push(`${name} by ${r}: ${codes.join(',') || 'accepted'}`);
          }
        }
        // its own step fields rewritten
        for (const f of STATE_FIELDS[kind][state]!) {
          const codes = changeCodes(before, { ...before, [f]: { ...(before[f] as Rec), date: '2026-05-05' } }, only('office'));
          if (!codes.includes('frozen-item')) wrong.push(`${f} rewritten: ${codes.join(',') || 'accepted'}`);
        }
        expect(wrong).toEqual([]);
        // the 纪工委 answers a referral made before the end, whenever it answers
        const referredEnd = { ...before, referrals: [ENTRY.referral] };
        expect(changeCodes(referredEnd, { ...referredEnd, referral_receipts: [ENTRY.receipt] }, only('discipline'))).toEqual([]);
        const received = { ...referredEnd, referral_receipts: [ENTRY.receipt] };
        expect(changeCodes(received, { ...received, referral_outcomes: [ENTRY.outcome] }, only('discipline'))).toEqual([]);
      });
    }
    it(`${kind} closed: is archived by the office`, () => {
      const { before, after } = edgeChange(kind, 'closed', 'archived', 'archive');
      expect(changeCodes(before, after, only('office'))).toEqual([]);
      // and an archive of a closed item may not carry anything else
      expect(changeCodes(before, { ...after, title: '改过' }, only('office'))).toContain('frozen-item');
    });
  }
});
