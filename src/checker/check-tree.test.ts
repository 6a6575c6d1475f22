/**
 * The working-tree checker against fixture ledgers: the valid one yields no
 * issue; each broken case (a copy of it with one mistake) yields exactly the
 * expected codes, and the text staff read is pinned by an inline snapshot.
 * Fixtures: tests/fixtures/README.md.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOG, type IssueCode } from '../domain/issues.ts';
import { CASES, copyCase, FIXTURES, HISTORY_ONLY } from '../../tests/fixtures/cases.ts';
import { checkTree } from './check-tree.ts';
import { formatIssue, summarise } from './format.ts';

const TODAY = '2026-11-24';

const root = mkdtempSync(join(tmpdir(), 'ledger-check-tree-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const caseDir = (name: string) => copyCase(name, root);

/** Check a case, assert its codes, return what staff would read. */
function run(name: string): string {
  const c = CASES[name];
  if (!c) throw new Error(`no case ${name} in CASES`);
  const { issues } = checkTree(caseDir(name), { today: TODAY });
  expect(issues.map((i) => i.code).sort()).toEqual([...c.codes].sort());
  return issues.map(formatIssue).join('\n');
}

describe('valid ledger', () => {
  const result = checkTree(join(FIXTURES, 'valid'), { today: TODAY });

  it('has no issue', () => {
    expect(result.issues.map(formatIssue)).toEqual([]);
  });

  it('loads every record', () => {
    const l = result.ledger;
    expect(l.config?.value.organisation).toBe('张范街道');
    expect(l.items.map((i) => i.value.id).sort()).toEqual([
      'DB-2026-0001',
      'DB-2026-0002',
      'DB-2026-0003',
      'DB-2026-0031',
      'DB-2026-0032',
      'DB-2026-0033',
      'DB-2026-0041',
      'DB-2026-0042',
      'DB-2026-0043',
    ]);
    expect(new Set(l.items.map((i) => i.value.kind))).toEqual(new Set(['superior', 'meeting', 'special']));
    expect(new Set(l.people.flatMap((p) => p.value.roles))).toEqual(
      new Set(['main_leader', 'supervision_leader', 'leader', 'office', 'unit', 'discipline']),
    );
    expect(l.reports).toHaveLength(9);
    expect(l.notices).toHaveLength(1);
    expect(l.bulletins).toHaveLength(1);
    expect(l.plans).toHaveLength(1);
    expect(l.meetings).toHaveLength(1);
    expect(l.summaries).toHaveLength(1);
    expect(l.attachments).toHaveLength(5);
    // 31 records (5 of them attachments) and records/README.md, which is read but is no record
    expect(result.files).toBe(32);
  });

  it('reads a web-editor file (BOM, CRLF, full-width spaces) like any other', () => {
    const it = result.ledger.items.find((i) => i.value.id === 'DB-2026-0031')!;
    expect(it.value.title).toBe('背街小巷环境卫生集中整治');
    expect(it.value.content).toBe('对辖区12条背街小巷开展垃圾清运、乱堆乱放和违章搭建集中整治。');
    expect(it.lineOf(['assigned', 'notice'])).toBe(16);
    expect(it.bodyLine).toBe(27);
    expect(it.body.startsWith('会议要求：')).toBe(true);
  });

  it('keeps calendar dates as the strings staff wrote (no UTC shift)', () => {
    const it = result.ledger.items.find((i) => i.value.id === 'DB-2026-0031')!.value;
    expect(it.deadline).toBe('2026-04-30');
    expect(it.source.date).toBe('2026-03-09');
    expect(it.assigned?.date).toBe('2026-03-10');
    const all = result.ledger.items.flatMap((i) => [i.value.deadline, i.value.source.date]);
    for (const d of all) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const closed = result.ledger.items.find((i) => i.value.id === 'DB-2026-0032')!.value;
    expect(closed.reports_due).toEqual(['2026-03-31', '2026-04-30']);
    expect(result.ledger.plans[0]!.value.period).toEqual({ from: '2026-06-10', to: '2026-06-30' });
  });

  it('rejects nothing dated today, and flags what is dated tomorrow', () => {
    expect(checkTree(join(FIXTURES, 'valid'), { today: '2026-11-20' }).issues.map((i) => i.code)).toEqual([]);
    expect(checkTree(join(FIXTURES, 'valid'), { today: '2026-11-19' }).issues.map((i) => `${i.file}:${i.line}`)).toEqual([
      'records/items/2026/DB-2026-0043/item.md:5',
      'records/items/2026/DB-2026-0043/item.md:12',
    ]);
  });
});

describe('case table', () => {
  it('has one folder per case and one case per folder', () => {
    const folders = readdirSync(join(FIXTURES, 'broken')).sort();
    expect(folders).toEqual(Object.keys(CASES).sort());
    expect(folders.length).toBeGreaterThanOrEqual(35);
  });

  it('covers every code a working tree can show', () => {
    const covered = new Set(Object.values(CASES).flatMap((c) => c.codes));
    const treeCodes = (Object.keys(CATALOG) as IssueCode[]).filter((c) => !HISTORY_ONLY.includes(c));
    expect(treeCodes.filter((c) => !covered.has(c))).toEqual([]);
  });

  it('leaves a warning-only ledger passing', () => {
    const { issues } = checkTree(caseDir('visibility-wider'), { today: TODAY });
    expect(issues.map((i) => i.severity)).toEqual(['warning']);
    expect(summarise(issues, 1, 0).errors).toBe(0);
  });
});

describe('broken ledgers', () => {
  it('not-utf8-gbk-report', () => {
    expect(run('not-utf8-gbk-report')).toMatchInlineSnapshot(`
      "records/items/2026/DB-2026-0031/reports/2026-03-20-urban.md:1: 【not-utf8】文件不是 UTF-8 编码（可能是 GBK），内容会变成乱码
          提示：请在编辑器中另存为 UTF-8 编码；网页编辑器保存的文件都是 UTF-8"
    `);
  });
  it('unreadable-file-symlink', () => {
    expect(run('unreadable-file-symlink')).toMatchInlineSnapshot(`
      "records/notices/TZ-2026-008.md:1: 【unreadable-file】无法读取文件：这是一个符号链接，台账中只允许普通文件
          提示：台账中只能有普通的 UTF-8 文本文件（不能是符号链接，单个文件不超过 2 MB）"
    `);
  });
  it('no-frontmatter-report', () => {
    expect(run('no-frontmatter-report')).toMatchInlineSnapshot(`
      "records/items/2026/DB-2026-0031/reports/2026-03-27-env.md:1: 【no-frontmatter】文件开头缺少由两行 --- 包住的元数据块
          提示：第一行写 ---，接着逐行写“字段: 值”，再写一行 --- 结束；可复制 records/_templates 中的模板"
    `);
  });
  it('unknown-file-report-beside-item', () => {
    expect(run('unknown-file-report-beside-item')).toMatchInlineSnapshot(`
      "records/items/2026/DB-2026-0031/2026-04-03-urban.md:1: 【unknown-file】records/ 下不应有这个文件：records/items/2026/DB-2026-0031/2026-04-03-urban.md
          提示：事项放在 records/items/<年份>/<编号>/item.md，落实情况放在 records/items/<年份>/<编号>/reports/，附件放在 records/items/<年份>/<编号>/attachments/，通知放在 records/notices/，通报放在 records/bulletins/<年份>/，方案放在 records/plans/，会议放在 records/meetings/，督查汇报放在 records/summaries/；模板在 records/_templates/"
    `);
  });
  it('unknown-file-bulletin-without-year', () => {
    expect(run('unknown-file-bulletin-without-year')).toMatchInlineSnapshot(`
      "records/bulletins/TB-2026-05.md:1: 【unknown-file】records/ 下不应有这个文件：records/bulletins/TB-2026-05.md
          提示：事项放在 records/items/<年份>/<编号>/item.md，落实情况放在 records/items/<年份>/<编号>/reports/，附件放在 records/items/<年份>/<编号>/attachments/，通知放在 records/notices/，通报放在 records/bulletins/<年份>/，方案放在 records/plans/，会议放在 records/meetings/，督查汇报放在 records/summaries/；模板在 records/_templates/"
    `);
  });
  it('yaml-unclosed-quote', () => {
    expect(run('yaml-unclosed-quote')).toMatchInlineSnapshot(`
      "records/items/2026/DB-2026-0033/item.md:3: 【yaml-syntax】元数据的格式有误：引号没有闭合
          提示：检查这一行的引号是否成对；值里要用引号时可改用中文引号“”"
    `);
  });
  it('yaml-duplicate-key', () => {
    expect(run('yaml-duplicate-key')).toMatchInlineSnapshot(`
      "records/items/2026/DB-2026-0031/reports/2026-03-27-env.md:6: 【yaml-syntax】元数据的格式有误：同一个字段写了两次
          提示：删除重复的一行，或合并两处内容"
    `);
  });
  it('yaml-bad-indent', () => {
    expect(run('yaml-bad-indent')).toMatchInlineSnapshot(`
      "records/items/2026/DB-2026-0033/item.md:8: 【yaml-syntax】元数据的格式有误：这一行比上一行的同级字段缩进得多，被当成了上一行的值的延续
          提示：同级字段左端对齐，下级字段用两个空格缩进"
    `);
  });
  it('yaml-missing-closing-dashes', () => {
    expect(run('yaml-missing-closing-dashes')).toMatchInlineSnapshot(`
      "records/items/2026/DB-2026-0031/reports/2026-03-20-urban.md:1: 【yaml-syntax】元数据的格式有误：元数据块没有以 --- 结束
          提示：在最后一个字段之后加一行 ---"
    `);
  });
  it('yaml-colon-in-value', () => {
    expect(run('yaml-colon-in-value')).toMatchInlineSnapshot(`
      "records/items/2026/DB-2026-0033/item.md:3: 【yaml-syntax】元数据的格式有误：值里含有“: ”（冒号加空格），系统把它当成了字段
          提示：请给这个值加上引号，例如 title: "通知：关于……"，或改用全角冒号“：”"
    `);
  });
  it('fullwidth-colon', () => {
    expect(run('fullwidth-colon')).toMatchInlineSnapshot(`
      "records/items/2026/DB-2026-0033/item.md:10: 【fullwidth-colon】这一行用了全角冒号“：”：“requirements：12月底前完成方案设计。”，系统无法识别字段名
          提示：字段名后面请用半角冒号加空格，例如 “title: 事项名称”"
    `);
  });
  it('tab-indent', () => {
    expect(run('tab-indent')).toMatchInlineSnapshot(`
      "records/items/2026/DB-2026-0033/item.md:6: 【tab-indent】这一行用 Tab 键缩进，YAML 不允许
          提示：请用两个空格代替 Tab"
    `);
  });
  it('unknown-field-suggestion', () => {
    expect(run('unknown-field-suggestion')).toMatchInlineSnapshot(`
      "records/items/2026/DB-2026-0033/item.md:15: 【unknown-field】未知字段 “prority”
          提示：是不是想写 “priority”？允许的字段：id、title、kind、source、content、requirements、deadline、leaders、lead_unit、co_units、reports_due、priority、state、visibility、tags、registered、instruction、assigned、arranged、summary、submitted、application、approval、rejection、merge、planned、inspection、lead_opinion、bulletined、closure、archive、cancellation、returns、extensions、flag、accountability、referrals、referral_receipts、referral_outcomes、acknowledgements、reviews、scores、inspection_summaries、reminders"
    `);
  });
  it('unknown-field-registry', () => {
    expect(run('unknown-field-registry')).toMatchInlineSnapshot(`
      "records/people.yml:69: 【unknown-field】未知字段 “email”（在 people[11] 中）
          提示：是不是想写 “emails”？允许的字段：id、name、title、roles、unit、emails、forge_users、active"
    `);
  });
  it('missing-field', () => {
    expect(run('missing-field')).toMatchInlineSnapshot(`"records/items/2026/DB-2026-0033/item.md:1: 【missing-field】缺少必填字段 “requirements”"`);
  });
  it('missing-field-meeting-notice', () => {
    expect(run('missing-field-meeting-notice')).toMatchInlineSnapshot(`
      "records/items/2026/DB-2026-0031/item.md:16: 【missing-field】缺少必填字段 “assigned.notice”（督办通知编号）
          提示：会议督办事项须以《督办通知》交办，填写通知编号，例如 notice: TZ-2026-007"
    `);
  });
  it('invalid-value-enum', () => {
    expect(run('invalid-value-enum')).toMatchInlineSnapshot(`"records/items/2026/DB-2026-0033/item.md:15: 【invalid-value】字段 “priority” 的值不合规：缓急只能是 normal（常规）、urgent（急事急办）或 special（特事特办）"`);
  });
  it('invalid-value-unit-name', () => {
    expect(run('invalid-value-unit-name')).toMatchInlineSnapshot(`"records/items/2026/DB-2026-0033/item.md:13: 【invalid-value】字段 “lead_unit” 的值不合规：标识只能用小写英文字母、数字和连字符，例如 urban、community-3、li-ming"`);
  });
  it('bad-date-slashes', () => {
    expect(run('bad-date-slashes')).toMatchInlineSnapshot(`"records/items/2026/DB-2026-0033/item.md:11: 【bad-date】字段 “deadline”：日期“2026/12/31”无效：请写成 年-月-日，例如 2026-04-30（月、日各两位，且必须是真实存在的日期）"`);
  });
  it('bad-date-feb-30', () => {
    expect(run('bad-date-feb-30')).toMatchInlineSnapshot(`"records/items/2026/DB-2026-0043/item.md:12: 【bad-date】字段 “application.date”：日期“2026-02-30”无效：请写成 年-月-日，例如 2026-04-30（月、日各两位，且必须是真实存在的日期）"`);
  });
  it('id-mismatch', () => {
    expect(run('id-mismatch')).toMatchInlineSnapshot(`
      "records/items/2026/DB-2026-0033/item.md:2: 【id-mismatch】编号 “DB-2026-0034” 与文件夹名 “DB-2026-0033” 不一致
          提示：编号一经登记不得更改；请把 id 改回 “DB-2026-0033”，或把文件放到正确的位置"
    `);
  });
  it('duplicate-id-person', () => {
    expect(run('duplicate-id-person')).toMatchInlineSnapshot(`
      "records/people.yml:65: 【duplicate-id】编号 “li-ming” 已在 records/people.yml:18 使用
          提示：每个编号只能用一次；请改用下一个未用的编号"
    `);
  });
  it('duplicate-id-item', () => {
    expect(run('duplicate-id-item')).toMatchInlineSnapshot(`
      "records/items/2026/DB-2026-0034/item.md:2: 【duplicate-id】编号 “DB-2026-0033” 已在 records/items/2026/DB-2026-0033/item.md:2 使用
          提示：每个编号只能用一次；请改用下一个未用的编号
      records/items/2026/DB-2026-0034/item.md:2: 【id-mismatch】编号 “DB-2026-0033” 与文件夹名 “DB-2026-0034” 不一致
          提示：编号一经登记不得更改；请把 id 改回 “DB-2026-0034”，或把文件放到正确的位置"
    `);
  });
  it('unknown-person-suggestion', () => {
    expect(run('unknown-person-suggestion')).toMatchInlineSnapshot(`
      "records/items/2026/DB-2026-0001/item.md:14: 【unknown-person】字段 “leaders[0]” 中的人员 “li-min” 不在 records/people.yml 中
          提示：是不是 “li-ming”？"
    `);
  });
  it('unknown-unit', () => {
    expect(run('unknown-unit')).toMatchInlineSnapshot(`
      "records/items/2026/DB-2026-0031/item.md:11: 【unknown-unit】字段 “co_units[2]” 中的单位 “sifasuo” 不在 records/units.yml 中
          提示：请先在 records/units.yml 中登记此单位，或检查拼写"
    `);
  });
  it('unknown-item', () => {
    expect(run('unknown-item')).toMatchInlineSnapshot(`
      "records/notices/TZ-2026-007.md:8: 【unknown-item】字段 “items[2]” 引用的督办事项 “DB-2026-0039” 不存在
          提示：请检查编号；事项文件应在 records/items/<年份>/<编号>/item.md"
    `);
  });
  it('unknown-item-report-folder', () => {
    expect(run('unknown-item-report-folder')).toMatchInlineSnapshot(`
      "records/items/2026/DB-2026-0099/reports/2026-03-20-urban.md:1: 【unknown-item】字段 “所在文件夹” 引用的督办事项 “DB-2026-0099” 不存在
          提示：请检查编号；事项文件应在 records/items/<年份>/<编号>/item.md"
    `);
  });
  it('unknown-notice', () => {
    expect(run('unknown-notice')).toMatchInlineSnapshot(`
      "records/items/2026/DB-2026-0032/item.md:15: 【unknown-notice】字段 “assigned.notice” 引用的督办通知 “TZ-2026-070” 不存在
          提示：请先在 records/notices/ 中建立该通知，或检查编号"
    `);
  });
  it('unknown-bulletin', () => {
    expect(run('unknown-bulletin')).toMatchInlineSnapshot(`
      "records/items/2026/DB-2026-0032/item.md:17: 【unknown-bulletin】字段 “bulletined.bulletin” 引用的督查通报 “TB-2026-05” 不存在
          提示：请先在 records/bulletins/<年份>/ 中建立该通报，或检查编号"
    `);
  });
  it('unknown-plan', () => {
    expect(run('unknown-plan')).toMatchInlineSnapshot(`
      "records/items/2026/DB-2026-0041/item.md:25: 【unknown-plan】字段 “planned.plan” 引用的方案 “FA-2026-002” 不存在
          提示：请先在 records/plans/ 中建立该方案，或检查编号
      records/plans/FA-2026-001.md:6: 【plan-mismatch】DB-2026-0041 的 planned.plan 没有指向本方案 FA-2026-001（状态 inspecting）
          提示：方案的 applications 应列出它覆盖的全部申请（含合并的申请），事项的 planned.plan 应指向该方案"
    `);
  });
  it('missing-registry-config', () => {
    expect(run('missing-registry-config')).toMatchInlineSnapshot(`
      "records/config.yml:1: 【missing-registry】缺少 records/config.yml
          提示：人员名册、单位名册和配置文件是必需的；可从 records/_templates 复制"
    `);
  });
  it('source-kind', () => {
    expect(run('source-kind')).toMatchInlineSnapshot(`
      "records/items/2026/DB-2026-0033/item.md:6: 【source-kind】来源类型 “document” 不属于“会议督办”事项
          提示：“会议督办”事项的来源类型只能是：party_committee（党工委会议）、cadre_meeting（科级干部例会）、topic_meeting（专题工作会议）、field_visit（主要领导调研/现场办公）"
    `);
  });
  it('state-kind', () => {
    expect(run('state-kind')).toMatchInlineSnapshot(`
      "records/items/2026/DB-2026-0033/item.md:15: 【state-kind】状态 “instructed” 不属于“会议督办”的工作流程
          提示：“会议督办”事项的状态只能是：registered（已登记）、assigned（已交办）、in_progress（办理中）、bulletined（已通报）、closed（已销号）、archived（已归档）、cancelled（已撤销）"
    `);
  });
  it('state-missing-field', () => {
    expect(run('state-missing-field')).toMatchInlineSnapshot(`
      "records/items/2026/DB-2026-0033/item.md:15: 【state-missing-field】状态为 “assigned”（已交办）的事项必须填写 “assigned”（交办）
          提示：到达“已交办”需要依次填写：registered → assigned"
    `);
  });
  it('premature-field', () => {
    expect(run('premature-field')).toMatchInlineSnapshot(`
      "records/items/2026/DB-2026-0043/item.md:13: 【premature-field】状态为 “applied”（已申请）的事项不应有 “rejection”（不予批准）
          提示：“rejection” 只在状态变为 rejected（未批准）时填写；若确已到这一步，请同时把 state 改为 rejected"
    `);
  });
  it('field-kind', () => {
    expect(run('field-kind')).toMatchInlineSnapshot(`
      "records/items/2026/DB-2026-0033/item.md:19: 【field-kind】“会议督办”事项没有 “instruction”（领导批示）这一环节
          提示：“会议督办”事项的环节字段有：registered、assigned、arranged、bulletined、closure、archive、cancellation"
    `);
  });
  it('wrong-signer', () => {
    expect(run('wrong-signer')).toMatchInlineSnapshot(`
      "records/items/2026/DB-2026-0001/item.md:25: 【wrong-signer】字段 “instruction.by” 中的 “li-ming”（李明）不具备主要领导角色
          提示：此处须由以下角色之一签批：主要领导；李明的角色是：分管/主管领导"
    `);
  });
  it('wrong-signer-bulletin', () => {
    expect(run('wrong-signer-bulletin')).toMatchInlineSnapshot(`
      "records/bulletins/2026/TB-2026-04.md:11: 【wrong-signer】字段 “reviewed.by” 中的 “sun-li”（孙丽）不具备分管考核督查领导角色
          提示：此处须由以下角色之一签批：分管考核督查领导；孙丽的角色是：考核督查办"
    `);
  });
  it('wrong-signer-notice', () => {
    expect(run('wrong-signer-notice')).toMatchInlineSnapshot(`
      "records/notices/TZ-2026-007.md:7: 【wrong-signer】字段 “approved_by” 中的 “li-ming”（李明）不具备主要领导角色
          提示：此处须由以下角色之一签批：主要领导；李明的角色是：分管/主管领导"
    `);
  });
  it('date-order-cancellation', () => {
    expect(run('date-order-cancellation')).toMatchInlineSnapshot(`
      "records/items/2026/DB-2026-0003/item.md:13: 【date-order】撤销（cancellation）的日期 2026-04-01 早于登记（registered）的日期 2026-04-02
          提示：各环节日期须按办理先后顺序；请核对日期"
    `);
  });
  it('date-order', () => {
    expect(run('date-order')).toMatchInlineSnapshot(`
      "records/items/2026/DB-2026-0001/item.md:28: 【date-order】交办（assigned）的日期 2026-02-23 早于领导批示（instruction）的日期 2026-02-25
          提示：各环节日期须按办理先后顺序；请核对日期"
    `);
  });
  it('future-date', () => {
    expect(run('future-date')).toMatchInlineSnapshot(`
      "records/items/2026/DB-2026-0031/reports/2026-12-01-urban.md:2: 【future-date】字段 “date” 的日期 2026-12-01 晚于今天（2026-11-24）
          提示：只能登记已经发生的事；请核对日期"
    `);
  });
  it('deadline-before-registration', () => {
    expect(run('deadline-before-registration')).toMatchInlineSnapshot(`
      "records/items/2026/DB-2026-0033/item.md:11: 【deadline-before-registration】落实时限 2026-11-10 早于登记日期 2026-11-19
          提示：落实时限应在登记之后"
    `);
  });
  it('extension-chain', () => {
    expect(run('extension-chain')).toMatchInlineSnapshot(`
      "records/items/2026/DB-2026-0001/item.md:13: 【extension-chain】落实时限 2026-11-30 与最后一条延期记录的新时限 2026-12-31 不一致
          提示：每条延期记录的 from 应等于上一条的 to（第一条等于原时限），当前 deadline 应等于最后一条的 to"
    `);
  });
  it('merge-target', () => {
    expect(run('merge-target')).toMatchInlineSnapshot(`
      "records/items/2026/DB-2026-0042/item.md:22: 【merge-target】不能合并到本事项自身
          提示：只能合并到另一项未终结的专项督查，且该项的方案须把本申请列入 applications"
    `);
  });
  it('plan-mismatch', () => {
    expect(run('plan-mismatch')).toMatchInlineSnapshot(`
      "records/plans/FA-2026-001.md:8: 【plan-mismatch】督查结束日期 2026-06-01 早于开始日期 2026-06-10
          提示：请核对督查时间 period 的 from（开始）和 to（结束）"
    `);
  });
  it('plan-onsite-notice', () => {
    expect(run('plan-onsite-notice')).toMatchInlineSnapshot(`
      "records/plans/FA-2026-001.md:7: 【plan-onsite-notice】实地督查考核须提前向被督查单位下达《督查考核通知》，方案缺少 inspection_notice
          提示：填写 inspection_notice: { date: 下达日期, doc_no: 文号 }，日期应早于督查开始日期"
    `);
  });
  it('notice-mismatch', () => {
    expect(run('notice-mismatch')).toMatchInlineSnapshot(`
      "records/items/2026/DB-2026-0032/item.md:15: 【notice-mismatch】督办通知 TZ-2026-007 的 items 中没有本事项 DB-2026-0032
          提示：会议督办事项须以《督办通知》交办：通知的 items 应列出该事项，事项的 assigned.notice 应指向该通知"
    `);
  });
  it('bulletin-mismatch', () => {
    expect(run('bulletin-mismatch')).toMatchInlineSnapshot(`
      "records/bulletins/2026/TB-2026-04.md:9: 【bulletin-mismatch】通报涉及的事项 DB-2026-0033 状态为 registered，尚未交办或已撤销/合并/不予批准，不能列入通报
          提示：通报只能涉及已交办、未撤销的事项；已通报事项的 bulletined.bulletin 应指向列出它的通报"
    `);
  });
  it('bulletin-number', () => {
    expect(run('bulletin-number')).toMatchInlineSnapshot(`
      "records/bulletins/2026/TB-2026-04.md:4: 【bulletin-number】编号 TB-2026-04 与 year: 2026、number: 5 不一致
          提示：编号 TB-年份-两位期号 须与 year、number 一致，同一年的期号不得重复"
    `);
  });
  it('duplicate-doc-no', () => {
    expect(run('duplicate-doc-no')).toMatchInlineSnapshot(`
      "records/notices/TZ-2026-007.md:4: 【duplicate-doc-no】文号 “张范督办〔2026〕7号” 已在 records/plans/FA-2026-001.md:12 使用
          提示：每个文号只能用于一份文件；请核对文号，改用下一个未用的文号
      records/plans/FA-2026-001.md:12: 【duplicate-doc-no】文号 “张范督办〔2026〕7号” 已在 records/notices/TZ-2026-007.md:4 使用
          提示：每个文号只能用于一份文件；请核对文号，改用下一个未用的文号"
    `);
  });
  it('notice-recipients', () => {
    expect(run('notice-recipients')).toMatchInlineSnapshot(`
      "records/items/2026/DB-2026-0031/item.md:16: 【notice-recipients】交办本事项的督办通知 TZ-2026-007 没有送达本事项的配合单位 “community-3”（通知的 to_units 中没有它）
          提示：请在 records/notices/TZ-2026-007.md 的 to_units 中加上 community-3：督办通知须送达所交办事项的牵头单位和配合单位"
    `);
  });
  it('report-unit', () => {
    expect(run('report-unit')).toMatchInlineSnapshot(`
      "records/items/2026/DB-2026-0031/reports/2026-04-02-safety.md:3: 【report-unit】报送单位 “safety” 不是事项 DB-2026-0031 的牵头或配合单位
          提示：可报送的单位：urban、env、community-3"
    `);
  });
  it('report-filename', () => {
    expect(run('report-filename')).toMatchInlineSnapshot(`
      "records/items/2026/DB-2026-0031/reports/2026-03-20-urban.md:2: 【report-filename】文件名应为 2026-03-21-urban.md（日期-单位.md），与内容中的 date、unit 一致
          提示：同一单位同一天第二次报送时文件名加 -2，例如 2026-03-20-urban-2.md"
    `);
  });
  it('report-too-early', () => {
    expect(run('report-too-early')).toMatchInlineSnapshot(`
      "records/items/2026/DB-2026-0031/reports/2026-03-05-urban.md:2: 【report-too-early】落实情况日期 2026-03-05 早于事项的交办日期 2026-03-10
          提示：落实情况应在事项交办之后报送"
    `);
  });
  it('report-by', () => {
    expect(run('report-by')).toMatchInlineSnapshot(`
      "records/items/2026/DB-2026-0031/reports/2026-03-27-env.md:4: 【report-by】报送人 “zhao-qiang” 不属于单位 “env”，也不是考核督查办人员
          提示：请填写本单位的经办人，或由考核督查办代为录入"
    `);
  });
  it('visibility-wider', () => {
    expect(run('visibility-wider')).toMatchInlineSnapshot(`
      "records/bulletins/2026/TB-2026-04.md:9: 【visibility-wider】［警告］此通报的公开范围是 public，但所涉事项 DB-2026-0032 只在 internal 范围公开
          提示：公开版站点会隐藏该事项的标题和链接；如需公开，请先调整事项的 visibility"
    `);
  });
  it('config-invalid', () => {
    expect(run('config-invalid')).toMatchInlineSnapshot(`"records/config.yml:15: 【config-invalid】站点版本 public 重复"`);
  });
  it('person-unit', () => {
    expect(run('person-unit')).toMatchInlineSnapshot(`
      "records/people.yml:50: 【person-unit】郑宇（zheng-yu）是责任单位人员，但没有填写所在单位 unit
          提示：责任单位的人员（角色 unit）须填写所在单位 unit"
    `);
  });
  it('duplicate-email', () => {
    expect(run('duplicate-email')).toMatchInlineSnapshot(`
      "records/people.yml:64: 【duplicate-email】邮箱 zhao.qiang@zhangfan.gov.cn 同时属于 zhao-qiang 和 feng-lei
          提示：每个提交邮箱只能对应一个人，否则无法判断提交者身份"
    `);
  });
});
