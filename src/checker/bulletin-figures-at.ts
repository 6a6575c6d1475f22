/**
 * A bulletin's figures verified against the ledger **as of the commit** that
 * added or changed it. The range check works on the changed records and
 * those they name; figures need every item, so for the (rare: about one a
 * month) commits that touch a bulletin stating figures, this reads that
 * commit's whole `records/` tree (one `git ls-tree`, one `git cat-file
 * --batch`) and runs the bulletin-figures rule on it.
 *
 * Hook-in (commit-check.ts, per commit with a changed bulletin that has
 * `figures`): `out.push(...(await bulletinFiguresAt(repoDir, sha, changedBulletinPaths)).map((i) => ({ ...i, commit: ref })))`.
 */
import type { Issue } from '../domain/issues.ts';
import { bulletinFigureRule } from '../domain/rules/bulletin-figures.ts';
import { indexLedger } from '../domain/ledger.ts';
import { RECORDS_DIR } from '../format/layout.ts';
import { loadLedger } from '../format/load-ledger.ts';
import { BlobReader } from '../io/git/cat-file.ts';
import { listTree } from '../io/git/repo.ts';

/** Figure issues of the bulletins at `paths`, against the whole ledger at commit `sha`. */
export async function bulletinFiguresAt(repoDir: string, sha: string, paths: ReadonlySet<string>, reader?: BlobReader): Promise<Issue[]> {
  const files = await listTree(repoDir, sha, RECORDS_DIR);
  const own = reader ?? new BlobReader(repoDir);
  try {
    const texts = await own.readMany(files.map((f) => f.blob));
    const { ledger } = loadLedger(files.map((f, i) => ({ path: f.path, text: texts[i] ?? new Uint8Array() })));
    const issues = bulletinFigureRule({ ledger, index: indexLedger(ledger), complete: true });
    return issues.filter((i) => paths.has(i.file));
  } finally {
    if (!reader) own.close();
  }
}
