/**
 * Parsed record files kept between runs, keyed by path and Git blob id (the
 * id of exactly the bytes parsed): the working-tree check and the site load
 * parse only the files whose bytes changed since the last run. Kept in 256
 * shards by path (`parsed/<xx>.json` in the ledger's cache, store.ts), so a
 * run that changed one file rewrites one shard, not the whole ledger; each
 * shard holds the latest version of its paths only.
 */
import { createHash } from 'node:crypto';
import type { ParsedRecord, ParseMemo, SourceText } from '../../format/load-ledger.ts';
import { readCache, writeCache } from './store.ts';

type Shard = Record<string, [blob: string, parsed: ParsedRecord]>;

/** Git's id of a blob with these bytes (what `git hash-object` prints). */
export function blobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

export class FileParseMemo implements ParseMemo {
  private readonly shards = new Map<string, Shard>();
  private readonly dirty = new Set<string>();
  /** Files answered from the memo, and parsed. */
  hits = 0;
  misses = 0;

  private readonly dir: string | undefined;
  private readonly readOnly: boolean;

  /** `readOnly`: answer from the shards, never write them. */
  constructor(dir: string | undefined, readOnly = false) {
    this.dir = dir;
    this.readOnly = readOnly;
  }

  private shardOf(path: string): [string, Shard] {
    const key = createHash('sha1').update(path).digest('hex').slice(0, 2);
    let s = this.shards.get(key);
    if (!s) {
      s = readCache<Shard>(this.dir && `${this.dir}/parsed`, `${key}.json`) ?? {};
      this.shards.set(key, s);
    }
    return [key, s];
  }

  get(src: SourceText): ParsedRecord | undefined {
    if (!this.dir || !src.blob) return undefined;
    const [, s] = this.shardOf(src.path);
    const e = s[src.path];
    if (e && e[0] === src.blob) {
      this.hits++;
      return e[1];
    }
    this.misses++;
    return undefined;
  }

  put(src: SourceText, parsed: ParsedRecord): void {
    if (!this.dir || !src.blob) return;
    const [key, s] = this.shardOf(src.path);
    s[src.path] = [src.blob, parsed];
    this.dirty.add(key);
  }

  /** Write the shards that changed. */
  save(): void {
    if (this.readOnly) return;
    for (const key of this.dirty) writeCache(`${this.dir}/parsed`, `${key}.json`, this.shards.get(key));
    this.dirty.clear();
  }
}
