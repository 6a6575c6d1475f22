/**
 * Which records still name a record that a commit removed: ONE `git grep`
 * over every such commit's tree for every removed id (a batch of commits,
 * not a process per commit), so the referring records are checked again as
 * of that commit.
 */
import { spawn } from 'node:child_process';

/** `sha → paths` of files under `prefix` in each commit's tree that contain any of `ids`. */
export function filesNaming(repoDir: string, shas: string[], ids: string[], prefix: string): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (!shas.length || !ids.length) return Promise.resolve(out);
  return new Promise((resolve) => {
    const args = ['-c', 'core.quotepath=off', 'grep', '-l', '-z', '-F', '--full-name', ...ids.flatMap((id) => ['-e', id]), ...shas, '--', prefix];
    const child = spawn('git', args, { cwd: repoDir, stdio: ['ignore', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => chunks.push(d));
    child.on('error', () => resolve(out));
    child.on('close', () => {
      for (const hit of Buffer.concat(chunks).toString('utf8').split('\0')) {
        const colon = hit.indexOf(':');
        if (colon < 0) continue;
        const sha = hit.slice(0, colon);
        const set = out.get(sha) ?? new Set<string>();
        set.add(hit.slice(colon + 1));
        out.set(sha, set);
      }
      resolve(out);
    });
  });
}
