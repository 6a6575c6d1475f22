/**
 * Running one small Git command synchronously for the writer: a handful per
 * action (never one per record), with the environment the writer chooses
 * (its own object quarantine and index), stdout as text.
 */
import { spawnSync } from 'node:child_process';

export class GitCommandError extends Error {
  readonly args: string[];
  readonly status: number | null;
  readonly stderr: string;
  readonly stdout: string;
  constructor(args: string[], status: number | null, stderr: string, stdout = '') {
    super(`git ${args.join(' ')} failed (${status}): ${stderr.trim()}`);
    this.args = args;
    this.status = status;
    this.stderr = stderr;
    this.stdout = stdout;
  }
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  input?: string | Uint8Array;
  /** Return undefined instead of throwing when Git exits non-zero. */
  allowFail?: boolean;
}

export function gitRun(cwd: string, args: string[], opts: RunOptions = {}): string | undefined {
  const r = spawnSync('git', args, {
    cwd,
    env: { ...process.env, ...opts.env },
    input: opts.input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  if (r.status !== 0) {
    if (opts.allowFail) return undefined;
    throw new GitCommandError(args, r.status, r.stderr, r.stdout);
  }
  return r.stdout;
}
