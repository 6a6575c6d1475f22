/**
 * Write many commits in one process with `git fast-import`: the demo
 * history and the benchmark's generated ledgers (tens of thousands of
 * commits) are written in seconds, with fixed dates and authors.
 */
import { spawn } from 'node:child_process';

export interface NewCommit {
  author: { name: string; email: string };
  /** Unix seconds. */
  time: number;
  /** e.g. `+0800`. */
  tz: string;
  message: string;
  /** Path → new content (text, or bytes for attachments); `null` deletes the path. */
  files: Map<string, string | Uint8Array | null>;
}

/** Append `commits` to `branch` of the repository at `repoDir` (created with `git init`). */
export async function fastImport(repoDir: string, branch: string, commits: Iterable<NewCommit>): Promise<void> {
  const child = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: repoDir, stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => (stderr += d));
  const done = new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  const write = (s: string | Buffer) =>
    new Promise<void>((resolve) => (child.stdin.write(s) ? resolve() : child.stdin.once('drain', () => resolve())));
  const data = (s: string | Uint8Array) => {
    const b = typeof s === 'string' ? Buffer.from(s, 'utf8') : Buffer.from(s.buffer, s.byteOffset, s.length);
    return Buffer.concat([Buffer.from(`data ${b.length}\n`), b, Buffer.from('\n')]);
  };
  let mark = 0;
  for (const c of commits) {
    mark++;
    const who = `${c.author.name} <${c.author.email}> ${c.time} ${c.tz}`;
    const parts: Buffer[] = [Buffer.from(`commit refs/heads/${branch}\nmark :${mark}\nauthor ${who}\ncommitter ${who}\n`), data(c.message)];
    for (const [path, content] of c.files) {
      if (content === null) parts.push(Buffer.from(`D ${path}\n`));
      else parts.push(Buffer.from(`M 100644 inline ${path}\n`), data(content));
    }
    parts.push(Buffer.from('\n'));
    await write(Buffer.concat(parts));
  }
  await write('done\n');
  child.stdin.end();
  const code = await done;
  if (code !== 0) throw new Error(`git fast-import failed (${code}): ${stderr}`);
}
