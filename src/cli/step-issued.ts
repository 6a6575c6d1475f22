/**
 * The documents a step issues with it (`domain/actions/documents.ts`): the
 * 《督办通知》 assigning meeting items, the 方案 filing a special inspection,
 * the 通报 bulletining items — each numbered after every branch, its 文号
 * following the last one of its kind — and the meeting record a batch
 * 分解立项 writes (or joins).
 */
import { resolveInputs } from '../domain/actions/apply.ts';
import { DOCUMENTS, type BatchDocumentSpec, type DocumentSpec } from '../domain/actions/documents.ts';
import type { StepInput } from '../domain/actions/inputs.ts';
import { lastNumber, nextDocNo, numberOf } from '../domain/actions/numbering.ts';
import type { Item } from '../domain/schemas/item.ts';
import type { Person } from '../domain/schemas/people.ts';
import type { ItemKind } from '../domain/workflow.ts';
import { editRecordText } from '../format/edit-record.ts';
import { bulletinPath, meetingPath, noticePath, planPath } from '../format/layout.ts';
import { loadLedger } from '../format/load-ledger.ts';
import { readRecordFiles } from '../io/read-records.ts';
import type { FileChange } from '../io/write/commit.ts';
import type { Opened } from './context.ts';
import { Refusal } from './errors.ts';
import { S } from './step-messages.ts';
import { check, namer, nextFree, readText, recordText } from './step-support.ts';

const DOC_FOLDER: Record<DocumentSpec['kind'] | 'meeting', (year: string) => string> = {
  notice: () => 'records/notices',
  plan: () => 'records/plans',
  bulletin: (year) => `records/bulletins/${year}`,
  meeting: () => 'records/meetings',
};
const DOC_PATH: Record<DocumentSpec['kind'] | 'meeting', (id: string, year: string) => string> = {
  notice: (id) => noticePath(id),
  plan: (id) => planPath(id),
  bulletin: (id, year) => bulletinPath(id, year),
  meeting: (id) => meetingPath(id),
};

export interface Issued {
  files: FileChange[];
  lines: string[];
}

/** The documents a step on items issues (a notice for meeting items assigned, …); sets the step's value naming each. */
export async function issueDocuments(
  top: string,
  opened: Opened,
  kind: ItemKind,
  inputs: StepInput[],
  values: Record<string, unknown>,
  raw: Record<string, unknown>,
  items: Item[],
  actor: Person,
  today: string,
): Promise<Issued> {
  const files: FileChange[] = [];
  const lines: string[] = [];
  for (const input of inputs) {
    if (input.default !== 'document' || values[input.option] !== undefined) continue;
    const spec = DOCUMENTS.find((d) => input.paths.some((p) => p.join('.') === d.ref.join('.')));
    if (!spec || !spec.createFor.includes(kind)) continue;
    const docValues = check(resolveInputs(spec.inputs, raw, { today, actor }));
    const date = String(values.date ?? today);
    const year = date.slice(0, 4);
    const { ids, seen } = await nextFree(top, spec.kind, DOC_FOLDER[spec.kind](year), year);
    const id = ids[0]!;
    const last = lastNumber(spec.kind, year, seen);
    let lastDocNo: string | undefined;
    if (last) {
      const lastId = seen.find((s) => numberOf(spec.kind, s) === last && s.includes(`-${year}-`));
      const prev = lastId ? loadLedger(readRecordFiles(top, [DOC_PATH[spec.kind](lastId, year)])).ledger : undefined;
      lastDocNo = (prev?.notices[0]?.value.doc_no ?? undefined) as string | undefined;
    }
    const n = numberOf(spec.kind, id);
    const built = spec.build({
      id,
      year,
      number: n,
      docNo: nextDocNo(lastDocNo, year, n, spec.docNoFallback?.(opened.ledger.config?.value) ?? `〔${year}〕${n}号`),
      date,
      actor,
      items,
      values: docValues,
      config: opened.ledger.config?.value,
      ...namer(opened),
    });
    values[input.option] = id;
    files.push({ path: DOC_PATH[spec.kind](id, year), text: recordText(built.data, built.body) });
    lines.push(S.messages.document(spec.label, id, String(built.data.title)));
  }
  return { files, lines };
}

/**
 * The record a batch of new items is written with: a new meeting record
 * for a batch 分解立项, numbered after every branch; or, when the items name
 * an existing one (`--source-meeting HY-…`), that record with the new ids
 * added to its list. Call before the items are built: it sets the value
 * each item names the record by.
 */
export async function batchDocument(
  top: string,
  opened: Opened,
  spec: BatchDocumentSpec,
  values: Record<string, unknown>[],
  raw: Record<string, unknown>,
  ids: string[],
  actor: Person,
  date: string,
  batch: boolean,
): Promise<{ id: string; file?: (items: Item[]) => FileChange; joined: boolean } | undefined> {
  const option = spec.ref.join('-').replace(/_/g, '-');
  const named = [...new Set(values.map((v) => v[option]).filter((v): v is string => typeof v === 'string'))];
  if (named.length > 1) throw new Refusal(`一次登记的事项须属于同一次会议，文件里写了 ${named.join('、')}`);
  if (named.length === 1) {
    // join an existing record: its list grows by the new ids
    const path = DOC_PATH[spec.kind](named[0]!, date.slice(0, 4));
    const before = readText(top, path);
    const text = editRecordText(before, ids.map((id) => ({ op: 'append' as const, path: [spec.itemsKey], value: id })));
    return { id: named[0]!, file: () => ({ path, text }), joined: true };
  }
  if (!batch) return undefined;
  const year = date.slice(0, 4);
  const id = (await nextFree(top, spec.kind, DOC_FOLDER[spec.kind](year), year)).ids[0]!;
  const docValues = check(resolveInputs(spec.inputs, raw, { today: date, actor }));
  for (const v of values) v[option] = id;
  return {
    id,
    joined: false,
    file: (items) => {
      const built = spec.build({ id, year, number: 0, docNo: '', date, actor, items, values: docValues, config: opened.ledger.config?.value, ...namer(opened) });
      return { path: DOC_PATH[spec.kind](id, year), text: recordText(built.data, built.body) };
    },
  };
}
