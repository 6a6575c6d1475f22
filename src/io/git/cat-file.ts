/**
 * One long-lived `git cat-file --batch` process that reads any number of
 * objects (`<blob-sha>` or `<commit>:<path>`) for the whole run. Requests
 * are written in bulk and answers parsed from the stream in order, so
 * thousands of file versions cost one process and a few pipe round trips.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/** An object as read: its id and type (from cat-file's header) and its bytes. */
export interface GitObject {
  oid: string;
  type: string;
  bytes: Uint8Array;
}

/** The entries of a tree object (`<mode> <name>\0<raw oid>` each). */
export function treeEntries(tree: GitObject): { mode: string; name: string; oid: string }[] {
  const oidBytes = tree.oid.length / 2;
  const b = tree.bytes;
  const out: { mode: string; name: string; oid: string }[] = [];
  let pos = 0;
  const dec = new TextDecoder();
  while (pos < b.length) {
    const sp = b.indexOf(32, pos);
    const nul = b.indexOf(0, sp);
    if (sp < 0 || nul < 0) break;
    out.push({ mode: dec.decode(b.subarray(pos, sp)), name: dec.decode(b.subarray(sp + 1, nul)), oid: Buffer.from(b.subarray(nul + 1, nul + 1 + oidBytes)).toString('hex') });
    pos = nul + 1 + oidBytes;
  }
  return out;
}

interface Pending {
  spec: string;
  resolve: (v: GitObject | null) => void;
}

const OID = /^[0-9a-f]{40,64}$/;

export class BlobReader {
  private child: ChildProcessWithoutNullStreams;
  /** Requests awaiting an answer, oldest at `head` (no O(n) shift). */
  private queue: (Pending | undefined)[] = [];
  private head = 0;
  private chunks: Buffer[] = [];
  private buffered = 0;
  private cache = new Map<string, GitObject>();
  private failed: Error | undefined;

  constructor(repoDir: string) {
    this.child = spawn('git', ['cat-file', '--batch'], { cwd: repoDir });
    this.child.stdout.on('data', (d: Buffer) => this.onData(d));
    this.child.on('error', (e) => this.fail(e));
    this.child.on('close', () => this.fail(new Error('git cat-file exited')));
    this.child.stdin.on('error', (e) => this.fail(e));
  }

  private fail(e: Error) {
    this.failed ??= e;
    while (this.head < this.queue.length) this.next()?.resolve(null);
  }

  private next(): Pending | undefined {
    const p = this.queue[this.head];
    this.queue[this.head++] = undefined;
    if (this.head > 4096 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    return p;
  }

  private onData(d: Buffer) {
    this.chunks.push(d);
    this.buffered += d.length;
    let buf = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.buffered);
    let pos = 0;
    while (this.head < this.queue.length) {
      const nl = buf.indexOf(10, pos);
      if (nl < 0) break;
      const header = buf.toString('latin1', pos, nl);
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        pos = nl + 1;
        this.next()?.resolve(null);
        continue;
      }
      const [oid, type, sizeText] = header.split(' ');
      const size = Number(sizeText);
      if (buf.length < nl + 1 + size + 1) break; // wait for the rest of this object
      const bytes = new Uint8Array(buf.subarray(nl + 1, nl + 1 + size)); // copy: the chunk is reused
      pos = nl + 1 + size + 1;
      this.next()?.resolve({ oid: oid!, type: type!, bytes });
    }
    buf = buf.subarray(pos);
    this.chunks = buf.length ? [buf] : [];
    this.buffered = buf.length;
  }

  /** Read many objects with their ids: one write for all requests, answers in order. */
  readObjects(specs: string[]): Promise<(GitObject | null)[]> {
    const lines: string[] = [];
    const results = specs.map((spec) => {
      const hit = this.cache.get(spec);
      if (hit) return Promise.resolve(hit);
      if (this.failed) return Promise.resolve(null);
      lines.push(spec);
      return new Promise<GitObject | null>((resolve) => {
        this.queue.push({
          spec,
          resolve: (v) => {
            // blob ids are immutable: cache them; `<rev>:<path>` answers are not cached
            if (v && OID.test(spec)) this.cache.set(spec, v);
            resolve(v);
          },
        });
      });
    });
    if (lines.length) this.child.stdin.write(`${lines.join('\n')}\n`);
    return Promise.all(results);
  }

  /** Read many objects' bytes; `null` for each that does not exist. */
  async readMany(specs: string[]): Promise<(Uint8Array | null)[]> {
    return (await this.readObjects(specs)).map((o) => o?.bytes ?? null);
  }

  /** Read one object's bytes; `null` when it does not exist. */
  async read(spec: string): Promise<Uint8Array | null> {
    return (await this.readMany([spec]))[0] ?? null;
  }

  /** Forget cached blobs (bounded memory on long histories). */
  trimCache(max = 20_000) {
    if (this.cache.size > max) this.cache.clear();
  }

  close() {
    this.child.stdin.end();
  }
}
