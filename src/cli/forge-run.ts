/**
 * A step started from the forge's "Run workflow" form (GitHub Actions,
 * Gitea Actions, GitLab CI): the person is whoever pressed the button,
 * mapped through people.yml; the step is the same `ledger <action>` a clerk
 * types; its commit goes to the branch directly, or as a proposal branch
 * with a pull / merge request, as `config.yml`'s `actions.push` says. A push
 * that lost a race to another run is retried on the new tip (the step is
 * judged again there); a refusal is final.
 *
 * Reads: LEDGER_FORGE (github | gitea | gitlab), LEDGER_ACTION, LEDGER_ITEMS,
 * LEDGER_FIELDS, LEDGER_DRY_RUN, LEDGER_DIR (default .), LEDGER_REMOTE
 * (default origin), LEDGER_PUSH_URL or, on GitLab, LEDGER_PUSH_TOKEN (a
 * token that may push); the forge's own variables for the actor, branch,
 * API and token.
 */
import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { stepCatalogue } from '../domain/actions/catalogue.ts';
import { BATCH_DOCUMENTS, DOCUMENTS } from '../domain/actions/documents.ts';
import { FieldsError, fieldArgs, forgeActor, forgeBranch, parseFields, parseIds, personOfForgeUser, proposalBranch, type ForgeKind } from '../domain/forge.ts';
import { gitRun } from '../io/write/git-run.ts';
import { openPullRequest, pushHead, startFromRemote } from '../io/write/push.ts';
import { openLedger } from './context.ts';
import { EXIT } from './errors.ts';
import { runMain, type Io } from './main.ts';

const FORGES: ForgeKind[] = ['github', 'gitea', 'gitlab'];
const TRIES = 3;

export async function runForgeStep(env: Record<string, string | undefined>, io: Io): Promise<number> {
  const fail = (msg: string, code: number = EXIT.refused) => {
    io.err(`未办理：${msg}\n`);
    return code;
  };
  const forge = env.LEDGER_FORGE as ForgeKind;
  if (!FORGES.includes(forge)) return fail(`LEDGER_FORGE 应为 ${FORGES.join('、')}`, EXIT.usage);
  const dir = resolve(env.LEDGER_DIR ?? '.');
  const remote = env.LEDGER_REMOTE ?? 'origin';
  const action = (env.LEDGER_ACTION ?? '').trim();
  const step = stepCatalogue().find((s) => s.action === action);
  if (!step) return fail(`不认识的办理环节 “${action}”；可选：${stepCatalogue().map((s) => s.action).join('、')}`, EXIT.usage);
  const ids = parseIds(env.LEDGER_ITEMS);
  let fields: Record<string, string>;
  try {
    fields = parseFields(env.LEDGER_FIELDS);
  } catch (e) {
    if (e instanceof FieldsError) return fail(e.message, EXIT.usage);
    throw e;
  }
  const login = forgeActor(forge, env);
  if (!login) return fail('托管平台没有告诉我们是谁运行了工作流（缺少 GITHUB_ACTOR / GITLAB_USER_LOGIN）', EXIT.usage);
  const branch = forgeBranch(forge, env) ?? gitRun(dir, ['symbolic-ref', '--short', 'HEAD'], { allowFail: true })?.trim();
  if (!branch) return fail('不知道要办理到哪个分支（缺少 GITHUB_REF_NAME / CI_COMMIT_REF_NAME）', EXIT.usage);
  const pushUrl =
    env.LEDGER_PUSH_URL ||
    (forge === 'gitlab' && env.LEDGER_PUSH_TOKEN && env.CI_SERVER_HOST && env.CI_PROJECT_PATH
      ? `https://oauth2:${env.LEDGER_PUSH_TOKEN}@${env.CI_SERVER_HOST}/${env.CI_PROJECT_PATH}.git`
      : undefined);
  if (pushUrl) gitRun(dir, ['remote', 'set-url', '--push', remote, pushUrl]);

  const dryRun = /^(true|1|yes)$/i.test(env.LEDGER_DRY_RUN ?? '');
  for (let attempt = 1; attempt <= TRIES; attempt++) {
    startFromRemote(dir, remote, branch);
    const opened = openLedger(dir);
    const person = personOfForgeUser(opened.ledger.people.map((p) => p.value), login);
    if (!person) return fail(`托管平台用户 “${login}” 没有登记在 records/people.yml 的 forge_users 中，不能以其名义办理；请考核督查办在名册中为本人加上 forge_users: [${login}]`);
    const automation = opened.ledger.config?.value.git.automation;
    const committer = automation?.emails[0] ? { GIT_COMMITTER_NAME: automation.name ?? automation.forge_users[0] ?? 'ledger', GIT_COMMITTER_EMAIL: automation.emails[0] } : {};
    Object.assign(process.env, committer);
    const inputs = [...step.inputs, ...DOCUMENTS.flatMap((d) => d.inputs), ...BATCH_DOCUMENTS.flatMap((d) => d.inputs)];
    const argv = [action, ...ids, '--as', person.id, ...fieldArgs(fields, inputs), '--dir', dir, ...(dryRun ? ['--dry-run'] : []), ...(env.LEDGER_TODAY ? ['--today', env.LEDGER_TODAY] : [])];
    io.out(`${person.name}（${login}）：ledger ${argv.slice(0, -2).join(' ')}\n`);
    const code = await runMain(argv, io);
    if (code !== EXIT.ok || dryRun) return code;

    const head = gitRun(dir, ['rev-parse', 'HEAD'])!.trim();
    const subject = gitRun(dir, ['log', '-1', '--format=%s'])!.trim();
    const mode = opened.ledger.config?.value.actions.push ?? 'direct';
    if (mode === 'direct') {
      const r = pushHead(dir, remote, branch);
      if (r.ok) {
        summary(env, `${subject}（已提交到 ${branch}，${head.slice(0, 7)}）`);
        return EXIT.ok;
      }
      if (!r.raced) return fail(`推送被拒绝：\n${r.message}`);
      io.err(`分支 ${branch} 已被其他操作更新，在最新状态上重新办理（第 ${attempt + 1} 次）……\n`);
      continue;
    }
    const proposal = proposalBranch(action, ids, head);
    const options = forge === 'gitlab' ? ['merge_request.create', `merge_request.target=${branch}`, `merge_request.title=${subject}`, 'merge_request.remove_source_branch'] : [];
    const r = pushHead(dir, remote, proposal, options);
    if (!r.ok) return fail(`推送被拒绝：\n${r.message}`);
    if (forge !== 'gitlab') {
      const api = env.GITHUB_API_URL ?? (env.GITHUB_SERVER_URL ? `${env.GITHUB_SERVER_URL}/api/v1` : undefined);
      const token = env.GITEA_TOKEN || env.GITHUB_TOKEN;
      if (!api || !env.GITHUB_REPOSITORY || !token) return fail(`已推送分支 ${proposal}，但缺少 GITHUB_API_URL / GITHUB_REPOSITORY / GITHUB_TOKEN，无法发起合并请求`);
      let url: string;
      try {
        url = await openPullRequest(api, env.GITHUB_REPOSITORY, token, { title: subject, head: proposal, base: branch, body: `由 ${person.name}（${login}）在网页上办理：\`ledger ${argv.slice(0, -2).join(' ')}\`` });
      } catch (e) {
        return fail(`已推送分支 ${proposal}，但发起合并请求失败（${(e as Error).message}）；请在网页上从该分支手动发起合并请求`);
      }
      summary(env, `${subject}（合并请求：${url || proposal}）`);
    } else summary(env, `${subject}（已推送分支 ${proposal} 并发起合并请求）`);
    return EXIT.ok;
  }
  return fail(`分支 ${branch} 一直在被其他操作更新，${TRIES} 次都没能推送；请稍后再运行`);
}

/** A line for the run's summary page, where the forge has one. */
function summary(env: Record<string, string | undefined>, line: string) {
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `${line}\n`);
}
