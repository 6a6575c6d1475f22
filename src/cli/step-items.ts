/**
 * A step on existing items: an edge (a state move, with the documents it
 * issues) or an amendment (an entry appended, an object set, the content
 * edited, a progress report filed). Values may differ per item (the 催办 of
 * each listed item); attachments given as local files are copied in. An
 * amendment whose condition in the table does not hold (签收 before 交办,
 * the 纪工委's receipt before any referral) is refused before anything is
 * written; everything else is judged by the range check.
 */
import { amendmentOps, edgeOps, ITEM_KEYS, objectAt, resolveInputs } from '../domain/actions/apply.ts';
import { edgeOf } from '../domain/actions/catalogue.ts';
import { settledDocument, stagedDocuments } from '../domain/actions/document-steps.ts';
import { amendmentFields, edgeFields } from '../domain/actions/inputs.ts';
import { nextReportName } from '../domain/actions/numbering.ts';
import { issue } from '../domain/issues.ts';
import type { Located } from '../domain/ledger.ts';
import { amendmentOpen, nextSteps } from '../domain/next-steps.ts';
import type { Item } from '../domain/schemas/item.ts';
import type { Person } from '../domain/schemas/people.ts';
import { isFrozen, isTerminal, KIND_LABELS, nextStepsText, STATE_LABELS } from '../domain/workflow.ts';
import { editRecordText } from '../format/edit-record.ts';
import { recordPath, reportPath, reportsDir } from '../format/layout.ts';
import type { Change, FileChange } from '../io/write/commit.ts';
import { namesOnBranches } from '../io/write/names-on-refs.ts';
import { itemOf, type Opened } from './context.ts';
import { Refusal, UsageError } from './errors.ts';
import { attachmentOptions, resolveAttachments } from './step-create.ts';
import { issueDocuments } from './step-issued.ts';
import { S } from './step-messages.ts';
import { check, loadFolder, namer, optionList, readText, recordText } from './step-support.ts';
import type { StepRequest } from './take-step.ts';

/** What may be done next to an item, in words (for refusals). */
const nextText = (item: Item) =>
  nextSteps(item)
    .map((s) => `${s.action}（${s.label}${s.toLabel ? ` → ${s.toLabel}` : ''}）`)
    .join('、') || '（没有）';

/** The item's latest settled document an edge registers by default (the instructed 督查汇报 of `summarise`). */
function itemDocumentOf(top: string, req: StepRequest, item: Item): string | undefined {
  const inputs = req.step.inputsFor(item.kind).filter((i) => i.default === 'item-document' && req.raw[i.option] === undefined);
  for (const i of inputs) {
    const d = stagedDocuments().find((x) => x.staged.ref.join('.') === i.paths[0]!.join('.'));
    if (!d) continue;
    const folder = recordPath(d.kind, 'X')!.replace(/\/[^/]*$/, '');
    return settledDocument(d, item, loadFolder(top, folder, d.staged.list).map((r) => r.value as Record<string, unknown>));
  }
  return undefined;
}

/** The message of a step on items: one item by its title, a few by their ids, many counted with a list below. */
function message(ids: string[], head: (idsText: string, title?: string) => string, recs: Located<Item>[], label: string, date: string, extra: string[]): string {
  const many = ids.length > 3;
  const subject = many ? S.messages.many(label, ids.length, date) : head(ids.join('、'), recs.length === 1 ? recs[0]!.value.title : undefined);
  const body = [...(many ? recs.map((r) => `${r.value.id} ${r.value.title}`) : []), ...extra];
  return body.length ? `${subject}\n\n${body.join('\n')}` : subject;
}

export async function buildOnItems(req: StepRequest, top: string, opened: Opened, actor: Person): Promise<Omit<Change, 'author'> & { lines: string[] }> {
  if (!req.ids.length) throw new UsageError(S.noItems);
  const step = req.step;
  const recs: Located<Item>[] = req.ids.map((id) => itemOf(opened, id));
  const kind = recs[0]!.value.kind;
  // an edge moves items of one workflow; an amendment is the same on every kind
  if (step.type === 'edge' && recs.some((r) => r.value.kind !== kind)) throw new UsageError(S.mixedKinds);
  const first = recs[0]!.value;
  const inputs = step.inputsFor(kind);
  const files: FileChange[] = [];
  const lines: string[] = [];
  const attach = attachmentOptions(inputs);
  const rawOf = (id: string) => ({ ...req.raw, ...req.perItem?.get(id) });
  const date = (v: Record<string, unknown>) => String(v.date ?? req.today);

  if (step.type === 'edge') {
    if (!step.kinds.includes(kind)) throw new Refusal(S.notInWorkflow(step.action, KIND_LABELS[kind], nextStepsText(kind, first.state)));
    // a step no edge of the table allows from where an item stands: the transition rules' own issue, before any option is asked for
    const stuck = recs.filter((r) => !edgeOf(kind, step.action, r.value.state));
    if (stuck.length) {
      const target = STATE_LABELS[edgeOf(kind, step.action)!.to];
      const to = `${edgeOf(kind, step.action)!.to}（${target}）`;
      throw new Refusal(
        S.refusedByRules,
        stuck.map((r) => issue('illegal-transition', { file: r.file, line: r.lineOf(['state']) }, { from: `${r.value.state}（${STATE_LABELS[r.value.state]}）`, to, next: nextStepsText(kind, r.value.state) })),
      );
    }
    const values = check(resolveInputs(inputs, req.raw, { today: req.today, actor, item: first, itemDocument: itemDocumentOf(top, req, first) }));
    const docs = await issueDocuments(top, opened, kind, inputs, values, req.raw, recs.map((r) => r.value), actor, req.today);
    let to = '';
    for (const rec of recs) {
      const edge = edgeOf(kind, step.action, rec.value.state)!;
      to = STATE_LABELS[edge.to];
      const v = { ...values };
      await resolveAttachments(top, rec.value.id, attach, v, files, lines);
      files.push({ path: rec.file, text: editRecordText(readText(top, rec.file), edgeOps(kind, edge, edgeFields(kind, edge), inputs, v), ITEM_KEYS) });
    }
    files.push(...docs.files);
    return { files, message: message(req.ids, (ids, title) => S.messages.step(ids, step.label, to, title), recs, step.label, date(values), docs.lines), lines: [...lines, ...docs.lines] };
  }

  const a = step.amendment!;
  for (const rec of recs) {
    const it = rec.value;
    const ended = isTerminal(it.kind, it.state) || isFrozen(it.kind, it.state);
    if ((ended && !a.afterEnd) || !amendmentOpen(it, a.when)) throw new Refusal(S.notOpen(a.label, ended && !a.afterEnd ? S.ended : S.when[a.when]!, it.id, nextText(it)));
  }
  if (a.change === 'file') {
    let values: Record<string, unknown> = {};
    for (const rec of recs) {
      values = check(resolveInputs(inputs, rawOf(rec.value.id), { today: req.today, actor, item: rec.value }));
      const unit = String(values.unit);
      const folder = reportsDir(rec.value.id);
      const seen = (await namesOnBranches(top, [folder])).get(folder)!;
      const name = nextReportName(String(values.date), unit, seen);
      await resolveAttachments(top, rec.value.id, attach, values, files, lines);
      files.push({ path: reportPath(rec.value.id, name), text: recordText(objectAt(inputs, values, []) ?? {}) });
    }
    const unitName = namer(opened).unitName(String(values.unit));
    return { files, message: S.messages.report(req.ids.join('、'), unitName, String(values.date)), lines };
  }
  let last: Record<string, unknown> = {};
  for (const rec of recs) {
    const values = check(resolveInputs(inputs, rawOf(rec.value.id), { today: req.today, actor, item: rec.value }));
    last = values;
    const ops = amendmentOps(a, amendmentFields(a), inputs, values);
    if (!ops.length) throw new UsageError(S.missing(optionList(inputs)));
    files.push({ path: rec.file, text: editRecordText(readText(top, rec.file), ops, ITEM_KEYS) });
  }
  return { files, message: message(req.ids, (ids, title) => S.messages.amend(ids, a.label, title), recs, a.label, date(last), []), lines };
}
