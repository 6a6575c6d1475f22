/**
 * Taking one step: under the repository's lock, read the registries and the
 * named items, resolve the step's inputs, let the domain say what changes
 * (`domain/actions`), edit the files surgically (`format/edit-record`),
 * commit once as the acting person (`io/write`), and let the range check —
 * the hook's own rules — judge the commit before it lands.
 */
import { applyOps, amendmentOps, edgeOps, ITEM_KEYS, newItemData, objectAt, resolveInputs, type Resolved } from '../domain/actions/apply.ts';
import { edgeOf, type StepDef } from '../domain/actions/catalogue.ts';
import { BATCH_DOCUMENTS, DOCUMENTS, type DocumentSpec } from '../domain/actions/documents.ts';
import { amendmentFields, edgeFields, type StepInput } from '../domain/actions/inputs.ts';
import { lastNumber, nextDocNo, nextIds, nextReportName, numberOf } from '../domain/actions/numbering.ts';
import type { Issue } from '../domain/issues.ts';
import type { Located } from '../domain/ledger.ts';
import type { Item } from '../domain/schemas/item.ts';
import type { Person } from '../domain/schemas/people.ts';
import { KIND_LABELS, STATE_LABELS, nextStepsText, type ItemKind } from '../domain/workflow.ts';
import { renderMapping } from '../format/edit-record.ts';
import { editRecordText } from '../format/edit-record.ts';
import { bulletinPath, itemPath, noticePath, planPath, reportPath, reportsDir } from '../format/layout.ts';
import { loadLedger } from '../format/load-ledger.ts';
import type { Row } from '../format/read-rows.ts';
import { readRecordFiles } from '../io/read-records.ts';
import { commitChange, type Change, type CommitResult, type FileChange } from '../io/write/commit.ts';
import { namesOnBranches } from '../io/write/names-on-refs.ts';
import { NotReadyError, type RepoState } from '../io/write/repo-state.ts';
import { checkRange } from '../checker/check-range.ts';
import { itemOf, openLedger, personOf, type Opened } from './context.ts';
import { Refusal, UsageError } from './errors.ts';
import { S } from './step-messages.ts';

export interface StepRequest {
  step: StepDef;
  ids: string[];
  as: string;
  /** Option values by option name (kebab-case), as given. */
  raw: Record<string, unknown>;
  /** Batch registration: one row of option values per new item. */
  rows?: Row[];
  kind?: string;
  dir: string;
  dryRun: boolean;
  today: string;
}

const decoder = new TextDecoder();

function readText(top: string, path: string): string {
  const [src] = readRecordFiles(top, [path]);
  if (!src) throw new Refusal(`找不到文件 ${path}`);
  return typeof src.text === 'string' ? src.text : decoder.decode(src.text);
}

const optionList = (inputs: StepInput[]) => inputs.map((i) => `--${i.option}（${i.label}）`).join('、');

function check(r: Resolved, row?: number): Record<string, unknown> {
  if (r.invalid.length) {
    const bad = r.invalid[0]!;
    throw new UsageError(S.invalid(bad.input.option, bad.value, bad.allowed));
  }
  if (r.missing.length) throw new UsageError(row ? S.rowMissing(row, optionList(r.missing)) : S.missing(optionList(r.missing)));
  return r.values;
}

const recordText = (data: Record<string, unknown>, body = '') => `---\n${renderMapping(data)}---\n${body}`;

/** Display names for documents' bodies. */
function namer(opened: Opened) {
  return {
    unitName: (id: string) => opened.index.units.get(id)?.value.short ?? opened.index.units.get(id)?.value.name ?? id,
    personName: (id: string) => opened.index.people.get(id)?.value.name ?? id,
  };
}

const DOC_FOLDER: Record<DocumentSpec['kind'], (year: string) => string> = {
  notice: () => 'records/notices',
  plan: () => 'records/plans',
  bulletin: (year) => `records/bulletins/${year}`,
};
const DOC_PATH: Record<DocumentSpec['kind'], (id: string, year: string) => string> = {
  notice: (id) => noticePath(id),
  plan: (id) => planPath(id),
  bulletin: (id, year) => bulletinPath(id, year),
};

/** The documents a step issues (a notice for meeting items assigned, …). */
async function issueDocuments(
  top: string,
  opened: Opened,
  kind: ItemKind,
  inputs: StepInput[],
  values: Record<string, unknown>,
  raw: Record<string, unknown>,
  items: Item[],
  actor: Person,
  today: string,
): Promise<{ files: FileChange[]; lines: string[] }> {
  const files: FileChange[] = [];
  const lines: string[] = [];
  for (const input of inputs) {
    if (input.default !== 'document' || values[input.option] !== undefined) continue;
    const spec = DOCUMENTS.find((d) => input.paths.some((p) => p.join('.') === d.ref.join('.')));
    if (!spec || !spec.createFor.includes(kind)) continue;
    const docValues = check(resolveInputs(spec.inputs, raw, { today, actor }));
    const date = String(values.date ?? today);
    const year = date.slice(0, 4);
    const seen = [...((await namesOnBranches(top, [DOC_FOLDER[spec.kind](year)])).values().next().value ?? [])].map((n) => n.replace(/\.md$/, ''));
    const [id] = nextIds(spec.kind, year, seen);
    const last = lastNumber(spec.kind, year, seen);
    let lastDocNo: string | undefined;
    if (last) {
      const lastId = seen.find((s) => numberOf(spec.kind, s) === last && s.includes(`-${year}-`));
      const prev = lastId ? loadLedger(readRecordFiles(top, [DOC_PATH[spec.kind](lastId, year)])).ledger : undefined;
      lastDocNo = (prev?.notices[0]?.value.doc_no ?? undefined) as string | undefined;
    }
    const n = numberOf(spec.kind, id!);
    const built = spec.build({
      id: id!,
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
    files.push({ path: DOC_PATH[spec.kind](id!, year), text: recordText(built.data, built.body) });
    lines.push(S.messages.document(spec.label, id!, String(built.data.title)));
  }
  return { files, lines };
}

function kindOf(step: StepDef, given?: string): ItemKind {
  const all = step.kinds.map((k) => `${k}（${KIND_LABELS[k]}）`).join('、');
  if (given === undefined) {
    if (step.kinds.length === 1) return step.kinds[0]!;
    throw new UsageError(S.noKind(all));
  }
  if (!step.kinds.includes(given as ItemKind)) throw new UsageError(S.badKind(given, all));
  return given as ItemKind;
}

async function buildCreate(req: StepRequest, top: string, opened: Opened, actor: Person): Promise<Omit<Change, 'author'>> {
  const kind = kindOf(req.step, req.kind);
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
  for (const [year, ns] of byYear) {
    const seen = (await namesOnBranches(top, [`records/items/${year}`])).get(`records/items/${year}`)!;
    nextIds('item', year, seen, ns.length).forEach((id, k) => (ids[ns[k]!] = id));
  }
  const files: FileChange[] = [];
  const created: Item[] = [];
  values.forEach((v, n) => {
    const data = newItemData(kind, edge, ids[n]!, inputs, v);
    created.push(data as unknown as Item);
    files.push({ path: itemPath(ids[n]!), text: recordText(data) });
  });
  for (const b of BATCH_DOCUMENTS.filter((d) => d.action === req.step.action)) {
    const doc = b.build({ items: created, date: String(values[0]!.date ?? req.today), actor, values: req.raw });
    if (doc) files.push({ path: doc.path, text: recordText(doc.data, doc.body) });
  }
  const message =
    created.length === 1
      ? S.messages.create(ids[0]!, edge.label, created[0]!.title)
      : `${S.messages.batch(created.length, edge.label)}：${created[0]!.source.name}\n\n${created.map((c) => `${c.id} ${c.title}`).join('\n')}`;
  return { files, message };
}

async function buildOnItems(req: StepRequest, top: string, opened: Opened, actor: Person): Promise<Omit<Change, 'author'>> {
  if (!req.ids.length) throw new UsageError(S.noItems);
  const recs: Located<Item>[] = req.ids.map((id) => itemOf(opened, id));
  const kind = recs[0]!.value.kind;
  if (recs.some((r) => r.value.kind !== kind)) throw new UsageError(S.mixedKinds);
  const first = recs[0]!.value;
  const step = req.step;
  const inputs = step.inputsFor(kind);
  const files: FileChange[] = [];
  const lines: string[] = [];
  const idsText = req.ids.join('、');
  const title = recs.length === 1 ? first.title : undefined;

  if (step.type === 'edge') {
    if (!step.kinds.includes(kind)) throw new Refusal(S.notInWorkflow(step.action, KIND_LABELS[kind], nextStepsText(kind, first.state)));
    const values = check(resolveInputs(inputs, req.raw, { today: req.today, actor, item: first }));
    const docs = await issueDocuments(top, opened, kind, inputs, values, req.raw, recs.map((r) => r.value), actor, req.today);
    let to = '';
    for (const rec of recs) {
      // no edge from this state: write the step anyway and let the hook's rules say why not
      const edge = edgeOf(kind, step.action, rec.value.state) ?? edgeOf(kind, step.action)!;
      to = STATE_LABELS[edge.to];
      const ops = edgeOps(kind, edge, edgeFields(kind, edge), inputs, values);
      files.push({ path: rec.file, text: editRecordText(readText(top, rec.file), ops, ITEM_KEYS) });
    }
    files.push(...docs.files);
    lines.push(...docs.lines);
    return { files, message: [S.messages.step(idsText, step.label, to, title), ...(lines.length ? ['', ...lines] : [])].join('\n') };
  }

  const a = step.amendment!;
  const values = check(resolveInputs(inputs, req.raw, { today: req.today, actor, item: first }));
  if (a.change === 'file') {
    for (const rec of recs) {
      const unit = String(values.unit);
      const folder = reportsDir(rec.value.id);
      const seen = (await namesOnBranches(top, [folder])).get(folder)!;
      const name = nextReportName(String(values.date), unit, seen);
      files.push({ path: reportPath(rec.value.id, name), text: recordText(objectAt(inputs, values, []) ?? {}) });
    }
    const unitName = namer(opened).unitName(String(values.unit));
    return { files, message: S.messages.report(idsText, unitName, String(values.date)) };
  }
  const ops = amendmentOps(a, amendmentFields(a), inputs, values);
  if (!ops.length) throw new UsageError(S.missing(optionList(inputs)));
  for (const rec of recs) files.push({ path: rec.file, text: editRecordText(readText(top, rec.file), ops, ITEM_KEYS) });
  void applyOps;
  return { files, message: S.messages.amend(idsText, a.label, title) };
}

/** The range check on the candidate commit: the hook's rules, nothing else. */
async function judge(state: RepoState, commit: string): Promise<void> {
  const r = await checkRange(state.top, { range: `${state.head}..${commit}` });
  const errors: Issue[] = r.issues.filter((i) => i.severity === 'error').map(({ commit: _c, ...i }) => i);
  if (errors.length) throw new Refusal(S.refusedByRules, errors);
}

export async function takeStep(req: StepRequest): Promise<CommitResult> {
  try {
    return await commitChange(req.dir, {
      dryRun: req.dryRun,
      judge: (c) => judge(c.state, c.commit),
      build: async (state) => {
        const opened = openLedger(state.top, req.ids);
        const actor = personOf(opened, req.as);
        const email = actor.emails[0];
        if (!email) throw new Refusal(S.noEmail(actor.name));
        const body = req.step.creates ? await buildCreate(req, state.top, opened, actor) : await buildOnItems(req, state.top, opened, actor);
        return { ...body, author: { name: actor.name, email } };
      },
    });
  } catch (e) {
    if (e instanceof NotReadyError) throw new Refusal(S.notReady(e.why));
    throw e;
  }
}
