/**
 * The CLI's outcomes as values: a refusal (exit 1: the ledger says no) and
 * a usage mistake (exit 2: the command line is wrong). One top-level handler
 * in `main.ts` prints them; commands never call `process.exit` themselves.
 */
import type { Issue } from '../domain/issues.ts';

export const EXIT = { ok: 0, refused: 1, usage: 2 } as const;

/** The ledger refused: the message (Chinese) and the checker's issues, if any. */
export class Refusal extends Error {
  readonly issues: Issue[];
  constructor(message: string, issues: Issue[] = []) {
    super(message);
    this.name = 'Refusal';
    this.issues = issues;
  }
}

/** The command line itself is wrong (unknown person, bad date, missing option). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
