/**
 * Links that do the right thing: on an item page, one per legal next step,
 * grouped by who takes it — the units' new-report editors prefilled with
 * the unit's own reporter, the build day and the next free file name; every
 * other step the forge's "Run workflow" form (inputs filled where the forge
 * takes them from the address: GitLab) and the `ledger` command for a
 * terminal; and 新建事项 / 新建通知 / 新建通报 with the next free number.
 */
import { amendmentOpen, nextSteps } from '../../domain/next-steps.ts';
import { stepCatalogue } from '../../domain/actions/catalogue.ts';
import { nextIds, nextReportName, type NumberedKind } from '../../domain/actions/numbering.ts';
import type { Config } from '../../domain/schemas/config.ts';
import type { Item } from '../../domain/schemas/item.ts';
import type { Person, Role } from '../../domain/schemas/people.ts';
import { ROLE_LABELS } from '../../domain/schemas/people.ts';
import type { Unit } from '../../domain/schemas/units.ts';
import { AMENDMENTS } from '../../domain/workflow.ts';
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
const catalogue = () => (catalogueByAction ??= new Map(stepCatalogue().map((s) => [s.action, s])));

/** The next steps of an item as links, for a build on `today`. */
export function itemLinks(
  config: Config,
  item: Item,
  ctx: { today: string; units: Map<string, Unit>; people: Map<string, Person>; reportNames: readonly string[]; reportTemplateText?: string },
): ItemLinks {
  const byAction = catalogue();
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
  const seen = new Set<string>();
  for (const s of nextSteps(item)) {
    if (s.action === AMENDMENTS.report.action || seen.has(s.action)) continue;
    seen.add(s.action);
    const def = byAction.get(s.action);
    const required = (def?.inputsFor(item.kind) ?? []).filter((i) => i.required).map((i) => i.option);
    const fields = required.map((k) => `${k}=`).join('；');
    const opts = required.map((k) => ` --${k} …`).join('');
    steps.push({
      action: s.action,
      label: s.label + (s.toLabel ? ` → ${s.toLabel}` : ''),
      who: roleText(s.committer),
      roles: s.committer,
      url: runUrl(config, s.action, [item.id], fields),
      fields,
      command: `ledger ${s.action} ${item.id} --as 你的标识${opts}`,
    });
  }
  return { reports, steps };
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
