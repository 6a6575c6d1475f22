/**
 * Merge bases the streamed graph does not reach. A pushed merge usually
 * has its base before the pushed commits (the side branch was pushed
 * earlier), so the history check's own graph cannot answer. Instead of a
 * `git merge-base` process per merge, ONE `git rev-list --boundary` over
 * every pair's symmetric difference (`a...b c...d`) lists the commits
 * between the pairs and their bases, and the bases are found in memory.
 */
import { spawn } from 'node:child_process';
import { CommitGraph } from '../../domain/commit-graph.ts';
import { mergeBase } from './repo.ts';

export type Pair = readonly [string, string];

/** The commits of `a...b …` with their parents, boundary (the bases) included, parents first. */
function symmetricGraph(repoDir: string, pairs: readonly Pair[]): Promise<CommitGraph | undefined> {
  return new Promise((resolve) => {
    const child = spawn('git', ['rev-list', '--parents', '--boundary', '--topo-order', '--reverse', ...pairs.map(([a, b]) => `${a}...${b}`), '--'], {
      cwd: repoDir,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => chunks.push(d));
    child.on('error', () => resolve(undefined));
    child.on('close', (code) => {
      if (code !== 0) return resolve(undefined);
      const g = new CommitGraph();
      for (const line of Buffer.concat(chunks).toString('latin1').split('\n')) {
        if (!line) continue;
        const [sha, ...parents] = line.replace(/^-/, '').split(' ');
        g.add(sha!, parents);
      }
      resolve(g);
    });
  });
}

/**
 * The merge base of each pair (`null`: no common ancestor), from `known`
 * when it can tell, else from one `git rev-list` for all the others; a
 * `git merge-base` per pair only when that cannot tell either.
 */
export async function mergeBases(repoDir: string, pairs: readonly Pair[], known: CommitGraph): Promise<(string | null)[]> {
  const out: (string | null | undefined)[] = pairs.map(([a, b]) => known.mergeBase(a, b));
  const open = pairs.filter((_, i) => out[i] === undefined);
  if (open.length) {
    const g = await symmetricGraph(repoDir, open);
    for (let i = 0; i < pairs.length; i++) if (out[i] === undefined && g) out[i] = g.mergeBase(pairs[i]![0], pairs[i]![1]);
  }
  for (let i = 0; i < pairs.length; i++) {
    if (out[i] === undefined) out[i] = (await mergeBase(repoDir, pairs[i]![0], pairs[i]![1])) ?? null;
  }
  return out as (string | null)[];
}
