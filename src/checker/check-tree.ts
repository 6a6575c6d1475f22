/** The working-tree check: read `records/`, load, run every rule. */
import { checkLedger } from '../domain/rules/index.ts';
import { sortIssues, type Issue } from '../domain/issues.ts';
import type { Ledger } from '../domain/ledger.ts';
import { LedgerLoader, loadLedger } from '../format/load-ledger.ts';
import { readRecordsTree, streamRecordsTree } from '../io/read-tree.ts';

export interface TreeCheck {
  ledger: Ledger;
  issues: Issue[];
  files: number;
}

export function checkTree(repoDir: string, opts: { today?: string } = {}): TreeCheck {
  const read = readRecordsTree(repoDir);
  const { ledger, issues } = loadLedger(read.sources);
  const ruleIssues = checkLedger(ledger, opts);
  return { ledger, issues: sortIssues([...read.issues, ...issues, ...ruleIssues]), files: read.sources.length };
}

/**
 * The same check with the files read on another thread while they are
 * parsed (what `npm run check` runs): same issues, less waiting.
 */
export async function checkTreeStreaming(repoDir: string, opts: { today?: string } = {}): Promise<TreeCheck> {
  const loader = new LedgerLoader();
  const read = await streamRecordsTree(repoDir, (files) => {
    for (const f of files) loader.add(f);
  });
  const { ledger, issues } = loader.finish();
  const ruleIssues = checkLedger(ledger, opts);
  return { ledger, issues: sortIssues([...read.issues, ...issues, ...ruleIssues]), files: read.files };
}
