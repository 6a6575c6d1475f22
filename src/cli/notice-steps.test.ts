/**
 * The steps the rest of the notice added, through `ledger` on real
 * temporary repositories: each refused by the same rules as the hook when
 * wrong (a unit signing for another, a step before its condition holds, an
 * application reviewed by another department's leader, the 督查汇报's chain
 * out of order), attachments judged by the checker's own rules before
 * anything is written, and many items chased in one commit.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LedgerRepo, MEETING_ITEM, REGISTRIES, SPECIAL_ITEM, SUPERIOR_ITEM } from '../../tests/cli/ledger-repo.ts';
import { TestRepo } from '../checker/test-repo.ts';
import { DOCUMENTS } from '../domain/workflow.ts';
import { buildProgram } from './main.ts';

let repo: LedgerRepo;
afterEach(() => repo?.remove());

async function refused(r: LedgerRepo, date: string, ...argv: string[]) {
  const before = r.snapshot();
  const res = await r.ledger(date, ...argv);
  expect(res.code, res.out + res.err).toBe(1);
  expect(r.snapshot()).toBe(before);
  return res;
}

function localFile(r: LedgerRepo, name: string, bytes: Buffer): string {
  const dir = join(r.dir, '..', `ledger-files-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), bytes);
  return join(dir, name);
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(60), Buffer.from('This program cannot be run in DOS mode.')]);

async function assigned(r: LedgerRepo) {
  await r.ok('2026-03-02', 'register', '--as', 'wang-fang', ...MEETING_ITEM);
  await r.ok('2026-03-03', 'assign', 'DB-2026-0001', '--as', 'wang-fang');
}

describe('refused by the same rules as the hook', () => {
  it('a unit signs for itself only; 签收 before 交办 and the 纪工委’s answer before any referral are not yet open', async () => {
    repo = new LedgerRepo();
    await repo.ok('2026-03-02', 'register', '--as', 'wang-fang', ...MEETING_ITEM);
    const early = await refused(repo, '2026-03-02', 'acknowledge', 'DB-2026-0001', '--as', 'zhao-qiang');
    expect(early.err).toContain('“签收”须在事项交办之后办理，DB-2026-0001 现在不能办理。可以办理：assign（印发督办通知 → 已交办）');
    await repo.ok('2026-03-03', 'assign', 'DB-2026-0001', '--as', 'wang-fang');
    const other = await refused(repo, '2026-03-03', 'acknowledge', 'DB-2026-0001', '--as', 'zhao-qiang', '--unit', 'env');
    expect(other.err).toContain('【wrong-committer】“为“env”签收”须由该单位人员或考核督查办提交');
    const outcome = await refused(repo, '2026-03-03', 'referral-outcome', 'DB-2026-0001', '--as', 'sun-jian', '--result', '不予立案。');
    expect(outcome.err).toContain('“纪工委反馈处理结果”须在事项移送纪工委之后办理');
    const referral = await refused(repo, '2026-03-03', 'referral', 'DB-2026-0001', '--as', 'wang-fang', '--approved-by', 'li-ming', '--reason', '线索。');
    expect(referral.err).toContain('referrals[0].approved_by');
  });

  it('an application reviewed by another department’s leader; a yes/no the form requires', async () => {
    repo = new LedgerRepo(TestRepo.create({ registries: { ...REGISTRIES, 'records/units.yml': { units: [{ id: 'urban', name: '城市管理办公室', type: 'department', leader: 'li-ming' }, { id: 'env', name: '生态环境办公室', type: 'department', leader: 'chen-jing' }] } } }));
    const form = ['--targets', 'urban', '--mode', 'onsite', '--from', '2026-03-10', '--to', '2026-03-20'];
    const r = await refused(repo, '2026-03-02', 'apply', '--as', 'qian-hong', ...SPECIAL_ITEM, ...form, '--mergeable', '--reviewed-by', 'li-ming', '--reason', '分类准确率下降。');
    expect(r.err).toContain('【not-unit-leader】');
    const before = repo.snapshot();
    const usage = await repo.ledger('2026-03-02', 'apply', '--as', 'qian-hong', ...SPECIAL_ITEM, ...form, '--reviewed-by', 'chen-jing', '--reason', '分类准确率下降。');
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('--mergeable（可以与其他督查检查合并进行');
    expect(repo.snapshot()).toBe(before);
  });

  it('the 督查汇报’s steps: in order, by the right person', async () => {
    repo = new LedgerRepo();
    await repo.ok('2026-03-02', 'register', '--as', 'wang-fang', ...SUPERIOR_ITEM);
    await repo.ok('2026-03-03', 'instruct', 'DB-2026-0001', '--as', 'wang-fang', '--by', 'zhang-wei', '--text', '阅。');
    await repo.ok('2026-03-04', 'assign', 'DB-2026-0001', '--as', 'wang-fang');
    await repo.ok('2026-03-05', 'arrange', 'DB-2026-0001', '--as', 'li-ming');
    await repo.ok('2026-03-06', 'draft-summary', 'DB-2026-0001', '--as', 'wang-fang');
    const skip = await refused(repo, '2026-03-07', 'instruct-summary', 'HB-2026-001', '--as', 'zhang-wei', '--text', '同意。');
    expect(skip.err).toContain('【summary-chain】');
    const who = await refused(repo, '2026-03-07', 'review-summary', 'HB-2026-001', '--as', 'zhao-qiang', '--by', 'chen-jing');
    expect(who.err).toContain('【wrong-committer】“分管考核督查领导审阅”须由考核督查办或分管考核督查领导提交');
    const signer = await refused(repo, '2026-03-07', 'review-summary', 'HB-2026-001', '--as', 'wang-fang');
    expect(signer.err).toContain('reviewed.by');
    const early = await refused(repo, '2026-03-07', 'summarise', 'DB-2026-0001', '--as', 'wang-fang', '--document', 'HB-2026-001');
    expect(early.err).toContain('【summary-chain】');
    const none = await refused(repo, '2026-03-07', 'revise-summary', 'DB-2026-0001', '--as', 'wang-fang');
    expect(none.err).toContain('DB-2026-0001 没有可以“按批示修改定稿”的文稿；现在可以办理：review-summary HB-2026-001（分管考核督查领导审阅）');
  });
});

describe('ledger attach', () => {
  it('copies a file into the item’s attachments under a safe name, one commit; names it from a 督查汇报', async () => {
    repo = new LedgerRepo();
    await repo.ok('2026-03-02', 'register', '--as', 'wang-fang', ...SUPERIOR_ITEM);
    const r = await repo.ok('2026-03-02', 'attach', 'DB-2026-0001', localFile(repo, '来文 扫描件(1).PDF', PDF), '--as', 'wang-fang', '--note', '区委办来文');
    expect(r.out).toContain('records/items/2026/DB-2026-0001/attachments/来文-扫描件(1).pdf');
    expect(r.out).toContain('--attachments 来文-扫描件(1).pdf');
    expect(repo.git('log', '-1', '--format=%an|%s')).toBe('王芳|DB-2026-0001 上传附件 来文-扫描件(1).pdf：区委办来文\n');
    await repo.ok('2026-03-03', 'instruct', 'DB-2026-0001', '--as', 'wang-fang', '--by', 'zhang-wei', '--text', '阅。');
    await repo.ok('2026-03-04', 'assign', 'DB-2026-0001', '--as', 'wang-fang');
    await repo.ok('2026-03-05', 'arrange', 'DB-2026-0001', '--as', 'li-ming');
    await repo.ok('2026-03-06', 'draft-summary', 'DB-2026-0001', '--as', 'wang-fang');
    await repo.ok('2026-03-07', 'attach', 'HB-2026-001', localFile(repo, '上报稿.pdf', PDF), '--as', 'wang-fang');
    expect(repo.read('records/summaries/HB-2026-001.md')).toContain('attachments: [上报稿.pdf]');
    const all = await repo.repo.check({ all: true });
    expect(all.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('refuses a disguised or oversized file with the checker’s message, leaving the repository byte-identical', async () => {
    repo = new LedgerRepo(TestRepo.create({ registries: { ...REGISTRIES, 'records/config.yml': { organisation: '测试街道', office: '测试街道考核督查办', bulletin_name: '测试督查', attachments: { max_kb: 1 } } } }));
    await assigned(repo);
    const exe = await refused(repo, '2026-03-03', 'attach', 'DB-2026-0001', localFile(repo, '批示件.pdf', EXE), '--as', 'wang-fang');
    expect(exe.err).toContain('records/items/2026/DB-2026-0001/attachments/批示件.pdf:1: 【attachment-type】附件 “批示件.pdf” 的内容是Windows 可执行程序（按文件内容识别，与扩展名无关），不是允许的附件类型');
    expect(exe.err).toContain('提示：允许的附件类型：PDF、JPG、PNG、OFD、DOCX、XLSX；单个附件不超过 1 KB');
    const big = await refused(repo, '2026-03-03', 'attach', 'DB-2026-0001', localFile(repo, '整卷扫描.pdf', Buffer.concat([PDF, Buffer.alloc(300 * 1024, 0x20)])), '--as', 'wang-fang');
    expect(big.err).toContain('【attachment-too-large】');
    const step = await refused(repo, '2026-03-04', 'close', 'DB-2026-0001', '--as', 'wang-fang', '--attachments', localFile(repo, '照片.jpg', EXE));
    expect(step.err).toContain('【');
  });
});

describe('分解立项 joining a meeting', () => {
  it('an item registered later for the same meeting joins its record, in the same commit', async () => {
    repo = new LedgerRepo();
    const yml = localFile(repo, 'meeting.yml', Buffer.from('common: { source: { type: party_committee, name: 党工委会议（2026年第6次）, date: 2026-03-01 }, leaders: [li-ming] }\nitems:\n  - { title: 甲, content: 甲。, requirements: 甲。, deadline: 2026-04-30, lead_unit: urban }\n  - { title: 乙, content: 乙。, requirements: 乙。, deadline: 2026-04-30, lead_unit: env }\n'));
    await repo.ok('2026-03-02', 'register', '--kind', 'meeting', '--as', 'wang-fang', '--from-file', yml);
    const r = await repo.ok('2026-03-03', 'register', '--as', 'wang-fang', ...MEETING_ITEM, '--title', '丙', '--source-meeting', 'HY-2026-001');
    expect(r.out).toContain('records/meetings/HY-2026-001.md');
    expect(repo.read('records/meetings/HY-2026-001.md')).toMatch(/items:\n  - DB-2026-0001\n  - DB-2026-0002\n  - DB-2026-0003\n|items: \[DB-2026-0001, DB-2026-0002, DB-2026-0003\]/);
    const all = await repo.repo.check({ all: true });
    expect(all.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('many items in one step', () => {
  it('the message counts them and names each below', async () => {
    repo = new LedgerRepo();
    for (let n = 0; n < 4; n++) await repo.ok('2026-03-02', 'register', '--as', 'wang-fang', ...MEETING_ITEM, '--title', `事项${n + 1}`);
    await repo.ok('2026-03-03', 'assign', 'DB-2026-0001', 'DB-2026-0002', 'DB-2026-0003', 'DB-2026-0004', '--as', 'wang-fang');
    await repo.ok('2026-03-10', 'remind', 'DB-2026-0001', 'DB-2026-0002', 'DB-2026-0003', 'DB-2026-0004', '--as', 'wang-fang', '--method', 'phone', '--to', '城市管理办公室');
    expect(repo.git('log', '-1', '--format=%B')).toBe('催办 4 项（2026-03-10）\n\nDB-2026-0001 事项1\nDB-2026-0002 事项2\nDB-2026-0003 事项3\nDB-2026-0004 事项4\n');
  });
});

describe('help examples', () => {
  it('use only options their command has', () => {
    let help = '';
    const program = buildProgram({ out: (x) => void (help += x), err: () => {} });
    let seen = 0;
    for (const c of program.commands) {
      help = '';
      c.outputHelp();
      const examples = help.split('\n').filter((l) => l.trim().startsWith(`ledger ${c.name()} `));
      const known = new Set(c.options.map((o) => o.long));
      seen += examples.length;
      for (const e of examples) for (const opt of e.match(/ --[a-z-]+/g) ?? []) expect(known, `${c.name()}: ${e}`).toContain(opt.trim());
    }
    expect(seen).toBeGreaterThan(40);
  });
});

describe('the document steps come from the table', () => {
  it('one command per step of every document that lands step by step', () => {
    const program = buildProgram({ out: () => {}, err: () => {} });
    const names = program.commands.map((c) => c.name());
    for (const s of DOCUMENTS.summary.steps!) expect(names).toContain(s.action);
    const review = program.commands.find((c) => c.name() === 'review-summary')!;
    expect(review.options.map((o) => o.long)).toEqual(expect.arrayContaining(['--by', '--date', '--opinion', '--attachments', '--body-file']));
    expect(review.description()).toBe('督查汇报第2步（共4步）：分管考核督查领导审阅（考核督查办或分管考核督查领导办理）');
  });
});
