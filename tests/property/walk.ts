/**
 * Random walks over the workflow table: items of the three kinds moved by
 * random legal steps — edges and amendments of `src/domain/workflow.ts`, the
 * 督查汇报's review chain, reports, the documents a step issues — each taken
 * by a random person holding a role the table allows. The changes are made
 * by the domain's own action code (`src/domain/actions`: inputs resolved
 * with their defaults, edge and amendment operations, new items, the
 * notice, plan and bulletin builders) and the format layer's surgical edit,
 * exactly as the `ledger` command makes them.
 *
 * A walk is a pure function of a list of choices (numbers): fast-check
 * generates and shrinks the list; the walk reads one choice per decision
 * (0 when the list runs out), so a shrunk list is a shorter, simpler walk.
 * Every commit records what it did, for the mutation tests' oracles.
 */
import { edgeOps, amendmentOps, ITEM_KEYS, newItemData, objectAt, resolveInputs } from '../../src/domain/actions/apply.ts';
import { edgeOf, stepCatalogue, type StepDef } from '../../src/domain/actions/catalogue.ts';
import { BULLETIN, NOTICE, PLAN, type DocumentSpec } from '../../src/domain/actions/documents.ts';
import { amendmentFields, edgeFields } from '../../src/domain/actions/inputs.ts';
import { formatId, nextReportName } from '../../src/domain/actions/numbering.ts';
import { addDays } from '../../src/domain/dates.ts';
import type { Item } from '../../src/domain/schemas/item.ts';
import type { Person } from '../../src/domain/schemas/people.ts';
import { isFrozen, isTerminal, type Edge, type ItemKind, type State } from '../../src/domain/workflow.ts';
import { editRecordText } from '../../src/format/edit-record.ts';
import { bulletinPath, itemPath, noticePath, planPath, reportPath, summaryPath } from '../../src/format/layout.ts';
import { loadLedger } from '../../src/format/load-ledger.ts';
import { recordText } from '../../src/format/serialise.ts';
import { REGISTRY_COMMIT, WALK_PEOPLE, type HistoryCommit, type WalkPersonId } from './history.ts';

type Rec = Record<string, unknown>;

/** What one commit of a walk did (for the mutation oracles). */
export interface StepInfo {
  action: string;
  /** The item whose file the commit changed, if any. */
  item?: string;
  kind?: ItemKind;
  /** A state move: from (null: created) → to. */
  from?: State | null;
  to?: State;
  /** Files the commit added (documents, reports) besides the item's. */
  added: string[];
}

export interface WalkCommit extends HistoryCommit {
  by: WalkPersonId;
  step: StepInfo;
}

const PERSONS: Record<WalkPersonId, Person> = Object.fromEntries(
  Object.entries(WALK_PEOPLE).map(([id, p]) => [id, { id, name: p.name, title: p.title, roles: [...p.roles], unit: 'unit' in p ? p.unit : undefined, emails: [...p.emails], active: true } as Person]),
) as Record<WalkPersonId, Person>;
const UNIT_PERSON: Record<string, WalkPersonId> = { urban: 'zhao-qiang', env: 'qian-hong' };
const UNIT_NAMES: Record<string, string> = { urban: '城市管理办公室', env: '生态环境办公室' };
const CATALOGUE = new Map(stepCatalogue().map((d) => [d.action, d]));
const def = (action: string): StepDef => CATALOGUE.get(action)!;

interface ItemSim {
  id: string;
  kind: ItemKind;
  text: string;
  value: Item;
  reports: { name: string; date: string; unit: string }[];
  /** The current 督查汇报 (superior): id and the steps it has. */
  summary?: { id: string; data: Rec; steps: Set<string> };
  /** Ever listed in a bulletin, a merge target, or in a plan with others: never cancelled. */
  pinned: boolean;
  plan?: { id: string; mode: 'onsite' | 'written'; targets: string[]; scoring: string[] };
  mergedIn: string[];
}

interface Option {
  label: string;
  run: () => void;
  /** How often it is taken among the options (moves forward more than amendments, so walks get deep). */
  weight?: number;
}

/** Weights of steps (default 1: amendments). */
const WEIGHTS: Record<string, number> = { new: 3, edge: 20, cancel: 1, reject: 2, merge: 6, return: 3, report: 6, review: 8, summary: 20, score: 10, 'summarise-inspection': 10, acknowledge: 2 };

export class Walk {
  readonly commits: WalkCommit[] = [];
  private items = new Map<string, ItemSim>();
  private day = 1;
  private i = 0;
  private counts = { item: 0, notice: 0, bulletin: 0, plan: 0, summary: 0 };

  private choices: readonly number[];

  constructor(choices: readonly number[]) {
    this.choices = choices;
  }

  /** Go on from here with other choices: two walks fed differently after the same prefix share it. */
  feed(choices: readonly number[]): this {
    this.choices = choices;
    this.i = 0;
    return this;
  }

  /** The next choice in [0, n). */
  private choose(n: number): number {
    const c = this.choices[this.i++] ?? 0;
    return n <= 1 ? 0 : c % n;
  }
  private pick<T>(xs: readonly T[]): T {
    return xs[this.choose(xs.length)]!;
  }
  private get today(): string {
    return addDays('2026-03-01', this.day);
  }

  /** Take up to `steps` steps (fewer when nothing is left to do). */
  run(steps: number, maxItems = 3, onItem?: string): HistoryCommit[] {
    for (let s = 0; s < steps; s++) {
      const options = this.options(maxItems).filter((o) => !onItem || o.label.startsWith(`${onItem} `));
      if (!options.length) break;
      const total = options.reduce((n, o) => n + (o.weight ?? 1), 0);
      let c = this.choose(total);
      const chosen = options.find((o) => (c -= o.weight ?? 1) < 0)!;
      chosen.run();
      this.day += this.choose(3);
    }
    return [REGISTRY_COMMIT, ...this.commits];
  }

  /** Ids of the items so far. */
  itemIds(): string[] {
    return [...this.items.keys()];
  }

  // ——— what may happen next ———

  private options(maxItems: number): Option[] {
    const out: Option[] = [];
    if (this.items.size < maxItems) for (const kind of ['superior', 'meeting', 'special'] as const) out.push({ label: `new ${kind}`, run: () => this.create(kind), weight: WEIGHTS.new });
    for (const it of this.items.values()) out.push(...this.itemOptions(it));
    return out;
  }

  private itemOptions(it: ItemSim): Option[] {
    const v = it.value;
    const state = v.state;
    const ended = isFrozen(it.kind, state) || isTerminal(it.kind, state);
    const out: Option[] = [];
    const edge = (action: string, extra: () => { raw: Rec; actor: WalkPersonId; files?: Record<string, string> } | undefined, when = true) => {
      const e = edgeOf(it.kind, action, state);
      if (e && when) out.push({ label: `${it.id} ${action}`, run: () => this.takeEdge(it, e, extra()), weight: WEIGHTS[action] ?? WEIGHTS.edge });
    };
    const amend = (action: string, build: () => { raw: Rec; actor: WalkPersonId } | undefined, when = true) => {
      if (when) out.push({ label: `${it.id} ${action}`, run: () => this.takeAmendment(it, action, build()), weight: WEIGHTS[action] ?? 1 });
    };
    const reporting = !!(v.assigned || v.inspection);
    const accepted = v.reviews.filter((r) => r.result === 'accepted').map((r) => r.report);
    const office = (): WalkPersonId => 'wang-fang';
    const officeOrMain = (): WalkPersonId => this.pick(['wang-fang', 'zhang-wei'] as const);

    // the 纪工委 answers whenever it answers
    const unreceived = v.referrals.map((_, n) => n + 1).filter((n) => !v.referral_receipts.some((r) => r.referral === n));
    const unanswered = v.referral_receipts.map((r) => r.referral).filter((n) => !v.referral_outcomes.some((o) => o.referral === n));
    amend('receive-referral', () => ({ raw: { referral: unreceived[0] }, actor: 'xu-gang' }), unreceived.length > 0);
    amend('referral-outcome', () => ({ raw: { referral: unanswered[0], result: '已立案调查。' }, actor: 'xu-gang' }), unanswered.length > 0);
    if (state === 'closed') edge('archive', () => ({ raw: { ref: `档案 ${it.id}` }, actor: office() }));
    if (ended) return out;

    // amendments of any open item
    amend('extend', () => ({ raw: { to: addDays(v.deadline, 30), 'approved-by': 'zhang-wei', reason: '工作量大，申请延期。' }, actor: office() }));
    amend('flag', () => ({ raw: { reason: '进度滞后。' }, actor: office() }), !v.flag || !!v.flag.lifted);
    amend('unflag', () => ({ raw: {}, actor: office() }), !!v.flag && !v.flag.lifted);
    amend('accountability', () => ({ raw: { measure: '约谈', reason: '推进不力。', 'decided-by': 'zhang-wei' }, actor: office() }));
    amend('referral', () => ({ raw: { 'approved-by': 'zhang-wei', reason: '问题线索移送。' }, actor: office() }));
    amend('edit', () => ({ raw: this.pick([{ requirements: `${v.requirements}（补充）` }, { tags: ['重点'] }, { priority: 'urgent' }]), actor: office() }));
    const units = [v.lead_unit, ...v.co_units];
    if (v.assigned) {
      const toSign = units.filter((u) => !v.acknowledgements.some((a) => a.unit === u));
      amend('acknowledge', () => {
        const unit = this.pick(toSign);
        return { raw: { unit }, actor: this.pick([UNIT_PERSON[unit]!, 'wang-fang']) };
      }, toSign.length > 0);
    }
    if (reporting) {
      amend('remind', () => ({ raw: { method: 'phone', to: [UNIT_NAMES[v.lead_unit]] }, actor: office() }));
      out.push({ label: `${it.id} report`, run: () => this.report(it), weight: WEIGHTS.report });
      const unreviewed = it.reports.filter((r) => !v.reviews.some((x) => x.report === r.name));
      amend('review', () => {
        const ok = this.choose(4) > 0;
        return { raw: { report: unreviewed[0]!.name, result: ok ? 'accepted' : 'returned', ...(ok ? {} : { reason: '材料不全，请补充。' }) }, actor: office() };
      }, unreviewed.length > 0);
    }
    const cancellable = !it.pinned;
    const cancelRaw = () => ({ raw: { 'approved-by': 'zhang-wei', reason: '工作调整，予以撤销。' }, actor: officeOrMain() });

    if (it.kind === 'superior') {
      edge('instruct', () => ({ raw: { by: 'zhang-wei', text: '请城管办牵头落实。' }, actor: officeOrMain() }));
      edge('assign', () => ({ raw: {}, actor: office() }));
      edge('arrange', () => {
        const actor = this.pick(['wang-fang', 'li-ming', 'zhang-wei', 'chen-jing'] as const);
        return { raw: { by: actor === 'wang-fang' ? 'li-ming' : actor }, actor };
      });
      if (state === 'in_progress') {
        const s = it.summary;
        if (!s) out.push({ label: `${it.id} draft-summary`, run: () => this.summaryStep(it, 'drafted'), weight: WEIGHTS.summary });
        else if (!s.steps.has('reviewed')) out.push({ label: `${it.id} review-summary`, run: () => this.summaryStep(it, 'reviewed'), weight: WEIGHTS.summary });
        else if (!s.steps.has('instructed')) out.push({ label: `${it.id} instruct-summary`, run: () => this.summaryStep(it, 'instructed'), weight: WEIGHTS.summary });
        else edge('summarise', () => ({ raw: { document: s.id }, actor: office() }));
      }
      if (state === 'reported') {
        if (!it.summary?.steps.has('revised')) out.push({ label: `${it.id} revise-summary`, run: () => this.summaryStep(it, 'revised'), weight: WEIGHTS.summary });
        else edge('submit', () => ({ raw: { to: '区委督查室' }, actor: office() }));
        edge('return', () => {
          const actor = this.pick(['wang-fang', 'chen-jing', 'zhang-wei'] as const);
          return { raw: { reason: '汇报不实，退回重办。' }, actor };
        });
      }
    }
    if (it.kind === 'meeting') {
      edge('assign', () => ({ raw: { 'approved-by': 'zhang-wei' }, actor: office() }));
      edge('arrange', () => {
        const actor = this.pick(['wang-fang', 'li-ming', 'zhang-wei'] as const);
        return { raw: { by: actor === 'wang-fang' ? 'li-ming' : actor }, actor };
      });
      edge('bulletin', () => ({ raw: { 'reviewed-by': 'chen-jing', 'approved-by': 'zhang-wei' }, actor: office() }));
      edge('return', () => ({ raw: { reason: '通报后仍未整改到位。' }, actor: this.pick(['wang-fang', 'chen-jing', 'zhang-wei'] as const) }));
    }
    if (it.kind === 'special') {
      const targets = [...this.items.values()].filter((t) => t !== it && t.kind === 'special' && ['applied', 'approved'].includes(t.value.state));
      edge('approve', () => ({ raw: { by: 'zhang-wei', text: '同意开展专项督查。' }, actor: officeOrMain() }));
      edge('reject', () => ({ raw: { by: 'zhang-wei', reason: '与日常工作重复。' }, actor: officeOrMain() }), cancellable && it.mergedIn.length === 0);
      edge('merge', () => {
        const t = this.pick(targets);
        t.mergedIn.push(it.id);
        t.pinned = true;
        return { raw: { into: t.id, reason: '与同类申请合并进行。' }, actor: office() };
      }, targets.length > 0 && it.mergedIn.length === 0);
      edge('plan', () => ({ raw: {}, actor: office() }));
      edge('start', () => ({ raw: {}, actor: office() }));
      if (state === 'inspecting' && it.plan) {
        if (it.plan.mode === 'onsite') {
          const unscored = it.plan.targets.filter((u) => !v.scores.some((s) => s.unit === u));
          amend('score', () => ({ raw: { unit: unscored[0], score: 80 + this.choose(20) }, actor: this.pick(['wang-fang', ...it.plan!.scoring.map((u) => UNIT_PERSON[u]!)]) }), unscored.length > 0);
        } else amend('summarise-inspection', () => ({ raw: { to: 'zhang-wei', text: '电话和文字督查情况汇总。' }, actor: office() }));
        const results = it.plan.mode === 'onsite' ? v.scores.length : v.inspection_summaries.length;
        edge('bulletin', () => ({ raw: { 'signed-by': this.pick(['li-ming', 'zhang-wei']), problems: '个别单位整改不到位。', causes: '重视不够。', 'next-steps': '限期整改。', 'reviewed-by': 'chen-jing', 'approved-by': 'zhang-wei' }, actor: office() }), results > 0);
      }
      edge('return', () => ({ raw: { reason: '通报后仍未整改到位。' }, actor: this.pick(['wang-fang', 'chen-jing', 'zhang-wei'] as const) }));
    }
    edge('close', () => ({ raw: { reports: accepted.slice(-1), method: 'document', 'verified-by': 'wang-fang' }, actor: office() }), accepted.length > 0);
    edge('cancel', cancelRaw, cancellable && it.mergedIn.length === 0);
    return out;
  }

  // ——— taking a step ———

  private commit(by: WalkPersonId, message: string, files: Record<string, string>, step: StepInfo) {
    this.commits.push({ by, date: this.today, message, files, step });
  }

  private reload(it: ItemSim, text: string) {
    const { ledger, issues } = loadLedger([{ path: itemPath(it.id), text }]);
    const v = ledger.items[0]?.value;
    if (!v) throw new Error(`walk made an unreadable item ${it.id}: ${issues.map((i) => i.message).join('; ')}`);
    it.text = text;
    it.value = v;
  }

  private create(kind: ItemKind) {
    const id = formatId('item', 2026, ++this.counts.item);
    const d = def(kind === 'special' ? 'apply' : 'register');
    const edge = edgeOf(kind, d.action, null)!;
    const lead = this.pick(['urban', 'env']);
    const co = this.pick([[], [lead === 'urban' ? 'env' : 'urban']]);
    const actor: WalkPersonId = kind === 'special' ? this.pick([UNIT_PERSON[lead]!, 'wang-fang']) : 'wang-fang';
    const source = { superior: ['document', '区委办公室关于开展环境整治的通知'], meeting: ['party_committee', '党工委会议（2026年第6次）'], special: ['department', `${UNIT_NAMES[lead]}专项督查申请`] }[kind];
    const raw: Rec = {
      deadline: '2026-12-31',
      title: `${['背街小巷整治', '燃气安全检查', '农贸市场周边秩序'][this.counts.item % 3]}（${id}）`,
      'source-type': source[0],
      'source-name': source[1],
      'source-date': '2026-03-01',
      content: '对辖区开展集中整治。',
      requirements: '按期完成并报送落实情况。',
      leaders: ['li-ming'],
      'lead-unit': lead,
      'co-units': co,
      'reports-due': this.pick(['once', 'weekly', 'monthly']),
      ...(kind === 'special'
        ? { 'reviewed-by': 'li-ming', reason: '隐患较多，申请专项督查。', targets: [lead, ...co], mode: this.pick(['onsite', 'written']), from: addDays(this.today, 10), to: addDays(this.today, 20), mergeable: this.choose(2) === 1 }
        : {}),
    };
    const inputs = d.inputsFor(kind);
    const r = resolveInputs(inputs, raw, { today: this.today, actor: PERSONS[actor] });
    if (r.missing.length || r.invalid.length) throw new Error(`walk: ${d.action} inputs ${JSON.stringify(r)}`);
    const data = newItemData(kind, edge, id, inputs, r.values);
    const it: ItemSim = { id, kind, text: '', value: undefined as unknown as Item, reports: [], pinned: false, mergedIn: [] };
    this.reload(it, recordText(data, '会议要求：按期完成。\n'));
    this.items.set(id, it);
    this.commit(actor, `${id} ${edge.label}`, { [itemPath(id)]: it.text }, { action: d.action, item: id, kind, from: null, to: edge.to, added: [] });
  }

  private takeEdge(it: ItemSim, edge: Edge, spec: { raw: Rec; actor: WalkPersonId; files?: Record<string, string> } | undefined) {
    if (!spec) return;
    const d = def(edge.action);
    const inputs = d.inputsFor(it.kind);
    const actor = PERSONS[spec.actor];
    const r = resolveInputs(inputs, spec.raw, { today: this.today, actor, item: it.value });
    const files: Record<string, string> = {};
    const added: string[] = [];
    // the documents a step issues (a notice, a plan, a bulletin), as `ledger` issues them
    for (const input of inputs) {
      if (input.default !== 'document' || r.values[input.option] !== undefined) continue;
      const spec2 = [NOTICE, PLAN, BULLETIN].find((s) => input.paths.some((p) => p.join('.') === s.ref.join('.')));
      if (!spec2 || !spec2.createFor.includes(it.kind)) continue;
      const doc = this.issueDocument(spec2, it, spec.raw, actor);
      r.values[input.option] = doc.id;
      files[doc.path] = doc.text;
      added.push(doc.path);
    }
    if (r.missing.length || r.invalid.length) throw new Error(`walk: ${edge.action} inputs ${JSON.stringify(r.missing.map((m) => m.option))} ${JSON.stringify(r.invalid)}`);
    const ops = edgeOps(it.kind, edge, edgeFields(it.kind, edge), inputs, r.values);
    this.reload(it, editRecordText(it.text, ops, ITEM_KEYS));
    if (edge.action === 'return' && it.kind === 'superior') it.summary = undefined; // the 汇报 is written anew
    files[itemPath(it.id)] = it.text;
    this.commit(spec.actor, `${it.id} ${edge.label}`, files, { action: edge.action, item: it.id, kind: it.kind, from: edge.from, to: edge.to, added });
  }

  private issueDocument(spec: DocumentSpec, it: ItemSim, raw: Rec, actor: Person): { id: string; path: string; text: string } {
    const kind = spec.kind as 'notice' | 'plan' | 'bulletin';
    const n = ++this.counts[kind];
    const id = formatId(kind, 2026, n);
    // the inspection runs as applied for, or from today when the plan comes later (its notice goes out first)
    const from = it.value.application && it.value.application.from > this.today ? it.value.application.from : this.today;
    // an on-site inspection sends its 《督查考核通知》 to every target first
    const onsite = it.value.application?.mode === 'onsite';
    const planRaw = { ...raw, mode: it.value.application?.mode, 'period-from': from, 'period-to': addDays(from, 10), ...(onsite ? { 'inspection-notice-doc-no': `测试督考〔2026〕${n}号` } : {}) };
    const values = resolveInputs(spec.inputs, kind === 'plan' ? planRaw : raw, { today: this.today, actor }).values;
    const others = it.mergedIn.map((x) => this.items.get(x)!.value);
    const built = spec.build({
      id,
      year: '2026',
      number: n,
      docNo: `测试督办〔2026〕${n}号`,
      date: this.today,
      actor,
      items: [it.value],
      values: kind === 'plan' ? { ...values, applications: [it.id, ...others.map((o) => o.id)] } : values,
      unitName: (u) => UNIT_NAMES[u] ?? u,
      personName: (p) => WALK_PEOPLE[p as WalkPersonId]?.name ?? p,
    });
    const data = built.data;
    if (kind === 'plan') {
      const mode = data.mode as 'onsite' | 'written';
      it.plan = { id, mode, targets: data.targets as string[], scoring: (data.scoring_units as string[]) ?? [it.value.lead_unit] };
    }
    if (kind === 'bulletin') it.pinned = true;
    const path = kind === 'notice' ? noticePath(id) : kind === 'plan' ? planPath(id) : bulletinPath(id, 2026);
    return { id, path, text: recordText(data, built.body) };
  }

  private takeAmendment(it: ItemSim, action: string, spec: { raw: Rec; actor: WalkPersonId } | undefined) {
    if (!spec) return;
    const d = def(action);
    const a = d.amendment!;
    const r = resolveInputs(d.inputs, spec.raw, { today: this.today, actor: PERSONS[spec.actor], item: it.value });
    if (r.missing.length || r.invalid.length) throw new Error(`walk: ${action} inputs ${JSON.stringify(r.missing.map((m) => m.option))} ${JSON.stringify(r.invalid)}`);
    const ops = amendmentOps(a, amendmentFields(a), d.inputs, r.values);
    this.reload(it, editRecordText(it.text, ops, ITEM_KEYS));
    this.commit(spec.actor, `${it.id} ${a.label}`, { [itemPath(it.id)]: it.text }, { action, item: it.id, kind: it.kind, added: [] });
  }

  private report(it: ItemSim) {
    const v = it.value;
    const unit = this.pick([v.lead_unit, ...v.co_units]);
    const actor: WalkPersonId = this.pick([UNIT_PERSON[unit]!, 'wang-fang']);
    const d = def('report');
    const r = resolveInputs(d.inputs, { unit, progress: '已完成阶段性整治任务。', done: this.choose(3) === 0 }, { today: this.today, actor: PERSONS[actor], item: v });
    const name = nextReportName(this.today, unit, it.reports.map((x) => x.name));
    const path = reportPath(it.id, name);
    it.reports.push({ name, date: this.today, unit });
    this.commit(actor, `${it.id} 报送落实情况`, { [path]: recordText(objectAt(d.inputs, r.values, []) ?? {}) }, { action: 'report', item: undefined, kind: it.kind, added: [path] });
  }

  /** The 督查汇报's review chain, one step a commit (DOCUMENTS.summary). */
  private summaryStep(it: ItemSim, step: 'drafted' | 'reviewed' | 'instructed' | 'revised') {
    let actor: WalkPersonId = 'wang-fang';
    if (step === 'drafted') {
      const id = `HB-2026-${String(++this.counts.summary).padStart(3, '0')}`;
      it.summary = {
        id,
        steps: new Set(),
        data: { id, title: `关于${it.value.title}的汇报`, item: it.id, to: '区委督查室', materials: it.reports.map((r) => r.name), drafted: { date: this.today, by: 'wang-fang' } },
      };
    } else if (step === 'reviewed') {
      actor = this.pick(['wang-fang', 'chen-jing'] as const);
      it.summary!.data.reviewed = { date: this.today, by: 'chen-jing', opinion: '同意。' };
    } else if (step === 'instructed') {
      actor = this.pick(['wang-fang', 'zhang-wei'] as const);
      it.summary!.data.instructed = { date: this.today, by: 'zhang-wei', text: '同意上报。' };
    } else it.summary!.data.revised = { date: this.today, by: 'wang-fang' };
    const s = it.summary!;
    s.steps.add(step);
    const path = summaryPath(s.id);
    this.commit(actor, `${s.id} ${step}`, { [path]: recordText(s.data, '汇报正文。\n') }, { action: `summary-${step}`, kind: it.kind, added: step === 'drafted' ? [path] : [] });
  }
}

/** The commits of a walk driven by `choices`, `steps` long at most. */
export function walk(choices: readonly number[], steps: number, maxItems = 3): { history: HistoryCommit[]; commits: WalkCommit[] } {
  const w = new Walk(choices);
  const history = w.run(steps, maxItems);
  return { history, commits: w.commits };
}
