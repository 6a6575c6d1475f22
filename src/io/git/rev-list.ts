/** One `git rev-list` over revision arguments: commit ids, in the order asked for, streamed (no output buffer limit). */
import { spawn } from 'node:child_process';

export function revList(repoDir: string, args: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['rev-list', ...args, '--'], { cwd: repoDir, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out.split('\n').filter(Boolean)) : reject(new Error(`git rev-list failed (${code}): ${err.trim()}`))));
  });
}
