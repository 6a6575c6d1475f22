/**
 * The steps of a document that lands step by step — the 督查汇报's review
 * chain, `DOCUMENTS[kind].steps` in the workflow table — as steps staff
 * take: one per step, its inputs read from the document's zod shape (the
 * first step also creates the document, with its own fields), the edits it
 * makes, and which steps are open on a document or for an item. A document
 * kind the table gives steps gets its commands, forms and links with no new
 * code in any face; `STAGED` says where its schema and numbers are and how
 * a first draft is compiled.
 */
import type { z } from 'zod';
import type { Ledger, Located } from '../ledger.ts';
import type { Item } from '../schemas/item.ts';
import type { Report } from '../schemas/report.ts';
import { summaryDoc } from '../schemas/summary.ts';
import { ATTACHMENT_FIELDS } from '../rules/files.ts';
import { DOCUMENTS, ITEM_KINDS, WORKFLOWS, fieldsWritten, type DocumentKind, type DocumentStep, type ItemKind, type StepField } from '../workflow.ts';
import type { Op } from './apply.ts';
import { objectAt } from './apply.ts';
import { describeSchema, inputsOfShape, withDefaults, type StepInput } from './inputs.ts';
import type { NumberedKind } from './numbering.ts';

/** A document's report files as a first draft compiles them. */
export interface DraftReport {
  name: string;
  value: Report;
  /** The office sent it back (a review `returned`). */
  returned: boolean;
}

export interface DraftContext {
  item: Item;
  date: string;
  reports: DraftReport[];
  unitName: (id: string) => string;
  office: string;
}

export interface StagedSpec {
  schema: z.ZodObject;
  /** The ledger's list of these documents. */
  list: (l: Ledger) => Located<unknown>[];
  numbered: NumberedKind;
  /** The document's field naming the item it is for. */
  itemKey: string;
  /** The item field naming the document, and its key (`summary.document`). */
  ref: [StepField, string];
  /** Values a first draft takes when not given (title, addressee, materials) and its body. */
  draft(ctx: DraftContext, given: Record<string, unknown>): { values: Record<string, unknown>; body: string };
}

const cnDate = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** A 督查汇报 compiled from the units' reports: one paragraph per report, in the order they came in. */
function draftSummary(ctx: DraftContext, given: Record<string, unknown>): { values: Record<string, unknown>; body: string } {
  const it = ctx.item;
  const usable = ctx.reports.filter((r) => !r.returned && r.value.date <= ctx.date).sort((a, b) => a.value.date.localeCompare(b.value.date) || a.name.localeCompare(b.name));
  const names = Array.isArray(given.materials) ? (given.materials as string[]) : usable.map((r) => r.name);
  const used = names.map((n) => ctx.reports.find((r) => r.name === n)).filter((r): r is DraftReport => r !== undefined);
  const title = typeof given.title === 'string' ? given.title : `关于“${it.title}”落实情况的汇报`;
  const to = typeof given.to === 'string' ? given.to : it.source.issuer;
  const body = [
    `# ${title}`,
    '',
    `${to ?? '（主送机关）'}：`,
    '',
    `按照${it.source.name}${it.source.doc_no ? `（${it.source.doc_no}）` : ''}要求，街道高度重视，主要领导批示后即交办有关部门落实。现将落实情况汇报如下。`,
    '',
    '## 一、落实情况',
    '',
    ...(used.length
      ? used.flatMap((r, n) => [`${n + 1}. ${ctx.unitName(r.value.unit)}（${r.value.date}）：${r.value.progress}${r.value.problems ? `存在问题：${r.value.problems}` : ''}${r.value.next ? `下步打算：${r.value.next}` : ''}`])
      : ['（尚无落实情况）']),
    '',
    '## 二、下步工作',
    '',
    '（按主要领导批示意见补充。）',
    '',
    `${ctx.office}　　${cnDate(ctx.date)}`,
    '',
  ].join('\n');
  const values: Record<string, unknown> = { title, materials: names };
  if (to) values.to = to;
  return { values, body };
}

export const STAGED: Partial<Record<DocumentKind, StagedSpec>> = {
  summary: { schema: summaryDoc as unknown as z.ZodObject, list: (l) => l.summaries, numbered: 'summary', itemKey: 'item', ref: ['summary', 'document'], draft: draftSummary },
};

export interface StagedDocument {
  kind: DocumentKind;
  label: string;
  steps: DocumentStep[];
  bodyUntil?: string;
  staged: StagedSpec;
}

/** Every document of the table that lands step by step (and has its schema here). */
export function stagedDocuments(): StagedDocument[] {
  return (Object.keys(DOCUMENTS) as DocumentKind[]).flatMap((kind) => {
    const spec = DOCUMENTS[kind];
    const staged = STAGED[kind];
    return spec.steps && staged ? [{ kind, label: spec.label, steps: spec.steps, bodyUntil: spec.bodyUntil, staged }] : [];
  });
}

type AnyShape = Parameters<typeof inputsOfShape>[1];
const shapeOf = (d: StagedDocument) => d.staged.schema.shape as unknown as AnyShape;

/** The document's fields naming attachments (appended to by any step). */
const attachmentKeys = (d: StagedDocument) => ((ATTACHMENT_FIELDS as Record<string, readonly string[]>)[d.kind] ?? []).filter((p) => !p.includes('.')).map((p) => p.replace(/\[\]$/, ''));

/**
 * Inputs of step `index` of a document: the keys of the object it writes
 * (date today, by the acting person); the first step also the document's
 * own fields (title, addressee, materials: derived when not given); every
 * step the document's attachments.
 */
export function documentStepInputs(d: StagedDocument, index: number): StepInput[] {
  const step = d.steps[index]!;
  const shape = shapeOf(d);
  const obj = describeSchema(shape[step.field] as Parameters<typeof describeSchema>[0]).inner as unknown as z.ZodObject;
  const own = withDefaults(inputsOfShape(d.kind as 'summary', obj.shape as unknown as AnyShape, [step.field], step.field, '', false));
  const stepFields = new Set(d.steps.map((s) => s.field));
  const attach = attachmentKeys(d);
  const docKeys = Object.keys(shape).filter((k) => k !== 'id' && k !== d.staged.itemKey && !stepFields.has(k) && (index === 0 || attach.includes(k)));
  // a first draft derives what is not given (title, addressee, materials)
  const docInputs = inputsOfShape(d.kind as 'summary', Object.fromEntries(docKeys.map((k) => [k, shape[k]!])) as AnyShape, [], '', '', false).map((i) =>
    index === 0 && i.required ? { ...i, required: false, default: 'derived' as const } : i,
  );
  return [...own, ...docInputs];
}

/** Item kinds a document is for: those whose workflow has an edge writing the item field that names it. */
export function documentItemKinds(d: StagedDocument): ItemKind[] {
  return ITEM_KINDS.filter((k) => WORKFLOWS[k].edges.some((e) => fieldsWritten(k, e).includes(d.staged.ref[0])));
}

const has = (doc: Record<string, unknown>, field: string) => doc[field] !== undefined && doc[field] !== null;

/** A new document: its id, item and first step, keys in the order of its schema. */
export function newDocumentData(d: StagedDocument, id: string, itemId: string, inputs: StepInput[], values: Record<string, unknown>): Record<string, unknown> {
  const all: Record<string, unknown> = { ...(objectAt(inputs, values, []) ?? {}), id, [d.staged.itemKey]: itemId };
  return Object.fromEntries(Object.keys(shapeOf(d)).filter((k) => all[k] !== undefined).map((k) => [k, all[k]]));
}

/** The edits step `index` makes to an existing document: its field written, attachments appended. */
export function documentStepOps(d: StagedDocument, index: number, inputs: StepInput[], values: Record<string, unknown>): Op[] {
  const step = d.steps[index]!;
  const ops: Op[] = [];
  const obj = objectAt(inputs, values, [step.field]);
  if (obj) ops.push({ op: 'set', path: [step.field], value: obj });
  for (const k of attachmentKeys(d)) {
    const v = values[k];
    if (Array.isArray(v)) for (const name of v) ops.push({ op: 'append', path: [k], value: name });
  }
  return ops;
}

/** The step after which the document belongs to the item that names it (the instruction, for the 督查汇报). */
function settledAt(d: StagedDocument): number {
  const i = d.bodyUntil ? d.steps.findIndex((s) => s.field === d.bodyUntil) : -1;
  return i >= 0 ? i : d.steps.length - 1;
}

export interface OpenDocumentStep {
  doc: StagedDocument;
  index: number;
  step: DocumentStep;
  /** The document the step is taken on (none: the first step creates one). */
  docId?: string;
}

const dateOf = (doc: Record<string, unknown>, field: string) => (doc[field] as { date?: string } | undefined)?.date;

/**
 * A settled document the item has since been sent back with: an item
 * returned on or after the day its document was settled (instructed) needs
 * a new one.
 */
function stale(d: StagedDocument, item: Item, doc: Record<string, unknown>): boolean {
  const settled = dateOf(doc, d.steps[settledAt(d)]!.field);
  const back = item.returns.at(-1)?.date;
  return settled !== undefined && back !== undefined && back >= settled;
}

/** The item's documents of a kind, oldest first. */
const docsOfItem = (d: StagedDocument, itemId: string, docs: Record<string, unknown>[]) => docs.filter((x) => x[d.staged.itemKey] === itemId).sort((a, b) => String(a.id).localeCompare(String(b.id)));

/**
 * The item's newest settled document not sent back since: the one an edge
 * registers by default (the instructed 督查汇报 of `summarise`).
 */
export function settledDocument(d: StagedDocument, item: Item, docs: Record<string, unknown>[]): string | undefined {
  const settle = d.steps[settledAt(d)]!.field;
  return docsOfItem(d, item.id, docs)
    .filter((x) => has(x, settle) && !stale(d, item, x))
    .map((x) => String(x.id))
    .at(-1);
}

/**
 * The document steps open for an item: a new draft while an edge leaving
 * its state needs the document and none is under way (nor settled and not
 * yet sent back); on each draft its next step up to the one that settles
 * it (the instruction); after that, only on the document the item names
 * (the revision of the 汇报 it registered).
 */
export function openDocumentSteps(item: Item, docsOf: (kind: DocumentKind) => Record<string, unknown>[]): OpenDocumentStep[] {
  const out: OpenDocumentStep[] = [];
  for (const d of stagedDocuments()) {
    if (!documentItemKinds(d).includes(item.kind)) continue;
    const docs = docsOfItem(d, item.id, docsOf(d.kind));
    const settle = settledAt(d);
    const named = (item as Record<string, unknown>)[d.staged.ref[0]] as Record<string, unknown> | undefined;
    const needed = documentNeeded(d, item);
    const underWay = docs.some((x) => !has(x, d.steps[settle]!.field));
    if (needed && !underWay && !settledDocument(d, item, docs)) out.push({ doc: d, index: 0, step: d.steps[0]! });
    for (const x of docs) {
      const next = d.steps.findIndex((s) => !has(x, s.field));
      if (next <= 0) continue;
      if (next > settle && named?.[d.staged.ref[1]] !== x.id) continue;
      out.push({ doc: d, index: next, step: d.steps[next]!, docId: String(x.id) });
    }
  }
  return out;
}

/** Whether an edge leaving the item's state registers a document of this kind (`summarise` from 办理中). */
export function documentNeeded(d: StagedDocument, item: Item): boolean {
  return WORKFLOWS[item.kind].edges.some((e) => e.from === item.state && fieldsWritten(item.kind, e).includes(d.staged.ref[0]));
}

/** The staged document an item field names (`summary` → the 督查汇报), if any. */
export const stagedByField = (field: string) => stagedDocuments().find((d) => d.staged.ref[0] === field);

/** The staged document of an action (`review-summary` → the 督查汇报, step 1). */
export function documentOfAction(action: string): { doc: StagedDocument; index: number } | undefined {
  for (const doc of stagedDocuments()) {
    const index = doc.steps.findIndex((s) => s.action === action);
    if (index >= 0) return { doc, index };
  }
  return undefined;
}
