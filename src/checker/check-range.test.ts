/**
 * The history check over real temporary Git repositories with fixed dates:
 * each workflow's legal path is accepted; each illegal kind of change is
 * rejected with its code, its file and line, and the commit named.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatIssue } from './format.ts';
import { itemFile, record, reportFile, superiorItem, superiorSupport, TestRepo, yamlText, PEOPLE } from './test-repo.ts';

const repos: TestRepo[] = [];
const newRepo = (opts?: Parameters<typeof TestRepo.create>[0]) => {
  const r = TestRepo.create(opts);
  repos.push(r);
  return r;
};
afterEach(() => {
  for (const r of repos.splice(0)) r.remove();
});

const ID = 'DB-2026-0001';
const F = itemFile(ID);
const STEP_DATES: Record<string, string> = {
  registered: '2026-03-02',
  instructed: '2026-03-03',
  assigned: '2026-03-04',
  in_progress: '2026-03-05',
  reported: '2026-03-20',
  submitted: '2026-03-21',
  closed: '2026-03-25',
  archived: '2026-03-26',
};
const STEP_BY: Record<string, 'wang-fang' | 'li-ming'> = { in_progress: 'li-ming' };

/** A repo with the superior item moved legally up to `state`, one commit per step. */
function superiorUpTo(state: string): TestRepo {
  const repo = newRepo();
  const support = superiorSupport(ID);
  for (const s of Object.keys(STEP_DATES)) {
    for (const c of support[s] ?? []) repo.commit(c);
    repo.commit({ by: STEP_BY[s] ?? 'wang-fang', date: STEP_DATES[s]!, message: `${ID} → ${s}`, files: { [F]: record(superiorItem(ID, s)) } });
    if (s === state) break;
  }
  return repo;
}

describe('legal paths are accepted', () => {
  it('superior: registered → … → archived, one step per commit, by the right people', async () => {
    const repo = superiorUpTo('archived');
    const r = await repo.check({ all: true });
    expect(r.issues.map(formatIssue)).toEqual([]);
    expect(r.commits).toBe(12); // the registries, 8 steps, a report and the 督查汇报 in two stages
  });

  it('meeting: registered → assigned (notice) → in_progress → bulletined → closed, with a report', async () => {
    const repo = newRepo();
    const base = {
      id: ID,
      title: '农贸市场周边占道经营整治',
      kind: 'meeting',
      source: { type: 'party_committee', name: '党工委会议（2026年第6次）', date: '2026-03-02' },
      content: '整治占道经营。',
      requirements: '每周五报送进展。',
      deadline: '2026-04-30',
      leaders: ['li-ming'],
      lead_unit: 'urban',
      reports_due: 'weekly',
    };
    const steps = {
      registered: { registered: { date: '2026-03-02', by: 'wang-fang' } },
      assigned: { assigned: { date: '2026-03-04', by: 'wang-fang', notice: 'TZ-2026-001' } },
      in_progress: { arranged: { date: '2026-03-05', by: 'li-ming' } },
      bulletined: { bulletined: { date: '2026-04-10', bulletin: 'TB-2026-01' } },
      closed: {
        reviews: [{ date: '2026-04-11', by: 'wang-fang', report: '2026-03-13-urban.md', result: 'accepted' }],
        closure: { date: '2026-04-12', by: 'wang-fang', reports: ['2026-03-13-urban.md'], method: 'onsite', verified_by: 'wang-fang' },
      },
    };
    let acc: Record<string, unknown> = { ...base };
    const at = (s: keyof typeof steps) => (acc = { ...acc, ...steps[s], state: s });
    repo.commit({ by: 'wang-fang', date: '2026-03-02', files: { [F]: record(at('registered')) } });
    repo.commit({
      by: 'wang-fang',
      date: '2026-03-04',
      files: {
        'records/notices/TZ-2026-001.md': record({ id: 'TZ-2026-001', title: '督办通知', date: '2026-03-04', by: 'wang-fang', items: [ID], to_units: ['urban'] }),
      },
    });
    repo.commit({ by: 'wang-fang', date: '2026-03-04', files: { [F]: record(at('assigned')) } });
    repo.commit({ by: 'li-ming', date: '2026-03-05', files: { [F]: record(at('in_progress')) } });
    repo.commit({
      by: 'zhao-qiang',
      date: '2026-03-13',
      files: { [reportFile(ID, '2026-03-13-urban.md')]: record({ date: '2026-03-13', unit: 'urban', by: 'zhao-qiang', progress: '已清理占道摊点 12 处。' }) },
    });
    repo.commit({
      by: 'wang-fang',
      date: '2026-04-10',
      files: {
        'records/bulletins/2026/TB-2026-01.md': record({
          id: 'TB-2026-01',
          year: 2026,
          number: 1,
          title: '关于会议议定事项落实情况的通报',
          kind: 'meeting',
          date: '2026-04-10',
          items: [ID],
          drafted: { date: '2026-04-08', by: 'wang-fang' },
          reviewed: { date: '2026-04-09', by: 'chen-jing' },
          approved: { date: '2026-04-10', by: 'zhang-wei', text: '同意印发。' },
          distribution: { issue_to: ['各部门'] },
        }),
      },
    });
    repo.commit({ by: 'wang-fang', date: '2026-04-10', files: { [F]: record(at('bulletined')) } });
    repo.commit({ by: 'wang-fang', date: '2026-04-12', files: { [F]: record(at('closed')) } });
    const r = await repo.check({ all: true });
    expect(r.issues.map(formatIssue)).toEqual([]);
  });

  it('special: applied → approved → planned → inspecting, with a second application merged into it', async () => {
    const repo = newRepo();
    const app = (id: string, extra: Record<string, unknown>) => ({
      id,
      title: '燃气安全专项督查',
      kind: 'special',
      source: { type: 'department', name: '城管办专项督查申请', date: '2026-03-02' },
      content: '检查餐饮场所燃气安全。',
      requirements: '4月完成。',
      deadline: '2026-04-30',
      leaders: ['li-ming'],
      lead_unit: 'urban',
      application: { date: '2026-03-02', by: 'zhao-qiang', reviewed_by: 'li-ming', reason: '燃气事故隐患多。', targets: ['urban', 'env'], mode: 'onsite', from: '2026-03-10', to: '2026-03-20', mergeable: true },
      ...extra,
    });
    const A = 'DB-2026-0010';
    const B = 'DB-2026-0011';
    repo.commit({ by: 'zhao-qiang', date: '2026-03-02', files: { [itemFile(A)]: record(app(A, { state: 'applied' })) } });
    repo.commit({ by: 'qian-hong', date: '2026-03-02', files: { [itemFile(B)]: record(app(B, { state: 'applied', lead_unit: 'env' })) } });
    const approval = { approval: { date: '2026-03-03', by: 'zhang-wei', text: '同意，与生态环境办申请合并进行。' } };
    repo.commit({ by: 'zhang-wei', date: '2026-03-03', files: { [itemFile(A)]: record(app(A, { state: 'approved', ...approval })) } });
    repo.commit({
      by: 'wang-fang',
      date: '2026-03-03',
      files: { [itemFile(B)]: record(app(B, { state: 'merged', lead_unit: 'env', merge: { date: '2026-03-03', by: 'wang-fang', into: A } })) },
    });
    repo.commit({
      by: 'wang-fang',
      date: '2026-03-05',
      files: {
        'records/plans/FA-2026-001.md': record({
          id: 'FA-2026-001',
          title: '燃气安全专项督查考核方案',
          date: '2026-03-05',
          by: 'wang-fang',
          applications: [A, B],
          mode: 'onsite',
          period: { from: '2026-03-10', to: '2026-03-20' },
          targets: ['urban', 'env'],
          content: '餐饮场所燃气安全。',
          requirements: '如实记录。',
          inspection_notice: { date: '2026-03-05', doc_no: '张范督考〔2026〕1号', to: ['urban', 'env'] },
        }),
      },
    });
    const planned = { planned: { date: '2026-03-05', by: 'wang-fang', plan: 'FA-2026-001' } };
    repo.commit({ by: 'wang-fang', date: '2026-03-05', files: { [itemFile(A)]: record(app(A, { state: 'planned', ...approval, ...planned })) } });
    repo.commit({
      by: 'wang-fang',
      date: '2026-03-10',
      files: { [itemFile(A)]: record(app(A, { state: 'inspecting', ...approval, ...planned, inspection: { date: '2026-03-10' } })) },
    });
    const r = await repo.check({ all: true });
    expect(r.issues.map(formatIssue)).toEqual([]);
  });

  it('a deadline extension appended with the new deadline is accepted', async () => {
    const repo = superiorUpTo('in_progress');
    const ext = { date: '2026-04-20', from: '2026-04-30', to: '2026-05-31', approved_by: 'zhang-wei', reason: '涉及产权纠纷。' };
    repo.commit({ by: 'wang-fang', date: '2026-04-20', files: { [F]: record(superiorItem(ID, 'in_progress', { deadline: '2026-05-31', extensions: [ext] })) } });
    expect(await repo.codes()).toEqual([]);
  });

  it('a return with its reason appended is accepted', async () => {
    const repo = superiorUpTo('reported');
    const ret = { date: '2026-03-22', by: 'zhang-wei', reason: '材料不实，重新核实。' };
    repo.commit({ by: 'zhang-wei', date: '2026-03-22', files: { [F]: record(superiorItem(ID, 'in_progress', { summary: undefined, returns: [ret] })) } });
    expect(await repo.codes()).toEqual([]);
  });

  it('two branches changing different items merge cleanly', async () => {
    const repo = superiorUpTo('assigned');
    const G = itemFile('DB-2026-0002');
    repo.commit({ by: 'wang-fang', date: '2026-03-06', files: { [G]: record(superiorItem('DB-2026-0002', 'registered')) } });
    const base = repo.git('rev-parse', 'HEAD').trim();
    repo.git('checkout', '-q', '-b', 'side');
    repo.commit({ by: 'wang-fang', date: '2026-03-07', files: { [G]: record(superiorItem('DB-2026-0002', 'instructed')) } });
    repo.git('checkout', '-q', 'main');
    repo.commit({ by: 'li-ming', date: '2026-03-07', files: { [F]: record(superiorItem(ID, 'in_progress')) } });
    repo.git('-c', 'user.name=王芳', '-c', 'user.email=wang.fang@zf.gov.cn', 'merge', '-q', '--no-edit', 'side');
    expect(await repo.codes({ range: `${base}..HEAD` })).toEqual([]);
  });
});

describe('illegal changes are rejected with their code', () => {
  it('skipping a step', async () => {
    const repo = superiorUpTo('registered');
    repo.commit({ by: 'wang-fang', date: '2026-03-04', files: { [F]: record(superiorItem(ID, 'assigned')) } });
    const r = await repo.check();
    expect(r.issues.map((i) => i.code)).toEqual(['illegal-transition']);
    expect(formatIssue(r.issues[0]!)).toMatch(/^提交 [0-9a-f]{7}（王芳，2026-03-04）records\/items\/2026\/DB-2026-0001\/item\.md:\d+: 【illegal-transition】状态不能从 registered（已登记） 直接变为 assigned（已交办）/);
    expect(r.issues[0]!.hint).toContain('主要领导批阅 → instructed');
  });

  it('the wrong role taking a step', async () => {
    const repo = superiorUpTo('registered');
    repo.commit({ by: 'zhao-qiang', date: '2026-03-03', files: { [F]: record(superiorItem(ID, 'instructed')) } });
    const r = await repo.check();
    expect(r.issues.map((i) => i.code)).toEqual(['wrong-committer']);
    expect(r.issues[0]!.message).toBe('“主要领导批阅”须由考核督查办或主要领导提交，而提交者 赵强 的角色是责任单位');
  });

  it('an author not in people.yml', async () => {
    const repo = superiorUpTo('registered');
    repo.commit({ by: { name: 'Stranger', email: 'someone@example.com' }, date: '2026-03-03', files: { [F]: record(superiorItem(ID, 'instructed')) } });
    expect(await repo.codes()).toEqual(['unknown-author']);
  });

  it('editing a landed report', async () => {
    const repo = superiorUpTo('in_progress');
    const R = reportFile(ID, '2026-03-10-urban.md');
    const rep = { date: '2026-03-10', unit: 'urban', by: 'zhao-qiang', progress: '已排查 12 条巷道。' };
    repo.commit({ by: 'zhao-qiang', date: '2026-03-10', files: { [R]: record(rep) } });
    expect(await repo.codes()).toEqual([]);
    repo.commit({ by: 'zhao-qiang', date: '2026-03-11', files: { [R]: record({ ...rep, progress: '已排查 15 条巷道。' }) } });
    expect(await repo.codes()).toEqual(['report-edited']);
  });

  it('deleting a landed report', async () => {
    const repo = superiorUpTo('in_progress');
    const R = reportFile(ID, '2026-03-10-urban.md');
    repo.commit({ by: 'zhao-qiang', date: '2026-03-10', files: { [R]: record({ date: '2026-03-10', unit: 'urban', by: 'zhao-qiang', progress: '进展。' }) } });
    repo.commit({ by: 'wang-fang', date: '2026-03-11', files: { [R]: null } });
    expect(await repo.codes()).toEqual(['record-deleted']);
  });

  it('deleting an item', async () => {
    const repo = superiorUpTo('assigned');
    repo.commit({ by: 'wang-fang', date: '2026-03-11', files: { [F]: null } });
    const r = await repo.check();
    expect(r.issues.map((i) => i.code)).toEqual(['record-deleted']);
    expect(r.issues[0]!.message).toBe('删除了督办事项：records/items/2026/DB-2026-0001/item.md');
  });

  it('changing an id inside the file', async () => {
    const repo = superiorUpTo('assigned');
    repo.commit({ by: 'wang-fang', date: '2026-03-05', files: { [F]: record(superiorItem('DB-2026-0009', 'assigned')) } });
    expect((await repo.codes()).sort()).toEqual(['id-mismatch', 'identity-changed']);
  });

  it('changing the kind', async () => {
    const repo = superiorUpTo('registered');
    repo.commit({ by: 'wang-fang', date: '2026-03-05', files: { [F]: record(superiorItem(ID, 'registered', { kind: 'meeting' })) } });
    expect(await repo.codes()).toContain('identity-changed');
  });

  it('a rename of the item folder that changes the id', async () => {
    const repo = superiorUpTo('assigned');
    const G = itemFile('DB-2026-0099');
    repo.commit({ by: 'wang-fang', date: '2026-03-05', files: { [F]: null, [G]: record(superiorItem('DB-2026-0099', 'assigned')) } });
    expect(await repo.codes()).toContain('identity-changed');
  });

  it('editing a closed item', async () => {
    const repo = superiorUpTo('closed');
    repo.commit({ by: 'wang-fang', date: '2026-03-27', files: { [F]: record(superiorItem(ID, 'closed', { title: '改过的标题' })) } });
    expect(await repo.codes()).toEqual(['frozen-item']);
  });

  it('moving the deadline without an extension entry', async () => {
    const repo = superiorUpTo('in_progress');
    repo.commit({ by: 'wang-fang', date: '2026-04-20', files: { [F]: record(superiorItem(ID, 'in_progress', { deadline: '2026-05-31' })) } });
    const r = await repo.check();
    expect(r.issues.map((i) => i.code)).toEqual(['deadline-changed']);
    expect(r.issues[0]!.hint).toContain('from: 2026-04-30, to: 2026-05-31');
  });

  it('a date after the commit date', async () => {
    const repo = superiorUpTo('registered');
    const item = superiorItem(ID, 'instructed', { instruction: { date: '2026-03-30', by: 'zhang-wei', text: '请抓好落实。' } });
    repo.commit({ by: 'wang-fang', date: '2026-03-03', files: { [F]: record(item) } });
    expect(await repo.codes()).toEqual(['future-date']);
  });

  it('two branches moving one item in conflicting ways', async () => {
    const repo = superiorUpTo('reported');
    const base = repo.git('rev-parse', 'HEAD').trim();
    repo.git('checkout', '-q', '-b', 'side');
    repo.commit({ by: 'wang-fang', date: '2026-03-21', files: { [F]: record(superiorItem(ID, 'submitted')) } });
    repo.git('checkout', '-q', 'main');
    const ret = { date: '2026-03-22', by: 'zhang-wei', reason: '重新核实。' };
    repo.commit({ by: 'zhang-wei', date: '2026-03-22', files: { [F]: record(superiorItem(ID, 'in_progress', { summary: undefined, returns: [ret] })) } });
    try {
      repo.git('-c', 'user.name=王芳', '-c', 'user.email=wang.fang@zf.gov.cn', 'merge', '-q', '-X', 'theirs', '--no-edit', 'side');
    } catch {
      repo.git('checkout', '--theirs', F);
      repo.git('add', F);
      repo.git('-c', 'user.name=王芳', '-c', 'user.email=wang.fang@zf.gov.cn', 'commit', '-q', '--no-edit');
    }
    expect(await repo.codes({ range: `${base}..HEAD` })).toContain('merge-conflict');
  });

  it('an unsigned commit when signing is required', async () => {
    const repo = newRepo({
      registries: { 'records/config.yml': { organisation: '测试街道', office: '测试街道考核督查办', bulletin_name: '测试督查', git: { require_signed: true } } },
    });
    repo.commit({ by: 'wang-fang', date: '2026-03-02', files: { [F]: record(superiorItem(ID, 'registered')) } });
    expect(await repo.codes()).toEqual(['unsigned-commit']);
  });

  it('a return without a returns entry', async () => {
    const repo = superiorUpTo('reported');
    repo.commit({ by: 'zhang-wei', date: '2026-03-22', files: { [F]: record(superiorItem(ID, 'in_progress')) } });
    expect(await repo.codes()).toEqual(['return-reason']);
  });

  it('rewriting the leader’s instruction', async () => {
    const repo = superiorUpTo('assigned');
    repo.commit({
      by: 'wang-fang',
      date: '2026-03-06',
      files: { [F]: record(superiorItem(ID, 'assigned', { instruction: { date: '2026-03-03', by: 'zhang-wei', text: '改写后的批示。' } })) },
    });
    expect(await repo.codes()).toEqual(['rewritten-history']);
  });

  it('dropping an extension entry', async () => {
    const repo = superiorUpTo('in_progress');
    const ext = { date: '2026-04-20', from: '2026-04-30', to: '2026-05-31', approved_by: 'zhang-wei', reason: '涉及产权纠纷。' };
    repo.commit({ by: 'wang-fang', date: '2026-04-20', files: { [F]: record(superiorItem(ID, 'in_progress', { deadline: '2026-05-31', extensions: [ext] })) } });
    repo.commit({ by: 'wang-fang', date: '2026-04-21', files: { [F]: record(superiorItem(ID, 'in_progress', { deadline: '2026-05-31' })) } });
    expect(await repo.codes()).toContain('rewritten-history');
  });

  it('a new item registered directly in a later state', async () => {
    const repo = newRepo();
    repo.commit({ by: 'wang-fang', date: '2026-03-05', files: { [F]: record(superiorItem(ID, 'assigned')) } });
    expect(await repo.codes()).toEqual(['illegal-transition']);
  });

  it('a unit reporting for another unit', async () => {
    const repo = superiorUpTo('in_progress');
    const R = reportFile(ID, '2026-03-10-urban.md');
    repo.commit({ by: 'qian-hong', date: '2026-03-10', files: { [R]: record({ date: '2026-03-10', unit: 'urban', by: 'zhao-qiang', progress: '代报。' }) } });
    expect(await repo.codes()).toEqual(['wrong-committer']);
  });

  it('moving to a state without the fields it needs', async () => {
    const repo = superiorUpTo('registered');
    repo.commit({ by: 'wang-fang', date: '2026-03-03', files: { [F]: record(superiorItem(ID, 'registered', { state: 'instructed' })) } });
    expect(await repo.codes()).toEqual(['state-missing-field']);
  });

  it('a cancellation not approved by a main leader', async () => {
    const repo = superiorUpTo('assigned');
    const c = { date: '2026-03-06', approved_by: 'li-ming', reason: '上级收回。' };
    repo.commit({ by: 'wang-fang', date: '2026-03-06', files: { [F]: record(superiorItem(ID, 'assigned', { state: 'cancelled', cancellation: c })) } });
    expect(await repo.codes()).toEqual(['wrong-signer']);
  });

  it('a unit editing a bulletin', async () => {
    const repo = newRepo();
    const B = 'records/bulletins/2026/TB-2026-01.md';
    const b = {
      id: 'TB-2026-01',
      year: 2026,
      number: 1,
      title: '通报',
      kind: 'overdue',
      date: '2026-03-10',
      drafted: { date: '2026-03-08', by: 'wang-fang' },
      reviewed: { date: '2026-03-09', by: 'chen-jing' },
      approved: { date: '2026-03-10', by: 'zhang-wei' },
      distribution: { issue_to: ['各部门'] },
    };
    repo.commit({ by: 'wang-fang', date: '2026-03-10', files: { [B]: record(b) } });
    expect(await repo.codes()).toEqual([]);
    repo.commit({ by: 'zhao-qiang', date: '2026-03-11', files: { [B]: record({ ...b, title: '改过的通报' }) } });
    expect(await repo.codes()).toEqual(['wrong-committer']);
  });

  it('a file outside the record layout', async () => {
    const repo = newRepo();
    repo.commit({ by: 'wang-fang', date: '2026-03-02', files: { 'records/items/2026/notes.txt': 'x' } });
    expect(await repo.codes()).toEqual(['unknown-file']);
  });

  it('broken YAML in a commit names the commit, file and line', async () => {
    const repo = superiorUpTo('registered');
    repo.commit({ by: 'wang-fang', date: '2026-03-03', files: { [F]: '---\nid: DB-2026-0001\ntitle: "未闭合\n---\n' } });
    const r = await repo.check();
    expect(r.issues.map((i) => i.code)).toContain('yaml-syntax');
    expect(r.issues[0]!.commit?.date).toBe('2026-03-03');
  });

  it('a people.yml change by someone who is not office', async () => {
    const repo = newRepo();
    const people = { people: [...Object.entries(PEOPLE).map(([id, p]) => ({ id, ...p })), { id: 'new-guy', name: '新人', title: '科员', roles: ['office'], emails: ['new@zf.gov.cn'] }] };
    repo.commit({ by: 'zhao-qiang', date: '2026-03-02', files: { 'records/people.yml': yamlText(people) } });
    expect(await repo.codes()).toEqual(['wrong-committer']);
  });
});

describe('what the check cannot see is said, not guessed', () => {
  it('a folder that is not a Git repository', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { checkRange } = await import('./check-range.ts');
    const dir = mkdtempSync(join(tmpdir(), 'ledger-nogit-'));
    const r = await checkRange(dir, { all: true });
    rmSync(dir, { recursive: true, force: true });
    expect(r.issues.map((i) => i.code)).toEqual(['not-a-repository']);
    expect(r.issues[0]!.message).toContain('不是 Git 仓库');
  });

  it('an unknown revision', async () => {
    const repo = newRepo();
    expect(await repo.codes({ range: 'nope..HEAD' })).toEqual(['bad-revision']);
  });

  it('a shallow clone cannot be checked in full', async () => {
    const repo = superiorUpTo('assigned');
    const clone = newRepo();
    clone.remove();
    const { execFileSync } = await import('node:child_process');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.dir}`, clone.dir]);
    const r = await clone.check({ all: true });
    expect(r.issues.map((i) => i.code)).toEqual(['shallow-clone']);
    expect(r.issues[0]!.hint).toContain('fetch-depth: 0');
  });
});

describe('records cannot leave the checked set', () => {
  const notice = (items: string[], extra: Record<string, unknown> = {}) =>
    record({ id: 'TZ-2026-001', title: '督办通知', date: '2026-03-04', by: 'wang-fang', items, to_units: ['urban', 'env'], ...extra });

  it('an item renamed into a folder the checker ignores is a deletion; the notice naming it is judged again', async () => {
    const repo = superiorUpTo('assigned');
    repo.commit({ by: 'wang-fang', date: '2026-03-04', files: { 'records/notices/TZ-2026-001.md': notice([ID]) } });
    repo.git('mv', 'records/items/2026/DB-2026-0001', 'records/items/_trash');
    repo.commit({ by: 'wang-fang', date: '2026-03-06', files: {} });
    const r = await repo.check();
    expect(r.issues.map(formatIssue)).toEqual([
      expect.stringMatching(/records\/items\/2026\/DB-2026-0001\/item\.md:1: 【record-deleted】删除了督办事项/),
      expect.stringMatching(/records\/notices\/TZ-2026-001\.md:\d+: 【unknown-item】字段 “items\[0\]” 引用的督办事项 “DB-2026-0001” 不存在/),
    ]);
  });

  it('the same for a rename out of records/ and to a dot folder', async () => {
    for (const to of ['attic/DB-2026-0001', 'records/.hidden/DB-2026-0001']) {
      const repo = superiorUpTo('registered');
      execFileSync('mkdir', ['-p', join(repo.dir, to.split('/').slice(0, -1).join('/'))]);
      repo.git('mv', 'records/items/2026/DB-2026-0001', to);
      repo.commit({ by: 'wang-fang', date: '2026-03-06', files: {} });
      expect(await repo.codes(), to).toEqual(['record-deleted']);
    }
  });

  it('a report of a removed item is judged again (its item is gone)', async () => {
    const repo = superiorUpTo('in_progress');
    const R = reportFile(ID, '2026-03-10-urban.md');
    repo.commit({ by: 'zhao-qiang', date: '2026-03-10', files: { [R]: record({ date: '2026-03-10', unit: 'urban', by: 'zhao-qiang', progress: '进展。' }) } });
    repo.commit({ by: 'wang-fang', date: '2026-03-11', files: { [F]: null } });
    expect((await repo.codes()).sort()).toEqual(['record-deleted', 'unknown-item']);
  });
});

describe('paths and file modes', () => {
  it('an executable record file, and a mode change alone', async () => {
    const repo = superiorUpTo('registered');
    const { chmodSync } = await import('node:fs');
    chmodSync(join(repo.dir, F), 0o755);
    repo.commit({ by: 'wang-fang', date: '2026-03-03', files: {} });
    const r = await repo.check();
    expect(r.issues.map(formatIssue)).toEqual([expect.stringContaining('item.md:1: 【file-mode】记录文件的模式是 100755（可执行文件），台账记录只能是普通文件（100644）')]);
  });

  it('a symbolic link as a record', async () => {
    const repo = superiorUpTo('registered');
    const { mkdirSync, symlinkSync } = await import('node:fs');
    mkdirSync(join(repo.dir, 'records/notices'), { recursive: true });
    symlinkSync('item.md', join(repo.dir, 'records/items/2026/DB-2026-0001/reports-link.md'));
    repo.commit({ by: 'wang-fang', date: '2026-03-03', files: {} });
    expect(await repo.codes()).toContain('unknown-file');
    const N = 'records/notices/TZ-2026-009.md';
    symlinkSync('../items/2026/DB-2026-0001/item.md', join(repo.dir, N));
    repo.commit({ by: 'wang-fang', date: '2026-03-03', files: {} });
    expect(await repo.codes()).toEqual(['file-mode']);
  });
});

describe('document numbers are unique across the ledger', () => {
  const notice = (id: string, docNo: string) =>
    record({ id, title: '督办通知', doc_no: docNo, date: '2026-03-04', by: 'wang-fang', items: [ID], to_units: ['urban', 'env'] });

  it('a second notice with a 文号 already used, however the brackets were typed', async () => {
    const repo = superiorUpTo('registered');
    repo.commit({ by: 'wang-fang', date: '2026-03-04', files: { 'records/notices/TZ-2026-001.md': notice('TZ-2026-001', '张范督办〔2026〕8号') } });
    expect(await repo.codes()).toEqual([]);
    repo.commit({ by: 'wang-fang', date: '2026-03-05', files: { 'records/notices/TZ-2026-002.md': notice('TZ-2026-002', '张范督办[2026]8号') } });
    const r = await repo.check();
    expect(r.issues.map(formatIssue)).toEqual([expect.stringMatching(/records\/notices\/TZ-2026-002\.md:\d+: 【duplicate-doc-no】文号 “张范督办\[2026\]8号” 已在 records\/notices\/TZ-2026-001\.md:\d+ 使用/)]);
  });

  it('a notice not sent to a unit of an item it assigns: refused when the item is assigned by it', async () => {
    const repo = superiorUpTo('instructed');
    repo.commit({ by: 'wang-fang', date: '2026-03-04', files: { 'records/notices/TZ-2026-001.md': record({ id: 'TZ-2026-001', title: '督办通知', date: '2026-03-04', by: 'wang-fang', items: [ID], to_units: ['urban'] }) } });
    repo.commit({ by: 'wang-fang', date: '2026-03-04', files: { [F]: record(superiorItem(ID, 'assigned', { assigned: { date: '2026-03-04', by: 'wang-fang', notice: 'TZ-2026-001' } })) } });
    const r = await repo.check();
    expect(r.issues.map((i) => i.code)).toEqual(['notice-recipients']);
    expect(r.issues[0]!.message).toBe('交办本事项的督办通知 TZ-2026-001 没有送达本事项的配合单位 “env”（通知的 to_units 中没有它）');
  });
});
