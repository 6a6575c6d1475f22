/**
 * One long-lived `git cat-file --batch` process that reads any number of
 * objects (`<blob-sha>` or `<commit>:<path>`) for the whole run. Requests
 * are written in bulk and answers parsed from the stream in order, so
 * thousands of file versions cost one process and a few pipe round trips.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

interface Pending {
  spec: string;
  resolve: (v: Uint8Array | null) => void;
}

export class BlobReader {
  private child: ChildProcessWithoutNullStreams;
  private queue: Pending[] = [];
  private buf: Buffer = Buffer.alloc(0);
  private cache = new Map<string, Uint8Array>();
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
    for (const p of this.queue.splice(0)) p.resolve(null);
  }

  private onData(d: Buffer) {
    this.buf = this.buf.length ? Buffer.concat([this.buf, d]) : d;
    for (;;) {
      const p = this.queue[0];
      if (!p) return;
      const nl = this.buf.indexOf(10);
      if (nl < 0) return;
      const header = this.buf.subarray(0, nl).toString('utf8');
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        this.buf = this.buf.subarray(nl + 1);
        this.queue.shift();
        p.resolve(null);
        continue;
      }
      const size = Number(header.split(' ')[2]);
      if (this.buf.length < nl + 1 + size + 1) return;
      const body = new Uint8Array(this.buf.subarray(nl + 1, nl + 1 + size));
      this.buf = this.buf.subarray(nl + 1 + size + 1);
      this.queue.shift();
      p.resolve(body);
    }
  }

  /** Read one object; `null` when it does not exist. */
  read(spec: string): Promise<Uint8Array | null> {
    return this.readMany([spec]).then((r) => r[0] ?? null);
  }

  /** Read many objects at once: one write for all requests, answers in order. */
  readMany(specs: string[]): Promise<(Uint8Array | null)[]> {
    const lines: string[] = [];
    const results = specs.map((spec) => {
      const hit = this.cache.get(spec);
      if (hit) return Promise.resolve(hit);
      if (this.failed) return Promise.resolve(null);
      lines.push(spec);
      return new Promise<Uint8Array | null>((resolve) => {
        this.queue.push({
          spec,
          resolve: (v) => {
            // blob ids are immutable: cache them; `<rev>:<path>` answers are not cached
            if (v && /^[0-9a-f]{40,64}$/.test(spec)) this.cache.set(spec, v);
            resolve(v);
          },
        });
      });
    });
    if (lines.length) this.child.stdin.write(`${lines.join('\n')}\n`);
    return Promise.all(results);
  }

  /** Forget cached blobs (bounded memory on long histories). */
  trimCache(max = 20_000) {
    if (this.cache.size > max) this.cache.clear();
  }

  close() {
    this.child.stdin.end();
  }
}
