/** The working-tree check: read `records/`, load, run every rule. */
import { checkLedger } from '../domain/rules/index.ts';
import { sortIssues, type Issue } from '../domain/issues.ts';
import type { Ledger } from '../domain/ledger.ts';
import { loadLedger } from '../format/load-ledger.ts';
import { readRecordsTree } from '../io/read-tree.ts';

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
