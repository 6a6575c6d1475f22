/**
 * What a merge changed against each of its further parents, for the whole
 * run from ONE long-lived `git diff-tree --stdin` process: the log gives a
 * merge's diff against its first parent only, and a record whose merge
 * result equals the first parent's must still be compared with the others.
 *
 * Requests go in as `<merge> <parent>` lines (`--always`: every line
 * answers, even with an empty diff), followed by a line that is no object
 * name, which diff-tree echoes back: when the echo arrives, every answer
 * before it is complete.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Change } from '../../domain/history.ts';
import { parseRawParts } from './log-stream.ts';

const END = 'ledger-batch-end';
const HEX = /^[0-9a-f]{40,64}$/;

export interface MergePair {
  merge: string;
  parent: string;
}

export class MergeDiffReader {
  private child: ChildProcessWithoutNullStreams | undefined;
  private chunks: Buffer[] = [];
  private waiting: ((text: string | null) => void) | undefined;
  private failed = false;

  private readonly repoDir: string;
  private readonly prefix: string;

  constructor(repoDir: string, prefix: string) {
    this.repoDir = repoDir;
    this.prefix = prefix;
  }

  private start(): ChildProcessWithoutNullStreams {
    const child = spawn('git', ['-c', 'core.quotepath=off', 'diff-tree', '--stdin', '-z', '-r', '--raw', '--no-abbrev', '--always'], { cwd: this.repoDir });
    child.stdout.on('data', (d: Buffer) => {
      this.chunks.push(d);
      // the echoed end line is the last thing of a batch: "...\0<END>\n" (or the whole output)
      if (d.length && d[d.length - 1] === 10) {
        const text = Buffer.concat(this.chunks).toString('utf8');
        if (text === `${END}\n` || text.endsWith(`\0${END}\n`)) {
          this.chunks = [];
          const w = this.waiting;
          this.waiting = undefined;
          w?.(text.slice(0, -(END.length + 1)));
        }
      }
    });
    const fail = () => {
      this.failed = true;
      const w = this.waiting;
      this.waiting = undefined;
      w?.(null);
    };
    child.on('error', fail);
    child.on('close', fail);
    child.stdin.on('error', fail);
    return child;
  }

  /** The changes of each `merge` against `parent`, under the prefix; `undefined` when Git could not answer. */
  async diffs(pairs: MergePair[]): Promise<(Change[] | undefined)[]> {
    if (pairs.length === 0) return [];
    if (this.failed) return pairs.map(() => undefined);
    this.child ??= this.start();
    const answer = new Promise<string | null>((resolve) => (this.waiting = resolve));
    this.child.stdin.write(`${pairs.map((p) => `${p.merge} ${p.parent}`).join('\n')}\n${END}\n`);
    const text = await answer;
    if (text === null) return pairs.map(() => undefined);
    // answers in request order: a header (the merge's id) and its entries
    const parts = text.split('\0');
    const out: (Change[] | undefined)[] = [];
    let current: string[] | undefined;
    const close = () => {
      if (current) out.push(parseRawParts(current, this.prefix));
    };
    for (let i = 0; i < parts.length; i++) {
      const t = parts[i]!;
      if (t.startsWith(':')) {
        // an entry: its status says how many path tokens follow
        const status = t.split(' ')[4]?.[0];
        const n = status === 'R' || status === 'C' ? 2 : 1;
        current?.push(...parts.slice(i, i + 1 + n));
        i += n;
      } else if (HEX.test(t)) {
        close();
        current = [];
      }
    }
    close();
    while (out.length < pairs.length) out.push(undefined);
    return out;
  }

  close() {
    this.child?.stdin.end();
  }
}
