/**
 * The step commands against real temporary Git repositories with fixed
 * dates: a full lifecycle of each of the three workflows through `ledger`
 * alone (every commit then passes `check --all`), refusals that leave the
 * repository byte-identical, `--dry-run`, numbering across branches, two
 * actions racing, and a step added to the table getting its command.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LedgerRepo, MEETING_ITEM, SPECIAL_ITEM, SUPERIOR_ITEM } from '../../tests/cli/ledger-repo.ts';
import { WORKFLOWS, type Edge } from '../domain/workflow.ts';
import { buildProgram } from './main.ts';

const ROOT = resolve(import.meta.dirname, '../..');
let repo: LedgerRepo;
afterEach(() => repo?.remove());

async function clean(r: LedgerRepo) {
  const all = await r.repo.check({ all: true });
  expect(all.issues.filter((i) => i.severity === 'error').map((i) => `${i.file}:${i.line} ${i.code} ${i.message}`)).toEqual([]);
  expect(r.git('status', '--porcelain')).toBe('');
}

describe('a whole workflow through ledger alone', () => {
  it('meeting: 分解立项 → 交办 (with its 《督办通知》) → 办理 → 落实情况 → 通报 → 销号 → 归档', async () => {
    repo = new LedgerRepo();
    await repo.ok('2026-03-02', 'register', '--as', 'wang-fang', ...MEETING_ITEM);
    await repo.ok('2026-03-02', 'register', '--as', 'wang-fang', ...MEETING_ITEM, '--title', '农贸市场周边秩序整治', '--co-units', '');
    await repo.ok('2026-03-03', 'assign', 'DB-2026-0001', 'DB-2026-0002', '--as', 'wang-fang', '--approved-by', 'zhang-wei');
    await repo.ok('2026-03-04', 'arrange', 'DB-2026-0001', '--as', 'li-ming');
    await repo.ok('2026-03-04', 'edit', 'DB-2026-0002', '--as', 'wang-fang', '--requirements', '每月底报送进展。', '--source-doc-no', '测试工纪〔2026〕6号');
    await repo.ok('2026-03-05', 'cancel', 'DB-2026-0002', '--as', 'wang-fang', '--approved-by', 'zhang-wei', '--reason', '并入区级统一整治，不再单独督办。');
    await repo.ok('2026-03-06', 'report', 'DB-2026-0001', '--as', 'zhao-qiang', '--progress', '已完成12条巷道排查建档。');
    await repo.ok('2026-03-06', 'report', 'DB-2026-0001', '--as', 'qian-hong', '--progress', '配合清运垃圾38车。');
    await repo.ok('2026-03-06', 'report', 'DB-2026-0001', '--as', 'zhao-qiang', '--progress', '当日第二次报送。', '--done');
    await repo.ok('2026-03-10', 'bulletin', 'DB-2026-0001', '--as', 'wang-fang', '--reviewed-by', 'chen-jing', '--approved-by', 'zhang-wei');
    await repo.ok('2026-03-11', 'close', 'DB-2026-0001', '--as', 'wang-fang');
    await repo.ok('2026-03-12', 'archive', 'DB-2026-0001', '--as', 'wang-fang', '--ref', '2026-督查-001卷');
    await clean(repo);
    const notice = repo.read('records/notices/TZ-2026-001.md');
    expect(notice).toContain('items: [DB-2026-0001, DB-2026-0002]');
    expect(notice).toContain('to_units: [urban, env]');
    expect(notice).toContain('to_leaders: [li-ming]');
    expect(repo.git('ls-files', 'records/items/2026/DB-2026-0001/reports')).toBe(
      ['2026-03-06-env.md', '2026-03-06-urban-2.md', '2026-03-06-urban.md'].map((n) => `records/items/2026/DB-2026-0001/reports/${n}`).join('\n') + '\n',
    );
    const item = repo.read('records/items/2026/DB-2026-0001/item.md');
    expect(item).toContain('state: archived');
    const other = repo.read('records/items/2026/DB-2026-0002/item.md');
    expect(other).toContain('requirements: 每月底报送进展。');
    expect(other).toMatch(/source:\n  type: party_committee\n  name: .*\n  date: 2026-03-01\n  doc_no: 测试工纪〔2026〕6号\n/);
    expect(other).toMatch(/cancellation:\n  date: 2026-03-05\n  approved_by: zhang-wei\n/);
    expect(other).toContain('state: cancelled');
    expect(item).toContain('bulletined: { date: 2026-03-10, bulletin: TB-2026-01 }');
    // one commit per step, authored by the person acting, naming the item and the step
    expect(repo.git('log', '--format=%an|%s', '-4').trim().split('\n')).toEqual([
      '王芳|DB-2026-0001 归档（已归档）：背街小巷环境卫生集中整治',
      '王芳|DB-2026-0001 销号（已销号）：背街小巷环境卫生集中整治',
      '王芳|DB-2026-0001 督查通报（已通报）：背街小巷环境卫生集中整治',
      '赵强|DB-2026-0001 报送落实情况（城市管理办公室，2026-03-06）',
    ]);
  });

  it('superior: 登记 → 批示 → 交办 → 办理 → 汇报 → 退回 → 汇报 → 上报 → 销号 → 归档, with 延期, 挂牌/摘牌, 问责 and 移送', async () => {
    repo = new LedgerRepo();
    await repo.ok('2026-03-02', 'register', '--as', 'wang-fang', ...SUPERIOR_ITEM);
    await repo.ok('2026-03-03', 'instruct', 'DB-2026-0001', '--as', 'wang-fang', '--by', 'zhang-wei', '--text', '请李明同志牵头抓好落实。');
    await repo.ok('2026-03-04', 'assign', 'DB-2026-0001', '--as', 'wang-fang');
    await repo.ok('2026-03-05', 'arrange', 'DB-2026-0001', '--as', 'wang-fang', '--by', 'li-ming');
    await repo.ok('2026-03-06', 'report', 'DB-2026-0001', '--as', 'zhao-qiang', '--progress', '已检查企业23家。');
    await repo.ok('2026-03-07', 'extend', 'DB-2026-0001', '--as', 'wang-fang', '--to', '2026-04-15', '--approved-by', 'zhang-wei', '--reason', '上级延长检查期限。');
    await repo.ok('2026-03-08', 'flag', 'DB-2026-0001', '--as', 'wang-fang', '--reason', '进度滞后。');
    await repo.ok('2026-03-09', 'accountability', 'DB-2026-0001', '--as', 'wang-fang', '--unit', 'urban', '--measure', '约谈提醒。', '--reason', '未按时报送。', '--decided-by', 'zhang-wei');
    await repo.ok('2026-03-09', 'referral', 'DB-2026-0001', '--as', 'wang-fang', '--reason', '涉嫌弄虚作假。', '--case-no', '纪线〔2026〕1号');
    await repo.ok('2026-03-10', 'unflag', 'DB-2026-0001', '--as', 'wang-fang');
    await repo.ok('2026-03-20', 'summarise', 'DB-2026-0001', '--as', 'wang-fang', '--reviewed-by', 'chen-jing', '--approved-by', 'zhang-wei', '--approval-text', '同意上报。');
    await repo.ok('2026-03-21', 'return', 'DB-2026-0001', '--as', 'chen-jing', '--reason', '材料不全，请补充检查台账。');
    await repo.ok('2026-03-25', 'summarise', 'DB-2026-0001', '--as', 'wang-fang', '--reviewed-by', 'chen-jing', '--approved-by', 'zhang-wei', '--approval-text', '同意上报。');
    await repo.ok('2026-03-26', 'submit', 'DB-2026-0001', '--as', 'wang-fang', '--to', '区委督查室', '--doc-no', '测试报〔2026〕3号');
    await repo.ok('2026-03-27', 'close', 'DB-2026-0001', '--as', 'wang-fang');
    await repo.ok('2026-03-28', 'archive', 'DB-2026-0001', '--as', 'wang-fang', '--ref', '2026-督查-002卷');
    await clean(repo);
    const item = repo.read('records/items/2026/DB-2026-0001/item.md');
    expect(item).toContain('deadline: 2026-04-15');
    expect(item).toContain('lifted: 2026-03-10');
    expect(item).toMatch(/returns:\n  - date: 2026-03-21\n    by: chen-jing\n/);
  });

  it('special: 申请 ×3 → 批准 / 不予批准 / 合并 → 方案备案 → 实施 → 通报 → 销号 → 归档', async () => {
    repo = new LedgerRepo();
    await repo.ok('2026-03-02', 'apply', '--as', 'qian-hong', ...SPECIAL_ITEM, '--reviewed-by', 'li-ming', '--reason', '分类准确率下降。');
    await repo.ok('2026-03-02', 'apply', '--as', 'qian-hong', ...SPECIAL_ITEM, '--title', '垃圾桶站点检查', '--reviewed-by', 'li-ming', '--reason', '与垃圾分类内容交叉。');
    await repo.ok('2026-03-02', 'apply', '--as', 'zhao-qiang', ...SPECIAL_ITEM, '--title', '门前三包日常检查', '--lead-unit', 'urban', '--co-units', 'env', '--reviewed-by', 'li-ming', '--reason', '日常工作。');
    await repo.ok('2026-03-03', 'approve', 'DB-2026-0001', '--as', 'wang-fang', '--by', 'zhang-wei', '--text', '同意。');
    await repo.ok('2026-03-03', 'reject', 'DB-2026-0003', '--as', 'wang-fang', '--by', 'zhang-wei', '--reason', '日常调研指导不冠以督查名义。');
    await repo.ok('2026-03-04', 'merge', 'DB-2026-0002', '--as', 'wang-fang', '--into', 'DB-2026-0001', '--reason', '内容交叉，合并进行。');
    await repo.ok('2026-03-05', 'plan', 'DB-2026-0001', '--as', 'wang-fang', '--mode', 'onsite', '--period-from', '2026-03-10', '--period-to', '2026-03-20', '--applications', 'DB-2026-0002', '--inspection-notice-doc-no', '测试督考〔2026〕1号');
    await repo.ok('2026-03-10', 'start', 'DB-2026-0001', '--as', 'wang-fang');
    await repo.ok('2026-03-15', 'report', 'DB-2026-0001', '--as', 'qian-hong', '--progress', '抽查居民210户。');
    await repo.ok('2026-03-22', 'bulletin', 'DB-2026-0001', '--as', 'wang-fang', '--signed-by', 'li-ming', '--problems', '桶前值守不到位。', '--causes', '志愿者不足。', '--next-steps', '增设督导员。', '--reviewed-by', 'chen-jing', '--approved-by', 'zhang-wei');
    await repo.ok('2026-03-25', 'close', 'DB-2026-0001', '--as', 'wang-fang');
    await repo.ok('2026-03-26', 'archive', 'DB-2026-0001', '--as', 'wang-fang', '--ref', '2026-督查-003卷');
    await clean(repo);
    const plan = repo.read('records/plans/FA-2026-001.md');
    expect(plan).toContain('applications: [DB-2026-0001, DB-2026-0002]');
    expect(plan).toContain('inspection_notice: { date: 2026-03-05, doc_no: 测试督考〔2026〕1号 }');
    const bulletin = repo.read('records/bulletins/2026/TB-2026-01.md');
    expect(bulletin).toContain('kind: special');
  });
});

describe('refusals leave the repository byte-identical', () => {
  async function refused(r: LedgerRepo, date: string, ...argv: string[]) {
    const before = r.snapshot();
    const res = await r.ledger(date, ...argv);
    expect(res.code, res.out + res.err).toBe(1);
    expect(r.snapshot()).toBe(before);
    return res;
  }

  it('an illegal step, a wrong role, a wrong signer: the checker’s own codes', async () => {
    repo = new LedgerRepo();
    await repo.ok('2026-03-02', 'register', '--as', 'wang-fang', ...MEETING_ITEM);
    const skip = await refused(repo, '2026-03-03', 'close', 'DB-2026-0001', '--as', 'wang-fang');
    expect(skip.err).toContain('【illegal-transition】状态不能从 registered（已登记） 直接变为 closed（已销号）');
    expect(skip.err).toMatch(/^records\/items\/2026\/DB-2026-0001\/item\.md:\d+: /m);
    const role = await refused(repo, '2026-03-03', 'assign', 'DB-2026-0001', '--as', 'zhao-qiang', '--by', 'wang-fang');
    expect(role.err).toContain('【wrong-committer】');
    const signer = await refused(repo, '2026-03-03', 'cancel', 'DB-2026-0001', '--as', 'wang-fang', '--approved-by', 'li-ming', '--reason', '不再督办。');
    expect(signer.err).toContain('cancellation.approved_by');
    const future = await refused(repo, '2026-03-03', 'assign', 'DB-2026-0001', '--as', 'wang-fang', '--date', '2026-03-09');
    expect(future.err).toContain('【future-date】');
    const notHere = await refused(repo, '2026-03-03', 'instruct', 'DB-2026-0001', '--as', 'wang-fang', '--by', 'zhang-wei', '--text', '阅。');
    expect(notHere.err).toContain('“instruct”不是会议督办事项的环节');
  });

  it('a dirty tree, a detached HEAD, a rebase in progress, a lock held by another writer', async () => {
    repo = new LedgerRepo();
    await repo.ok('2026-03-02', 'register', '--as', 'wang-fang', ...MEETING_ITEM);
    const item = join(repo.dir, 'records/items/2026/DB-2026-0001/item.md');
    writeFileSync(item, repo.read('records/items/2026/DB-2026-0001/item.md') + '\n补充说明。\n');
    expect((await refused(repo, '2026-03-03', 'assign', 'DB-2026-0001', '--as', 'wang-fang')).err).toContain('工作区有未提交的改动');
    repo.git('checkout', '--', '.');
    // an untracked file where the step would write (the notice it issues)
    mkdirSync(join(repo.dir, 'records/notices'));
    writeFileSync(join(repo.dir, 'records/notices/TZ-2026-001.md'), 'x');
    expect((await refused(repo, '2026-03-03', 'assign', 'DB-2026-0001', '--as', 'wang-fang')).err).toContain('records/notices/TZ-2026-001.md');
    repo.git('clean', '-fdq');
    repo.git('checkout', '-q', '--detach');
    expect((await refused(repo, '2026-03-03', 'assign', 'DB-2026-0001', '--as', 'wang-fang')).err).toContain('HEAD 游离');
    repo.git('checkout', '-q', 'main');
    mkdirSync(join(repo.dir, '.git/rebase-merge'));
    expect((await refused(repo, '2026-03-03', 'assign', 'DB-2026-0001', '--as', 'wang-fang')).err).toContain('变基');
    repo.git('rebase', '--quit');
    writeFileSync(join(repo.dir, '.git/index.lock'), '');
    expect((await refused(repo, '2026-03-03', 'assign', 'DB-2026-0001', '--as', 'wang-fang')).err).toContain('index.lock');
  });

  it('--dry-run prints the diff and writes nothing; usage mistakes exit 2', async () => {
    repo = new LedgerRepo();
    await repo.ok('2026-03-02', 'register', '--as', 'wang-fang', ...MEETING_ITEM);
    const before = repo.snapshot();
    const dry = await repo.ledger('2026-03-03', 'assign', 'DB-2026-0001', '--as', 'wang-fang', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('+state: assigned');
    expect(dry.out).toContain('+++ b/records/notices/TZ-2026-001.md');
    expect(dry.out).toContain('没有写入任何内容');
    expect(repo.snapshot()).toBe(before);
    const missing = await repo.ledger('2026-03-03', 'extend', 'DB-2026-0001', '--as', 'wang-fang');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('缺少必填选项：--to（延期后的时限（年-月-日））');
    const badDate = await repo.ledger('2026-03-03', 'extend', 'DB-2026-0001', '--as', 'wang-fang', '--to', '2026/5/1', '--approved-by', 'zhang-wei', '--reason', 'x');
    expect(badDate.code).toBe(2);
    expect(badDate.err).toContain('--to 的取值 “2026/5/1” 不对');
    const who = await repo.ledger('2026-03-03', 'assign', 'DB-2026-0001', '--as', 'wang-fan');
    expect(who.code).toBe(2);
    expect(who.err).toContain('是不是 “wang-fang”');
    expect(repo.snapshot()).toBe(before);
  });
});

describe('numbers are assigned, looking at every branch', () => {
  it('the next item id, notice and bulletin number skip those taken on another local or remote-tracking branch', async () => {
    repo = new LedgerRepo();
    await repo.ok('2026-03-02', 'register', '--as', 'wang-fang', ...MEETING_ITEM);
    repo.git('checkout', '-q', '-b', 'clerk-2');
    await repo.ok('2026-03-02', 'register', '--as', 'wang-fang', ...MEETING_ITEM, '--title', '第二位办事员登记的事项');
    await repo.ok('2026-03-03', 'assign', 'DB-2026-0002', '--as', 'wang-fang');
    // another clerk's work known only as a remote-tracking branch
    repo.git('update-ref', 'refs/remotes/origin/clerk-3', repo.git('rev-parse', 'HEAD').trim());
    repo.git('checkout', '-q', 'main');
    repo.git('branch', '-q', '-D', 'clerk-2');
    const r = await repo.ok('2026-03-03', 'register', '--as', 'wang-fang', ...MEETING_ITEM, '--title', '主分支上的新事项');
    expect(r.out).toContain('DB-2026-0003');
    const a = await repo.ok('2026-03-03', 'assign', 'DB-2026-0001', 'DB-2026-0003', '--as', 'wang-fang');
    expect(a.out).toContain('records/notices/TZ-2026-002.md');
    expect(repo.read('records/notices/TZ-2026-002.md')).toContain('doc_no: 测试督办〔2026〕2号');
  });

  it('分解立项 from a YAML and a CSV list: consecutive ids in one commit', async () => {
    repo = new LedgerRepo();
    const yml = join(repo.dir, '..', `decisions-${process.pid}.yml`);
    writeFileSync(
      yml,
      [
        'common: { source: { type: party_committee, name: 党工委会议（2026年第6次）, date: 2026-03-01 }, leaders: [li-ming], reports_due: weekly }',
        'items:',
        '  - { title: 背街小巷整治, content: 集中整治。, requirements: 每周五报送。, deadline: 2026-04-30, lead_unit: urban, co_units: [env] }',
        '  - { title: 河道保洁, content: 河道两岸保洁。, requirements: 每月底报送。, deadline: 2026-05-31, lead_unit: env }',
      ].join('\n'),
    );
    const csv = join(repo.dir, '..', `decisions-${process.pid}.csv`);
    writeFileSync(csv, 'title,content,requirements,deadline,lead-unit,co-units\n"夜市油烟整治","整治夜市油烟。","每周报送。",2026-04-15,urban,"env、urban"\n');
    const y = await repo.ok('2026-03-02', 'register', '--kind', 'meeting', '--as', 'wang-fang', '--from-file', yml);
    expect(y.out).toContain('分解立项 2 项');
    const c = await repo.ok('2026-03-02', 'register', '--kind', 'meeting', '--as', 'wang-fang', '--from-file', csv, '--source-type', 'topic_meeting', '--source-name', '专题工作会议', '--source-date', '2026-03-01', '--leaders', 'li-ming');
    expect(c.out).toContain('DB-2026-0003');
    expect(repo.git('log', '--format=%B', '-1', 'HEAD~1')).toContain('DB-2026-0002 河道保洁');
    await clean(repo);
  });
});

describe('two actions racing on one repository', () => {
  it('one wins, the other refuses; no partial files', async () => {
    repo = new LedgerRepo();
    await repo.ok('2026-03-02', 'register', '--as', 'wang-fang', ...MEETING_ITEM);
    await repo.ok('2026-03-03', 'assign', 'DB-2026-0001', '--as', 'wang-fang');
    const env = { ...process.env, GIT_AUTHOR_DATE: '2026-03-04T12:00:00+08:00', GIT_COMMITTER_DATE: '2026-03-04T12:00:00+08:00' };
    const one = (as: string) =>
      new Promise<{ code: number | null; err: string }>((done) => {
        const p = spawn(process.execPath, [join(ROOT, 'src/cli/run.ts'), 'arrange', 'DB-2026-0001', '--as', as, '--by', 'li-ming', '--dir', repo.dir, '--today', '2026-03-04'], { env });
        let err = '';
        p.stderr.on('data', (d) => (err += d));
        p.on('close', (code) => done({ code, err }));
      });
    const results = await Promise.all([one('li-ming'), one('wang-fang')]);
    expect(results.map((r) => r.code).sort(), results.map((r) => r.err).join('\n')).toEqual([0, 1]);
    expect(results.find((r) => r.code === 1)!.err).toMatch(/另一个操作正在修改|【rewritten-history】|【illegal-transition】/);
    await clean(repo);
    expect(repo.git('log', '--oneline').trim().split('\n')).toHaveLength(4);
  });
});

describe('the commands come from the table', () => {
  it('every edge and amendment is a command with Chinese help and an example', () => {
    let help = '';
    const program = buildProgram({ out: (s) => void (help += s), err: () => {} });
    const names = program.commands.map((c) => c.name());
    const actions = [...new Set([...Object.values(WORKFLOWS).flatMap((w) => w.edges.map((e) => e.action))])];
    for (const a of [...actions, 'extend', 'flag', 'unflag', 'accountability', 'referral', 'report', 'edit']) expect(names).toContain(a);
    for (const c of program.commands) {
      if (c.name() === 'help') continue;
      const text = c.helpInformation() + ((c as unknown as { _helpText?: string })._helpText ?? '');
      expect(text, c.name()).toMatch(/[\u4e00-\u9fff]/);
      expect(text).not.toMatch(/Usage:|Options:/);
    }
    void help;
  });

  it('a step added to the table gets its command, options and a working commit with no new CLI code', async () => {
    const edge: Edge = { action: 'reopen', label: '重新交办', from: 'bulletined', to: 'in_progress', committer: ['office'], appends: 'returns' };
    WORKFLOWS.meeting.edges.push(edge);
    try {
      const program = buildProgram({ out: () => {}, err: () => {} });
      const cmd = program.commands.find((c) => c.name() === 'reopen');
      expect(cmd?.options.map((o) => o.long)).toEqual(expect.arrayContaining(['--reason', '--date', '--by', '--as']));
      repo = new LedgerRepo();
      await repo.ok('2026-03-02', 'register', '--as', 'wang-fang', ...MEETING_ITEM);
      await repo.ok('2026-03-03', 'assign', 'DB-2026-0001', '--as', 'wang-fang');
      await repo.ok('2026-03-04', 'arrange', 'DB-2026-0001', '--as', 'li-ming');
      await repo.ok('2026-03-05', 'bulletin', 'DB-2026-0001', '--as', 'wang-fang', '--reviewed-by', 'chen-jing', '--approved-by', 'zhang-wei');
      const r = await repo.ok('2026-03-06', 'reopen', 'DB-2026-0001', '--as', 'wang-fang', '--reason', '通报后发现问题反弹。');
      expect(r.out).toContain('重新交办（办理中）');
      expect(repo.read('records/items/2026/DB-2026-0001/item.md')).not.toContain('bulletined:');
    } finally {
      WORKFLOWS.meeting.edges.pop();
    }
  });
});
