/**
 * The commit graph of a checked range, kept as it streams by, to answer
 * "merge base of these two parents" in memory: a pull-request workflow
 * makes a merge commit per change, and one `git merge-base` process per
 * merge would be a process per record. Pure.
 */

export class CommitGraph {
  private parents = new Map<string, string[]>();
  private generation = new Map<string, number>();

  /** Add a commit (parents first: the log is in topological order). */
  add(sha: string, parents: string[]): void {
    if (this.parents.has(sha)) return;
    this.parents.set(sha, parents);
    let g = 0;
    for (const p of parents) g = Math.max(g, (this.generation.get(p) ?? 0) + 1);
    this.generation.set(sha, g);
  }

  /**
   * A best common ancestor of `a` and `b`, walking down from both by
   * generation number; `null` when they have none (unrelated histories);
   * `undefined` when the walk leaves the known graph (the base lies before
   * the range: ask Git).
   */
  mergeBase(a: string, b: string): string | null | undefined {
    if (a === b) return a;
    const flags = new Map<string, number>(); // 1: reached from a, 2: from b
    const queue: string[] = [];
    const push = (sha: string, flag: number) => {
      const old = flags.get(sha) ?? 0;
      if ((old | flag) === old) return;
      flags.set(sha, old | flag);
      queue.push(sha);
    };
    push(a, 1);
    push(b, 2);
    let best: string | undefined;
    let bestGen = -1;
    while (queue.length) {
      // highest generation first: a commit is visited after all its descendants
      let k = 0;
      for (let i = 1; i < queue.length; i++) if ((this.generation.get(queue[i]!) ?? 0) > (this.generation.get(queue[k]!) ?? 0)) k = i;
      const sha = queue.splice(k, 1)[0]!;
      const gen = this.generation.get(sha) ?? 0;
      if (gen < bestGen) break;
      const f = flags.get(sha)!;
      if (f === 3) {
        if (gen > bestGen) {
          best = sha;
          bestGen = gen;
        }
        continue; // its ancestors are common too, and older
      }
      const ps = this.parents.get(sha);
      if (!ps) return undefined; // outside the range: unknown
      for (const p of ps) push(p, f);
    }
    return best ?? null;
  }
}
