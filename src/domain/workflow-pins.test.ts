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
  CONTENT_FIELDS,
  FIELD_LABELS,
  KIND_LABELS,
  LIST_FIELDS,
  WHEN_LABELS,
  fieldsCleared,
  fieldsWritten,
  requiredFields,
  stateRank,
  LIST_LABELS,
  STATE_LABELS,
  nextStepsText,
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

describe('the fields each policy names', () => {
  it('content fields (the edit amendment) and append-only lists, in the table’s order', () => {
    expect(CONTENT_FIELDS).toEqual(['title', 'source', 'content', 'requirements', 'leaders', 'lead_unit', 'co_units', 'reports_due', 'priority', 'visibility', 'tags']);
    expect(LIST_FIELDS).toEqual(['returns', 'extensions', 'accountability', 'referrals', 'referral_receipts', 'referral_outcomes', 'acknowledgements', 'reviews', 'scores', 'inspection_summaries', 'reminders']);
  });

  it('the fields an edge writes and clears: its target’s step; a return writes none and clears the step it sends back', () => {
    const rows = ITEM_KINDS.flatMap((k) => WORKFLOWS[k].edges.filter((e) => e.action === 'return' || e.action === 'bulletin' || e.action === 'merge').map((e) => `${k} ${e.action} ${e.from}: writes ${fieldsWritten(k, e).join(',') || '-'} clears ${fieldsCleared(k, e).join(',') || '-'}`));
    expect(rows).toEqual([
      'superior return reported: writes - clears summary',
      'meeting bulletin in_progress: writes bulletined clears -',
      'meeting return bulletined: writes - clears bulletined',
      'special merge applied: writes merge clears -',
      'special merge approved: writes merge clears -',
      'special bulletin inspecting: writes lead_opinion,bulletined clears -',
      'special return bulletined: writes - clears lead_opinion,bulletined',
    ]);
    expect(requiredFields('special', 'nowhere' as never)).toEqual([]);
    expect(isTerminal('superior', 'applied')).toBe(false);
    expect(isFrozen('meeting', 'inspecting')).toBe(false);
    expect(stateRank('superior', 'applied')).toBe(0);
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

describe('the names staff see', () => {
  it('of states, kinds, step fields and lists are the notice’s words', () => {
    expect(STATE_LABELS).toEqual({
      registered: '已登记', instructed: '已批示', assigned: '已交办', in_progress: '办理中', reported: '已汇报', submitted: '已上报',
      applied: '已申请', approved: '已批准', rejected: '未批准', merged: '已合并', planned: '已备案', inspecting: '实施中',
      bulletined: '已通报', closed: '已销号', archived: '已归档', cancelled: '已撤销',
    });
    expect(KIND_LABELS).toEqual({ superior: '上级督查', meeting: '会议督办', special: '专项督查' });
    expect(FIELD_LABELS).toEqual({
      registered: '登记（registered）', instruction: '领导批示（instruction）', assigned: '交办（assigned）', arranged: '分管领导安排（arranged）',
      summary: '督查汇报（summary）', submitted: '上报（submitted）', application: '督查考核申请（application）', approval: '主要领导批准（approval）',
      rejection: '不予批准（rejection）', merge: '合并（merge）', planned: '方案备案（planned）', inspection: '督查实施（inspection）',
      lead_opinion: '主导性通报意见（lead_opinion）', bulletined: '通报（bulletined）', closure: '销号（closure）', archive: '归档（archive）', cancellation: '撤销（cancellation）',
    });
    expect(LIST_LABELS).toEqual({
      returns: '退回记录', extensions: '延期记录', accountability: '问责记录', referrals: '移送纪工委记录', referral_receipts: '纪工委签收记录',
      referral_outcomes: '纪工委反馈记录', acknowledgements: '签收记录', reviews: '落实情况审核记录', scores: '实地督查考核得分',
      inspection_summaries: '电话和文字督查汇总', reminders: '催办记录',
    });
  });

  it('of every step', () => {
    const edges = ITEM_KINDS.map((k) => `${k} ${[...new Set(WORKFLOWS[k].edges.map((e) => `${e.action}:${e.label}`))].join(' ')}`);
    expect(edges).toEqual([
      'superior register:登记报备 instruct:主要领导批阅 assign:任务交办 arrange:分管领导安排办理 summarise:督查汇报 return:退回重办 submit:上报上级 close:销号 archive:归档 cancel:撤销',
      'meeting register:分解立项 assign:印发督办通知 arrange:分管领导安排办理 bulletin:督查通报 return:退回重办 close:销号 archive:归档 cancel:撤销',
      'special apply:提出督查考核申请 approve:主要领导批准 reject:不予批准 merge:合并督查 plan:专项督查启动备案 start:专项督查实施 bulletin:专项督查通报 return:退回重办 close:销号 archive:归档 cancel:撤销',
    ]);
    expect((Object.values(AMENDMENTS) as Amendment[]).map((a) => `${a.action}:${a.label}`).join(' ')).toBe(
      'extend:延期 flag:挂牌督办 unflag:摘牌 accountability:问责 referral:移送纪工委 receive-referral:纪工委签收移送 referral-outcome:纪工委反馈处理结果 acknowledge:签收 review:审核落实情况 score:实地督查考核打分 summarise-inspection:梳理汇总上报主要领导 remind:催办 report:报送落实情况 edit:修改事项内容',
    );
    expect(Object.entries(DOCUMENTS).map(([k, d]) => `${k}:${d.label}${(d.steps ?? []).map((s) => ` ${s.action}:${s.label}`).join('')}`).join(' ')).toBe(
      'meeting:会议分解立项记录 summary:督查汇报 draft-summary:起草督查汇报 review-summary:分管考核督查领导审阅 instruct-summary:主要领导批示 revise-summary:按批示修改定稿 notice:督办通知 plan:专项督查考核方案 adjustment:加减分 bulletin:督查通报',
    );
  });

  it('of when an amendment may be taken', () => {
    expect(WHEN_LABELS).toEqual({
      open: '事项办理期间', reporting: '事项交办（专项督查：督查实施开始）之后', flagged: '挂牌督办期间', unflagged: '事项未挂牌或已摘牌时',
      assigned: '事项交办之后', inspecting: '专项督查实施开始之后', referred: '事项移送纪工委之后',
    });
  });

  it('of what may happen next', () => {
    expect(nextStepsText('special', 'applied')).toBe('主要领导批准 → approved（已批准）；不予批准 → rejected（未批准）；合并督查 → merged（已合并）；撤销 → cancelled（已撤销）');
    expect(nextStepsText('meeting', null)).toBe('分解立项 → registered（已登记）');
    expect(nextStepsText('special', 'merged')).toBe('“已合并”是终结状态，不能再变更');
  });
});
