/**
 * Where the ledger's caches live and how they are read and written. Every
 * cache here is keyed by Git ids (commit or blob) and by the version of the
 * code that computed it, so it can never answer for other content or other
 * rules; each is safe to delete (the next run computes it again, only
 * slower) and a damaged or foreign file is ignored, never trusted.
 *
 * Place: `<git dir>/ledger-cache/` of the ledger repository (Git ignores
 * unknown files there; it follows the repository, not the checkout), or
 * `LEDGER_CACHE` (a folder; `0` or `off` turns every cache off).
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonChunks } from './json-chunks.ts';

/** The cache folder for a repository (created on first write), or undefined when caching is off or there is no Git directory. */
export function cacheDir(repoDir: string, gitDir?: string): string | undefined {
  const env = process.env.LEDGER_CACHE;
  if (env === '0' || env === 'off') return undefined;
  if (env) return resolve(env);
  const dir = gitDir ?? findGitDir(repoDir);
  return dir ? join(dir, 'ledger-cache') : undefined;
}

/** `.git` as a folder, a worktree's `.git` file, or a bare repository itself; no process. */
function findGitDir(repoDir: string): string | undefined {
  const dotGit = join(repoDir, '.git');
  try {
    const st = statSync(dotGit);
    if (st.isDirectory()) return dotGit;
    const m = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, 'utf8'));
    return m ? resolve(repoDir, m[1]!.trim()) : undefined;
  } catch {
    return existsSync(join(repoDir, 'HEAD')) && existsSync(join(repoDir, 'objects')) ? repoDir : undefined;
  }
}

let version: string | undefined;

// on globalThis: a bundle may hold this module twice, and every copy must answer alike
const SOURCE_ROOT = Symbol.for('supervision-ledger.source-root');
const g = globalThis as { [SOURCE_ROOT]?: string };

/**
 * A program that runs this module bundled from the sources (the site's
 * pages, bundled by Astro) names the `src/` folder they came from, before
 * any cache is read: the code version is then their digest, as when run
 * from the sources, not the digest of one chunk of the bundle.
 */
export function useSourceRoot(dir: string): void {
  const root = resolve(dir);
  if (g[SOURCE_ROOT] !== root) version = undefined;
  g[SOURCE_ROOT] = root;
}

/**
 * The version of the code that fills the caches: a digest of the running
 * bundle (dist-cli), or of every source file under `src/` and the lock file
 * (the dependencies' versions) when run from the sources (or bundled from
 * them, `useSourceRoot`). Any change to either makes every cache entry
 * written before a miss.
 */
export function codeVersion(): string {
  if (version) return version;
  const h = createHash('sha1');
  const here = fileURLToPath(import.meta.url);
  const src = g[SOURCE_ROOT] ?? (here.endsWith('.ts') ? resolve(dirname(here), '../..') : undefined);
  if (src && existsSync(join(src, 'domain'))) {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(ts|astro|mjs)$/.test(e.name) && !e.name.endsWith('.test.ts')) files.push(p);
      }
    };
    walk(src);
    for (const f of files.sort()) h.update(relative(src, f)).update('\0').update(readFileSync(f)).update('\0');
    const lock = join(src, '..', 'package-lock.json');
    if (existsSync(lock)) h.update(readFileSync(lock));
  } else {
    // a bundle: the file that runs is the code
    h.update(readFileSync(here));
  }
  version = h.digest('hex').slice(0, 16);
  return version;
}

/** A cache file's JSON, or undefined when absent, unreadable or not written by this code. */
export function readCache<T>(dir: string | undefined, name: string): T | undefined {
  if (!dir) return undefined;
  try {
    const data = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { code?: string; value?: T };
    return data.code === codeVersion() ? data.value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Write a cache file whole or not at all (a temporary file renamed into place); a failure only costs the
 * next run time. The JSON goes out in pieces of about a megabyte (`json-chunks.ts`), never as one string:
 * the site writes its caches once the pages are done, when its heap is fullest.
 */
export function writeCache(dir: string | undefined, name: string, value: unknown): void {
  if (!dir) return;
  const tmp = join(dir, `.${name}.${process.pid}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    const fd = openSync(tmp, 'w');
    try {
      let pending: string[] = [];
      let size = 0;
      const flush = () => {
        const bytes = Buffer.from(pending.join(''));
        for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
        pending = [];
        size = 0;
      };
      for (const piece of jsonChunks({ code: codeVersion(), value })) {
        pending.push(piece);
        size += piece.length;
        if (size >= 1 << 20) flush();
      }
      flush();
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, join(dir, name));
  } catch {
    // a read-only repository, a full disk: run without the cache
    try {
      rmSync(tmp, { force: true });
    } catch {
      // nothing more to do
    }
  }
}
