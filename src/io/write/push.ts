/**
 * Sending a step's commit to the forge from its runner: start from the
 * branch's tip on the remote, push directly (a push that lost a race to
 * another run is told apart from a refusal, so the caller can take the step
 * again on the new tip), or push a proposal branch and open a pull / merge
 * request (GitLab: push options; GitHub and Gitea: their REST API).
 */
import { gitRun } from './git-run.ts';

/** Fetch `remote` and put a local `branch` at its tip (a CI checkout may be detached). */
export function startFromRemote(top: string, remote: string, branch: string): void {
  gitRun(top, ['fetch', '-q', '--prune', remote, `+refs/heads/*:refs/remotes/${remote}/*`]);
  gitRun(top, ['checkout', '-q', '-B', branch, `refs/remotes/${remote}/${branch}`]);
}

export type PushOutcome = { ok: true } | { ok: false; raced: boolean; message: string };

/** `git push remote HEAD:refs/heads/<to>` with push options; a non-fast-forward is a lost race. */
export function pushHead(top: string, remote: string, to: string, options: string[] = []): PushOutcome {
  const args = ['push', '--porcelain', ...options.flatMap((o) => ['-o', o]), remote, `HEAD:refs/heads/${to}`];
  try {
    gitRun(top, args);
    return { ok: true };
  } catch (e) {
    const stderr = (e as { stderr?: string }).stderr ?? String(e);
    const stdout = String((e as { stdout?: string }).stdout ?? '');
    const raced = /non-fast-forward|fetch first|\[rejected\]|stale info/.test(stderr + stdout);
    return { ok: false, raced, message: stderr.trim() };
  }
}

/** Open a pull request through a GitHub-style REST API (GitHub; Gitea under /api/v1). */
export async function openPullRequest(api: string, repository: string, token: string, pr: { title: string; head: string; base: string; body: string }): Promise<string> {
  const res = await fetch(`${api.replace(/\/$/, '')}/repos/${repository}/pulls`, {
    method: 'POST',
    headers: { authorization: `token ${token}`, accept: 'application/vnd.github+json', 'content-type': 'application/json' },
    body: JSON.stringify(pr),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`pull request: HTTP ${res.status} ${text.slice(0, 300)}`);
  return (JSON.parse(text) as { html_url?: string }).html_url ?? '';
}
