/**
 * The forge workflow files, executed: each file is parsed, its `run:` step
 * (GitHub, Gitea) or `script:` lines (GitLab) run locally with the
 * variables the forge would set, in a runner checkout of a real ledger whose
 * origin is a bare repository with the pre-receive hook installed. A step
 * lands authored as the person who pressed the button and committed by the
 * automation account; an unmapped user is refused; proposals go to a branch
 * with a pull request (a local API server records it) or GitLab push
 * options. The forms' lists of steps are the table's (`npm run forge:files`).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, TestRepo, yamlText } from '../src/checker/test-repo.ts';
import { FORGE_FILES, updateForgeFile } from '../src/cli/forge-files.ts';
import { stepCatalogue } from '../src/domain/actions/catalogue.ts';
import { WORKFLOWS } from '../src/domain/workflow.ts';
import { checkRange } from '../src/checker/check-range.ts';

const ROOT = resolve(import.meta.dirname, '..');
const node = join(ROOT, 'node_modules/.bin/node');
const FORGE_USERS: Record<string, string> = { 'wang-fang': 'wangfang', 'zhang-wei': 'zhangwei', 'zhao-qiang': 'zhaoq' };

function registries(push: 'direct' | 'request') {
  return {
    'records/people.yml': { people: Object.entries(PEOPLE).map(([id, p]) => ({ id, ...p, ...(FORGE_USERS[id] ? { forge_users: [FORGE_USERS[id]] } : {}) })) },
    'records/config.yml': {
      organisation: '测试街道',
      office: '测试街道考核督查办',
      bulletin_name: '测试督查',
      actions: { push },
      git: { automation: { name: '台账自动化', forge_users: ['ledger-bot'], emails: ['ledger-bot@zf.gov.cn'] } },
    },
  };
}

interface Forge {
  bare: string;
  office: TestRepo;
  runner: string;
  remove(): void;
}

/** A ledger on a bare remote with the hook, and a runner's full checkout of it (detached, as GitLab leaves it). */
function forge(push: 'direct' | 'request'): Forge {
  const bare = mkdtempSync(join(tmpdir(), 'ledger-forge-'));
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', bare]);
  execFileSync('git', ['config', 'receive.advertisePushOptions', 'true'], { cwd: bare });
  execFileSync(node, [join(ROOT, 'scripts/install-hook.ts'), bare], { cwd: ROOT });
  const office = TestRepo.create({ registries: Object.fromEntries(Object.entries(registries(push)).map(([k, v]) => [k, v])) });
  office.git('remote', 'add', 'origin', bare);
  office.git('push', '-q', 'origin', 'main');
  const runner = mkdtempSync(join(tmpdir(), 'ledger-runner-'));
  execFileSync('git', ['clone', '-q', bare, runner]);
  execFileSync('git', ['checkout', '-q', '--detach'], { cwd: runner });
  return {
    bare,
    office,
    runner,
    remove() {
      for (const d of [bare, runner]) rmSync(d, { recursive: true, force: true });
      office.remove();
    },
  };
}

/** `${{ inputs.x }}`, `${{ secrets.X }}` as the forge fills them in. */
function expand(v: unknown, inputs: Record<string, string>, secrets: Record<string, string>): string {
  return String(v).replace(/\$\{\{\s*(inputs|secrets)\.([A-Za-z_]+)\s*\}\}/g, (_, ctx: string, k: string) => (ctx === 'inputs' ? inputs[k] : secrets[k]) ?? '');
}

interface Ran {
  status: number | null;
  out: string;
}

/** `bash -e -c line`, asynchronously (the API server of this process must answer meanwhile). */
function bash(line: string, env: Record<string, string>): Promise<{ status: number | null; out: string }> {
  return new Promise((done) => {
    const p = spawn('bash', ['-e', '-c', line], { cwd: ROOT, env });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    p.on('close', (status) => done({ status, out }));
  });
}

/** The `办理` step of a GitHub-syntax workflow file, run as the runner would run it. */
async function runActions(file: string, f: Forge, inputs: Record<string, string>, forgeEnv: Record<string, string>): Promise<Ran> {
  const wf = parse(readFileSync(join(ROOT, file), 'utf8'));
  const steps = wf.jobs.step.steps as { run?: string; env?: Record<string, string> }[];
  let out = '';
  let status: number | null = 0;
  for (const s of steps) {
    if (!s.run || /^npm ci/.test(s.run)) continue; // dependencies are installed here already
    const env = Object.fromEntries(Object.entries(s.env ?? {}).map(([k, v]) => [k, expand(v, inputs, { GITHUB_TOKEN: 'test-token', GITEA_TOKEN: '' })]));
    const r = await bash(s.run, { ...runnerEnv(f), ...forgeEnv, ...env });
    out += r.out;
    status = r.status;
    if (status !== 0) break;
  }
  return { status, out };
}

/** GitLab's job: its variables, then its script lines (but `npm ci`). */
async function runGitlab(f: Forge, variables: Record<string, string>, ciEnv: Record<string, string>): Promise<Ran> {
  const ci = parse(readFileSync(join(ROOT, '.gitlab/ledger-step.yml'), 'utf8'));
  const job = ci['ledger-step'];
  const globals = Object.fromEntries(Object.entries(ci.variables as Record<string, { value: string }>).map(([k, v]) => [k, v.value]));
  let out = '';
  let status: number | null = 0;
  for (const line of job.script as string[]) {
    if (/^npm ci/.test(line)) continue;
    const r = await bash(line, { ...runnerEnv(f), ...globals, ...job.variables, ...variables, ...ciEnv });
    out += r.out;
    status = r.status;
    if (status !== 0) break;
  }
  return { status, out };
}

function runnerEnv(f: Forge): Record<string, string> {
  return {
    ...(process.env as Record<string, string>),
    PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}`,
    LEDGER_DIR: f.runner,
    LEDGER_TODAY: '2026-03-02',
    GIT_AUTHOR_DATE: '2026-03-02T15:00:00+08:00',
    GIT_COMMITTER_DATE: '2026-03-02T15:00:00+08:00',
    HOME: f.runner,
    GIT_CONFIG_NOSYSTEM: '1',
  };
}

const REGISTER = {
  action: 'register',
  items: '',
  fields:
    'kind=meeting；title=背街小巷环境卫生集中整治；source-type=party_committee；source-name=党工委会议（2026年第6次）；source-date=2026-03-01；content=集中整治；requirements=每周五报送；deadline=2026-04-30；leaders=li-ming；lead-unit=urban；co-units=env',
  dry_run: 'false',
};

const git = (dir: string, ...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();

let f: Forge | undefined;
let server: Server;
let api = '';
const requests: { url?: string; auth?: string; body: Record<string, string> }[] = [];

beforeAll(async () => {
  // the hook runs the bundled checker
  if (!existsSync(join(ROOT, 'dist-cli/check.mjs'))) execFileSync(node, [join(ROOT, 'scripts/build-cli.ts')], { cwd: ROOT });
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      requests.push({ url: req.url, auth: req.headers.authorization, body: JSON.parse(body) });
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ html_url: 'http://127.0.0.1/zf/ledger/pull/1' }));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  api = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => server.close());
afterEach(() => {
  f?.remove();
  f = undefined;
});

describe('the forge workflow files', () => {
  it('offer every step of the workflow table, and no other', () => {
    const actions = stepCatalogue().map((s) => s.action);
    for (const file of ['.github/workflows/ledger-step.yml', '.gitea/workflows/ledger-step.yml']) {
      const wf = parse(readFileSync(join(ROOT, file), 'utf8'));
      expect(wf.on.workflow_dispatch.inputs.action.options, file).toEqual(actions);
    }
    const gl = parse(readFileSync(join(ROOT, '.gitlab/ledger-step.yml'), 'utf8'));
    expect(gl.variables.LEDGER_ACTION.description).toContain(actions.join(', '));
    expect(gl.variables.LEDGER_ACTION.options).toEqual(['', ...actions]);
    expect(readFileSync(join(ROOT, '.gitlab-ci.yml'), 'utf8')).toContain('- local: .gitlab/ledger-step.yml');
  });

  it('are up to date with the table (npm run forge:files writes them), and a step the table gains makes them stale', () => {
    for (const file of FORGE_FILES) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      expect(updateForgeFile(file, text), `${file} is out of date with the workflow table: run npm run forge:files`).toBe(text);
    }
    WORKFLOWS.meeting.edges.push({ action: 'reopen', label: '重新交办', from: 'bulletined', to: 'in_progress', committer: ['office'], appends: 'returns' });
    try {
      const file = FORGE_FILES[0];
      const next = updateForgeFile(file, readFileSync(join(ROOT, file), 'utf8'));
      expect(parse(next).on.workflow_dispatch.inputs.action.options).toContain('reopen');
      expect(next).toContain('#   reopen                重新交办');
    } finally {
      WORKFLOWS.meeting.edges.pop();
    }
    const check = spawnSync(process.execPath, [join(ROOT, 'scripts/forge-files.ts'), '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
  });

  it('GitHub: the step lands on main, authored by the person who pressed the button, committed by the automation account, through the hook', async () => {
    f = forge('direct');
    const r = await runActions('.github/workflows/ledger-step.yml', f, REGISTER, { GITHUB_ACTOR: 'WangFang', GITHUB_REF_NAME: 'main', GITHUB_REPOSITORY: 'zf/ledger', GITHUB_API_URL: api });
    expect(r.status, r.out).toBe(0);
    expect(git(f.bare, 'log', '-1', '--format=%an <%ae>|%cn <%ce>|%s', 'main')).toBe('王芳 <wang.fang@zf.gov.cn>|台账自动化 <ledger-bot@zf.gov.cn>|DB-2026-0001 分解立项：背街小巷环境卫生集中整治');
    const check = await checkRange(f.bare, { range: 'main~1..main' });
    expect(check.issues.filter((i) => i.severity === 'error')).toEqual([]);
    // the next run assigns it (fields naming a notice's own options)
    const r2 = await runActions('.github/workflows/ledger-step.yml', f, { action: 'assign', items: 'DB-2026-0001', fields: 'approved-by=zhang-wei', dry_run: 'false' }, { GITHUB_ACTOR: 'wangfang', GITHUB_REF_NAME: 'main' });
    expect(r2.status, r2.out).toBe(0);
    expect(git(f.bare, 'show', 'main:records/notices/TZ-2026-001.md')).toContain('approved_by: zhang-wei');
  });

  it('an unmapped user is refused and nothing is pushed; a refused step says why', async () => {
    f = forge('direct');
    const before = git(f.bare, 'rev-parse', 'main');
    const r = await runActions('.github/workflows/ledger-step.yml', f, REGISTER, { GITHUB_ACTOR: 'stranger', GITHUB_REF_NAME: 'main' });
    expect(r.status).toBe(1);
    expect(r.out).toContain('托管平台用户 “stranger” 没有登记在 records/people.yml 的 forge_users 中');
    const wrong = await runActions('.github/workflows/ledger-step.yml', f, REGISTER, { GITHUB_ACTOR: 'zhaoq', GITHUB_REF_NAME: 'main' });
    expect(wrong.status).toBe(1);
    expect(wrong.out).toContain('【wrong-committer】');
    expect(git(f.bare, 'rev-parse', 'main')).toBe(before);
  });

  it('Gitea, proposals: a branch and a pull request through the API, main untouched', async () => {
    f = forge('request');
    const before = git(f.bare, 'rev-parse', 'main');
    requests.length = 0;
    const r = await runActions('.gitea/workflows/ledger-step.yml', f, REGISTER, { GITEA_ACTOR: 'wangfang', GITHUB_ACTOR: 'wangfang', GITEA_REF_NAME: 'main', GITHUB_REPOSITORY: 'zf/ledger', GITHUB_API_URL: `${api}/api/v1` });
    expect(r.status, r.out).toBe(0);
    expect(git(f.bare, 'rev-parse', 'main')).toBe(before);
    const branches = git(f.bare, 'for-each-ref', '--format=%(refname:short)', 'refs/heads/ledger');
    expect(branches).toMatch(/^ledger\/register-[0-9a-f]{7}$/);
    expect(requests).toEqual([{ url: '/api/v1/repos/zf/ledger/pulls', auth: 'token test-token', body: expect.objectContaining({ head: branches, base: 'main', title: 'DB-2026-0001 分解立项：背街小巷环境卫生集中整治' }) }]);
  });

  it('GitLab: the job’s script from a detached checkout, a merge request by push options', async () => {
    f = forge('request');
    const r = await runGitlab(f, { LEDGER_ACTION: 'register', LEDGER_FIELDS: REGISTER.fields }, { GITLAB_USER_LOGIN: 'wangfang', CI_COMMIT_REF_NAME: 'main', CI_PIPELINE_SOURCE: 'web' });
    expect(r.status, r.out).toBe(0);
    const branch = git(f.bare, 'for-each-ref', '--format=%(refname:short)', 'refs/heads/ledger');
    expect(git(f.bare, 'log', '-1', '--format=%an|%s', branch)).toBe('王芳|DB-2026-0001 分解立项：背街小巷环境卫生集中整治');
  });

  it('a dry run from the form writes and pushes nothing', async () => {
    f = forge('direct');
    const before = git(f.bare, 'rev-parse', 'main');
    const r = await runActions('.github/workflows/ledger-step.yml', f, { ...REGISTER, dry_run: 'true' }, { GITHUB_ACTOR: 'wangfang', GITHUB_REF_NAME: 'main' });
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain('+state: registered');
    expect(git(f.bare, 'rev-parse', 'main')).toBe(before);
    void yamlText;
  });
});
