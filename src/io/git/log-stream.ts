/**
 * One streaming `git log` pass over a whole history: commits with their
 * metadata and raw changes (blob ids, A/M/D/R), parsed as the bytes arrive.
 * No fixed output buffer, no process per file: 60,000 commits stream through
 * in seconds with flat memory.
 */
import { spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import { unsafePathComponent, type Change, type ChangeStatus, type Commit } from '../../domain/history.ts';

const RS = '\x1e';
const US = '\x1f';
const ZERO = /^0+$/;

/**
 * `s` as a string of its own. V8 makes a substring of 13 or more characters
 * a view of the string it was cut from, and the view keeps all of it alive:
 * a commit's id or path kept for the whole build would keep the ~64 KB of
 * log text it arrived in (at 10,000 items, most of the history's text). A
 * concatenation is flattened into a new string when sliced, so the slice
 * below is a view of a copy just one character longer than `s`.
 */
export const own = (s: string): string => (s.length < 13 ? s : (' ' + s).slice(1));

export interface LogOptions {
  /** Revision arguments, e.g. `['base..head']` or `['HEAD']`. */
  revs: string[];
  /** Ask for `%G?` (triggers signature verification: only when required). */
  signatures?: boolean;
  /** Only keep changes under this folder prefix (e.g. `records/`). */
  pathPrefix?: string;
  /** Oldest first (default true). */
  reverse?: boolean;
}

function format(signatures: boolean): string {
  const fields = ['%H', '%P', '%an', '%ae', '%aI', '%cn', '%ce', '%cI', signatures ? '%G?' : '', signatures ? '%GS' : '', '%B'];
  return `${RS}${fields.join(US)}${US}`;
}

/**
 * Raw diff entries (`-z --raw --no-abbrev`) → changes under `prefix`, plus
 * any path Git would refuse to check out (kept wherever it is, so the check
 * can name it). Also used for the per-parent diffs of merges.
 */
export function parseRaw(raw: string, prefix: string): Change[] {
  return parseRawParts(raw.split('\0'), prefix);
}

export function parseRawParts(parts: string[], prefix: string): Change[] {
  const changes: Change[] = [];
  let i = 0;
  while (i < parts.length) {
    const meta = parts[i]!.replace(/^\n/, '');
    if (!meta.startsWith(':')) {
      i++;
      continue;
    }
    const [oldMode, newMode, oldSha, newSha, statusRaw] = meta.slice(1).split(' ');
    const status = (statusRaw ?? 'M')[0] as ChangeStatus;
    let change: Change;
    if (status === 'R' || status === 'C') {
      change = { status, oldPath: own(parts[i + 1]!), path: own(parts[i + 2]!), oldBlob: oldSha && own(oldSha), newBlob: newSha && own(newSha), oldMode, newMode };
      i += 3;
    } else {
      change = { status, path: own(parts[i + 1]!) };
      if (oldSha && !ZERO.test(oldSha)) change.oldBlob = own(oldSha);
      if (newSha && !ZERO.test(newSha)) change.newBlob = own(newSha);
      if (oldMode && !ZERO.test(oldMode)) change.oldMode = oldMode;
      if (newMode && !ZERO.test(newMode)) change.newMode = newMode;
      i += 2;
    }
    if (!prefix || change.path.startsWith(prefix) || change.oldPath?.startsWith(prefix) || unsafePathComponent(change.path) !== undefined) changes.push(change);
  }
  return changes;
}

/** A deletion and an addition of the same blob in one commit are a rename. */
export function pairRenames(changes: Change[]): Change[] {
  const added = new Map<string, Change>();
  for (const c of changes) if (c.status === 'A' && c.newBlob) added.set(c.newBlob, c);
  if (added.size === 0) return changes;
  const out: Change[] = [];
  const used = new Set<Change>();
  for (const c of changes) {
    const to = c.status === 'D' && c.oldBlob ? added.get(c.oldBlob) : undefined;
    if (to && !used.has(to)) {
      used.add(to);
      out.push({ status: 'R', oldPath: c.path, path: to.path, oldBlob: c.oldBlob, newBlob: to.newBlob, oldMode: c.oldMode, newMode: to.newMode });
    } else if (!used.has(c)) out.push(c);
  }
  return out.filter((c) => !(c.status === 'A' && used.has(c)));
}

function parseCommit(chunk: string, prefix: string): Commit | undefined {
  const end = chunk.indexOf(`${US}\0`);
  if (end < 0) return undefined;
  const head = chunk.slice(0, end).split(US);
  const [sha, parents, an, ae, ad, cn, ce, cd, sig, signer, ...msg] = head;
  // every field its own string (`own`): the commits outlive the log text
  return {
    sha: own(sha!),
    parents: parents ? parents.split(' ').filter(Boolean).map(own) : [],
    author: { name: own(an!), email: own(ae!.toLowerCase()), date: own(ad!) },
    committer: { name: own(cn!), email: own(ce!.toLowerCase()), date: own(cd!) },
    signature: sig ?? '',
    signer: own(signer ?? ''),
    message: own(msg.join(US).replace(/\n+$/, '')),
    changes: pairRenames(parseRaw(chunk.slice(end + 2), prefix)),
  };
}

export class GitError extends Error {
  readonly stderr: string;
  constructor(message: string, stderr: string) {
    super(message);
    this.name = 'GitError';
    this.stderr = stderr;
  }
}

/** Stream the commits of `revs`, oldest first, each with its record changes. */
export async function* logCommits(repoDir: string, opts: LogOptions): AsyncGenerator<Commit> {
  const args = [
    '-c',
    'core.quotepath=off',
    'log',
    '-z',
    '--raw',
    '--no-abbrev',
    // no -M: similarity rename detection costs ~30% of the pass; an exact
    // move (what a web UI's rename does) is paired below by blob id
    '--diff-merges=first-parent',
    '--no-color',
    `--format=${format(opts.signatures ?? false)}`,
  ];
  if (opts.reverse ?? true) args.push('--reverse', '--topo-order');
  args.push(...opts.revs, '--');
  const child = spawn('git', args, { cwd: repoDir, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => (stderr += d));
  const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  // Read git's output eagerly (not as the consumer pulls): git log then runs
  // on the other core while the caller checks commits, instead of waiting on
  // a full pipe. Parsed commits queue up; their text is small.
  const decoder = new StringDecoder('utf8');
  const prefix = opts.pathPrefix ?? '';
  const queue: Commit[] = [];
  let buf = '';
  let ended = false;
  let wake: (() => void) | undefined;
  const take = (text: string) => {
    for (const chunk of text.split(RS)) {
      if (!chunk) continue;
      const c = parseCommit(chunk, prefix);
      if (c) queue.push(c);
    }
  };
  child.stdout.on('data', (data: Buffer) => {
    buf += decoder.write(data);
    const cut = buf.lastIndexOf(RS);
    if (cut > 0) {
      take(buf.slice(0, cut));
      buf = buf.slice(cut);
    }
    wake?.();
  });
  child.stdout.on('end', () => {
    take(buf + decoder.end());
    buf = '';
    ended = true;
    wake?.();
  });
  let next = 0;
  for (;;) {
    if (next < queue.length) {
      const c = queue[next]!;
      queue[next++] = undefined as unknown as Commit; // let it be collected
      if (next > 10_000) {
        queue.splice(0, next);
        next = 0;
      }
      yield c;
      continue;
    }
    if (ended) break;
    await new Promise<void>((resolve) => (wake = resolve));
    wake = undefined;
  }
  const code = await exited;
  if (code !== 0) throw new GitError(`git log failed (${code}): ${stderr.trim()}`, stderr);
}
