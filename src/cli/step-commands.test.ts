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

/** A file on the clerk's computer, outside the repository. */
function localFile(r: LedgerRepo, name: string, bytes: Buffer): string {
  const dir = join(r.dir, '..', `ledger-files-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(60), Buffer.from('This program cannot be run in DOS mode.')]);

describe('a whole workflow through ledger alone', () => {
  it('meeting: 分解立项 (with its meeting record) → 交办 → 签收 → 办理 → 落实情况 → 审核 → 通报 → 销号 (with evidence) → 归档', async () => {
    repo = new LedgerRepo();
    const yml = localFile(repo, 'decisions.yml', Buffer.from([
      'common: { source: { type: party_committee, name: 党工委会议（2026年第6次）, date: 2026-03-01 }, leaders: [li-ming], reports_due: weekly }',
      'items:',
      '  - { title: 背街小巷环境卫生集中整治, content: 对辖区背街小巷开展集中整治。, requirements: 每周五报送进展。, deadline: 2026-04-30, lead_unit: urban, co_units: [env] }',
      '  - { title: 农贸市场周边秩序整治, content: 整治农贸市场周边占道经营。, requirements: 每月底报送。, deadline: 2026-05-31, lead_unit: urban }',
    ].join('\n')));
    const batch = await repo.ok('2026-03-02', 'register', '--kind', 'meeting', '--as', 'wang-fang', '--from-file', yml, '--chaired-by', 'zhang-wei');
    expect(batch.out).toContain('records/meetings/HY-2026-001.md');
    await repo.ok('2026-03-03', 'assign', 'DB-2026-0001', 'DB-2026-0002', '--as', 'wang-fang', '--approved-by', 'zhang-wei');
    // 签收: each unit for itself (its unit by default), the office for a unit on the phone
    await repo.ok('2026-03-03', 'acknowledge', 'DB-2026-0001', '--as', 'zhao-qiang');
    await repo.ok('2026-03-04', 'acknowledge', 'DB-2026-0001', '--as', 'qian-hong');
    await repo.ok('2026-03-04', 'acknowledge', 'DB-2026-0002', '--as', 'wang-fang', '--unit', 'urban', '--note', '电话签收，考核督查办代录');
    await repo.ok('2026-03-04', 'arrange', 'DB-2026-0001', '--as', 'li-ming');
    await repo.ok('2026-03-04', 'edit', 'DB-2026-0002', '--as', 'wang-fang', '--requirements', '每月底报送进展。', '--source-doc-no', '测试工纪〔2026〕6号');
    await repo.ok('2026-03-05', 'cancel', 'DB-2026-0002', '--as', 'wang-fang', '--approved-by', 'zhang-wei', '--reason', '并入区级统一整治，不再单独督办。');
    await repo.ok('2026-03-06', 'report', 'DB-2026-0001', '--as', 'zhao-qiang', '--progress', '已完成12条巷道排查建档。');
    await repo.ok('2026-03-06', 'report', 'DB-2026-0001', '--as', 'qian-hong', '--progress', '配合清运垃圾38车。');
    // the office sends one report back, accepts the others
    await repo.ok('2026-03-07', 'review', 'DB-2026-0001', '--as', 'wang-fang', '--report', '2026-03-06-urban.md', '--result', 'returned', '--reason', '未附整治前后照片，请补报。');
    await repo.ok('2026-03-07', 'review', 'DB-2026-0001', '--as', 'wang-fang', '--report', '2026-03-06-env.md', '--result', 'accepted');
    const photo = localFile(repo, '整治后 现场照片.PNG', PNG);
    await repo.ok('2026-03-08', 'report', 'DB-2026-0001', '--as', 'zhao-qiang', '--progress', '补报整治前后照片，12条巷道已整治完毕。', '--done', '--attachments', photo);
    await repo.ok('2026-03-09', 'review', 'DB-2026-0001', '--as', 'wang-fang', '--report', '2026-03-08-urban.md', '--result', 'accepted');
    await repo.ok('2026-03-10', 'bulletin', 'DB-2026-0001', '--as', 'wang-fang', '--reviewed-by', 'chen-jing', '--approved-by', 'zhang-wei');
    // 销号 on the accepted reports (the default), verified on site
    await repo.ok('2026-03-11', 'close', 'DB-2026-0001', '--as', 'wang-fang', '--method', 'onsite', '--note', '经现场核查已整改到位');
    await repo.ok('2026-03-12', 'archive', 'DB-2026-0001', '--as', 'wang-fang', '--ref', '2026-督查-001卷');
    await clean(repo);
    const meeting = repo.read('records/meetings/HY-2026-001.md');
    expect(meeting).toContain('items: [DB-2026-0001, DB-2026-0002]');
    expect(meeting).toContain('chaired_by: zhang-wei');
    const notice = repo.read('records/notices/TZ-2026-001.md');
    expect(notice).toContain('items: [DB-2026-0001, DB-2026-0002]');
    expect(notice).toContain('to_units: [urban, env]');
    expect(notice).toContain('to_leaders: [li-ming]');
    expect(repo.git('-c', 'core.quotepath=off', 'ls-files', 'records/items/2026/DB-2026-0001')).toBe(
      ['attachments/整治后-现场照片.png', 'item.md', 'reports/2026-03-06-env.md', 'reports/2026-03-06-urban.md', 'reports/2026-03-08-urban.md'].map((n) => `records/items/2026/DB-2026-0001/${n}`).join('\n') + '\n',
    );
    expect(repo.read('records/items/2026/DB-2026-0001/reports/2026-03-08-urban.md')).toContain('attachments: [整治后-现场照片.png]');
    const item = repo.read('records/items/2026/DB-2026-0001/item.md');
    expect(item).toContain('state: archived');
    expect(item).toContain('meeting: HY-2026-001');
    expect(item).toMatch(/acknowledgements:\n  - date: 2026-03-03\n    unit: urban\n    by: zhao-qiang\n  - date: 2026-03-04\n    unit: env\n    by: qian-hong\n/);
    expect(item).toMatch(/closure:\n  date: 2026-03-11\n  by: wang-fang\n  reports: \[2026-03-06-env\.md, 2026-03-08-urban\.md\]\n  method: onsite\n  verified_by: wang-fang\n/);
    const other = repo.read('records/items/2026/DB-2026-0002/item.md');
    expect(other).toContain('requirements: 每月底报送进展。');
    expect(other).toContain('doc_no: 测试工纪〔2026〕6号');
    expect(other).toMatch(/cancellation:\n  date: 2026-03-05\n  approved_by: zhang-wei\n/);
    expect(other).toContain('state: cancelled');
    expect(item).toContain('bulletined: { date: 2026-03-10, bulletin: TB-2026-01 }');
    // one commit per step, authored by the person acting, naming the item and the step
    expect(repo.git('log', '--format=%an|%s', '-5').trim().split('\n')).toEqual([
      '王芳|DB-2026-0001 归档（已归档）：背街小巷环境卫生集中整治',
      '王芳|DB-2026-0001 销号（已销号）：背街小巷环境卫生集中整治',
      '王芳|DB-2026-0001 督查通报（已通报）：背街小巷环境卫生集中整治',
      '王芳|DB-2026-0001 审核落实情况：背街小巷环境卫生集中整治',
      '赵强|DB-2026-0001 报送落实情况（城市管理办公室，2026-03-08）',
    ]);
    expect(repo.git('log', '--format=%s', '--reverse').split('\n')[1]).toBe('分解立项：党工委会议（2026年第6次）（2 项）');
  });

  it('superior: 登记 → 批示 → 交办 → 签收 → 办理 → 督查汇报 (起草 → 审阅 → 批示) → 汇报 → 退回 → 新的汇报 → 修改定稿 → 上报 → 销号 → 归档, with 延期, 挂牌/摘牌, 问责, 移送 and the 纪工委’s answers after 归档', async () => {
    repo = new LedgerRepo();
    await repo.ok('2026-03-02', 'register', '--as', 'wang-fang', ...SUPERIOR_ITEM, '--attachments', localFile(repo, '区委办来文.pdf', PDF));
    await repo.ok('2026-03-03', 'instruct', 'DB-2026-0001', '--as', 'wang-fang', '--by', 'zhang-wei', '--text', '请李明同志牵头抓好落实。', '--attachments', localFile(repo, '主要领导批示件.pdf', PDF));
    await repo.ok('2026-03-04', 'assign', 'DB-2026-0001', '--as', 'wang-fang');
    await repo.ok('2026-03-04', 'acknowledge', 'DB-2026-0001', '--as', 'zhao-qiang');
    await repo.ok('2026-03-05', 'arrange', 'DB-2026-0001', '--as', 'wang-fang', '--by', 'li-ming');
    await repo.ok('2026-03-06', 'report', 'DB-2026-0001', '--as', 'zhao-qiang', '--progress', '已检查企业23家。');
    await repo.ok('2026-03-07', 'extend', 'DB-2026-0001', '--as', 'wang-fang', '--to', '2026-04-15', '--approved-by', 'zhang-wei', '--reason', '上级延长检查期限。');
    await repo.ok('2026-03-08', 'flag', 'DB-2026-0001', '--as', 'wang-fang', '--reason', '进度滞后。');
    await repo.ok('2026-03-09', 'accountability', 'DB-2026-0001', '--as', 'wang-fang', '--unit', 'urban', '--measure', '约谈提醒。', '--reason', '未按时报送。', '--decided-by', 'zhang-wei');
    await repo.ok('2026-03-09', 'referral', 'DB-2026-0001', '--as', 'wang-fang', '--approved-by', 'zhang-wei', '--reason', '涉嫌弄虚作假。');
    await repo.ok('2026-03-10', 'unflag', 'DB-2026-0001', '--as', 'wang-fang');
    await repo.ok('2026-03-10', 'review', 'DB-2026-0001', '--as', 'wang-fang', '--report', '2026-03-06-urban.md', '--result', 'accepted');
    // the 督查汇报, step by step: drafted from the reports, reviewed, instructed
    const draft = await repo.ok('2026-03-18', 'draft-summary', 'DB-2026-0001', '--as', 'wang-fang');
    expect(draft.out).toContain('records/summaries/HB-2026-001.md');
    await repo.ok('2026-03-19', 'review-summary', 'HB-2026-001', '--as', 'chen-jing', '--opinion', '同意，报主要领导。');
    await repo.ok('2026-03-20', 'instruct-summary', 'DB-2026-0001', '--as', 'wang-fang', '--by', 'zhang-wei', '--text', '同意上报。');
    await repo.ok('2026-03-20', 'summarise', 'DB-2026-0001', '--as', 'wang-fang');
    await repo.ok('2026-03-21', 'return', 'DB-2026-0001', '--as', 'chen-jing', '--reason', '材料不全，请补充检查台账。');
    await repo.ok('2026-03-22', 'report', 'DB-2026-0001', '--as', 'zhao-qiang', '--progress', '补充检查台账，23家企业隐患全部整改。', '--done');
    await repo.ok('2026-03-22', 'review', 'DB-2026-0001', '--as', 'wang-fang', '--report', '2026-03-22-urban.md', '--result', 'accepted');
    await repo.ok('2026-03-23', 'draft-summary', 'DB-2026-0001', '--as', 'wang-fang', '--to', '区委督查室');
    await repo.ok('2026-03-24', 'review-summary', 'DB-2026-0001', '--as', 'wang-fang', '--by', 'chen-jing');
    await repo.ok('2026-03-24', 'instruct-summary', 'HB-2026-002', '--as', 'zhang-wei', '--text', '同意上报，补充下步打算。');
    await repo.ok('2026-03-25', 'summarise', 'DB-2026-0001', '--as', 'wang-fang');
    const revised = localFile(repo, 'revised.md', Buffer.from('# 关于安全生产大检查落实情况的汇报\n\n区委督查室：\n\n（按批示补充下步打算后的上报稿。）\n'));
    await repo.ok('2026-03-25', 'revise-summary', 'DB-2026-0001', '--as', 'wang-fang', '--note', '补充下步打算。', '--body-file', revised);
    await repo.ok('2026-03-26', 'submit', 'DB-2026-0001', '--as', 'wang-fang', '--to', '区委督查室', '--doc-no', '测试报〔2026〕3号');
    await repo.ok('2026-03-27', 'close', 'DB-2026-0001', '--as', 'wang-fang', '--method', 'document');
    await repo.ok('2026-03-28', 'archive', 'DB-2026-0001', '--as', 'wang-fang', '--ref', '2026-督查-002卷');
    // the 纪工委 answers when it answers: after 归档 too
    await repo.ok('2026-04-02', 'receive-referral', 'DB-2026-0001', '--as', 'sun-jian', '--case-no', '测纪受〔2026〕1号');
    await repo.ok('2026-04-20', 'referral-outcome', 'DB-2026-0001', '--as', 'sun-jian', '--result', '给予相关责任人诫勉谈话。');
    await clean(repo);
    const item = repo.read('records/items/2026/DB-2026-0001/item.md');
    expect(item).toContain('deadline: 2026-04-15');
    expect(item).toContain('lifted: 2026-03-10');
    expect(item).toMatch(/returns:\n  - date: 2026-03-21\n    by: chen-jing\n/);
    expect(item).toContain('summary: { date: 2026-03-25, by: wang-fang, document: HB-2026-002 }');
    expect(item).toMatch(/referral_receipts:\n  - date: 2026-04-02\n    by: sun-jian\n    referral: 1\n    case_no: 测纪受〔2026〕1号\n/);
    expect(item).toMatch(/instruction:\n(.*\n)*  attachments: \[主要领导批示件\.pdf\]\n/);
    const first = repo.read('records/summaries/HB-2026-001.md');
    expect(first).toContain('to: 区委办公室');
    expect(first).toContain('materials: [2026-03-06-urban.md]');
    expect(first).toContain('城市管理办公室（2026-03-06）：已检查企业23家。');
    const second = repo.read('records/summaries/HB-2026-002.md');
    expect(second).toMatch(/revised: \{ date: 2026-03-25, by: wang-fang, note: 补充下步打算。 \}\n---\n# 关于安全生产大检查落实情况的汇报\n/);
    expect(repo.git('log', '--format=%an|%s', '-1', 'HEAD~1')).toBe('孙健|DB-2026-0001 纪工委签收移送：安全生产大检查\n');
    expect(repo.git('log', '--format=%an|%s', '--grep', '修改定稿')).toBe('王芳|HB-2026-002 按批示修改定稿：关于“安全生产大检查”落实情况的汇报（DB-2026-0001）\n');
  });

  it('special: 申请 ×3 → 批准 / 不予批准 / 合并 → 方案备案 → 实施 → 打分 → 通报 → 销号 → 归档; a phone/written inspection summed up for the main leader', async () => {
    repo = new LedgerRepo();
    const form = ['--targets', 'urban', '--mode', 'onsite', '--from', '2026-03-10', '--to', '2026-03-20'];
    await repo.ok('2026-03-02', 'apply', '--as', 'qian-hong', ...SPECIAL_ITEM, ...form, '--mergeable', '--reviewed-by', 'li-ming', '--reason', '分类准确率下降。');
    const second = await repo.ok('2026-03-02', 'apply', '--as', 'qian-hong', ...SPECIAL_ITEM, ...form, '--mergeable', '--title', '垃圾桶站点检查', '--reviewed-by', 'li-ming', '--reason', '与垃圾分类内容交叉。');
    // 中办发〔2018〕56号: the same unit inspected at the same time — a merge suggested, not refused
    expect(second.out).toContain('DB-2026-0001');
    expect(second.out).toContain('［建议］DB-2026-0002 可与 DB-2026-0001 合并进行');
    await repo.ok('2026-03-02', 'apply', '--as', 'zhao-qiang', ...SPECIAL_ITEM, ...form, '--no-mergeable', '--merge-note', '日常检查。', '--title', '门前三包日常检查', '--lead-unit', 'urban', '--co-units', 'env', '--targets', 'env', '--reviewed-by', 'li-ming', '--reason', '日常工作。');
    await repo.ok('2026-03-03', 'approve', 'DB-2026-0001', '--as', 'wang-fang', '--by', 'zhang-wei', '--text', '同意。');
    await repo.ok('2026-03-03', 'reject', 'DB-2026-0003', '--as', 'wang-fang', '--by', 'zhang-wei', '--reason', '日常调研指导不冠以督查名义。');
    await repo.ok('2026-03-04', 'merge', 'DB-2026-0002', '--as', 'wang-fang', '--into', 'DB-2026-0001', '--reason', '内容交叉，合并进行。');
    await repo.ok('2026-03-05', 'plan', 'DB-2026-0001', '--as', 'wang-fang', '--mode', 'onsite', '--period-from', '2026-03-10', '--period-to', '2026-03-20', '--applications', 'DB-2026-0002', '--inspection-notice-doc-no', '测试督考〔2026〕1号');
    await repo.ok('2026-03-10', 'start', 'DB-2026-0001', '--as', 'wang-fang');
    await repo.ok('2026-03-15', 'report', 'DB-2026-0001', '--as', 'qian-hong', '--progress', '抽查居民210户。');
    await repo.ok('2026-03-16', 'score', 'DB-2026-0001', '--as', 'qian-hong', '--unit', 'urban', '--score', '86.5', '--note', '桶前值守不到位扣5分。');
    await repo.ok('2026-03-21', 'review', 'DB-2026-0001', '--as', 'wang-fang', '--report', '2026-03-15-env.md', '--result', 'accepted');
    await repo.ok('2026-03-22', 'bulletin', 'DB-2026-0001', '--as', 'wang-fang', '--signed-by', 'li-ming', '--problems', '桶前值守不到位。', '--causes', '志愿者不足。', '--next-steps', '增设督导员。', '--reviewed-by', 'chen-jing', '--approved-by', 'zhang-wei');
    await repo.ok('2026-03-25', 'close', 'DB-2026-0001', '--as', 'wang-fang', '--method', 'onsite', '--verified-by', 'wang-fang');
    await repo.ok('2026-03-26', 'archive', 'DB-2026-0001', '--as', 'wang-fang', '--ref', '2026-督查-003卷');
    // a phone/written inspection: summed up and reported to the main leader
    await repo.ok('2026-03-26', 'apply', '--as', 'wang-fang', ...SPECIAL_ITEM, '--title', '文明城市创建电话督查', '--by', 'qian-hong', '--targets', 'urban', '--mode', 'written', '--from', '2026-04-01', '--to', '2026-04-10', '--no-mergeable', '--reviewed-by', 'li-ming', '--reason', '创建迎检。');
    await repo.ok('2026-03-27', 'approve', 'DB-2026-0004', '--as', 'zhang-wei', '--text', '同意。');
    await repo.ok('2026-03-28', 'plan', 'DB-2026-0004', '--as', 'wang-fang', '--mode', 'written', '--period-from', '2026-04-01', '--period-to', '2026-04-10');
    await repo.ok('2026-04-01', 'start', 'DB-2026-0004', '--as', 'wang-fang');
    await repo.ok('2026-04-10', 'summarise-inspection', 'DB-2026-0004', '--as', 'wang-fang', '--to', 'zhang-wei', '--text', '电话抽查12个点位，9个达标。');
    await clean(repo);
    const plan = repo.read('records/plans/FA-2026-001.md');
    expect(plan).toContain('applications: [DB-2026-0001, DB-2026-0002]');
    expect(plan).toContain('inspection_notice:\n  date: 2026-03-05\n  doc_no: 测试督考〔2026〕1号\n  to: [urban]\n');
    expect(plan).toContain('title: 生活垃圾分类专项督查考核方案');
    const bulletin = repo.read('records/bulletins/2026/TB-2026-01.md');
    expect(bulletin).toContain('kind: special');
    const first = repo.read('records/items/2026/DB-2026-0001/item.md');
    expect(first).toContain('mergeable: true');
    expect(first).toMatch(/scores:\n  - date: 2026-03-16\n    unit: urban\n    score: 86.5\n    by: qian-hong\n/);
    expect(repo.read('records/items/2026/DB-2026-0003/item.md')).toContain('mergeable: false');
    expect(repo.read('records/items/2026/DB-2026-0004/item.md')).toMatch(/inspection_summaries:\n  - date: 2026-04-10\n    by: wang-fang\n    to: zhang-wei\n/);
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
    expect(y.out).toContain('分解立项：党工委会议（2026年第6次）（2 项）');
    expect(y.out).toContain('records/meetings/HY-2026-001.md');
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
