/**
 * Links that do the right thing: on an item page, one per legal next step,
 * grouped by who takes it — the units' new-report editors prefilled with
 * the unit's own reporter, the build day and the next free file name; every
 * other step (the amendments, the 督查汇报's steps) the forge's "Run
 * workflow" form (inputs filled where the forge takes them from the
 * address: GitLab) and the `ledger` command for a terminal; and 新建事项 /
 * 新建通知 / 新建通报 with the next free number.
 */
import { amendmentOpen, nextSteps, pendingReferrals } from '../../domain/next-steps.ts';
import { stepCatalogue } from '../../domain/actions/catalogue.ts';
import { DOCUMENTS } from '../../domain/actions/documents.ts';
import { nextIds, nextReportName, type NumberedKind } from '../../domain/actions/numbering.ts';
import type { Config } from '../../domain/schemas/config.ts';
import type { Item } from '../../domain/schemas/item.ts';
import type { Person, Role } from '../../domain/schemas/people.ts';
import { ROLE_LABELS } from '../../domain/schemas/people.ts';
import type { Unit } from '../../domain/schemas/units.ts';
import { AMENDMENTS, amendment, type DocumentKind } from '../../domain/workflow.ts';
import { openDocumentSteps, settledDocument, STAGED, stagedByField } from '../../domain/actions/document-steps.ts';
import type { Ledger } from '../../domain/ledger.ts';
import { REPORT_FILE_FIELDS } from '../../domain/rules/files.ts';
import { itemDir, reportsDir } from '../../format/layout.ts';
import { reportTemplate } from './links.ts';

const enc = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/** The web editor's new-file page for `dir/name`, prefilled with `content` (when the forge takes it). */
export function newFileUrl(config: Config, dir: string, name: string, content: string): string | undefined {
  return config.forge?.new_file_url?.replace('{dir}', enc(dir)).replace('{name}', encodeURIComponent(name)).replace('{content}', encodeURIComponent(content));
}

/** The forge's Run-workflow form for a step, inputs filled in where the pattern has places for them. */
export function runUrl(config: Config, action: string, items: string[], fields: string): string | undefined {
  return config.forge?.run_url
    ?.replace('{action}', encodeURIComponent(action))
    .replace('{items}', encodeURIComponent(items.join(' ')))
    .replace('{fields}', encodeURIComponent(fields));
}

/** Who writes a unit's progress reports: its head when the head belongs to it, else its first active member. */
export function reporterOf(unit: string, units: Map<string, Unit>, people: Map<string, Person>): Person | undefined {
  const head = units.get(unit)?.head;
  const h = head ? people.get(head) : undefined;
  if (h && h.unit === unit && h.active) return h;
  const members = [...people.values()].filter((p) => p.unit === unit && p.active);
  return members.find((p) => p.roles.includes('unit')) ?? members[0];
}

export interface ReportLink {
  unit: string;
  by?: Person;
  dir: string;
  name: string;
  content: string;
  url?: string;
}

export interface StepLink {
  action: string;
  label: string;
  /** Who may take it, in words. */
  who: string;
  roles: readonly Role[];
  /** The Run-workflow form. */
  url?: string;
  /** What to type in the form (where the forge cannot take it from the address). */
  fields: string;
  command: string;
  /** What the form's items field takes: the item, or the document the step is on (HB-…). */
  target: string;
}

export interface ItemLinks {
  reports: ReportLink[];
  steps: StepLink[];
}

const roleText = (roles: readonly Role[]) => roles.map((r) => ROLE_LABELS[r]).join('或');

/**
 * The step catalogue by action, built once: it depends only on the workflow
 * table, and building it (every edge's inputs from the schemas) took ~2 ms —
 * 18 s of a 10,000-item build when it was built again for every item page.
 */
let catalogueByAction: Map<string, ReturnType<typeof stepCatalogue>[number]> | undefined;
const stepsByAction = () => (catalogueByAction ??= new Map(stepCatalogue().map((s) => [s.action, s])));

/** A ledger's staged documents (督查汇报) as plain values, by kind and item: made once per ledger, not once per item page. */
const docValues = new WeakMap<Ledger, Map<DocumentKind, Map<string, Record<string, unknown>[]>>>();

/** Reports waiting for review linked one by one (the newest); the rest share one link. */
const REVIEW_LINKS = 3;

/** `k=v；k2=` for the form, ` --k v --k2 …` for a terminal: values known first, then what is still to fill in. */
function formFields(prefilled: [string, string][], required: string[]): { fields: string; opts: string } {
  const rest = required.filter((k) => !prefilled.some(([p]) => p === k));
  return {
    fields: [...prefilled.map(([k, v]) => `${k}=${v}`), ...rest.map((k) => `${k}=`)].join('；'),
    opts: [...prefilled.map(([k, v]) => ` --${k} ${v}`), ...rest.map((k) => ` --${k} …`)].join(''),
  };
}

/**
 * The next steps of an item as links, for a build on `today`: every edge
 * and amendment open to it, the steps of its 督查汇报 (a new draft, the
 * next step of each draft), and — where a step is taken once per unit or
 * per report — one link each, prefilled: 签收 per unit not yet signed,
 * 审核 per report not yet reviewed.
 */
export function itemLinks(
  config: Config,
  item: Item,
  ctx: { today: string; units: Map<string, Unit>; people: Map<string, Person>; reportNames: readonly string[]; reportTemplateText?: string; ledger?: Ledger },
): ItemLinks {
  const catalogue = stepsByAction();
  const reports: ReportLink[] = [];
  if (amendmentOpen(item, AMENDMENTS.report.when) && nextSteps(item).some((s) => s.action === AMENDMENTS.report.action)) {
    for (const unit of [item.lead_unit, ...item.co_units]) {
      const by = reporterOf(unit, ctx.units, ctx.people);
      const dir = reportsDir(item.id);
      const name = nextReportName(ctx.today, unit, ctx.reportNames);
      const content = reportTemplate(unit, ctx.today, ctx.reportTemplateText, by?.id);
      reports.push({ unit, by, dir, name, content, url: newFileUrl(config, dir, name, content) });
    }
  }
  const steps: StepLink[] = [];
  const push = (action: string, label: string, roles: readonly Role[], target: string, prefilled: [string, string][] = []) => {
    const inputs = catalogue.get(action)?.inputsFor(item.kind) ?? [];
    // and what a document the step issues needs when it is made anew (the 通报's 审阅、批示)
    const issued = DOCUMENTS.filter((d) => d.createFor.includes(item.kind) && inputs.some((i) => i.default === 'document' && i.paths.some((p) => p.join('.') === d.ref.join('.'))));
    const required = [...inputs.filter((i) => i.required), ...issued.flatMap((d) => d.inputs.filter((i) => i.required))].map((i) => i.option);
    const { fields, opts } = formFields(prefilled, required);
    steps.push({ action, label, who: roleText(roles), roles, url: runUrl(config, action, [target], fields), fields, command: `ledger ${action} ${target} --as 你的标识${opts}`, target });
  };
  const seen = new Set<string>();
  // only this item's documents: the domain picks an item's own from whatever list it is given
  // (every 督查汇报 of the ledger for every item page was 25 million comparisons at 10,000 items)
  const docsOf = (kind: DocumentKind): Record<string, unknown>[] => {
    const l = ctx.ledger;
    const spec = STAGED[kind];
    if (!l || !spec) return [];
    let byKind = docValues.get(l);
    if (!byKind) docValues.set(l, (byKind = new Map()));
    let byItem = byKind.get(kind);
    if (!byItem) {
      byItem = new Map();
      for (const r of spec.list(l)) {
        const v = r.value as Record<string, unknown>;
        const id = String(v[spec.itemKey]);
        (byItem.get(id) ?? byItem.set(id, []).get(id)!).push(v);
      }
      byKind.set(kind, byItem);
    }
    return byItem.get(item.id) ?? [];
  };
  for (const s of nextSteps(item)) {
    if (s.action === AMENDMENTS.report.action || seen.has(s.action)) continue;
    // an edge registering a document (汇报) waits until one is settled: its draft's steps come first
    if (ctx.ledger && s.fields.some((f) => {
      const d = stagedByField(f.field);
      return d !== undefined && !settledDocument(d, item, docsOf(d.kind));
    })) continue;
    seen.add(s.action);
    const label = s.label + (s.toLabel ? ` → ${s.toLabel}` : '');
    const a = s.type === 'amendment' ? amendment(s.action) : undefined;
    const entries = a?.field ? ((item as Record<string, unknown>)[a.field] as Record<string, unknown>[] | undefined) : undefined;
    if (a?.ownUnit && Array.isArray(entries)) {
      // once per unit: the units that have not yet (签收)
      const done = new Set(entries.map((e) => e[a.ownUnit!]));
      for (const u of [item.lead_unit, ...item.co_units].filter((x) => !done.has(x))) push(s.action, `${label}（${ctx.units.get(u)?.short ?? ctx.units.get(u)?.name ?? u}）`, s.committer, item.id, [[a.ownUnit.replace(/_/g, '-'), u]]);
      continue;
    }
    if (a?.field === 'referral_receipts' || a?.field === 'referral_outcomes') {
      // once per referral waiting for this answer of the 纪工委
      for (const n of pendingReferrals(item, a.field)) push(s.action, `${label}（第 ${n} 条移送）`, s.committer, item.id, [['referral', String(n)]]);
      continue;
    }
    const reportKey = a?.field ? reportKeyOf(a.field) : undefined;
    if (reportKey && Array.isArray(entries)) {
      // once per report: those not yet judged (审核落实情况)
      const done = new Set(entries.map((e) => e[reportKey]));
      const waiting = [...ctx.reportNames].sort().filter((n) => !done.has(n));
      // the newest few by name; the rest behind one link that asks which
      for (const name of waiting.slice(-REVIEW_LINKS)) push(s.action, `${label}（${name}）`, s.committer, item.id, [[reportKey.replace(/_/g, '-'), name]]);
      if (waiting.length > REVIEW_LINKS) push(s.action, `${label}（其余 ${waiting.length - REVIEW_LINKS} 份）`, s.committer, item.id);
      continue;
    }
    push(s.action, label, s.committer, item.id);
  }
  // the 督查汇报's steps: a new draft for the item, the next step on each draft
  if (ctx.ledger) {
    for (const o of openDocumentSteps(item, docsOf)) {
      push(o.step.action, `${o.step.label}${o.docId ? `（${o.docId}）` : ''}`, o.step.committer, o.docId ?? item.id);
    }
  }
  return { reports, steps };
}

/** The key of an entry naming a report file (`reviews[].report`), from the table of fields that name reports. */
function reportKeyOf(field: string): string | undefined {
  const p = (REPORT_FILE_FIELDS.item as readonly string[]).find((x) => x.startsWith(`${field}[].`));
  return p?.slice(field.length + 3);
}

export interface NewRecordLink {
  kind: NumberedKind;
  label: string;
  id: string;
  url?: string;
  dir: string;
  name: string;
}

/** A template with its `id:` (and, for bulletins, `year:` / `number:`) set to the next free ones. */
function numbered(template: string, id: string, year: string, n: number): string {
  return template
    .replace(/^\uFEFF/, '')
    .replace(/^id:([ \t]*)\S+/m, (_, sp: string) => `id:${sp || ' '}${id}`)
    .replace(/^year:([ \t]*)\S+/m, (_, sp: string) => `year:${sp || ' '}${year}`)
    .replace(/^number:([ \t]*)\S+/m, (_, sp: string) => `number:${sp || ' '}${n}`);
}

/** 新建事项 / 新建通知 / 新建通报: the next free number of the build year, in the web editor with the template. */
export function newRecordLinks(config: Config, taken: readonly string[], templates: Map<string, string>, today: string): NewRecordLink[] {
  const year = today.slice(0, 4);
  const make = (kind: NumberedKind, label: string, template: string | undefined, where: (id: string) => { dir: string; name: string }): NewRecordLink => {
    const [id] = nextIds(kind, year, taken);
    const { dir, name } = where(id!);
    const n = Number(id!.split('-')[2]);
    return { kind, label, id: id!, dir, name, url: template ? newFileUrl(config, dir, name, numbered(template, id!, year, n)) : undefined };
  };
  return [
    make('item', '新建会议督办事项', templates.get('item-meeting.md'), (id) => ({ dir: itemDir(id), name: 'item.md' })),
    make('item', '新建上级督查事项', templates.get('item-superior.md'), (id) => ({ dir: itemDir(id), name: 'item.md' })),
    make('item', '新建专项督查申请', templates.get('item-special.md'), (id) => ({ dir: itemDir(id), name: 'item.md' })),
    make('notice', '新建督办通知', templates.get('notice.md'), (id) => ({ dir: 'records/notices', name: `${id}.md` })),
    make('bulletin', '新建督查通报', templates.get('bulletin.md'), (id) => ({ dir: `records/bulletins/${year}`, name: `${id}.md` })),
    make('plan', '新建专项督查方案', templates.get('plan.md'), (id) => ({ dir: 'records/plans', name: `${id}.md` })),
  ];
}
