/**
 * The `ledger` command: builds the program from its command groups (one
 * small file each, declared arguments plus a call into the library) and is
 * the one place that turns outcomes into output and exit codes:
 * 0 done, 1 refused by the ledger's rules, 2 a usage mistake.
 *
 * Help and errors are Chinese: commander's section titles are mapped in
 * `styleTitle`, its error codes in `messages.ts`.
 */
import { Command, CommanderError } from 'commander';
import { formatIssue } from '../checker/format.ts';
import { EXIT, Refusal, UsageError } from './errors.ts';
import { chineseHelp } from './help.ts';
import { M, usageText } from './messages.ts';
import { registerSteps } from './steps.ts';
import './bulletin-mode.ts'; // before the step commands are built: bulletin --period drafts
import './remind.ts'; // likewise: remind without ids lists what to chase (--record takes the step on each)
import { registerStepCommands } from './step-commands.ts';
import { registerBulletinDraft } from './bulletin-draft.ts';
import { registerExport } from './export.ts';
import { registerStats } from './stats.ts';
import { registerAttach } from './attach.ts';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const processIo: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

/** Each command group adds its subcommands to the program. */
export type Register = (program: Command, io: Io) => void;

// Hand-written commands first: a step command is not registered under a name one of them owns.
// The step commands own `bulletin` and `remind`; `bulletin --period` (the draft) and `remind`
// without ids (the 催办 list) hand over through the modes in bulletin-mode.ts and remind.ts.
const GROUPS: Register[] = [registerSteps, registerStats, registerExport, registerStepCommands, registerAttach, registerBulletinDraft];

export function buildProgram(io: Io = processIo): Command {
  const program = new Command('ledger');
  program
    .description(M.programDescription)
    .helpOption('-h, --help', M.help)
    .helpCommand('help [命令]', M.helpCommand)
    // inherited by every subcommand: Chinese section titles
    .configureHelp(chineseHelp)
    .exitOverride()
    // help to `io.out`; commander's own English errors are never printed
    .configureOutput({ writeOut: io.out, writeErr: () => {}, outputError: () => {} })
    .showSuggestionAfterError(true);
  for (const register of GROUPS) register(program, io);
  program.addHelpText('after', `\n${M.usageHint}`);
  return program;
}

/** Run `ledger` with `argv` (without node and script); resolves to the exit code. */
export async function runMain(argv: string[], io: Io = processIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.help' || e.code === 'commander.version') return EXIT.ok;
      io.err(`${usageText(e.code, e.message)}\n${M.usageHint}\n`);
      return EXIT.usage;
    }
    if (e instanceof UsageError) {
      io.err(`${e.message}\n${M.usageHint}\n`);
      return EXIT.usage;
    }
    if (e instanceof Refusal) {
      const lines = e.issues.map(formatIssue);
      io.err(`${M.refused}${e.message}\n${lines.length ? `${lines.join('\n')}\n` : ''}`);
      return EXIT.refused;
    }
    io.err(`internal error: ${(e as Error).stack ?? e}\n${M.internalError}\n`);
    return EXIT.usage;
  }
}
