/**
 * Taking one step: under the repository's lock, read the registries and the
 * named items, let the domain say what changes (`domain/actions`), edit the
 * files surgically (`format/edit-record`), commit once as the acting person
 * (`io/write`), and let the range check — the hook's own rules — judge the
 * commit before it lands. The builders: `step-create.ts` (new items, a
 * batch's meeting record), `step-items.ts` (edges and amendments),
 * `step-document.ts` (the 督查汇报's steps); `ledger attach` and the 催办
 * record come through `commitStep` too.
 */
import type { StepDef } from '../domain/actions/catalogue.ts';
import type { Issue } from '../domain/issues.ts';
import type { Person } from '../domain/schemas/people.ts';
import type { Row } from '../format/read-rows.ts';
import { readRecordFiles } from '../io/read-records.ts';
import { commitChange, type Change, type CommitResult } from '../io/write/commit.ts';
import { NotReadyError, type RepoState } from '../io/write/repo-state.ts';
import { checkRange } from '../checker/check-range.ts';
import { openLedger, personOf, type Opened } from './context.ts';
import { Refusal } from './errors.ts';
import { buildCreate } from './step-create.ts';
import { buildDocumentStep } from './step-document.ts';
import { buildOnItems } from './step-items.ts';
import { S } from './step-messages.ts';

export interface StepRequest {
  step: StepDef;
  ids: string[];
  as: string;
  /** Option values by option name (kebab-case), as given. */
  raw: Record<string, unknown>;
  /** Values that differ per item (the 催办 of each listed item), over `raw`. */
  perItem?: Map<string, Record<string, unknown>>;
  /** Batch registration: one row of option values per new item. */
  rows?: Row[];
  kind?: string;
  /** A document's new body (document steps). */
  body?: string;
  dir: string;
  dryRun: boolean;
  today: string;
}

export interface Built extends Omit<Change, 'author'> {
  /** Further lines for the command's output (attachments copied, documents issued). */
  lines: string[];
}

export interface StepResult extends CommitResult {
  lines: string[];
}

/** The range check on the candidate commit: the hook's rules, nothing else. */
async function judge(state: RepoState, commit: string): Promise<void> {
  const r = await checkRange(state.top, { range: `${state.head}..${commit}` });
  const errors: Issue[] = r.issues.filter((i) => i.severity === 'error').map(({ commit: _c, ...i }) => i);
  if (errors.length) throw new Refusal(S.refusedByRules, errors);
}

const same = (a: string | Uint8Array, b: Uint8Array) => (typeof a === 'string' ? Buffer.from(a) : Buffer.from(a)).equals(Buffer.from(b));

/**
 * One commit authored as `as`, built under the lock by `build`, refused
 * unless the range check passes it; a change that changes nothing is
 * refused too. Every step, `ledger attach` and the 催办 record come here.
 */
export async function commitStep(opts: { dir: string; dryRun: boolean; as: string; ids: readonly string[]; what: string }, build: (top: string, opened: Opened, actor: Person) => Promise<Built>): Promise<StepResult> {
  let lines: string[] = [];
  try {
    const r = await commitChange(opts.dir, {
      dryRun: opts.dryRun,
      judge: (c) => judge(c.state, c.commit),
      build: async (state) => {
        const opened = openLedger(state.top, opts.ids);
        const actor = personOf(opened, opts.as);
        const email = actor.emails[0];
        if (!email) throw new Refusal(S.noEmail(actor.name));
        const built = await build(state.top, opened, actor);
        const before = readRecordFiles(state.top, built.files.map((f) => f.path));
        if (built.files.every((f) => before.some((b) => b.path === f.path && same(f.text, b.text as Uint8Array)))) throw new Refusal(S.nothingChanged(opts.what));
        lines = built.lines;
        return { files: built.files, message: built.message, author: { name: actor.name, email } };
      },
    });
    return { ...r, lines };
  } catch (e) {
    if (e instanceof NotReadyError) throw new Refusal(S.notReady(e.why));
    throw e;
  }
}

export function takeStep(req: StepRequest): Promise<StepResult> {
  return commitStep({ dir: req.dir, dryRun: req.dryRun, as: req.as, ids: req.ids, what: `“${req.step.label}”` }, (top, opened, actor) =>
    req.step.type === 'document' ? buildDocumentStep(req, top, opened, actor) : req.step.creates ? buildCreate(req, top, opened, actor) : buildOnItems(req, top, opened, actor),
  );
}
