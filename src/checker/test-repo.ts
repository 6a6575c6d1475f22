/**
 * Test support: real temporary Git repositories with fixed dates and
 * authors from a small registry, and builders for item records at any state
 * of their workflow. Used by the history-check and hook tests.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { recordText, yamlFileText } from '../format/serialise.ts';
import { reportPath, summaryPath } from '../format/layout.ts';
import { checkRange, type RangeOptions } from './check-range.ts';

export const PEOPLE = {
  'wang-fang': { name: '王芳', title: '考核督查办主任', roles: ['office'], emails: ['wang.fang@zf.gov.cn'], forge_users: ['wang.fang'] },
  'zhang-wei': { name: '张伟', title: '党工委书记', roles: ['main_leader'], emails: ['zhang.wei@zf.gov.cn'], forge_users: ['zhang.wei'] },
  'chen-jing': { name: '陈静', title: '党工委副书记', roles: ['supervision_leader', 'leader'], emails: ['chen.jing@zf.gov.cn'], forge_users: ['chen.jing'] },
  'li-ming': { name: '李明', title: '办事处副主任', roles: ['leader'], emails: ['li.ming@zf.gov.cn'], forge_users: ['li.ming'] },
  'zhao-qiang': { name: '赵强', title: '城市管理办主任', roles: ['unit'], unit: 'urban', emails: ['zhao.qiang@zf.gov.cn'], forge_users: ['zhao.qiang'] },
  'qian-hong': { name: '钱红', title: '生态环境办主任', roles: ['unit'], unit: 'env', emails: ['qian.hong@zf.gov.cn'], forge_users: ['qian.hong'] },
} as const;
export type PersonId = keyof typeof PEOPLE;

const REGISTRIES: Record<string, unknown> = {
  'records/config.yml': { organisation: '测试街道', office: '测试街道考核督查办', bulletin_name: '测试督查' },
  'records/people.yml': { people: Object.entries(PEOPLE).map(([id, p]) => ({ id, ...p })) },
  'records/units.yml': {
    units: [
      { id: 'urban', name: '城市管理办公室', type: 'department' },
      { id: 'env', name: '生态环境办公室', type: 'department' },
    ],
  },
};

/** A Markdown record with YAML frontmatter. */
export const record = (data: Record<string, unknown>, body = '说明。\n'): string => recordText(data, body);

export const yamlText = yamlFileText;

const ST = (date: string, by: PersonId) => ({ date, by });

/** Step fields of each state, dated a day apart from 2026-03-02. */
const STEPS: Record<string, Record<string, unknown>> = {
  registered: { registered: ST('2026-03-02', 'wang-fang') },
  instructed: { instruction: { date: '2026-03-03', by: 'zhang-wei', text: '请城管办牵头抓好落实。' } },
  assigned: { assigned: { date: '2026-03-04', by: 'wang-fang' } },
  in_progress: { arranged: ST('2026-03-05', 'li-ming') },
  reported: { summary: { date: '2026-03-20', by: 'wang-fang', document: 'HB-2026-001' } },
  submitted: { submitted: { date: '2026-03-21', by: 'wang-fang', to: '区委督查室' } },
  closed: {
    reviews: [{ date: '2026-03-24', by: 'wang-fang', report: '2026-03-10-urban.md', result: 'accepted' }],
    closure: { date: '2026-03-25', by: 'wang-fang', reports: ['2026-03-10-urban.md'], method: 'document', verified_by: 'wang-fang' },
  },
  archived: { archive: { date: '2026-03-26', by: 'wang-fang', ref: '档案 2026-001' } },
};
const SUPERIOR_PATH = ['registered', 'instructed', 'assigned', 'in_progress', 'reported', 'submitted', 'closed', 'archived'];

/** A superior item (上级督查) with every field up to `state`. */
export function superiorItem(id: string, state: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const base: Record<string, unknown> = {
    id,
    title: '背街小巷环境整治',
    kind: 'superior',
    source: { type: 'document', name: '关于开展环境整治的通知', doc_no: '区委办〔2026〕12号', date: '2026-03-01', issuer: '区委办公室' },
    content: '对辖区背街小巷开展集中整治。',
    requirements: '4月底前完成。',
    deadline: '2026-04-30',
    leaders: ['li-ming'],
    lead_unit: 'urban',
    co_units: ['env'],
    state,
  };
  const upto = SUPERIOR_PATH.slice(0, SUPERIOR_PATH.indexOf(state) + 1);
  for (const s of upto) Object.assign(base, STEPS[s]);
  return { ...base, ...extra };
}

/**
 * What a superior item's steps rest on besides its own file, keyed by the
 * state whose commit needs it first: the unit's report a closure names,
 * the 督查汇报 (reviewed and instructed before 已汇报, revised before 上报).
 */
export function superiorSupport(id: string): Record<string, { date: string; by: PersonId; files: Record<string, string> }[]> {
  const doc = (extra: Record<string, unknown>) =>
    recordText(
      {
        id: 'HB-2026-001',
        title: '关于背街小巷环境整治情况的汇报',
        item: id,
        to: '区委督查室',
        materials: ['2026-03-10-urban.md'],
        drafted: { date: '2026-03-18', by: 'wang-fang' },
        reviewed: { date: '2026-03-19', by: 'chen-jing' },
        instructed: { date: '2026-03-20', by: 'zhang-wei', text: '同意上报。' },
        ...extra,
      },
      '汇报正文。\n',
    );
  const report = recordText({ date: '2026-03-10', unit: 'urban', by: 'zhao-qiang', progress: '已清理背街小巷 8 条。', done: true });
  return {
    in_progress: [],
    reported: [
      { date: '2026-03-10', by: 'zhao-qiang', files: { [reportPath(id, '2026-03-10-urban.md')]: report } },
      { date: '2026-03-20', by: 'wang-fang', files: { [summaryPath('HB-2026-001')]: doc({}) } },
    ],
    submitted: [{ date: '2026-03-21', by: 'wang-fang', files: { [summaryPath('HB-2026-001')]: doc({ revised: { date: '2026-03-21', by: 'wang-fang' } }) } }],
  };
}

export { itemPath as itemFile, reportPath as reportFile } from '../format/layout.ts';

export interface CommitSpec {
  by: PersonId | { name: string; email: string };
  /** The committer, when not the author (someone recording on another's behalf). */
  committer?: PersonId | { name: string; email: string };
  date: string;
  message?: string;
  files: Record<string, string | null>;
  /** Sign the commit with this SSH private key (gpg.format=ssh). */
  signWith?: string;
}

export class TestRepo {
  readonly dir: string;
  private n = 0;

  private constructor(dir: string) {
    this.dir = dir;
  }

  /** A new repository whose first commit holds the registries (by the office). */
  static create(opts: { registries?: Record<string, unknown> } = {}): TestRepo {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-git-'));
    const repo = new TestRepo(dir);
    repo.git('init', '-q', '-b', 'main');
    const files: Record<string, string> = {};
    for (const [p, v] of Object.entries({ ...REGISTRIES, ...opts.registries })) files[p] = yamlText(v);
    repo.commit({ by: 'wang-fang', date: '2026-03-01', message: '建立台账', files });
    return repo;
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: this.dir } });
  }

  /** Write `files` (null deletes) and commit them as `by` on `date` (Beijing, 10:00 + n minutes). */
  commit(spec: CommitSpec): string {
    for (const [p, content] of Object.entries(spec.files)) {
      const abs = join(this.dir, p);
      if (content === null) rmSync(abs, { force: true });
      else {
        mkdirSync(dirname(abs), { recursive: true });
        writeFileSync(abs, content);
      }
    }
    this.git('add', '-A');
    const person = (p: CommitSpec['by']) => (typeof p === 'string' ? { name: PEOPLE[p].name, email: PEOPLE[p].emails[0] } : p);
    const who = person(spec.by);
    const by = spec.committer ? person(spec.committer) : who;
    const when = `${spec.date}T10:${String(this.n++ % 60).padStart(2, '0')}:00+08:00`;
    const sign = spec.signWith ? ['-c', 'gpg.format=ssh', '-c', `user.signingkey=${spec.signWith}`] : [];
    execFileSync('git', [...sign, 'commit', '-q', '--allow-empty', '--no-verify', ...(spec.signWith ? ['-S'] : []), '-m', spec.message ?? `change ${this.n}`], {
      cwd: this.dir,
      env: {
        ...process.env,
        HOME: this.dir,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_AUTHOR_NAME: who.name,
        GIT_AUTHOR_EMAIL: who.email,
        GIT_COMMITTER_NAME: by.name,
        GIT_COMMITTER_EMAIL: by.email,
        GIT_AUTHOR_DATE: when,
        GIT_COMMITTER_DATE: when,
      },
    });
    return this.git('rev-parse', 'HEAD').trim();
  }

  /**
   * Merge `branch` into the current branch as `by` on `date`: Git's own
   * merge, then `files` written over the result (a conflict resolved, or a
   * change the merge itself makes; null deletes), committed as the merge.
   */
  merge(branch: string, spec: Omit<CommitSpec, 'files'> & { files?: Record<string, string | null> }): string {
    try {
      this.git('-c', 'user.name=test', '-c', 'user.email=test@localhost', 'merge', '-q', '--no-ff', '--no-commit', branch);
    } catch {
      // a conflict: the files below resolve it
    }
    for (const [p, content] of Object.entries(spec.files ?? {})) {
      const abs = join(this.dir, p);
      if (content === null) rmSync(abs, { force: true });
      else {
        mkdirSync(dirname(abs), { recursive: true });
        writeFileSync(abs, content);
      }
    }
    this.git('add', '-A');
    return this.commit({ ...spec, files: {}, message: spec.message ?? `合并 ${branch}` });
  }

  /** Issue codes of checking `range` (default: the last commit). */
  async codes(opts: RangeOptions = { range: 'HEAD~1..HEAD' }): Promise<string[]> {
    const r = await checkRange(this.dir, opts);
    return r.issues.filter((i) => i.severity === 'error').map((i) => i.code);
  }

  async check(opts: RangeOptions = { range: 'HEAD~1..HEAD' }) {
    return checkRange(this.dir, opts);
  }

  remove() {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
