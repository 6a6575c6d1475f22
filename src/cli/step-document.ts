/**
 * A step of a document that lands step by step (the 督查汇报: draft,
 * review, instruction, revision — `DOCUMENTS.summary.steps`): the first
 * step takes an item and creates the document (numbered after every
 * branch, compiled from the item's reports unless a body is given); each
 * later step takes the document's id, or the item's id for the document
 * open to that step, and writes its field (and, with a body, the text).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { resolveInputs } from '../domain/actions/apply.ts';
import { documentStepOps, newDocumentData, openDocumentSteps, type DraftReport } from '../domain/actions/document-steps.ts';
import type { Item } from '../domain/schemas/item.ts';
import type { Person } from '../domain/schemas/people.ts';
import { KIND_LABELS } from '../domain/workflow.ts';
import { editRecordText, replaceBody } from '../format/edit-record.ts';
import { recordPath, reportsDir } from '../format/layout.ts';
import { loadLedger } from '../format/load-ledger.ts';
import { readRecordFiles } from '../io/read-records.ts';
import type { Change, FileChange } from '../io/write/commit.ts';
import { itemOf, type Opened } from './context.ts';
import { Refusal, UsageError } from './errors.ts';
import { attachmentOptions, resolveAttachments } from './step-create.ts';
import { S } from './step-messages.ts';
import { check, loadFolder, namer, nextFree, optionList, readText, recordText } from './step-support.ts';
import type { StepRequest } from './take-step.ts';

/** The item's reports as a first draft compiles them (with whether the office sent each back). */
function reportsOf(top: string, item: Item): DraftReport[] {
  const dir = reportsDir(item.id);
  let names: string[];
  try {
    names = readdirSync(join(top, dir)).filter((n) => n.endsWith('.md'));
  } catch {
    return [];
  }
  const returned = new Set(item.reviews.filter((r) => r.result === 'returned').map((r) => r.report));
  return loadLedger(readRecordFiles(top, names.map((n) => `${dir}/${n}`))).ledger.reports.map((r) => ({ name: r.name, value: r.value, returned: returned.has(r.name) }));
}

export async function buildDocumentStep(req: StepRequest, top: string, opened: Opened, actor: Person): Promise<Omit<Change, 'author'> & { lines: string[] }> {
  const { doc, index } = req.step.document!;
  const step = doc.steps[index]!;
  if (req.ids.length !== 1) throw new UsageError(S.oneDocument(doc.label));
  const arg = req.ids[0]!;
  const inputs = req.step.inputs;
  const folder = recordPath(doc.kind, arg)!.replace(/\/[^/]*$/, '');
  const files: FileChange[] = [];
  const lines: string[] = [];
  const attach = attachmentOptions(inputs);

  if (index === 0) {
    const item = itemOf(opened, arg).value;
    if (!req.step.kinds.includes(item.kind)) throw new Refusal(S.documentNotFor(doc.label, item.id, req.step.kinds.map((k) => KIND_LABELS[k]).join('、')));
    const values = check(resolveInputs(inputs, req.raw, { today: req.today, actor, item }));
    const date = String(values.date ?? req.today);
    const draft = doc.staged.draft({ item, date, reports: reportsOf(top, item), unitName: namer(opened).unitName, office: opened.ledger.config?.value.office ?? '考核督查办' }, values);
    for (const [k, v] of Object.entries(draft.values)) values[k] ??= v;
    const missing = inputs.filter((i) => i.default === 'derived' && values[i.option] === undefined);
    if (missing.length) throw new UsageError(S.missing(optionList(missing)));
    await resolveAttachments(top, item.id, attach, values, files, lines);
    const id = (await nextFree(top, doc.staged.numbered, folder, date.slice(0, 4))).ids[0]!;
    const data = newDocumentData(doc, id, item.id, inputs, values);
    files.push({ path: recordPath(doc.kind, id)!, text: recordText(data, req.body ?? draft.body) });
    return { files, message: S.messages.documentStep(id, step.label, String(data.title), item.id), lines };
  }

  // a later step: on the document named, or the one of the item open to this step
  const all = loadFolder(top, folder, doc.staged.list);
  let rec = all.find((r) => (r.value as { id?: string }).id === arg);
  if (!rec) {
    const item = itemOf(opened, arg).value;
    const open = openDocumentSteps(item, () => all.map((r) => r.value as Record<string, unknown>));
    const id = open.find((o) => o.doc.kind === doc.kind && o.index === index)?.docId;
    rec = all.find((r) => (r.value as { id?: string }).id === id);
    if (!rec) throw new Refusal(S.noOpenDocument(step.label, item.id, open.map((o) => `${o.step.action}${o.docId ? ` ${o.docId}` : ''}（${o.step.label}）`).join('、')));
  }
  const value = rec.value as { id: string; title: string } & Record<string, unknown>;
  const itemId = String(value[doc.staged.itemKey]);
  const values = check(resolveInputs(inputs, req.raw, { today: req.today, actor }));
  await resolveAttachments(top, itemId, attach, values, files, lines);
  const order = Object.keys(doc.staged.schema.shape);
  let text = editRecordText(readText(top, rec.file), documentStepOps(doc, index, inputs, values), order);
  if (req.body !== undefined) text = replaceBody(text, req.body);
  files.push({ path: rec.file, text });
  return { files, message: S.messages.documentStep(value.id, step.label, value.title, itemId), lines };
}
