/**
 * Other ways to run a step command: a command module registers a mode for
 * an action, with its own options, and the generic step command hands over
 * to it when the mode's options are given. `ledger bulletin --period
 * 2026-11` (a bulletin draft, issue 9) is one: `bulletin` is the table's
 * edge for items; with `--period` it drafts the next 期号 instead.
 *
 *   addStepMode({ action: 'bulletin', options: [['--period <统计期>', '…']],
 *                 applies: (o) => o.period !== undefined, run: (o, io) => runBulletinDraft(o, io), help })
 *
 * Modes must be added before `buildProgram` registers the commands.
 */
import type { Io } from './main.ts';

export interface StepMode {
  action: string;
  /** commander flags and descriptions; those the step command already has are shared. */
  options: [flags: string, description: string][];
  /** Whether the given options (and item ids) ask for this mode. */
  applies: (opts: Record<string, unknown>, ids: string[]) => boolean;
  run: (opts: Record<string, unknown>, io: Io, args: string[]) => Promise<void>;
  /** Extra help text (examples) appended to the command's help. */
  help?: string;
  /** What the mode does, appended to the command's one-line description (`ledger --help`). */
  summary?: string;
}

const MODES: StepMode[] = [];

export function addStepMode(mode: StepMode): void {
  MODES.push(mode);
}

export function modesOf(action: string): StepMode[] {
  return MODES.filter((m) => m.action === action);
}
