/**
 * The forge's "Run workflow" form, as data: who pressed the button (the
 * forge user name, mapped through people.yml's `forge_users`), the step's
 * fields as one line of text (`by=zhou-jianguo；text=请抓好落实`) turned into
 * the step's options, and the branch a step is proposed on when config says
 * steps go through a merge request. Pure.
 */
import type { Person } from './schemas/people.ts';
import type { StepInput } from './actions/inputs.ts';

export type ForgeKind = 'github' | 'gitea' | 'gitlab';

/** The user who started the run, from the variables each forge sets. */
export function forgeActor(forge: ForgeKind, env: Record<string, string | undefined>): string | undefined {
  const v = forge === 'gitlab' ? env.GITLAB_USER_LOGIN : forge === 'gitea' ? (env.GITEA_ACTOR ?? env.GITHUB_ACTOR) : env.GITHUB_ACTOR;
  return v?.trim() || undefined;
}

/** The branch the run was started on. */
export function forgeBranch(forge: ForgeKind, env: Record<string, string | undefined>): string | undefined {
  const v = forge === 'gitlab' ? env.CI_COMMIT_REF_NAME : (env.GITEA_REF_NAME ?? env.GITHUB_REF_NAME);
  return v?.trim() || undefined;
}

/** The person whose forge user name this is (user names compare without case, as forges do). */
export function personOfForgeUser(people: readonly Person[], login: string): Person | undefined {
  const l = login.toLowerCase();
  return people.find((p) => (p.forge_users ?? []).some((u) => u.toLowerCase() === l));
}

export class FieldsError extends Error {}

/**
 * `key=value` pairs separated by `;`, `；` or new lines (`=`, `:` or `：`
 * between key and value), or a JSON object; keys are option names
 * (`reviewed-by` or `reviewed_by`).
 */
export function parseFields(text: string | undefined): Record<string, string> {
  const t = (text ?? '').trim();
  if (!t) return {};
  if (t.startsWith('{')) {
    try {
      const o = JSON.parse(t) as Record<string, unknown>;
      return Object.fromEntries(Object.entries(o).map(([k, v]) => [k.replace(/_/g, '-'), Array.isArray(v) ? v.join(',') : String(v)]));
    } catch {
      throw new FieldsError(`内容不是合法的 JSON：${t}`);
    }
  }
  const out: Record<string, string> = {};
  for (const part of t.split(/[;；\n]/)) {
    const p = part.trim();
    if (!p) continue;
    const m = /^([A-Za-z][A-Za-z0-9_-]*)\s*[=:：]\s*(.*)$/.exec(p);
    if (!m) throw new FieldsError(`看不懂 “${p}”：请写成 字段=内容，多项用分号隔开，例如 by=zhou-jianguo；text=请抓好落实`);
    out[m[1]!.replace(/_/g, '-')] = m[2]!.trim();
  }
  return out;
}

const YES = /^(true|yes|是|1)$/i;
const NO = /^(false|no|否|0)$/i;

/**
 * Command-line arguments for the fields: `--key value`; a yes/no field as
 * `--key` or `--no-key`; a switch of a command's own (`record=true`) as
 * `--key`.
 */
export function fieldArgs(fields: Record<string, string>, inputs: readonly StepInput[]): string[] {
  const args: string[] = [];
  for (const [k, v] of Object.entries(fields)) {
    const input = inputs.find((i) => i.option === k);
    if (input?.type === 'boolean') {
      if (YES.test(v)) args.push(`--${k}`);
      else if (NO.test(v)) args.push(`--no-${k}`);
    } else if (!input && (YES.test(v) || NO.test(v))) {
      if (YES.test(v)) args.push(`--${k}`);
    } else args.push(`--${k}`, v);
  }
  return args;
}

/** Ids typed in the form: separated by spaces, commas or 、. */
export const parseIds = (text: string | undefined): string[] => (text ?? '').split(/[\s,，、]+/).filter(Boolean);

/** The branch a proposed step is pushed to: `ledger/assign-DB-2026-0053-1a2b3c4`. */
export function proposalBranch(action: string, ids: readonly string[], sha: string): string {
  const what = ids.length ? `-${ids.slice(0, 3).join('-')}${ids.length > 3 ? '-etc' : ''}` : '';
  return `ledger/${action}${what}-${sha.slice(0, 7)}`;
}
