/**
 * Derive a realistic history from a finished ledger: every item moved step
 * by step by the people its records name, on the dates they record; reports,
 * notices, bulletins and plans added when they are dated; each meeting's
 * decisions registered in one 分解立项 commit with the meeting record; each
 * 督查汇报 landing stage by stage (drafted, reviewed, instructed, revised);
 * 签收, 审核, 打分, 汇总 and the 纪工委's answers by whoever the records name;
 * each attachment with the first commit whose record names it. The last
 * version of every file is its content in `records/`, byte for byte, so
 * there is one demo, not two.
 *
 * Pure: texts in, events (commits as file contents) out. Intermediate
 * versions are made by editing the YAML document (comments and key order
 * kept), not by re-serialising.
 */
import { parseDocument } from 'yaml';
import type { Ledger, Located } from '../domain/ledger.ts';
import { fileRefs } from '../domain/rules/files.ts';
import type { Item } from '../domain/schemas/item.ts';
import { REVIEW_LABELS } from '../domain/schemas/item.ts';
import type { Person, Role } from '../domain/schemas/people.ts';
import type { SummaryDoc } from '../domain/schemas/summary.ts';
import { attachmentPath } from '../format/layout.ts';
import { normaliseText } from '../format/parse-record.ts';
import {
  DOCUMENTS,
  FIELD_LABELS,
  ITEM_FIELDS,
  LIST_FIELDS,
  amendment,
  STATE_LABELS,
  WORKFLOWS,
  findEdge,
  requiredFields,
  type ItemField,
  type State,
  type StepField,
} from '../domain/workflow.ts';

export interface DemoEvent {
  date: string;
  /** Orders events of one day: lower first. */
  priority: number;
  /** Orders events of one day and priority: stable sequence. */
  seq: number;
  author: Person;
  message: string;
  /** Path → new content (text, or bytes for attachments). */
  files: Map<string, string | Uint8Array>;
  /** Attachment paths the record versions of this commit name: each file comes with the first commit naming it. */
  refs?: string[];
}

export interface ReplayInput {
  ledger: Ledger;
  /** Path → original text of every text file under records/ (incl. README, templates). */
  texts: Map<string, string>;
  /** Path → bytes of every attachment. */
  bytes?: Map<string, Uint8Array>;
}

const P = { registry: 0, create: 1, office: 2, step: 3, report: 4, review: 4.5, bulletin: 5, late: 6 } as const;

/** The main path of states from the start to `state` (cancelled: up to the last step taken). */
function chainTo(kind: Item['kind'], state: State): State[] {
  const wf = WORKFLOWS[kind];
  const out: State[] = [];
  let s: State | undefined = state;
  while (s) {
    out.unshift(s);
    s = wf.states[s]?.after;
  }
  return out;
}

/** Frontmatter + body split of an original text. */
function splitText(text: string): { fm: string; body: string } {
  const t = normaliseText(text);
  const end = t.indexOf('\n---', 3);
  return { fm: t.slice(4, end + 1), body: t.slice(end + 4) };
}

type Push = (date: string, priority: number, author: Person | undefined, message: string, files: [string, string][], refs?: string[]) => DemoEvent;

export function replay(input: ReplayInput): DemoEvent[] {
  const { ledger, texts } = input;
  const bytes = input.bytes ?? new Map<string, Uint8Array>();
  const people = new Map(ledger.people.map((p) => [p.value.id, p.value]));
  const byRole = (role: Role) => ledger.people.find((p) => p.value.roles.includes(role))?.value;
  const office = byRole('office');
  if (!office) throw new Error('demo ledger has no office person');
  const events: DemoEvent[] = [];
  let seq = 0;
  const push: Push = (date, priority, author, message, files, refs) => {
    const e: DemoEvent = { date, priority, seq: seq++, author: author ?? office, message, files: new Map(files), ...(refs?.length ? { refs } : {}) };
    events.push(e);
    return e;
  };
  const refsOf = (kind: string, itemId: string, value: unknown) =>
    fileRefs(kind, value)
      .filter((r) => r.ref === 'attachment')
      .map((r) => attachmentPath(itemId, r.name));

  // 1. registries, docs and templates before everything
  const first = [...ledger.items.map((i) => i.value.registered?.date ?? i.value.application?.date ?? '9999')].sort()[0] ?? '2026-01-01';
  const setup = [...texts].filter(([p]) => !/\/(items|notices|bulletins|plans|meetings|summaries)\//.test(p));
  push(first, P.registry, office, '建立督查工作台账：配置、人员和单位名册、填写说明与模板', setup);

  // 2. notices, plans, bulletins when dated
  for (const n of ledger.notices) push(n.value.date, P.office, people.get(n.value.by), `印发督办通知 ${n.value.id}：${n.value.title}`, [[n.file, texts.get(n.file)!]]);
  for (const p of ledger.plans) {
    const text = texts.get(p.file)!;
    const notice = p.value.inspection_notice;
    if (notice && notice.date > p.value.date) {
      // the 《督查考核通知》 is sent after the plan is filed: two versions
      const { fm, body } = splitText(text);
      const doc = parseDocument(fm);
      doc.delete('inspection_notice');
      push(p.value.date, P.office, people.get(p.value.by), `专项督查考核方案备案 ${p.value.id}：${p.value.title}`, [[p.file, `---\n${doc.toString({ lineWidth: 0 })}---${body}`]]);
      push(notice.date, P.office, people.get(p.value.by), `${p.value.id} 下达《督查考核通知》${notice.doc_no}`, [[p.file, text]]);
    } else push(p.value.date, P.office, people.get(p.value.by), `专项督查考核方案备案 ${p.value.id}：${p.value.title}`, [[p.file, text]]);
  }
  for (const b of ledger.bulletins) {
    push(b.value.date, P.bulletin, people.get(b.value.drafted.by), `印发督查通报 ${b.value.year}年第${b.value.number}期：${b.value.title}`, [[b.file, texts.get(b.file)!]]);
  }
  // 3. each 督查汇报, stage by stage
  for (const s of ledger.summaries) replaySummary(s, texts.get(s.file)!, people, office, push, refsOf('summary', s.value.item, s.value));
  // 4. reports when dated, by who wrote them, with the files they name
  for (const r of ledger.reports) {
    push(r.value.date, P.report, people.get(r.value.by), `${r.itemId} 报送落实情况（${r.value.unit}，${r.value.date}）`, [[r.file, texts.get(r.file)!]], refsOf('report', r.itemId, r.value));
  }
  // 5. each item, step by step
  const created = new Map<string, DemoEvent>();
  for (const rec of ledger.items) {
    const e = replayItem(rec, texts.get(rec.file)!, people, office, push, ledger, refsOf);
    if (e) created.set(rec.value.id, e);
  }
  // 6. 分解立项: a meeting record and the items it decided, in one commit
  for (const m of ledger.meetings) {
    const firsts = m.value.items.map((id) => created.get(id)).filter((e): e is DemoEvent => e !== undefined);
    const date = [m.value.date, ...firsts.map((e) => e.date)].sort().at(-1)!;
    const merged = push(date, P.create, people.get(m.value.by), `分解立项：${m.value.title}（${m.value.items.length} 项）`, [[m.file, texts.get(m.file)!]]);
    for (const e of firsts) {
      for (const [p, t] of e.files) merged.files.set(p, t);
      merged.refs = [...(merged.refs ?? []), ...(e.refs ?? [])];
      events.splice(events.indexOf(e), 1);
    }
  }

  events.sort((a, b) => a.date.localeCompare(b.date) || a.priority - b.priority || a.seq - b.seq);
  // 7. each attachment with the first commit whose record names it; files nothing names come last
  const placed = new Set<string>();
  for (const e of events) {
    for (const p of e.refs ?? []) {
      const b = bytes.get(p);
      if (!b || placed.has(p)) continue;
      e.files.set(p, b);
      placed.add(p);
    }
  }
  const rest = [...bytes].filter(([p]) => !placed.has(p));
  if (rest.length) {
    const last = events.at(-1)!;
    events.push({ date: last.date, priority: P.late, seq: seq++, author: office, message: `上传附件（${rest.length} 个）`, files: new Map(rest) });
  }
  return events;
}

/** A 督查汇报 landing as its review chain does: each stage a commit by the one who takes it. */
function replaySummary(s: Located<SummaryDoc>, original: string, people: Map<string, Person>, office: Person, push: Push, refs: string[]) {
  const d = s.value;
  const { fm, body } = splitText(original);
  const final = parseDocument(fm);
  const steps = DOCUMENTS.summary.steps!;
  const record = d as unknown as Record<string, { date: string; by: string } | undefined>;
  const present = steps.filter((st) => record[st.field]);
  present.forEach((st, k) => {
    const last = k === present.length - 1;
    let text = original;
    if (!last) {
      const v = final.clone();
      for (const later of present.slice(k + 1)) v.delete(later.field);
      // the files sent up come with the final stage
      v.delete('attachments');
      text = `---\n${v.toString({ lineWidth: 0 })}---${body}`;
    }
    const signer = people.get(record[st.field]!.by);
    // leaders review themselves; a main leader's instruction is recorded by the office
    const author = signer && !signer.roles.includes('main_leader') ? signer : (people.get(d.drafted.by) ?? office);
    push(record[st.field]!.date, P.office, author, `${d.id} ${st.label}：${d.title}`, [[s.file, text]], last ? refs : []);
  });
}

type ListKey = (typeof LIST_FIELDS)[number];

function replayItem(
  rec: Located<Item>,
  original: string,
  people: Map<string, Person>,
  office: Person,
  push: Push,
  ledger: Ledger,
  refsOf: (kind: string, itemId: string, value: unknown) => string[],
): DemoEvent | undefined {
  const it = rec.value;
  const { fm, body } = splitText(original);
  const final = parseDocument(fm);
  const wf = WORKFLOWS[it.kind];
  const lastState: State = it.state === 'cancelled' ? lastReached(it) : it.state;
  const chain = chainTo(it.kind, lastState);
  const stepDate = (f: StepField) => (it as unknown as Record<string, { date?: string }>)[f]?.date;

  interface Moment {
    date: string;
    priority: number;
    apply: (v: VersionState) => void;
    author: Person | undefined;
    message: string;
  }
  interface VersionState {
    state: State;
    fields: Set<string>;
    /** How many entries of each append-only list this version has. */
    counts: Partial<Record<ListKey, number>>;
    flag: 'none' | 'on' | 'lifted';
    /** Step fields of a version that was sent back: not in the final record, stood in for. */
    stand?: Record<string, unknown>;
  }
  const moments: Moment[] = [];
  const actorFor = (from: State | null, to: State): Person | undefined => {
    const edge = findEdge(it.kind, from, to);
    if (!edge) return office;
    for (const s of edge.signers ?? []) {
      const id = s.field.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], it);
      const p = typeof id === 'string' ? people.get(id) : undefined;
      if (p && p.roles.some((r) => edge.committer.includes(r)) && !p.roles.includes('main_leader')) return p;
    }
    return office;
  };
  chain.forEach((s, i) => {
    const adds = wf.states[s]!.adds;
    // a state reached by several fields (lead opinion, then bulletin) is reached on the last of their dates
    const date = adds.map(stepDate).filter((d): d is string => Boolean(d)).sort().at(-1) ?? it.registered?.date ?? it.application!.date;
    const from = i === 0 ? null : chain[i - 1]!;
    const edge = findEdge(it.kind, from, s);
    moments.push({
      date,
      priority: i === 0 ? P.create : s === 'bulletined' || s === 'closed' || s === 'archived' ? P.late : P.step,
      author: actorFor(from, s),
      message: `${it.id} ${edge?.label ?? '登记'}：${STATE_LABELS[s]}${i === 0 ? `（${it.title}）` : ''}`,
      apply: (v) => {
        v.state = s;
        for (const f of adds) v.fields.add(f);
      },
    });
  });
  if (it.state === 'cancelled') {
    moments.push({
      date: it.cancellation!.date,
      priority: P.late,
      author: office,
      message: `${it.id} 撤销：${it.cancellation!.reason}`,
      apply: (v) => {
        v.state = 'cancelled';
        v.fields.add('cancellation');
      },
    });
  }
  // returns: the item went to the return edge's source state, then back
  const returnEdge = wf.edges.find((e) => e.appends === 'returns');
  it.returns.forEach((r, i) => {
    if (!returnEdge) return;
    moments.push({
      date: r.date,
      priority: P.step,
      author: office,
      message: `${it.id} ${STATE_LABELS[returnEdge.from!]}（退回前）`,
      apply: (v) => {
        v.state = returnEdge.from!;
        for (const f of requiredFields(it.kind, returnEdge.from!)) v.fields.add(f);
        // the report that was sent back is not in the final record: stand one in
        v.stand = standIns(returnEdge.from!, r.date);
      },
    });
    moments.push({
      date: r.date,
      priority: P.step,
      author: people.get(r.by) ?? office,
      message: `${it.id} 退回重办：${r.reason}`,
      apply: (v) => {
        v.state = returnEdge.to;
        v.counts.returns = i + 1;
        v.stand = undefined;
        for (const f of wf.states[returnEdge.from!]!.adds) v.fields.delete(f);
      },
    });
  });
  /**
   * Append-only list entries (every list of the table but returns, above),
   * each a commit by the person the entry names when that person may take
   * the amendment that grows the list, else by the office.
   */
  const DETAIL: Partial<Record<ListKey, (e: never) => string>> = {
    extensions: (e: Item['extensions'][number]) => `：${e.from} → ${e.to}（${e.reason}）`,
    accountability: (e: Item['accountability'][number]) => `${e.kind === 'ordered' ? '（责成追究责任）' : ''}：${e.measure}`,
    referrals: (e: Item['referrals'][number]) => `：${e.reason}`,
    referral_receipts: (e: Item['referral_receipts'][number]) => `（第 ${e.referral} 条${e.case_no ? `，${e.case_no}` : ''}）`,
    referral_outcomes: (e: Item['referral_outcomes'][number]) => `（第 ${e.referral} 条）`,
    acknowledgements: (e: Item['acknowledgements'][number]) => `（${e.unit}）`,
    reviews: (e: Item['reviews'][number]) => `：${e.report} ${REVIEW_LABELS[e.result]}`,
    scores: (e: Item['scores'][number]) => `（${e.unit} ${e.score} 分）`,
  };
  for (const key of LIST_FIELDS as ListKey[]) {
    if (key === 'returns') continue;
    const policy = ITEM_FIELDS[key] as { by: string };
    const am = amendment(policy.by);
    ((it as unknown as Record<string, { date: string; by?: string }[]>)[key] ?? []).forEach((e, i) => {
      const named = e.by ? people.get(e.by) : undefined;
      moments.push({
        date: e.date,
        // a review comes after the report it judges, filed the same day
        priority: key === 'reviews' ? P.review : P.step,
        author: named && am && named.roles.some((r) => am.committer.includes(r)) ? named : office,
        message: `${it.id} ${am?.label ?? key}${DETAIL[key]?.(e as never) ?? ''}`,
        apply: (v) => void (v.counts[key] = i + 1),
      });
    });
  }
  if (it.flag) {
    moments.push({ date: it.flag.date, priority: P.step, author: office, message: `${it.id} 挂牌督办：${it.flag.reason}`, apply: (v) => void (v.flag = 'on') });
    if (it.flag.lifted) moments.push({ date: it.flag.lifted, priority: P.late, author: office, message: `${it.id} 摘牌`, apply: (v) => void (v.flag = 'lifted') });
  }

  // stable order: by date, then priority, then insertion (chain order)
  const ordered = moments.map((m, i) => ({ m, i })).sort((a, b) => a.m.date.localeCompare(b.m.date) || a.m.priority - b.m.priority || a.i - b.i);
  const v: VersionState = { state: chain[0]!, fields: new Set(), counts: {}, flag: 'none' };
  let firstEvent: DemoEvent | undefined;
  ordered.forEach(({ m }, k) => {
    m.apply(v);
    const last = k === ordered.length - 1;
    const text = last ? original : render(final, it, v, body);
    // the files this version names (through the step fields it has)
    const named = last ? it : Object.fromEntries(Object.entries(it).filter(([f]) => !(f in FIELD_LABELS) || v.fields.has(f)));
    const e = push(m.date, m.priority, m.author, m.message, [[rec.file, text]], refsOf('item', it.id, named));
    firstEvent ??= e;
  });
  return firstEvent;

  function render(doc: typeof final, item: Item, st: VersionState, bodyText: string): string {
    const d = doc.clone();
    for (const f of Object.keys(FIELD_LABELS)) if (!st.fields.has(f)) d.delete(f);
    d.set('state', st.state);
    for (const [k, val] of Object.entries(st.stand ?? {})) {
      d.set(k, val);
    }
    for (const key of LIST_FIELDS as ItemField[]) {
      if ((item[key] as unknown[]).length === 0) continue;
      const n = st.counts[key as ListKey] ?? 0;
      if (n === 0) d.delete(key);
      else {
        const seqNode = d.get(key, true) as { items: unknown[] } | undefined;
        if (seqNode?.items) seqNode.items = seqNode.items.slice(0, n);
      }
    }
    if (item.extensions.length) d.set('deadline', !st.counts.extensions ? item.extensions[0]!.from : item.extensions[st.counts.extensions - 1]!.to);
    if (st.flag === 'none') d.delete('flag');
    else if (st.flag === 'on' && item.flag?.lifted) d.deleteIn(['flag', 'lifted']);
    return `---\n${d.toString({ lineWidth: 0 })}---${bodyText}`;
  }

  /**
   * The step fields of the state an item was returned from, when the final
   * record no longer has them (staff drop the returned step's fields): the
   * 督查汇报 that was sent back, or the bulletin that covered it.
   */
  function standIns(state: State, returnDate: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const covering = ledger.bulletins
      .filter((b) => b.value.items.includes(it.id) && b.value.date <= returnDate)
      .sort((a, b) => a.value.date.localeCompare(b.value.date))
      .at(-1)?.value;
    const on = covering?.date ?? returnDate;
    for (const f of wf.states[state]!.adds) {
      if ((it as unknown as Record<string, unknown>)[f] !== undefined && f !== 'summary') continue;
      if (f === 'summary') {
        const sent = ledger.summaries
          .map((s) => s.value)
          .filter((s) => s.item === it.id && s.id !== it.summary?.document && s.instructed && s.instructed.date <= returnDate)
          .sort((a, b) => a.instructed!.date.localeCompare(b.instructed!.date))
          .at(-1);
        if (!sent) throw new Error(`${it.id} was returned from 已汇报 on ${returnDate}, but no 督查汇报 of it (records/summaries/) was instructed by then`);
        out.summary = { date: sent.instructed!.date, by: sent.drafted.by, document: sent.id };
      }
      if (f === 'bulletined' && covering) out.bulletined = { date: on, bulletin: covering.id };
      if (f === 'lead_opinion') out.lead_opinion = { date: on, signed_by: ledger.units.find((u) => u.value.id === it.lead_unit)?.value.leader ?? it.leaders[0], problems: '见通报。', causes: '见通报。', next_steps: '见通报。' };
    }
    return out;
  }
}

/** For a cancelled item: the furthest state its step fields show it reached. */
function lastReached(it: Item): State {
  const wf = WORKFLOWS[it.kind];
  let best: State = wf.start;
  for (const [s, spec] of Object.entries(wf.states) as [State, NonNullable<(typeof wf.states)[State]>][]) {
    if (s === 'cancelled' || spec.terminal) continue;
    const req = requiredFields(it.kind, s);
    if (req.every((f) => (it as unknown as Record<string, unknown>)[f] !== undefined) && req.length > requiredFields(it.kind, best).length) best = s;
  }
  return best;
}
