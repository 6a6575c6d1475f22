/**
 * Files from the clerk's computer that a step attaches (`ledger attach`, or
 * a step's `--attachments 批示件扫描.pdf`): each is sniffed by its content
 * with the checker's own code (`format/sniff.ts`), judged by the checker's
 * own attachment rules against `config.attachments` (type, size, extension)
 * before anything is hashed — an oversized file is never read whole — and
 * copied into the item's `attachments/` folder under a safe name. A value
 * that is no local file is a name already in that folder.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { safeAttachmentName } from '../domain/actions/numbering.ts';
import { checkLedger } from '../domain/rules/index.ts';
import { extensionOf, TYPE_EXTENSIONS, type SniffedType } from '../domain/schemas/attachment.ts';
import { attachmentPath, attachmentsDir, configPath } from '../format/layout.ts';
import { loadLedger } from '../format/load-ledger.ts';
import { sniff } from '../format/sniff.ts';
import { readRecordFiles } from '../io/read-records.ts';
import type { FileChange } from '../io/write/commit.ts';
import { namesOnBranches } from '../io/write/names-on-refs.ts';
import { Refusal } from './errors.ts';

const EDGE = 64 * 1024;

export interface Attached {
  /** The names the record references, in the order given. */
  names: string[];
  files: FileChange[];
  /** What was copied, for the command's output. */
  lines: string[];
}

/** The head and tail of a file, and its size (the whole file when small). */
function peek(path: string): { head: Uint8Array; tail: Uint8Array; size: number } {
  const size = statSync(path).size;
  if (size <= 2 * EDGE) {
    const all = new Uint8Array(readFileSync(path));
    return { head: all, tail: all, size };
  }
  const fd = openSync(path, 'r');
  try {
    const head = new Uint8Array(EDGE);
    const tail = new Uint8Array(EDGE);
    readSync(fd, head, 0, EDGE, 0);
    readSync(fd, tail, 0, EDGE, size - EDGE);
    return { head, tail, size };
  } finally {
    closeSync(fd);
  }
}

/** Whether `p` names a file on this computer (relative to where the command runs). */
export const isLocalFile = (p: string) => {
  try {
    return statSync(resolve(p)).isFile();
  } catch {
    return false;
  }
};

/** The extension a copy takes: the original when it fits the content's type, else the type's own. */
function extensionFor(name: string, type: SniffedType): string {
  const ext = extensionOf(name);
  const own = (TYPE_EXTENSIONS as Record<string, readonly string[]>)[type];
  if (own) return own.includes(ext) ? ext : own[0]!;
  return /^[a-z0-9]{2,5}$/.test(ext) ? ext : 'bin';
}

/**
 * Copy the local files among `given` into the item's attachments folder.
 * Refused, with the checker's issues and nothing written, when a file's
 * content is not an allowed type or it is over the size limit.
 */
export async function attachFiles(top: string, itemId: string, given: readonly string[]): Promise<Attached> {
  const out: Attached = { names: [], files: [], lines: [] };
  const local = given.filter(isLocalFile);
  if (!local.length) return { ...out, names: [...given] };
  const dir = attachmentsDir(itemId);
  const taken = new Set((await namesOnBranches(top, [dir])).get(dir));
  const config = readRecordFiles(top, [configPath()]);
  for (const g of given) {
    if (!local.includes(g)) {
      out.names.push(g);
      continue;
    }
    const abs = resolve(g);
    const { head, tail, size } = peek(abs);
    const type = sniff(head, size, tail).type;
    const name = safeAttachmentName(abs, extensionFor(abs, type), taken);
    const path = attachmentPath(itemId, name);
    // the checker's own attachment rules on this one file, before it is read whole
    const loaded = loadLedger([...config, { path, text: head, size, tail }]);
    const errors = checkLedger(loaded.ledger, { files: new Set([path]) }).filter((i) => i.severity === 'error');
    if (errors.length) throw new Refusal(`附件 ${g} 不能上传，仓库没有任何改动：`, errors);
    taken.add(name);
    out.names.push(name);
    out.files.push({ path, text: size === head.length ? head : new Uint8Array(readFileSync(abs)) });
    out.lines.push(`${g} → ${path}`);
  }
  return out;
}
