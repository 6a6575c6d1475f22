/**
 * The output folder between builds.
 *
 * With Astro's incremental cache on, the pages of the last build are kept
 * where they are: Astro leaves a page whose key is unchanged in place when
 * its file exists and copies it from its cache only when it does not
 * (13,600 copies, ~11 s of a 10,000-item rebuild). The folder is kept only
 * when the last build into it finished with this same cache: the build
 * writes an id beside the folder (`.<folder>.ledger-build`) and into the
 * cache (`ledger-output.json`) as its very last step and removes the
 * folder's copy as its first, so a folder written by another audience build,
 * another cache, no cache or an interrupted build is never kept. What a
 * build changes in a page after Astro wrote it (the check's marks, see
 * finish.ts) is undone at the start by deleting those pages: Astro puts
 * its own copy back. Everything but the pages (scripts, styles, public
 * files, documents, the search index) is removed at the start and written
 * again; a page the build did not produce is removed at the end.
 *
 * A folder not kept is moved aside in one rename and deleted by a process
 * of its own while the site builds (Astro empties a folder file by file,
 * ~0.4 ms a file: 5 s for a 10,000-item site); what an interrupted
 * deletion left is deleted by the next build.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rm, rmdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Beside the folder, not in it (it would be published): every build into the folder removes it first. */
const markOf = (out: string) => join(dirname(out), `.${basename(out)}.ledger-build`);
const STATE = 'ledger-output.json';

interface State {
  id: string;
  out: string;
  /** pages (relative to the output folder) changed after Astro wrote them */
  changed: string[];
}

export interface Output {
  out: string;
  /** Astro's cache folder, when its incremental build is on */
  cache?: string;
  /** the pages kept from the last build, absolute paths (none: the folder was set aside) */
  kept: string[];
}

function readState(cache: string | undefined, out: string): State | undefined {
  if (!cache) return undefined;
  try {
    const state = JSON.parse(readFileSync(join(cache, STATE), 'utf8')) as State;
    const mark = readFileSync(markOf(out), 'utf8').trim();
    return state.out === out && state.id === mark && Array.isArray(state.changed) ? state : undefined;
  } catch {
    return undefined;
  }
}

/** At the start of a build: keep the last build's pages (see above) or set the folder aside. */
export function prepareOutput(out: string, cache: string | undefined): Output {
  removeAll(dirname(out), scratchPrefix(out)); // scratch folders of interrupted builds
  const state = readState(cache, out);
  rmSync(markOf(out), { force: true });
  if (!state) {
    setAside(out);
    return { out, cache, kept: [] };
  }
  // beside the folder, not in it: the walk below must not meet it
  setAside(join(out, 'pagefind'), dirname(out), `.${basename(out)}-pagefind.old-`);
  for (const page of state.changed) rmSync(join(out, page), { force: true });
  const kept: string[] = [];
  for (const e of readdirSync(out, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    if (e.name.endsWith('.html')) kept.push(join(e.parentPath, e.name));
    else unlinkSync(join(e.parentPath, e.name));
  }
  return { out, cache, kept };
}

const scratchPrefix = (out: string) => `.${basename(out)}.scratch-`;

/** A new empty folder beside the output folder (on its file system: moved into it in one rename). */
export function scratchDir(out: string, name: string): string {
  mkdirSync(dirname(out), { recursive: true });
  return mkdtempSync(join(dirname(out), `${scratchPrefix(out)}${name}-`));
}

/**
 * At the end of a build: remove the kept pages it did not produce (`files`:
 * every file Astro wrote or kept, absolute paths) and mark the folder as
 * this cache's; `changed` are the pages written into after Astro.
 */
export function finishOutput(output: Output, files: Set<string>, changed: string[]): number {
  let removed = 0;
  for (const file of output.kept) {
    if (files.has(file)) continue;
    rmSync(file, { force: true });
    removed++;
    try {
      rmdirSync(dirname(file)); // a page's own folder, when now empty
    } catch {
      // not empty
    }
  }
  if (output.cache) {
    const id = randomUUID();
    const state: State = { id, out: output.out, changed };
    try {
      writeFileSync(join(output.cache, STATE), JSON.stringify(state));
      writeFileSync(markOf(output.out), id + '\n');
    } catch {
      // a folder whose parent cannot be written to: the next build starts afresh
    }
  }
  return removed;
}

/** Delete `dir` in the background (a process of its own). */
function remove(dir: string): void {
  if (process.platform === 'win32') rm(dir, { recursive: true, force: true }, () => {});
  else spawn('rm', ['-rf', dir], { detached: true, stdio: 'ignore' }).on('error', () => rm(dir, { recursive: true, force: true }, () => {})).unref();
}

/** Delete what is in `parent` under `prefix`, in the background. */
function removeAll(parent: string, prefix: string): void {
  try {
    for (const e of readdirSync(parent)) if (e.startsWith(prefix)) remove(join(parent, e));
  } catch {
    // no parent yet
  }
}

/**
 * Move `dir` into `parent` under `prefix` and delete it there in the
 * background, with what earlier builds left under the same prefix.
 */
function setAside(dir: string, parent = dirname(dir), prefix = `.${basename(dir)}.old-`): void {
  removeAll(parent, prefix);
  try {
    if (!existsSync(dir)) return;
    const aside = join(parent, `${prefix}${process.pid}-${Date.now()}`);
    renameSync(dir, aside);
    remove(aside);
  } catch {
    // cannot be renamed (a mount point?): emptied here
    if (existsSync(dir)) for (const e of readdirSync(dir)) rmSync(join(dir, e), { recursive: true, force: true });
  }
}
