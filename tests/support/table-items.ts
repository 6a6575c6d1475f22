/**
 * Test support for the tests that hold the workflow table's rules (issue 7
 * part 11): an item of any kind in any state, built from hand-written step
 * values (not from the code under test), one person per role, and the
 * pure judges (`itemChangeIssues`, the tree rules) called the way the
 * history check calls them.
 */
import type { Issue } from '../../src/domain/issues.ts';
import type { Located } from '../../src/domain/ledger.ts';
import { checkLedger } from '../../src/domain/rules/index.ts';
import { item as itemSchema, type Item } from '../../src/domain/schemas/item.ts';
import { ROLES, type Person, type Role } from '../../src/domain/schemas/people.ts';
import { itemChangeIssues, type ChangeInput } from '../../src/domain/transitions.ts';
import type { ItemKind, State } from '../../src/domain/workflow.ts';
import { itemPath, peoplePath, unitsPath, configPath } from '../../src/format/layout.ts';
import { loadLedger } from '../../src/format/load-ledger.ts';
import { recordText, yamlFileText } from '../../src/format/serialise.ts';

export const ID = 'DB-2026-0001';
export const FILE = itemPath(ID);

/** A person holding exactly `role` (a unit person belongs to `urban`). */
export function only(role: Role, unit = 'urban'): Person {
  const id = `only-${role.replace(/_/g, '-')}`;
  return { id, name: id, title: role, roles: [role], unit: role === 'unit' ? unit : undefined, emails: [`${id}@x.cn`], active: true };
}
export const ONE_PER_ROLE: Person[] = ROLES.map((r) => only(r));

const SOURCES: Record<ItemKind, Record<string, unknown>> = {
  superior: { type: 'document', name: '区委办通知', date: '2026-03-01' },
  meeting: { type: 'party_committee', name: '党工委会议', date: '2026-03-01' },
  special: { type: 'department', name: '城管办申请', date: '2026-03-01' },
};

/** One valid value per step field, dated in the order of the steps. */
export const STEP_VALUES: Record<string, Record<string, unknown>> = {
  registered: { date: '2026-03-02', by: 'only-office' },
  instruction: { date: '2026-03-03', by: 'only-main-leader', text: '请抓好落实。' },
  assigned: { date: '2026-03-04', by: 'only-office' },
  arranged: { date: '2026-03-05', by: 'only-leader' },
  summary: { date: '2026-03-20', by: 'only-office', document: 'HB-2026-001' },
  submitted: { date: '2026-03-21', by: 'only-office', to: '区委督查室' },
  application: { date: '2026-03-02', by: 'only-unit', reviewed_by: 'only-leader', reason: '隐患多。', targets: ['urban'], mode: 'onsite', from: '2026-03-10', to: '2026-03-20', mergeable: false },
  approval: { date: '2026-03-03', by: 'only-main-leader', text: '同意。' },
  rejection: { date: '2026-03-03', by: 'only-main-leader', reason: '不予批准。' },
  merge: { date: '2026-03-04', by: 'only-office', into: 'DB-2026-0099' },
  planned: { date: '2026-03-04', by: 'only-office', plan: 'FA-2026-001' },
  inspection: { date: '2026-03-10' },
  lead_opinion: { date: '2026-03-22', signed_by: 'only-leader', problems: '问题。', causes: '原因。', next_steps: '措施。' },
  bulletined: { date: '2026-03-22', bulletin: 'TB-2026-01' },
  closure: { date: '2026-03-25', by: 'only-office', reports: ['2026-03-10-urban.md'], method: 'document', verified_by: 'only-office' },
  archive: { date: '2026-03-26', by: 'only-office', ref: '档案 2026-001' },
  cancellation: { date: '2026-03-26', approved_by: 'only-main-leader', reason: '上级撤回。' },
};

/** The fields an item in each state carries (hand-written: the table's `adds` along the main path). */
export const STATE_FIELDS: Record<ItemKind, Partial<Record<State, string[]>>> = {
  superior: {
    registered: ['registered'],
    instructed: ['registered', 'instruction'],
    assigned: ['registered', 'instruction', 'assigned'],
    in_progress: ['registered', 'instruction', 'assigned', 'arranged'],
    reported: ['registered', 'instruction', 'assigned', 'arranged', 'summary'],
    submitted: ['registered', 'instruction', 'assigned', 'arranged', 'summary', 'submitted'],
    closed: ['registered', 'instruction', 'assigned', 'arranged', 'summary', 'submitted', 'closure'],
    archived: ['registered', 'instruction', 'assigned', 'arranged', 'summary', 'submitted', 'closure', 'archive'],
    cancelled: ['registered', 'cancellation'],
  },
  meeting: {
    registered: ['registered'],
    assigned: ['registered', 'assigned'],
    in_progress: ['registered', 'assigned', 'arranged'],
    bulletined: ['registered', 'assigned', 'arranged', 'bulletined'],
    closed: ['registered', 'assigned', 'arranged', 'bulletined', 'closure'],
    archived: ['registered', 'assigned', 'arranged', 'bulletined', 'closure', 'archive'],
    cancelled: ['registered', 'cancellation'],
  },
  special: {
    applied: ['application'],
    approved: ['application', 'approval'],
    rejected: ['application', 'rejection'],
    merged: ['application', 'merge'],
    planned: ['application', 'approval', 'planned'],
    inspecting: ['application', 'approval', 'planned', 'inspection'],
    bulletined: ['application', 'approval', 'planned', 'inspection', 'lead_opinion', 'bulletined'],
    closed: ['application', 'approval', 'planned', 'inspection', 'lead_opinion', 'bulletined', 'closure'],
    archived: ['application', 'approval', 'planned', 'inspection', 'lead_opinion', 'bulletined', 'closure', 'archive'],
    cancelled: ['application', 'cancellation'],
  },
};

/** An item of `kind` in `state` with the fields that state carries. */
export function itemAt(kind: ItemKind, state: State, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const v: Record<string, unknown> = {
    id: ID,
    title: '背街小巷环境整治',
    kind,
    source: SOURCES[kind],
    content: '集中整治。',
    requirements: '按期完成。',
    deadline: '2026-12-31',
    leaders: ['only-leader'],
    lead_unit: 'urban',
    co_units: ['env'],
    state,
  };
  for (const f of STATE_FIELDS[kind][state] ?? []) v[f] = structuredClone(STEP_VALUES[f]);
  if (kind === 'meeting' && v.assigned) v.assigned = { ...(v.assigned as object), notice: 'TZ-2026-001' };
  return { ...v, ...extra };
}

export const located = (v: Record<string, unknown>, body = '说明。\n'): Located<Item> => ({ file: FILE, value: itemSchema.parse(v), body, bodyLine: 1, lineOf: () => 1 });

export function changeInput(author: Person | undefined, status: ChangeInput['status'] = 'M', kind: ChangeInput['kind'] = 'item', file = FILE): ChangeInput {
  return { commit: { sha: 'abc1234', author: author?.name ?? '?', email: author?.emails[0] ?? '?', date: '2026-06-01' }, commitDate: '2026-06-01', author, status, kind, file };
}

/** Codes of one item change (`before` undefined: the item is new). */
export function changeCodes(before: Record<string, unknown> | undefined, after: Record<string, unknown>, author: Person | undefined, bodies: [string, string] = ['说明。\n', '说明。\n']): string[] {
  const input = changeInput(author, before ? 'M' : 'A');
  return itemChangeIssues(input, before ? located(before, bodies[0]) : undefined, located(after, bodies[1])).map((i) => i.code);
}

/** The registries these tests use: one person per role, two units (urban's 分管 leader optional). */
export function registryTexts(opts: { unitLeader?: string; people?: Person[] } = {}): { path: string; text: string }[] {
  const people = [...(opts.people ?? ONE_PER_ROLE)].map(({ active: _a, ...p }) => p);
  return [
    { path: configPath(), text: yamlFileText({ organisation: '测试街道', office: '测试街道考核督查办', bulletin_name: '测试督查' }) },
    { path: peoplePath(), text: yamlFileText({ people: people.map((p) => Object.fromEntries(Object.entries(p).filter(([, x]) => x !== undefined))) }) },
    {
      path: unitsPath(),
      text: yamlFileText({
        units: [
          { id: 'urban', name: '城市管理办公室', type: 'department', ...(opts.unitLeader ? { leader: opts.unitLeader } : {}) },
          { id: 'env', name: '生态环境办公室', type: 'department' },
        ],
      }),
    },
  ];
}

/** The working-tree rules over the registries and these record files. */
export function treeIssues(files: Record<string, string>, opts: Parameters<typeof registryTexts>[0] = {}): Issue[] {
  const { ledger, issues } = loadLedger([...registryTexts(opts), ...Object.entries(files).map(([path, text]) => ({ path, text }))]);
  return [...issues, ...checkLedger(ledger)];
}

export const itemText = (v: Record<string, unknown>) => recordText(v, '说明。\n');

/** A 督查汇报 (records/summaries/): its file, one valid value per step field in the order of its steps. */
export const SUMMARY_FILE = 'records/summaries/HB-2026-001.md';
export const SUMMARY_STEPS: Record<string, Record<string, unknown>> = {
  drafted: { date: '2026-03-18', by: 'only-office' },
  reviewed: { date: '2026-03-19', by: 'only-supervision-leader', opinion: '同意。' },
  instructed: { date: '2026-03-20', by: 'only-main-leader', text: '同意上报。' },
  revised: { date: '2026-03-21', by: 'only-office' },
};
export const SUMMARY_ORDER = ['drafted', 'reviewed', 'instructed', 'revised'];
/** The 汇报 `base` with its first `n` steps taken. */
export const summaryUpTo = (base: Record<string, unknown>, n: number): Record<string, unknown> => ({
  ...base,
  ...Object.fromEntries(SUMMARY_ORDER.slice(0, n).map((s) => [s, SUMMARY_STEPS[s]])),
});
