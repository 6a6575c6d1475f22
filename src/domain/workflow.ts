/**
 * The workflow table: every state and every edge of the three workflows of
 * the notice, every amendment, and how history may change each item field,
 * as data. The working-tree checker, the Git range checker, the site and
 * the `ledger` command all read this one table; nothing else may encode a
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
 * - `AMENDMENTS`: changes that are not state moves (extension, flag,
 *   accountability, referral, a progress report, an edit), with the field
 *   each changes, how, and its roles.
 * - `ITEM_FIELDS`: every field of an item with the one way history may
 *   change it (see `FieldPolicy`). The range check judges each changed
 *   field by it; a field the schema gains without a policy does not compile.
 * - `DOCUMENTS`: the office's documents beside the items (meetings, 督查汇报,
 *   notices, plans, bulletins): who may commit them, who must sign which
 *   field, and for documents that land step by step (the 督查汇报's review
 *   chain) the steps in order.
 *
 * Glossary — one step, three names, because a commit records three things:
 * the *action* staff take (a verb, the `ledger` subcommand), the *state* the
 * item reaches (a participle), and the *field* that records it (a noun):
 *
 * | action | state | field | 中文 |
 * |---|---|---|---|
 * | register | registered | registered | 登记 |
 * | instruct | instructed | instruction | 批示 |
 * | assign | assigned | assigned | 交办 |
 * | arrange | in_progress | arranged | 安排办理 |
 * | summarise | reported | summary | 督查汇报 |
 * | submit | submitted | submitted | 上报 |
 * | apply / approve / reject / merge | applied / approved / rejected / merged | application / approval / rejection / merge | 申请 / 批准 / 不予批准 / 合并 |
 * | plan | planned | planned | 方案备案 |
 * | start | inspecting | inspection | 督查实施 |
 * | bulletin | bulletined | bulletined (+ lead_opinion) | 通报 |
 * | close / archive / cancel | closed / archived / cancelled | closure / archive / cancellation | 销号 / 归档 / 撤销 |
 * | return | back to in_progress / inspecting | returns[] | 退回 |
 * | report | — | a file in reports/ | 落实情况 |
 * | acknowledge | — | acknowledgements[] | 签收 |
 * | review | — | reviews[] | 审核落实情况（通过 / 退回重报） |
 * | score | — | scores[] | 实地督查考核打分 |
 * | summarise-inspection | — | inspection_summaries[] | 电话和文字督查梳理汇总 |
 * | referral / receive-referral / referral-outcome | — | referrals[] / referral_receipts[] / referral_outcomes[] | 移送纪工委 / 纪工委签收 / 纪工委反馈 |
 * | — | — | a file in attachments/ | 附件 |
 */
import type { Role } from './schemas/people.ts';
import type { Item } from './schemas/item.ts';

/** Every top-level field of an item record. */
export type ItemField = keyof Item;

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
  /**
   * The item field naming a unit whose own 分管 leader (units.yml `leader`)
   * must sign — or a main leader (主管). E.g. the department's application
   * goes to its own 业务分管领导, not to any leader.
   */
  ofUnit?: 'lead_unit';
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
      // the 汇报 itself (text, review, instruction, revision) is a document: DOCUMENTS.summary
      { action: 'summarise', label: '督查汇报', from: 'in_progress', to: 'reported', committer: OFFICE, signers: [{ field: 'summary.by', roles: OFFICE }] },
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
          { field: 'application.reviewed_by', roles: ['leader', 'main_leader'], ofUnit: 'lead_unit' },
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
        signers: [{ field: 'lead_opinion.signed_by', roles: ['leader', 'main_leader'], ofUnit: 'lead_unit' }],
      },
      { action: 'return', label: '退回重办', from: 'bulletined', to: 'inspecting', committer: ['office', 'supervision_leader', 'main_leader'], appends: 'returns' },
      ...closingEdges('bulletined', ['applied', 'approved', 'planned', 'inspecting', 'bulletined']),
    ],
  },
};

/** When an amendment may be taken (besides: not by a frozen or terminal item). */
export type AmendmentWhen =
  /** any open item */
  | 'open'
  /** once reporting started: handed over, or the inspection begun */
  | 'reporting'
  /** while a flag is in force */
  | 'flagged'
  /** while no flag is in force */
  | 'unflagged'
  /** once handed over by 交办 (the item has `assigned`) */
  | 'assigned'
  /** once the special inspection has started (the item has `inspection`) */
  | 'inspecting'
  /** once the item has been referred to the 纪工委 */
  | 'referred';

/** When each condition holds, in words for messages. */
export const WHEN_LABELS: Record<AmendmentWhen, string> = {
  open: '事项办理期间',
  reporting: '事项交办（专项督查：督查实施开始）之后',
  flagged: '挂牌督办期间',
  unflagged: '事项未挂牌或已摘牌时',
  assigned: '事项交办之后',
  inspecting: '专项督查实施开始之后',
  referred: '事项移送纪工委之后',
};

/** Changes that are not state moves: what each changes, how, and who may. */
export interface Amendment {
  /** Stable name, also the `ledger` subcommand. */
  action: string;
  label: string;
  committer: Role[];
  signers?: Signer[];
  /**
   * What it changes: `append` one entry to the list `field`; `set` the
   * object `field`; `content`: the content fields and the Markdown body;
   * `file`: a new record file of its own (a progress report).
   */
  change: 'append' | 'set' | 'content' | 'file';
  field?: ItemField;
  when: AmendmentWhen;
  /**
   * For entries naming a unit: the entry field that must be the
   * committer's own unit when the committer acts for a unit (a unit signs
   * for itself; the office may record for any).
   */
  ownUnit?: string;
  /** May also be taken on a closed, archived or otherwise ended item (the 纪工委 answers when it answers). */
  afterEnd?: boolean;
  /** A `set` that completes the value in force (摘牌 adds `lifted`): it may add keys, never change one. */
  completes?: boolean;
}

export const AMENDMENTS = {
  extend: { action: 'extend', label: '延期', committer: OFFICE, signers: [{ field: 'extensions[].approved_by', roles: MAIN }], change: 'append', field: 'extensions', when: 'open' },
  flag: { action: 'flag', label: '挂牌督办', committer: OFFICE, change: 'set', field: 'flag', when: 'unflagged' },
  unflag: { action: 'unflag', label: '摘牌', committer: OFFICE, change: 'set', field: 'flag', when: 'flagged', completes: true },
  accountability: { action: 'accountability', label: '问责', committer: OFFICE, signers: [{ field: 'accountability[].decided_by', roles: MAIN }], change: 'append', field: 'accountability', when: 'open' },
  referral: {
    action: 'referral',
    label: '移送纪工委',
    committer: OFFICE,
    signers: [
      { field: 'referrals[].by', roles: OFFICE },
      { field: 'referrals[].approved_by', roles: MAIN },
    ],
    change: 'append',
    field: 'referrals',
    when: 'open',
  },
  'receive-referral': {
    action: 'receive-referral',
    label: '纪工委签收移送',
    committer: ['discipline'],
    signers: [{ field: 'referral_receipts[].by', roles: ['discipline'] }],
    change: 'append',
    field: 'referral_receipts',
    when: 'referred',
    afterEnd: true,
  },
  'referral-outcome': {
    action: 'referral-outcome',
    label: '纪工委反馈处理结果',
    committer: ['discipline'],
    signers: [{ field: 'referral_outcomes[].by', roles: ['discipline'] }],
    change: 'append',
    field: 'referral_outcomes',
    when: 'referred',
    afterEnd: true,
  },
  acknowledge: {
    action: 'acknowledge',
    label: '签收',
    committer: ['unit', 'office'],
    signers: [{ field: 'acknowledgements[].by', roles: ['unit', 'office'] }],
    change: 'append',
    field: 'acknowledgements',
    when: 'assigned',
    ownUnit: 'unit',
  },
  review: {
    action: 'review',
    label: '审核落实情况',
    committer: OFFICE,
    signers: [{ field: 'reviews[].by', roles: OFFICE }],
    change: 'append',
    field: 'reviews',
    when: 'reporting',
  },
  score: {
    action: 'score',
    label: '实地督查考核打分',
    committer: ['unit', 'office'],
    signers: [{ field: 'scores[].by', roles: ['unit', 'office'] }],
    change: 'append',
    field: 'scores',
    when: 'inspecting',
  },
  'summarise-inspection': {
    action: 'summarise-inspection',
    label: '梳理汇总上报主要领导',
    committer: OFFICE,
    signers: [
      { field: 'inspection_summaries[].by', roles: OFFICE },
      { field: 'inspection_summaries[].to', roles: MAIN },
    ],
    change: 'append',
    field: 'inspection_summaries',
    when: 'inspecting',
  },
  remind: { action: 'remind', label: '催办', committer: OFFICE, signers: [{ field: 'reminders[].by', roles: OFFICE }], change: 'append', field: 'reminders', when: 'reporting' },
  report: { action: 'report', label: '报送落实情况', committer: ['unit', 'office'], change: 'file', when: 'reporting' },
  edit: { action: 'edit', label: '修改事项内容', committer: OFFICE, change: 'content', when: 'open' },
} satisfies Record<string, Amendment>;

/**
 * How history may change one item field:
 * - `identity`: never (id, kind);
 * - `state`: only along an edge of the table;
 * - `content`: only by the `edit` amendment (the office);
 * - `deadline`: only together with a new extension ending on it;
 * - `step`: written by the edge into the state that `adds` it, never
 *   rewritten — except a step a return edge sends back (its fields may be
 *   cleared by that return and written again by the edge that redoes it);
 * - `list`: append-only, grown by the named edge or amendment;
 * - `set`: set or changed only by the named amendments.
 */
export type FieldPolicy =
  | { policy: 'identity' }
  | { policy: 'state' }
  | { policy: 'content' }
  | { policy: 'deadline' }
  | { policy: 'step' }
  | { policy: 'list'; by: string }
  | { policy: 'set'; by: string[] };

const STEP = { policy: 'step' } as const;
const CONTENT = { policy: 'content' } as const;

export const ITEM_FIELDS = {
  id: { policy: 'identity' },
  kind: { policy: 'identity' },
  state: { policy: 'state' },
  deadline: { policy: 'deadline' },
  title: CONTENT,
  source: CONTENT,
  content: CONTENT,
  requirements: CONTENT,
  leaders: CONTENT,
  lead_unit: CONTENT,
  co_units: CONTENT,
  reports_due: CONTENT,
  priority: CONTENT,
  visibility: CONTENT,
  tags: CONTENT,
  registered: STEP,
  instruction: STEP,
  assigned: STEP,
  arranged: STEP,
  summary: STEP,
  submitted: STEP,
  application: STEP,
  approval: STEP,
  rejection: STEP,
  merge: STEP,
  planned: STEP,
  inspection: STEP,
  lead_opinion: STEP,
  bulletined: STEP,
  closure: STEP,
  archive: STEP,
  cancellation: STEP,
  returns: { policy: 'list', by: 'return' },
  extensions: { policy: 'list', by: 'extend' },
  accountability: { policy: 'list', by: 'accountability' },
  referrals: { policy: 'list', by: 'referral' },
  referral_receipts: { policy: 'list', by: 'receive-referral' },
  referral_outcomes: { policy: 'list', by: 'referral-outcome' },
  acknowledgements: { policy: 'list', by: 'acknowledge' },
  reviews: { policy: 'list', by: 'review' },
  scores: { policy: 'list', by: 'score' },
  inspection_summaries: { policy: 'list', by: 'summarise-inspection' },
  reminders: { policy: 'list', by: 'remind' },
  flag: { policy: 'set', by: ['flag', 'unflag'] },
} as const satisfies Record<ItemField, FieldPolicy>;

/** Labels of the append-only lists, for messages and the site. */
export const LIST_LABELS: Record<ListField, string> = {
  returns: '退回记录',
  extensions: '延期记录',
  accountability: '问责记录',
  referrals: '移送纪工委记录',
  referral_receipts: '纪工委签收记录',
  referral_outcomes: '纪工委反馈记录',
  acknowledgements: '签收记录',
  reviews: '落实情况审核记录',
  scores: '实地督查考核得分',
  inspection_summaries: '电话和文字督查汇总',
  reminders: '催办记录',
};

/** The office's documents beside the items. */
export type DocumentKind = 'meeting' | 'summary' | 'notice' | 'plan' | 'bulletin' | 'adjustment';

/** A step of a document that lands step by step. */
export interface DocumentStep {
  /** The document field the step writes (an object with `date` and `by`). */
  field: string;
  /** Stable name of the step, also the `ledger` subcommand. */
  action: string;
  label: string;
  committer: Role[];
  signers: Signer[];
}

export interface DocumentSpec {
  label: string;
  /** Roles that may create or change the document (each step may allow more, see `steps`). */
  committer: Role[];
  /** People named in these fields must hold these roles. */
  signers: Signer[];
  /**
   * Steps in order: a step's field, once written, is never rewritten, and
   * the one committing it holds its `committer` role. The last step
   * freezes the document.
   */
  steps?: DocumentStep[];
  /** The step after which the body may change only together with the last step (the revision on the instruction). */
  bodyUntil?: string;
}

export const DOCUMENTS: Record<DocumentKind, DocumentSpec> = {
  meeting: { label: '会议分解立项记录', committer: OFFICE, signers: [{ field: 'by', roles: OFFICE }] },
  summary: {
    label: '督查汇报',
    committer: OFFICE,
    signers: [],
    steps: [
      { field: 'drafted', action: 'draft-summary', label: '起草督查汇报', committer: OFFICE, signers: [{ field: 'drafted.by', roles: OFFICE }] },
      { field: 'reviewed', action: 'review-summary', label: '分管考核督查领导审阅', committer: ['office', 'supervision_leader'], signers: [{ field: 'reviewed.by', roles: ['supervision_leader'] }] },
      { field: 'instructed', action: 'instruct-summary', label: '主要领导批示', committer: OFFICE_OR_MAIN, signers: [{ field: 'instructed.by', roles: MAIN }] },
      { field: 'revised', action: 'revise-summary', label: '按批示修改定稿', committer: OFFICE, signers: [{ field: 'revised.by', roles: OFFICE }] },
    ],
    bodyUntil: 'instructed',
  },
  notice: { label: '督办通知', committer: OFFICE, signers: [{ field: 'by', roles: OFFICE }, { field: 'approved_by', roles: MAIN }] },
  plan: { label: '专项督查考核方案', committer: OFFICE, signers: [{ field: 'by', roles: OFFICE }] },
  // a 加减分 is decided by a main leader
  adjustment: { label: '加减分', committer: OFFICE, signers: [{ field: 'decided_by', roles: MAIN }] },
  bulletin: {
    label: '督查通报',
    committer: OFFICE,
    signers: [
      { field: 'drafted.by', roles: OFFICE },
      { field: 'reviewed.by', roles: ['supervision_leader'] },
      { field: 'approved.by', roles: MAIN },
    ],
  },
};

/** Every signer of a document: its own and its steps'. */
export function documentSigners(kind: DocumentKind): Signer[] {
  const spec = DOCUMENTS[kind];
  return [...spec.signers, ...(spec.steps ?? []).flatMap((s) => s.signers)];
}

/** The append-only list fields. */
export type ListField = { [K in ItemField]: (typeof ITEM_FIELDS)[K] extends { policy: 'list' } ? K : never }[ItemField];

/** Content fields (changed only by the `edit` amendment), in display order. */
export const CONTENT_FIELDS = (Object.keys(ITEM_FIELDS) as ItemField[]).filter((f) => ITEM_FIELDS[f].policy === 'content');

/** Append-only list fields, each with the action that grows it. */
export const LIST_FIELDS = (Object.keys(ITEM_FIELDS) as ItemField[]).filter((f) => ITEM_FIELDS[f].policy === 'list');

/** The amendment with this action name. */
export function amendment(action: string): Amendment | undefined {
  return (Object.values(AMENDMENTS) as Amendment[]).find((a) => a.action === action);
}

/**
 * Step fields a return edge may clear and a later edge write again: the
 * fields of the state the return leaves (the 汇报 or 通报 sent back).
 */
export function redoableFields(kind: ItemKind): Set<StepField> {
  const wf = WORKFLOWS[kind];
  return new Set(wf.edges.filter((e) => e.appends && e.from).flatMap((e) => wf.states[e.from!]?.adds ?? []));
}

/** Fields an edge writes: those its target state adds (none for a return). */
export function fieldsWritten(kind: ItemKind, edge: Edge): StepField[] {
  return edge.appends ? [] : (WORKFLOWS[kind].states[edge.to]?.adds ?? []);
}

/** Fields an edge clears: a return clears the step it sends back. */
export function fieldsCleared(kind: ItemKind, edge: Edge): StepField[] {
  return edge.appends && edge.from ? (WORKFLOWS[kind].states[edge.from]?.adds ?? []) : [];
}

/**
 * Fields that may still change on an item in a frozen or terminal state:
 * those written by the edges leaving it (an archive after closure).
 */
export function fieldsOpenIn(kind: ItemKind, state: State): Set<string> {
  const late = (Object.values(AMENDMENTS) as Amendment[]).filter((a) => a.afterEnd && a.field).map((a) => a.field!);
  return new Set([...edgesFrom(kind, state).flatMap((e) => ['state', ...fieldsWritten(kind, e)]), ...late]);
}

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
