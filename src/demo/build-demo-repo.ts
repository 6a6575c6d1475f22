/**
 * Build the demo ledger repository: a fresh Git repository whose history is
 * replayed from `records/` (see `replay.ts`), every commit dated and
 * authored as the records say, and whose final tree equals `records/`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { classifyPath } from '../format/layout.ts';
import { loadLedger } from '../format/load-ledger.ts';
import { readRecordsTree } from '../io/read-tree.ts';
import { fastImport, type NewCommit } from '../io/git/fast-import.ts';
import { replay } from './replay.ts';

export interface DemoRepo {
  dir: string;
  commits: number;
}

export async function buildDemoRepo(sourceDir: string, targetDir: string): Promise<DemoRepo> {
  const tree = readRecordsTree(sourceDir);
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true }); // keep a BOM: the final tree must equal records/ byte for byte
  const isAttachment = (path: string) => classifyPath(path)?.kind === 'attachment';
  const texts = new Map(tree.sources.filter((s) => !isAttachment(s.path)).map((s) => [s.path, typeof s.text === 'string' ? s.text : decoder.decode(s.text)]));
  // attachments are bytes, read whole (the tree reader gives large ones by head and tail)
  const bytes = new Map(tree.sources.filter((s) => isAttachment(s.path)).map((s) => [s.path, new Uint8Array(readFileSync(join(sourceDir, s.path)))]));
  const { ledger, issues } = loadLedger(tree.sources);
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length) throw new Error(`records/ does not load cleanly (${errors.length} issues); run npm run check`);
  const events = replay({ ledger, texts, bytes });
  rmSync(targetDir, { recursive: true, force: true });
  mkdirSync(targetDir, { recursive: true });
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: targetDir });
  let day = '';
  let k = 0;
  const commits: NewCommit[] = events.map((e) => {
    k = e.date === day ? k + 1 : 0;
    day = e.date;
    const time = Date.parse(`${e.date}T08:30:00+08:00`) / 1000 + k * 120;
    return {
      author: { name: e.author.name, email: e.author.emails[0] ?? `${e.author.id}@invalid` },
      time,
      tz: '+0800',
      message: e.message,
      files: new Map(e.files),
    };
  });
  await fastImport(targetDir, 'main', commits);
  execFileSync('git', ['checkout', '-q', '-f', 'main'], { cwd: targetDir });
  return { dir: targetDir, commits: commits.length };
}
