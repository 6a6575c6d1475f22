/**
 * The workflow table: every state and every edge of the three workflows of
 * the notice, as data. The working-tree checker, the Git range checker, the
 * site and the future CLI all read this one table; nothing else may encode a
 * transition.
 *
 * Reading guide:
 * - `states[s].adds`: item fields that become required when an item reaches
 *   `s`. The requirement of a state is its own `adds` plus those of every
 *   state before it on the main path (`after`), computed by `requiredFields`.
 * - `edges`: legal moves. `committer`: roles allowed to commit the change
 *   (the office records steps on leaders' behalf, so it is on most edges).
 *   `signers`: the person named in a field must hold one of these roles
 *   (e.g. the instruction must be signed by a main leader).
 * - `amendments`: changes that are not state moves (extension, flag,
 *   accountability, referral, a new report), with their roles.
 */
import type { Role } from './schemas/people.ts';

export const ITEM_KINDS = ['superior', 'meeting', 'special'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const KIND_LABELS: Record<ItemKind, string> = {
  superior: '上级督查',
  meeting: '会议督办',
  special: '专项督查',
};

export const STATES = [
  'registered',
  'instructed',
  'assigned',
  'in_progress',
  'reported',
  'submitted',
  'applied',
  'approved',
  'rejected',
  'merged',
  'planned',
  'inspecting',
  'bulletined',
  'closed',
  'archived',
  'cancelled',
] as const;
export type State = (typeof STATES)[number];

export const STATE_LABELS: Record<State, string> = {
  registered: '已登记',
  instructed: '已批示',
  assigned: '已交办',
  in_progress: '办理中',
  reported: '已汇报',
  submitted: '已上报',
  applied: '已申请',
  approved: '已批准',
  rejected: '未批准',
  merged: '已合并',
  planned: '已备案',
  inspecting: '实施中',
  bulletined: '已通报',
  closed: '已销号',
  archived: '已归档',
  cancelled: '已撤销',
};

/** Top-level item fields a state or an edge can require. */
export type StepField =
  | 'registered'
  | 'instruction'
  | 'assigned'
  | 'arranged'
  | 'summary'
  | 'submitted'
  | 'application'
  | 'approval'
  | 'rejection'
  | 'merge'
  | 'planned'
  | 'inspection'
  | 'lead_opinion'
  | 'bulletined'
  | 'closure'
  | 'archive'
  | 'cancellation';

export const FIELD_LABELS: Record<StepField, string> = {
  registered: '登记（registered）',
  instruction: '领导批示（instruction）',
  assigned: '交办（assigned）',
  arranged: '分管领导安排（arranged）',
  summary: '督查汇报（summary）',
  submitted: '上报（submitted）',
  application: '督查考核申请（application）',
  approval: '主要领导批准（approval）',
  rejection: '不予批准（rejection）',
  merge: '合并（merge）',
  planned: '方案备案（planned）',
  inspection: '督查实施（inspection）',
  lead_opinion: '主导性通报意见（lead_opinion）',
  bulletined: '通报（bulletined）',
  closure: '销号（closure）',
  archive: '归档（archive）',
  cancellation: '撤销（cancellation）',
};

export interface StateSpec {
  /** Fields this state adds to the requirements of the state before it. */
  adds: StepField[];
  /** The state before this one on the main path (its requirements carry over). */
  after?: State;
  /** No edge leaves a terminal state. */
  terminal?: boolean;
  /** Closed and archived items are frozen except for archive fields. */
  frozen?: boolean;
}

export interface Signer {
  /** Dotted path of the field naming the person, e.g. `instruction.by`. */
  field: string;
  roles: Role[];
}

export interface Edge {
  /** Stable name of the step, also the future CLI's subcommand. */
  action: string;
  /** Chinese name shown to staff. */
  label: string;
  /** `null`: the item is created in `to`. */
  from: State | null;
  to: State;
  committer: Role[];
  signers?: Signer[];
  /** For returns: the list that must grow by one entry. */
  appends?: 'returns';
}

export interface Workflow {
  kind: ItemKind;
  start: State;
  states: Partial<Record<State, StateSpec>>;
  edges: Edge[];
}

const OFFICE: Role[] = ['office'];
const OFFICE_OR_MAIN: Role[] = ['office', 'main_leader'];
const MAIN: Role[] = ['main_leader'];

/** States every workflow ends with (销号归档) and the cancellation edge. */
const closing = (before: State): Partial<Record<State, StateSpec>> => ({
  closed: { adds: ['closure'], after: before, frozen: true },
  archived: { adds: ['archive'], after: 'closed', terminal: true, frozen: true },
  cancelled: { adds: ['cancellation'], terminal: true },
});

const closingEdges = (before: State, cancellable: State[]): Edge[] => [
  { action: 'close', label: '销号', from: before, to: 'closed', committer: OFFICE, signers: [{ field: 'closure.by', roles: OFFICE }] },
  { action: 'archive', label: '归档', from: 'closed', to: 'archived', committer: OFFICE, signers: [{ field: 'archive.by', roles: OFFICE }] },
  ...cancellable.map(
    (from): Edge => ({
      action: 'cancel',
      label: '撤销',
      from,
      to: 'cancelled',
      committer: OFFICE_OR_MAIN,
      signers: [{ field: 'cancellation.approved_by', roles: MAIN }],
    }),
  ),
];

export const WORKFLOWS: Record<ItemKind, Workflow> = {
  superior: {
    kind: 'superior',
    start: 'registered',
    states: {
      registered: { adds: ['registered'] },
      instructed: { adds: ['instruction'], after: 'registered' },
      assigned: { adds: ['assigned'], after: 'instructed' },
      in_progress: { adds: ['arranged'], after: 'assigned' },
      reported: { adds: ['summary'], after: 'in_progress' },
      submitted: { adds: ['submitted'], after: 'reported' },
      ...closing('submitted'),
    },
    edges: [
      { action: 'register', label: '登记报备', from: null, to: 'registered', committer: OFFICE, signers: [{ field: 'registered.by', roles: OFFICE }] },
      { action: 'instruct', label: '主要领导批阅', from: 'registered', to: 'instructed', committer: OFFICE_OR_MAIN, signers: [{ field: 'instruction.by', roles: MAIN }] },
      { action: 'assign', label: '任务交办', from: 'instructed', to: 'assigned', committer: OFFICE, signers: [{ field: 'assigned.by', roles: OFFICE }] },
      { action: 'arrange', label: '分管领导安排办理', from: 'assigned', to: 'in_progress', committer: ['office', 'leader', 'main_leader'], signers: [{ field: 'arranged.by', roles: ['leader', 'main_leader'] }] },
      {
        action: 'report',
        label: '督查汇报',
        from: 'in_progress',
        to: 'reported',
        committer: OFFICE,
        signers: [
          { field: 'summary.by', roles: OFFICE },
          { field: 'summary.reviewed_by', roles: ['supervision_leader'] },
          { field: 'summary.approved_by', roles: MAIN },
        ],
      },
      { action: 'return', label: '退回重办', from: 'reported', to: 'in_progress', committer: ['office', 'supervision_leader', 'main_leader'], appends: 'returns' },
      { action: 'submit', label: '上报上级', from: 'reported', to: 'submitted', committer: OFFICE, signers: [{ field: 'submitted.by', roles: OFFICE }] },
      ...closingEdges('submitted', ['registered', 'instructed', 'assigned', 'in_progress', 'reported']),
    ],
  },
  meeting: {
    kind: 'meeting',
    start: 'registered',
    states: {
      registered: { adds: ['registered'] },
      assigned: { adds: ['assigned'], after: 'registered' },
      in_progress: { adds: ['arranged'], after: 'assigned' },
      bulletined: { adds: ['bulletined'], after: 'in_progress' },
      ...closing('bulletined'),
    },
    edges: [
      { action: 'register', label: '分解立项', from: null, to: 'registered', committer: OFFICE, signers: [{ field: 'registered.by', roles: OFFICE }] },
      { action: 'assign', label: '印发督办通知', from: 'registered', to: 'assigned', committer: OFFICE, signers: [{ field: 'assigned.by', roles: OFFICE }] },
      { action: 'arrange', label: '分管领导安排办理', from: 'assigned', to: 'in_progress', committer: ['office', 'leader', 'main_leader'], signers: [{ field: 'arranged.by', roles: ['leader', 'main_leader'] }] },
      { action: 'bulletin', label: '督查通报', from: 'in_progress', to: 'bulletined', committer: OFFICE },
      { action: 'return', label: '退回重办', from: 'bulletined', to: 'in_progress', committer: ['office', 'supervision_leader', 'main_leader'], appends: 'returns' },
      ...closingEdges('bulletined', ['registered', 'assigned', 'in_progress', 'bulletined']),
    ],
  },
  special: {
    kind: 'special',
    start: 'applied',
    states: {
      applied: { adds: ['application'] },
      approved: { adds: ['approval'], after: 'applied' },
      rejected: { adds: ['rejection'], after: 'applied', terminal: true },
      merged: { adds: ['merge'], after: 'applied', terminal: true },
      planned: { adds: ['planned'], after: 'approved' },
      inspecting: { adds: ['inspection'], after: 'planned' },
      bulletined: { adds: ['lead_opinion', 'bulletined'], after: 'inspecting' },
      ...closing('bulletined'),
    },
    edges: [
      {
        action: 'apply',
        label: '提出督查考核申请',
        from: null,
        to: 'applied',
        committer: ['unit', 'office'],
        signers: [
          { field: 'application.by', roles: ['unit', 'office'] },
          { field: 'application.reviewed_by', roles: ['leader', 'main_leader'] },
        ],
      },
      { action: 'approve', label: '主要领导批准', from: 'applied', to: 'approved', committer: OFFICE_OR_MAIN, signers: [{ field: 'approval.by', roles: MAIN }] },
      { action: 'reject', label: '不予批准', from: 'applied', to: 'rejected', committer: OFFICE_OR_MAIN, signers: [{ field: 'rejection.by', roles: MAIN }] },
      { action: 'merge', label: '合并督查', from: 'applied', to: 'merged', committer: OFFICE, signers: [{ field: 'merge.by', roles: OFFICE }] },
      { action: 'merge', label: '合并督查', from: 'approved', to: 'merged', committer: OFFICE, signers: [{ field: 'merge.by', roles: OFFICE }] },
      { action: 'plan', label: '专项督查启动备案', from: 'approved', to: 'planned', committer: OFFICE, signers: [{ field: 'planned.by', roles: OFFICE }] },
      { action: 'start', label: '专项督查实施', from: 'planned', to: 'inspecting', committer: OFFICE },
      {
        action: 'bulletin',
        label: '专项督查通报',
        from: 'inspecting',
        to: 'bulletined',
        committer: OFFICE,
        signers: [{ field: 'lead_opinion.signed_by', roles: ['leader', 'main_leader'] }],
      },
      { action: 'return', label: '退回重办', from: 'bulletined', to: 'inspecting', committer: ['office', 'supervision_leader', 'main_leader'], appends: 'returns' },
      ...closingEdges('bulletined', ['applied', 'approved', 'planned', 'inspecting', 'bulletined']),
    ],
  },
};

/** Changes that are not state moves, with who may commit them. */
export interface Amendment {
  action: string;
  label: string;
  committer: Role[];
  signers?: Signer[];
}

export const AMENDMENTS = {
  extend: { action: 'extend', label: '延期', committer: OFFICE, signers: [{ field: 'extensions[].approved_by', roles: MAIN }] },
  flag: { action: 'flag', label: '挂牌督办', committer: OFFICE },
  accountability: { action: 'accountability', label: '问责', committer: OFFICE, signers: [{ field: 'accountability[].decided_by', roles: MAIN }] },
  referral: { action: 'referral', label: '移送纪工委', committer: OFFICE },
  report: { action: 'report-progress', label: '报送落实情况', committer: ['unit', 'office'] },
  edit: { action: 'edit', label: '修改事项内容', committer: OFFICE },
} satisfies Record<string, Amendment>;

/** States an item of `kind` may be in. */
export function statesOf(kind: ItemKind): State[] {
  return Object.keys(WORKFLOWS[kind].states) as State[];
}

/** Fields an item of `kind` in `state` must have (cumulative along the main path). */
export function requiredFields(kind: ItemKind, state: State): StepField[] {
  const spec = WORKFLOWS[kind].states[state];
  if (!spec) return [];
  const before = spec.after ? requiredFields(kind, spec.after) : [];
  return [...before, ...spec.adds];
}

/** The edges leaving `state` (what staff may do next). */
export function edgesFrom(kind: ItemKind, state: State | null): Edge[] {
  return WORKFLOWS[kind].edges.filter((e) => e.from === state);
}

/** The edge from → to, if it exists. */
export function findEdge(kind: ItemKind, from: State | null, to: State): Edge | undefined {
  return WORKFLOWS[kind].edges.find((e) => e.from === from && e.to === to);
}

export function isTerminal(kind: ItemKind, state: State): boolean {
  return WORKFLOWS[kind].states[state]?.terminal === true;
}

export function isFrozen(kind: ItemKind, state: State): boolean {
  return WORKFLOWS[kind].states[state]?.frozen === true;
}

/** States counting as 办结 (done) for the figures. */
export const DONE_STATES: readonly State[] = ['closed', 'archived'];
/** States that take an item out of the figures altogether. */
export const VOID_STATES: readonly State[] = ['cancelled', 'rejected', 'merged'];

/** Position of a state on its workflow's main path (0 = start); used for ordering. */
export function stateRank(kind: ItemKind, state: State): number {
  let n = 0;
  let s: State | undefined = state;
  while (s) {
    const after: State | undefined = WORKFLOWS[kind].states[s]?.after;
    if (!after) break;
    n++;
    s = after;
  }
  return state === 'cancelled' ? -1 : n;
}

/** Human description of what may happen next, for hints. */
export function nextStepsText(kind: ItemKind, state: State | null): string {
  const edges = edgesFrom(kind, state);
  if (edges.length === 0) return `“${state ? STATE_LABELS[state] : ''}”是终结状态，不能再变更`;
  return edges.map((e) => `${e.label} → ${e.to}（${STATE_LABELS[e.to]}）`).join('；');
}
