/**
 * The broken cases of the notice's fifteen steps (meetings, 督查汇报, 签收,
 * report review, closure evidence, attachments, special supervision, 问责
 * and the 纪工委): each yields exactly its codes, and what staff read is
 * pinned. Cases: tests/fixtures/cases.ts; the older cases are pinned in
 * check-tree.test.ts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CASES, copyCase } from '../../tests/fixtures/cases.ts';
import { CATALOG } from '../domain/issues.ts';
import { checkTree } from './check-tree.ts';
import { formatIssue } from './format.ts';

const TODAY = '2026-11-24';
const root = mkdtempSync(join(tmpdir(), 'ledger-check-steps-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function run(name: string): string {
  const c = CASES[name];
  if (!c) throw new Error(`no case ${name} in CASES`);
  const { issues } = checkTree(copyCase(name, root), { today: TODAY });
  expect(issues.map((i) => i.code).sort()).toEqual([...c.codes].sort());
  return issues.map(formatIssue).join('\n');
}

describe('attachments', () => {
  it('attachment-type-exe-renamed-pdf', () => expect(run('attachment-type-exe-renamed-pdf')).toMatchInlineSnapshot(`
    "records/items/2026/DB-2026-0001/attachments/批示件.pdf:1: 【attachment-type】附件 “批示件.pdf” 的内容是Windows 可执行程序（按文件内容识别，与扩展名无关），不是允许的附件类型
        提示：允许的附件类型：PDF、JPG、PNG、OFD、DOCX、XLSX；单个附件不超过 10 MB。Word、Excel 请另存为 .docx、.xlsx，扫描件请存为 PDF 或 JPG"
  `));
  it('attachment-extension', () => expect(run('attachment-extension')).toMatchInlineSnapshot(`
    "records/items/2026/DB-2026-0001/attachments/批示件.pdf:1: 【attachment-extension】附件 “批示件.pdf” 的内容是PNG 图片，扩展名却是 .pdf
        提示：请把文件改名为以 .png 结尾后再上传，并在记录中引用新文件名"
  `));
  it('attachment-too-large', () => expect(run('attachment-too-large')).toMatchInlineSnapshot(`
    "records/items/2026/DB-2026-0001/attachments/批示件.pdf:1: 【attachment-too-large】附件 “批示件.pdf” 有 3 KB，超过单个附件的上限 1 KB
        提示：更大的文件请用 Git LFS 存放（见 records/README.md“附件”一节），或压缩后再上传；允许的附件类型：PDF、JPG、PNG"
  `));
  it('unknown-attachment', () => expect(run('unknown-attachment')).toMatchInlineSnapshot(`
    "records/items/2026/DB-2026-0001/attachments/协调会会议纪要.pdf:1: 【attachment-unreferenced】［警告］附件 “协调会会议纪要.pdf” 没有被事项、落实情况或督查汇报引用
        提示：在相应记录的 attachments 中写上这个文件名（例如落实情况的 attachments、销号的 closure.attachments），说明它是哪项材料
    records/items/2026/DB-2026-0001/reports/2026-04-24-community-3.md:6: 【unknown-attachment】字段 “attachments[0]” 引用的附件 “协调会纪要.pdf” 不在 records/items/2026/DB-2026-0001/attachments/ 中
        提示：先把文件上传到该事项的 attachments/ 文件夹，再在记录中写它的文件名（大小写、扩展名都要一致）"
  `));
  it('attachment-unreferenced', () => expect(run('attachment-unreferenced')).toMatchInlineSnapshot(`
    "records/items/2026/DB-2026-0031/attachments/巷道照片.png:1: 【attachment-unreferenced】［警告］附件 “巷道照片.png” 没有被事项、落实情况或督查汇报引用
        提示：在相应记录的 attachments 中写上这个文件名（例如落实情况的 attachments、销号的 closure.attachments），说明它是哪项材料"
  `));
  it('unknown-file-attachment-subfolder', () => expect(run('unknown-file-attachment-subfolder')).toMatchInlineSnapshot(`
    "records/items/2026/DB-2026-0031/attachments/照片/巷道.png:1: 【unknown-file】records/ 下不应有这个文件：records/items/2026/DB-2026-0031/attachments/照片/巷道.png
        提示：事项放在 records/items/<年份>/<编号>/item.md，落实情况放在 records/items/<年份>/<编号>/reports/，附件放在 records/items/<年份>/<编号>/attachments/，通知放在 records/notices/，通报放在 records/bulletins/<年份>/，方案放在 records/plans/，会议放在 records/meetings/，督查汇报放在 records/summaries/；模板在 records/_templates/"
  `));
});

describe('分解立项 and 督查汇报', () => {
  it('unknown-meeting', () => expect(run('unknown-meeting')).toMatchInlineSnapshot(`
    "records/items/2026/DB-2026-0033/item.md:9: 【unknown-meeting】字段 “source.meeting” 引用的会议 “HY-2026-006” 不存在
        提示：请先在 records/meetings/ 中建立该会议的分解立项记录，或检查编号"
  `));
  it('meeting-mismatch', () => expect(run('meeting-mismatch')).toMatchInlineSnapshot(`
    "records/meetings/HY-2026-001.md:9: 【meeting-mismatch】事项 DB-2026-0033 的 source.meeting 没有填写，应为本会议 HY-2026-001
        提示：会议记录的 items 应列出分解出的全部事项；每个事项的 source.meeting 指向该会议，source 的类型、日期与会议一致"
  `));
  it('unknown-summary', () => expect(run('unknown-summary')).toMatchInlineSnapshot(`
    "records/items/2026/DB-2026-0002/item.md:21: 【unknown-summary】字段 “summary.document” 引用的督查汇报 “HB-2026-011” 不存在
        提示：请先在 records/summaries/ 中建立该督查汇报，或检查编号"
  `));
  it('summary-mismatch', () => expect(run('summary-mismatch')).toMatchInlineSnapshot(`
    "records/summaries/HB-2026-001.md:6: 【summary-mismatch】汇总的落实情况 2026-04-15-safety.md 报送于 2026-04-15，晚于起草日期 2026-04-14
        提示：督查汇报的 item 应为它所汇报的上级督查事项，该事项的 summary.document 指向它；materials 只列该事项已报送的落实情况"
  `));
  it('summary-chain', () => expect(run('summary-chain')).toMatchInlineSnapshot(`
    "records/items/2026/DB-2026-0002/item.md:22: 【summary-chain】督查汇报 HB-2026-001 尚未按批示意见修改定稿（revised），不能上报
        提示：督查汇报依次：起草（drafted，考核督查办）→ 审阅（reviewed，分管考核督查领导）→ 批示（instructed，主要领导）→ 按批示修改定稿（revised）；审阅、批示齐全后事项才能改为 reported，定稿后才能上报（submitted）"
  `));
  it('wrong-signer-summary', () => expect(run('wrong-signer-summary')).toMatchInlineSnapshot(`
    "records/summaries/HB-2026-001.md:8: 【wrong-signer】字段 “reviewed.by” 中的 “li-ming”（李明）不具备分管考核督查领导角色
        提示：此处须由以下角色之一签批：分管考核督查领导；李明的角色是：分管/主管领导"
  `));
});

describe('签收, review of a report, closure evidence', () => {
  it('acknowledge-unit', () => expect(run('acknowledge-unit')).toMatchInlineSnapshot(`
    "records/items/2026/DB-2026-0001/item.md:40: 【acknowledge-unit】签收单位 “env” 不是事项 DB-2026-0001 的牵头或配合单位
        提示：可签收的单位：urban、community-3"
  `));
  it('acknowledge-early', () => expect(run('acknowledge-early')).toMatchInlineSnapshot(`
    "records/items/2026/DB-2026-0001/item.md:38: 【acknowledge-early】签收日期 2026-02-25 早于交办日期 2026-02-26
        提示：签收记录在交办（批示件转报或《督办通知》印发）之后填写，日期写实际签收的日期"
  `));
  it('acknowledge-by', () => expect(run('acknowledge-by')).toMatchInlineSnapshot(`
    "records/items/2026/DB-2026-0001/item.md:38: 【acknowledge-by】签收人 “zheng-yu” 不属于单位 “urban”，也不是考核督查办人员
        提示：请填写本单位签收人，或由考核督查办代为登记"
  `));
  it('duplicate-entry', () => expect(run('duplicate-entry')).toMatchInlineSnapshot(`
    "records/items/2026/DB-2026-0032/item.md:28: 【duplicate-entry】签收记录中，单位 market 的签收已登记过（第 2 条），第 3 条重复
        提示：每个单位签收一次、每份落实情况审核一次、每个单位打分一次、每条移送签收一次；如需更正请联系考核督查办"
  `));
  it('unknown-report', () => expect(run('unknown-report')).toMatchInlineSnapshot(`
    "records/items/2026/DB-2026-0001/item.md:41: 【unknown-report】字段 “reviews[0].report” 引用的落实情况 “2026-03-26-urban.md” 不在 records/items/2026/DB-2026-0001/reports/ 中
        提示：写该事项 reports/ 文件夹中落实情况的文件名，例如 2026-03-20-urban.md"
  `));
  it('review-reason', () => expect(run('review-reason')).toMatchInlineSnapshot(`
    "records/items/2026/DB-2026-0031/item.md:24: 【review-reason】第 2 条审核把 2026-03-27-env.md 退回重报，但没有写原因
        提示：退回重报时在 reason 中写明退回原因和需要补充的内容，责任单位据此另报一份落实情况"
  `));
  it('date-order-review', () => expect(run('date-order-review')).toMatchInlineSnapshot(`
    "records/items/2026/DB-2026-0031/item.md:23: 【date-order】第 1 条审核（reviews）的日期 2026-03-19 早于落实情况（2026-03-20-urban.md）的日期 2026-03-20
        提示：各环节日期须按办理先后顺序；请核对日期"
  `));
  it('date-order-list', () => expect(run('date-order-list')).toMatchInlineSnapshot(`
    "records/items/2026/DB-2026-0031/item.md:21: 【date-order】签收记录第 3 条的日期 2026-03-11 早于第 2 条的日期 2026-03-12
        提示：各环节日期须按办理先后顺序；请核对日期"
  `));
  it('closure-evidence', () => expect(run('closure-evidence')).toMatchInlineSnapshot(`
    "records/items/2026/DB-2026-0032/item.md:21: 【closure-evidence】销号依据的落实情况 2026-03-31-urban.md 尚未经考核督查办审核（reviews 中没有它的审核记录）
        提示：销号只能依据经考核督查办审核通过（reviews 中 result: accepted）且早于销号日期的落实情况；被退回的落实情况不能作为依据"
  `));
  it('missing-field-closure-evidence', () => expect(run('missing-field-closure-evidence')).toMatchInlineSnapshot(`"records/items/2026/DB-2026-0032/item.md:18: 【missing-field】缺少必填字段 “closure.reports”"`));
});

describe('special supervision', () => {
  it('not-unit-leader', () => expect(run('not-unit-leader')).toMatchInlineSnapshot(`
    "records/items/2026/DB-2026-0041/item.md:16: 【not-unit-leader】字段 “application.reviewed_by” 中的 “zhou-min”（周敏）不是张范街道安全生产办公室的分管领导
        提示：此处须由张范街道安全生产办公室的业务分管领导（units.yml 中为 li-ming（李明））或主要领导签字"
  `));
  it('merge-candidate', () => expect(run('merge-candidate')).toMatchInlineSnapshot(`
    "records/items/2026/DB-2026-0043/item.md:12: 【merge-candidate】［警告］本申请与 DB-2026-0041 的督查对象（community-3）和督查时间重叠，却分别实施
        提示：可合并进行的一律合并进行（《通知》二、（三））：由考核督查办把其中一项合并（merge）到另一项，列入同一方案"
  `));
  it('date-order-application', () => expect(run('date-order-application')).toMatchInlineSnapshot(`
    "records/items/2026/DB-2026-0043/item.md:12: 【date-order】拟督查结束日期（application.to）的日期 2026-12-01 早于拟督查开始日期（application.from）的日期 2026-12-20
        提示：各环节日期须按办理先后顺序；请核对日期"
  `));
  it('inspection-mode', () => expect(run('inspection-mode')).toMatchInlineSnapshot(`
    "records/items/2026/DB-2026-0041/item.md:27: 【inspection-mode】打分（scores）只用于实地督查考核，而本事项的方案 FA-2026-001 是电话和文字督查
        提示：实地督查考核填打分（scores），电话和文字督查填梳理汇总（inspection_summaries）；方式以《专项督查考核方案》的 mode 为准"
  `));
  it('inspection-results-missing', () => expect(run('inspection-results-missing')).toMatchInlineSnapshot(`
    "records/items/2026/DB-2026-0041/item.md:27: 【inspection-results-missing】专项督查已通报，但没有实地督查考核的打分（scores）
        提示：主导性通报意见要根据督查结果形成：业务部门对每个被督查单位打分后，再形成主导性通报意见"
  `));
  it('score-target', () => expect(run('score-target')).toMatchInlineSnapshot(`
    "records/items/2026/DB-2026-0041/item.md:28: 【score-target】打分的单位 “urban” 不是方案 FA-2026-001 的督查对象
        提示：方案的督查对象：community-3"
  `));
  it('score-by', () => expect(run('score-by')).toMatchInlineSnapshot(`
    "records/items/2026/DB-2026-0041/item.md:28: 【score-by】打分人 “zhao-qiang” 不属于方案 FA-2026-001 负责打分的部门
        提示：具体打分由相关业务部门进行（方案 scoring_units：safety、market），考核督查办可代为登记"
  `));
  it('invalid-value-score', () => expect(run('invalid-value-score')).toMatchInlineSnapshot(`"records/items/2026/DB-2026-0041/item.md:28: 【invalid-value】字段 “scores[0].score” 的值不合规：得分不能大于 100"`));
});

describe('问责 and the 纪工委', () => {
  it('missing-field-accountability-ordered', () => expect(run('missing-field-accountability-ordered')).toMatchInlineSnapshot(`
    "records/items/2026/DB-2026-0001/item.md:51: 【missing-field】缺少必填字段 “accountability[0].ordered_to”（责成追究责任的部门）
        提示：“责成有关部门追究责任”须写明责成哪个部门，例如 ordered_to: 街道纪工委"
  `));
  it('wrong-signer-referral', () => expect(run('wrong-signer-referral')).toMatchInlineSnapshot(`
    "records/items/2026/DB-2026-0001/item.md:57: 【wrong-signer】字段 “referrals[0].approved_by” 中的 “zhou-min”（周敏）不具备主要领导角色
        提示：此处须由以下角色之一签批：主要领导；周敏的角色是：分管考核督查领导或分管/主管领导"
  `));
  it('referral-number', () => expect(run('referral-number')).toMatchInlineSnapshot(`
    "records/items/2026/DB-2026-0001/item.md:60: 【referral-number】字段 “referral_receipts[0].referral” 指向第 2 条移送记录，但本事项只有 1 条
        提示：referral 写 referrals 中第几条（从 1 起）
    records/items/2026/DB-2026-0001/item.md:62: 【referral-number】字段 “referral_outcomes[0].referral” 指向第 2 条移送记录，但本事项只有 1 条
        提示：referral 写 referrals 中第几条（从 1 起）"
  `));
  it('referral-receipt', () => expect(run('referral-receipt')).toMatchInlineSnapshot(`
    "records/items/2026/DB-2026-0001/item.md:60: 【referral-receipt】第 1 条移送记录还没有纪工委签收（referral_receipts），却已有处理结果反馈
        提示：先登记纪工委签收（日期、签收人、受理编号），再登记处理结果"
  `));
});

describe('the staff guide', () => {
  it('lists every code of the catalogue once, with its title and severity', () => {
    const guide = readFileSync(new URL('../../records/README.md', import.meta.url), 'utf8');
    const rows = [...guide.matchAll(/^\| `([a-z0-9-]+)` \| ([^|]+) \| (错误|警告) \|/gm)].map((m) => [m[1], m[2]!.trim(), m[3]]);
    const expected = Object.entries(CATALOG).map(([code, e]) => [code, e.title, 'severity' in e && e.severity === 'warning' ? '警告' : '错误']);
    expect(rows.sort()).toEqual(expected.sort());
    expect(guide).toContain(`检查程序的全部 ${Object.keys(CATALOG).length} 种检查意见`);
  });
});
