/**
 * One subcommand per step of the workflow table — every edge action and
 * every amendment — with options named after the step's fields (read from
 * the zod shapes by `domain/actions`), Chinese help with an example, and
 * one code path: `takeStep`. A step the table gains gets its command here
 * with no new code.
 */
import { Option, type Command } from 'commander';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { stepCatalogue, type StepDef } from '../domain/actions/catalogue.ts';
import { BATCH_DOCUMENTS, DOCUMENTS } from '../domain/actions/documents.ts';
import type { StepInput } from '../domain/actions/inputs.ts';
import { beijingDate } from '../domain/dates.ts';
import { isCalendarDate } from '../domain/schemas/common.ts';
import { ROLE_LABELS } from '../domain/schemas/people.ts';
import { KIND_LABELS, STATE_LABELS, WORKFLOWS } from '../domain/workflow.ts';
import { readRows, RowsError, type Row } from '../format/read-rows.ts';
import { UsageError } from './errors.ts';
import { examplesOf } from './examples.ts';
import type { Io, Register } from './main.ts';
import { M } from './messages.ts';
import { modesOf } from './step-modes.ts';
import { S } from './step-messages.ts';
import { takeStep } from './take-step.ts';

const roleText = (roles: readonly string[]) => roles.map((r) => ROLE_LABELS[r as keyof typeof ROLE_LABELS] ?? r).join('或');
const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** Today in Beijing, or the day `--today` / LEDGER_TODAY pretends it is. */
export function todayOf(given?: string): string {
  const t = given ?? process.env.LEDGER_TODAY;
  if (t === undefined) return beijingDate();
  if (!isCalendarDate(t)) throw new UsageError(S.invalid('today', t, '年-月-日，例如 2026-04-30'));
  return t;
}

function describe(step: StepDef): string {
  if (step.type === 'amendment') return S.amendmentDescription(step.label, roleText(step.amendment!.committer)) + (step.amendment!.afterEnd ? S.afterEnd : '');
  if (step.type === 'document') {
    const { doc, index } = step.document!;
    return S.documentDescription(doc.label, step.label, index + 1, doc.steps.length, roleText(doc.steps[index]!.committer));
  }
  const edges = step.kinds.flatMap((k) => WORKFLOWS[k].edges.filter((e) => e.action === step.action).map((e) => ({ k, e })));
  const targets = [...new Set(edges.map(({ e }) => STATE_LABELS[e.to]))].join('/');
  const who = [...new Set(edges.flatMap(({ e }) => e.committer))];
  const kinds = step.kinds.length < 3 ? S.onlyFor(step.kinds.map((k) => KIND_LABELS[k]).join('、')) : '';
  return `${S.stepDescription(step.label, `→${targets}`, roleText(who))}${kinds}`;
}

function optionText(step: StepDef, input: StepInput, forKinds?: readonly string[]): string {
  const kinds = forKinds ? step.kinds.filter((k) => forKinds.includes(k)) : step.kinds.filter((k) => step.inputsFor(k).some((i) => i.option === input.option));
  const only = step.type === 'edge' && kinds.length < step.kinds.length ? S.onlyFor(kinds.map((k) => KIND_LABELS[k]).join('、')) : '';
  const def = input.default && !/默认|不填/.test(input.label) ? `；${S.defaults[input.default]}` : '';
  const vals = input.values && !input.label.includes(input.values[0]!) ? `：${input.values.join('、')}` : '';
  const req = input.required || kinds.some((k) => step.inputsFor(k).find((i) => i.option === input.option)?.required) ? S.required : '';
  return `${input.label}${vals}${def}${req}${only}`;
}

function addInput(cmd: Command, step: StepDef, input: StepInput, taken: Set<string>, forKinds?: readonly string[]) {
  if (taken.has(input.option)) return;
  taken.add(input.option);
  const flags = input.type === 'boolean' ? `--${input.option}` : `--${input.option} <${input.list ? '值,值' : '值'}>`;
  cmd.addOption(new Option(flags, optionText(step, input, forKinds)));
  // a yes/no field the schema requires: --x or --no-x, one of them given
  if (input.type === 'boolean') cmd.addOption(new Option(`--no-${input.option}`, S.negated(input.label)));
}

/** The documents a step may issue, and their options (a batch's meeting record among them). */
const documentsOf = (step: StepDef) => [
  ...DOCUMENTS.filter((d) => step.inputs.some((i) => i.paths.some((p) => p.join('.') === d.ref.join('.')))),
  ...BATCH_DOCUMENTS.filter((d) => d.action === step.action),
];

function readRowsFile(path: string): Row[] {
  let text: string;
  try {
    text = readFileSync(resolve(path), 'utf8');
  } catch {
    throw new UsageError(`读不到文件 ${path}`);
  }
  try {
    return readRows(text, path);
  } catch (e) {
    if (e instanceof RowsError) throw new UsageError(`${path}：${e.message}`);
    throw e;
  }
}

function readBody(path: string): string {
  try {
    return readFileSync(resolve(path), 'utf8').replace(/^\uFEFF/, '');
  } catch {
    throw new UsageError(S.readBody(path));
  }
}

function registerStep(program: Command, io: Io, step: StepDef) {
  const cmd = program.command(step.action).description(describe(step) + modesOf(step.action).map((m) => (m.summary ? `；${m.summary}` : '')).join(''));
  if (step.type === 'document') cmd.argument('[编号...]', step.document!.index === 0 ? S.documentItemArg(step.document!.doc.label) : S.documentArg(step.document!.doc.label));
  else if (!step.creates) cmd.argument('[编号...]', S.itemArg);
  // checked in the action, not by commander: a mode (the bulletin draft) may not need it
  cmd.option('--as <人员>', `${M.as}${S.required}`);
  const taken = new Set(['as', 'dir', 'dry-run', 'today', 'json', 'kind', 'from-file']);
  if (step.creates && step.kinds.length > 1) cmd.option('--kind <类别>', S.kind(step.kinds.map((k) => `${k}（${KIND_LABELS[k]}）`).join('、')));
  if (step.creates) cmd.option('--from-file <文件>', S.fromFile);
  for (const input of step.inputs) addInput(cmd, step, input, taken);
  for (const doc of documentsOf(step)) for (const input of doc.inputs) addInput(cmd, step, { ...input, required: false, label: `《${doc.label}》${input.label}${input.required ? S.requiredOnCreate : ''}` }, taken, doc.createFor);
  if (step.type === 'document') {
    taken.add('body-file');
    cmd.option('--body-file <文件>', S.bodyFile);
  }
  const modes = modesOf(step.action);
  for (const m of modes) for (const [flags, text] of m.options) {
    const long = /--([a-z-]+)/.exec(flags)?.[1];
    if (long && !cmd.options.some((o) => o.long === `--${long}`)) {
      taken.add(long);
      cmd.option(flags, text);
    }
  }
  cmd
    .option('--dry-run', S.dryRun)
    .option('--today <日期>', S.today)
    .option('--dir <文件夹>', M.dir)
    .addHelpText('after', `\n${M.examples}\n${examplesOf(step).map((e) => `  ${e}`).join('\n')}\n${modes.map((m) => m.help ?? '').join('')}`)
    .action(async (...args: unknown[]) => {
      const opts = cmd.opts() as Record<string, unknown>;
      const ids = step.creates ? [] : ((args[0] as string[] | undefined) ?? []);
      const mode = modes.find((m) => m.applies(opts, ids));
      if (mode) return mode.run(opts, io, ids);
      if (step.creates && (args[0] as string[] | undefined)?.length) throw new UsageError(S.noItemsForCreate);
      if (typeof opts.as !== 'string') throw new UsageError(S.missing(`--as（${M.as}）`));
      const raw: Record<string, unknown> = {};
      for (const name of taken) if (opts[camel(name)] !== undefined) raw[name] = opts[camel(name)];
      const r = await takeStep({
        step,
        ids,
        as: String(opts.as),
        raw,
        rows: typeof opts.fromFile === 'string' ? readRowsFile(opts.fromFile) : undefined,
        body: typeof opts.bodyFile === 'string' ? readBody(opts.bodyFile) : undefined,
        kind: opts.kind as string | undefined,
        dir: (opts.dir as string | undefined) ?? '.',
        dryRun: opts.dryRun === true,
        today: todayOf(opts.today as string | undefined),
      });
      if (!r.landed) {
        io.out(r.diff ?? '');
        io.out(`${S.dryRunDone}\n`);
        return;
      }
      io.out(`${S.landed(r.commit.slice(0, 7), r.change.message.split('\n')[0]!)}\n${r.change.files.map((f) => S.wrote(f.path)).join('\n')}\n${r.lines.map((l) => `${S.wrote(l)}\n`).join('')}`);
    });
}

export const registerStepCommands: Register = (program, io) => {
  // a hand-written command of the same name (registered before) owns it
  for (const step of stepCatalogue()) if (!program.commands.some((c) => c.name() === step.action)) registerStep(program, io, step);
};
