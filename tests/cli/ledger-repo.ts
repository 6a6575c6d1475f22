/**
 * Test support for the step commands: a real temporary ledger repository
 * (`TestRepo`) driven through `ledger` in-process, each action on a fixed
 * Beijing date (the commit is dated that day, 11:00 + n minutes), and a
 * snapshot of everything a refusal must leave as it was: HEAD, the index,
 * `git status` and every file's bytes.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PEOPLE, TestRepo } from '../../src/checker/test-repo.ts';
import { runMain } from '../../src/cli/main.ts';

export interface Run {
  code: number;
  out: string;
  err: string;
}

/**
 * The test registry plus what the rest of the notice needs: a 纪工委 member
 * (who signs for referrals), and each department's 分管 leader (who must
 * review its applications).
 */
export const REGISTRIES = {
  'records/people.yml': {
    people: [
      ...Object.entries(PEOPLE).map(([id, p]) => ({ id, ...p })),
      { id: 'sun-jian', name: '孙健', title: '纪工委副书记', roles: ['discipline'], emails: ['sun.jian@zf.gov.cn'] },
    ],
  },
  'records/units.yml': {
    units: [
      { id: 'urban', name: '城市管理办公室', type: 'department', leader: 'li-ming' },
      { id: 'env', name: '生态环境办公室', type: 'department', leader: 'li-ming' },
    ],
  },
};

export class LedgerRepo {
  readonly repo: TestRepo;
  private n = 0;
  constructor(repo = TestRepo.create({ registries: REGISTRIES })) {
    this.repo = repo;
  }
  get dir() {
    return this.repo.dir;
  }

  /** `ledger …` on `date` (also the commit's date), in this repository. */
  async ledger(date: string, ...argv: string[]): Promise<Run> {
    const when = `${date}T11:${String(this.n++ % 60).padStart(2, '0')}:00+08:00`;
    const saved = [process.env.GIT_AUTHOR_DATE, process.env.GIT_COMMITTER_DATE];
    process.env.GIT_AUTHOR_DATE = when;
    process.env.GIT_COMMITTER_DATE = when;
    let out = '';
    let err = '';
    try {
      const code = await runMain([...argv, '--dir', this.dir, '--today', date], { out: (s) => void (out += s), err: (s) => void (err += s) });
      return { code, out, err };
    } finally {
      restore('GIT_AUTHOR_DATE', saved[0]);
      restore('GIT_COMMITTER_DATE', saved[1]);
    }
  }

  /** Like `ledger`, but fails the test with the output when the step is not taken. */
  async ok(date: string, ...argv: string[]): Promise<Run> {
    const r = await this.ledger(date, ...argv);
    if (r.code !== 0) throw new Error(`ledger ${argv.join(' ')} → ${r.code}\n${r.out}${r.err}`);
    return r;
  }

  git(...args: string[]) {
    return this.repo.git(...args);
  }

  read(path: string) {
    return readFileSync(join(this.dir, path), 'utf8');
  }

  /** A hash of every file of the checkout and of .git (objects, index, refs, logs), then HEAD and `git status`. */
  snapshot(): string {
    // status first: it may refresh the index's stat data, which is not the action's doing
    const head = [this.git('rev-parse', 'HEAD'), this.git('status', '--porcelain=v1', '--untracked-files=all')];
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        const rel = relative(this.dir, p);
        if (e.isDirectory()) walk(p);
        else files.push(`${rel} ${createHash('sha1').update(readFileSync(p)).digest('hex')}`);
      }
    };
    walk(this.dir);
    return [...head, ...files.sort()].join('\n');
  }

  remove() {
    this.repo.remove();
  }
}

function restore(k: string, v: string | undefined) {
  if (v === undefined) delete process.env[k];
  else process.env[k] = v;
}

/** The options of a meeting item's registration. */
export const MEETING_ITEM = [
  '--kind', 'meeting',
  '--title', '背街小巷环境卫生集中整治',
  '--source-type', 'party_committee',
  '--source-name', '党工委会议（2026年第6次）',
  '--source-date', '2026-03-01',
  '--content', '对辖区背街小巷开展集中整治。',
  '--requirements', '每周五报送进展。',
  '--deadline', '2026-04-30',
  '--leaders', 'li-ming',
  '--lead-unit', 'urban',
  '--co-units', 'env',
];

export const SUPERIOR_ITEM = [
  '--kind', 'superior',
  '--title', '安全生产大检查',
  '--source-type', 'document',
  '--source-name', '关于开展安全生产大检查的通知',
  '--source-doc-no', '区委办〔2026〕12号',
  '--source-date', '2026-03-01',
  '--source-issuer', '区委办公室',
  '--content', '开展安全生产大检查。',
  '--requirements', '3月底前完成。',
  '--deadline', '2026-03-31',
  '--leaders', 'li-ming',
  '--lead-unit', 'urban',
];

export const SPECIAL_ITEM = [
  '--title', '生活垃圾分类专项督查',
  '--source-type', 'department',
  '--source-name', '生态环境办关于开展垃圾分类专项督查的请示',
  '--source-date', '2026-03-01',
  '--content', '检查各社区垃圾分类投放。',
  '--requirements', '书面材料3页以内。',
  '--deadline', '2026-04-30',
  '--leaders', 'li-ming',
  '--lead-unit', 'env',
  '--co-units', 'urban',
];
