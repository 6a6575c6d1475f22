/**
 * A step that creates items (登记, 申请; 分解立项 of a whole meeting from a
 * YAML/CSV list): consecutive ids after every branch, the items written in
 * house style, attachments copied in, and — for a batch of meeting items —
 * the meeting record listing them, all in one commit.
 */
import { resolveInputs } from '../domain/actions/apply.ts';
import { newItemData } from '../domain/actions/apply.ts';
import { edgeOf } from '../domain/actions/catalogue.ts';
import { BATCH_DOCUMENTS } from '../domain/actions/documents.ts';
import { item as itemSchema, type Item } from '../domain/schemas/item.ts';
import type { Person } from '../domain/schemas/people.ts';
import { KIND_LABELS, type ItemKind } from '../domain/workflow.ts';
import { itemPath } from '../format/layout.ts';
import { checkApplication } from '../domain/volume.ts';
import { progressBar } from './progress.ts';
import { readWholeLedger } from './whole-ledger.ts';
import type { Change, FileChange } from '../io/write/commit.ts';
import type { Opened } from './context.ts';
import { UsageError } from './errors.ts';
import { attachFiles } from './step-attachments.ts';
import { batchDocument } from './step-issued.ts';
import { S } from './step-messages.ts';
import { check, nextFree, recordText } from './step-support.ts';
import type { StepRequest } from './take-step.ts';

function kindOf(req: StepRequest): ItemKind {
  const step = req.step;
  const all = step.kinds.map((k) => `${k}（${KIND_LABELS[k]}）`).join('、');
  if (req.kind === undefined) {
    if (step.kinds.length === 1) return step.kinds[0]!;
    throw new UsageError(S.noKind(all));
  }
  if (!step.kinds.includes(req.kind as ItemKind)) throw new UsageError(S.badKind(req.kind, all));
  return req.kind as ItemKind;
}

/** Inputs naming attachments (files from the clerk's computer are copied in). */
export const attachmentOptions = (inputs: { option: string; paths: string[][] }[]) => inputs.filter((i) => i.paths.some((p) => p.at(-1) === 'attachments')).map((i) => i.option);

/** Copy the local files among an item's attachment values into its folder; the values become the names. */
export async function resolveAttachments(top: string, itemId: string, options: string[], values: Record<string, unknown>, files: FileChange[], lines: string[]) {
  for (const o of options) {
    const v = values[o];
    if (!Array.isArray(v) || !v.length) continue;
    const a = await attachFiles(top, itemId, v as string[]);
    values[o] = a.names;
    files.push(...a.files);
    lines.push(...a.lines);
  }
}

/**
 * 中办发〔2018〕56号: the year's quota, the per-unit limit and open
 * applications covering the same units at the same time — warned, with a
 * merge suggested (可合并进行的一律合并进行), never refused.
 */
async function volumeLines(top: string, created: Item[]): Promise<string[]> {
  const { ledger } = await readWholeLedger(top, progressBar(true), { writeCache: false });
  const quota = ledger.config?.value.quota;
  if (!quota) return [];
  const unitName = (id: string) => ledger.units.find((u) => u.value.id === id)?.value.short ?? ledger.units.find((u) => u.value.id === id)?.value.name ?? id;
  const out: string[] = [];
  for (const it of created) {
    const app = it.application;
    if (!app) continue;
    const r = checkApplication(ledger, { date: app.date, units: app.targets, from: app.from, to: app.to }, quota, unitName);
    out.push(...r.warnings.map((w) => `${S.volumeWarning}${w.message}`));
    if (r.mergeWith.length) out.push(S.volumeMerge(it.id, r.mergeWith));
  }
  return out;
}

export async function buildCreate(req: StepRequest, top: string, opened: Opened, actor: Person): Promise<Omit<Change, 'author'> & { lines: string[] }> {
  const kind = kindOf(req);
  const edge = edgeOf(kind, req.step.action, null)!;
  const inputs = req.step.inputsFor(kind);
  const rows = req.rows ?? [{}];
  if (!rows.length) throw new UsageError(S.rowsEmpty);
  const values = rows.map((row, n) => check(resolveInputs(inputs, { ...req.raw, ...row }, { today: req.today, actor }), req.rows ? n + 1 : undefined));
  const byYear = new Map<string, number[]>();
  values.forEach((v, n) => {
    const year = String(v.date ?? req.today).slice(0, 4);
    byYear.set(year, [...(byYear.get(year) ?? []), n]);
  });
  const ids: string[] = [];
  for (const [year, ns] of byYear) (await nextFree(top, 'item', `records/items/${year}`, year, ns.length)).ids.forEach((id, k) => (ids[ns[k]!] = id));
  const date = String(values[0]!.date ?? req.today);

  // the meeting record of a batch 分解立项 (or the one the items join): its id goes into each item first
  const spec = BATCH_DOCUMENTS.find((d) => d.action === req.step.action && d.createFor.includes(kind));
  const doc = spec ? await batchDocument(top, opened, spec, values, req.raw, ids, actor, date, req.rows !== undefined) : undefined;

  const files: FileChange[] = [];
  const lines: string[] = [];
  const created: Item[] = [];
  const attach = attachmentOptions(inputs);
  for (const [n, v] of values.entries()) {
    await resolveAttachments(top, ids[n]!, attach, v, files, lines);
    const data = newItemData(kind, edge, ids[n]!, inputs, v);
    // with the schema's defaults (co_units, visibility) for what is built from them; the check judges the file
    const parsed = itemSchema.safeParse(data);
    created.push(parsed.success ? parsed.data : (data as unknown as Item));
    files.push({ path: itemPath(ids[n]!), text: recordText(data) });
  }
  if (doc?.file) files.push(doc.file(created));
  if (kind === 'special' && edge.action === 'apply') lines.push(...(await volumeLines(top, created)));
  if (doc) lines.push(`${spec!.label} ${doc.id}${doc.joined ? '（增列事项）' : ''}`);
  const message =
    created.length === 1
      ? S.messages.create(ids[0]!, edge.label, created[0]!.title)
      : `${S.messages.batch(edge.label, created[0]!.source.name, created.length)}\n\n${[...(doc ? [`${spec!.label} ${doc.id}`] : []), ...created.map((c) => `${c.id} ${c.title}`)].join('\n')}`;
  return { files, message, lines };
}
