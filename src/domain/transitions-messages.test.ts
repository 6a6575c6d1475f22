/**
 * The history rules' messages as staff read them (issue 7 part 11), over
 * records parsed by the format layer so every issue carries its real line:
 * each kind of refusal a commit can meet — a move off the table, the wrong
 * role, a return without its reason, a frozen item, the deadline, rewritten
 * steps and lists, entries without their step, amendments not yet open, a
 * unit signing for another, dates after the commit, identities, deletions,
 * reports, attachments, the office's documents — with the line it points
 * at, what is wrong and what to do.
 */
import { describe, expect, it } from 'vitest';
import { loadLedger } from '../format/load-ledger.ts';
import { recordText } from '../format/serialise.ts';
import { itemChangeIssues, reportChangeIssues, officeRecordIssues, attachmentChangeIssues, type ChangeInput } from './transitions.ts';
import type { Located } from './ledger.ts';
import type { Person } from './schemas/people.ts';
import type { Issue } from './issues.ts';
import { itemAt, only, changeInput, FILE, STEP_VALUES } from '../../tests/support/table-items.ts';
const loc = (v: Record<string, unknown>, body = '说明。\n') => loadLedger([{ path: FILE, text: recordText(v, body) }]).ledger.items[0]!;
/** What staff read: `line: 【code】message 提示：hint`. */
const text = (issues: Issue[]) => issues.map((i) => `${i.line}: 【${i.code}】${i.message}${i.hint ? ` 提示：${i.hint}` : ''}`);
type Rec = Record<string, unknown>;
const I = (by: Person, b: Rec | undefined, a: Rec | undefined, status: ChangeInput['status'] = b ? 'M' : 'A', bodies = ['说明。\n', '说明。\n']) => itemChangeIssues({ ...changeInput(by, status), oldFile: status === 'R' ? 'x' : undefined }, b && loc(b, bodies[0]), a && loc(a, bodies[1]));
const open = itemAt('superior', 'in_progress');
const rem = { date: '2026-04-20', method: 'phone', to: ['城管办'], by: 'only-office' };
const RF = 'records/items/2026/DB-2026-0001/reports/2026-04-20-urban.md';
const rep = (v: Rec) => loadLedger([{ path: RF, text: recordText(v) }]).ledger.reports[0]!;
const r0 = { date: '2026-04-20', unit: 'urban', by: 'only-unit', progress: 'p' };
const AF = 'records/items/2026/DB-2026-0001/attachments/照片.pdf';
const NF = 'records/notices/TZ-2026-001.md';
const notice = (v: Rec) => loadLedger([{ path: NF, text: recordText(v, '正文\n') }]).ledger.notices[0]! as Located<{ id?: string }>;
const n0 = { id: 'TZ-2026-001', title: 't', date: '2026-03-04', by: 'only-office', items: ['DB-2026-0001'], to_units: ['urban'] };

describe('what a refused change says, and where', () => {
  it('a new item in a later state', () => expect(text(I(only('office'), undefined, itemAt('superior', 'assigned')))).toEqual(["17: 【illegal-transition】状态不能从 （新登记） 直接变为 assigned（已交办） 提示：一次提交只能走一步；此时可以：登记报备 → registered（已登记）"]));
  it('a new item registered by the wrong role', () => expect(text(I(only('unit'), undefined, itemAt('superior', 'registered')))).toEqual(["17: 【wrong-committer】“登记报备”须由考核督查办提交，而提交者 only-unit 的角色是责任单位 提示：请由有相应角色的人员在网页上提交，或由考核督查办代为录入"]));
  it('a move off the table', () => expect(text(I(only('office'), itemAt('superior', 'registered'), itemAt('superior', 'assigned')))).toEqual(["17: 【illegal-transition】状态不能从 registered（已登记） 直接变为 assigned（已交办） 提示：一次提交只能走一步；此时可以：主要领导批阅 → instructed（已批示）；撤销 → cancelled（已撤销）"]));
  it('a move by the wrong role', () => expect(text(I(only('unit'), itemAt('superior', 'registered'), itemAt('superior', 'instructed')))).toEqual(["17: 【wrong-committer】“主要领导批阅”须由考核督查办或主要领导提交，而提交者 only-unit 的角色是责任单位 提示：请由有相应角色的人员在网页上提交，或由考核督查办代为录入"]));
  it('a return without its entry points at the state', () => expect(text(I(only('office'), itemAt('superior', 'reported'), itemAt('superior', 'in_progress')))).toEqual(["17: 【return-reason】退回重办时须在 returns 中追加一条记录（日期、退回人、原因） 提示：returns: 末尾追加 - { date: 退回日期, by: 退回人, reason: 退回原因 }"]));
  it('a closed item edited: what is frozen, what may still come', () => expect(text(I(only('office'), itemAt('superior', 'closed'), itemAt('superior', 'closed', { title: '改', tags: ['x'] })))).toEqual(["3: 【frozen-item】事项已销号，不能再修改 title、tags 提示：已销号的事项只能补充：归档（archive）、纪工委签收记录、纪工委反馈记录；其余内容已定稿"]));
  it('the deadline moved without an extension', () => expect(text(I(only('office'), open, { ...open, deadline: '2027-01-01' }))).toEqual(["11: 【deadline-changed】落实时限从 2026-12-31 改为 2027-01-01，但没有追加相应的延期记录 提示：延期须在 extensions 末尾追加 - { date: 批准日期, from: 2026-12-31, to: 2027-01-01, approved_by: 主要领导, reason: 原因 }"]));
  it('a step field rewritten', () => expect(text(I(only('office'), open, { ...open, arranged: { ...STEP_VALUES.arranged, note: '改' } }))).toEqual(["28: 【rewritten-history】arranged（分管领导安排（arranged））已登记的内容被改动或删除 提示：批示、销号、退回、延期、问责、移送记录只能在末尾追加，已有内容不得修改或删除"]));
  it('a list entry removed', () => expect(text(I(only('office'), { ...open, reminders: [rem] }, { ...open, reminders: [] }))).toEqual(["31: 【rewritten-history】reminders（催办记录）已登记的内容被改动或删除 提示：批示、销号、退回、延期、问责、移送记录只能在末尾追加，已有内容不得修改或删除"]));
  it('a return entry without the return', () => expect(text(I(only('office'), itemAt('superior', 'reported'), itemAt('superior', 'reported', { returns: [{ date: '2026-04-20', by: 'only-office', reason: 'r' }] })))).toEqual(["35: 【entry-without-step】退回记录（returns）追加了记录，但本次提交没有办理“退回重办” 提示：退回记录只能随“退回重办”一起追加；此时可以：退回重办 → in_progress（办理中）；上报上级 → submitted（已上报）；撤销 → cancelled（已撤销）"]));
  it('the flag set by the wrong role', () => expect(text(I(only('unit'), open, { ...open, flag: { date: '2026-04-20', by: 'only-office', reason: 'r' } }))).toEqual(["31: 【wrong-committer】“挂牌督办/摘牌”须由考核督查办提交，而提交者 only-unit 的角色是责任单位 提示：请由有相应角色的人员在网页上提交，或由考核督查办代为录入"]));
  it('a review before reporting started', () => expect(text(I(only('office'), itemAt('superior', 'registered'), itemAt('superior', 'registered', { reviews: [{ date: '2026-04-20', by: 'only-office', report: '2026-03-10-urban.md', result: 'accepted' }] })))).toEqual(["21: 【amendment-not-open】“审核落实情况”只能在事项交办（专项督查：督查实施开始）之后办理，本次提交时事项（已登记）不满足 提示：请等条件具备后再办理；此时可以：主要领导批阅 → instructed（已批示）；撤销 → cancelled（已撤销）"]));
  it('a unit signing for another', () => expect(text(I(only('unit', 'urban'), open, { ...open, acknowledgements: [{ date: '2026-04-20', unit: 'env', by: 'only-unit' }] }))).toEqual(["33: 【wrong-committer】“为“env”签收”须由该单位人员或考核督查办提交，而提交者 only-unit 的角色是责任单位（urban） 提示：请由有相应角色的人员在网页上提交，或由考核督查办代为录入"]));
  it('a date after the commit, in a list', () => expect(text(I(only('office'), open, { ...open, reminders: [{ ...rem, date: '2026-06-02' }], extensions: [{ date: '2026-06-01', from: '2026-12-31', to: '2027-01-31', approved_by: 'only-main-leader', reason: 'r' }], deadline: '2027-01-31' }))).toEqual(["32: 【future-date】字段 “reminders[0].date” 的日期 2026-06-02 晚于提交日期（2026-06-01） 提示：只能登记已经发生的事；请核对日期"]));
  it('a date after the commit, in a new item', () => expect(text(I(only('office'), undefined, itemAt('superior', 'registered', { registered: { date: '2026-06-02', by: 'only-office' } })))).toEqual(["19: 【future-date】字段 “registered.date” 的日期 2026-06-02 晚于提交日期（2026-06-01） 提示：只能登记已经发生的事；请核对日期"]));
  it('the id changed', () => expect(text(I(only('office'), open, { ...open, id: 'DB-2026-0002' }))).toEqual(["2: 【identity-changed】编号 从 “DB-2026-0001” 改成了 “DB-2026-0002” 提示：编号和类别一经登记不得更改；登记有误的事项请撤销后重新登记"]));
  it('the kind changed', () => expect(text(I(only('office'), open, { ...open, kind: 'meeting', source: { type: 'party_committee', name: 'x', date: '2026-03-01' } }))).toEqual(["4: 【identity-changed】类别 从 “superior” 改成了 “meeting” 提示：编号和类别一经登记不得更改；登记有误的事项请撤销后重新登记"]));
  it('an item deleted', () => expect(text(I(only('office'), open, undefined, 'D'))).toEqual(["1: 【record-deleted】删除了督办事项：records/items/2026/DB-2026-0001/item.md 提示：台账记录不得删除；事项不再办理时请走“撤销”（state: cancelled，填写 cancellation）"]));
  it('a rename whose old version does not load: nothing to compare', () => expect(text(I(only('office'), undefined, open, 'R'))).toEqual([]));
  it('the body edited by a unit', () => expect(text(I(only('unit'), open, open, 'M', ['说明。\n', '改。\n']))).toEqual(["1: 【wrong-committer】“修改事项内容”须由考核督查办提交，而提交者 only-unit 的角色是责任单位 提示：请由有相应角色的人员在网页上提交，或由考核督查办代为录入"]));
  it('a content field edited by a unit', () => expect(text(I(only('unit'), open, { ...open, title: '改' }))).toEqual(["3: 【wrong-committer】“修改事项内容”须由考核督查办提交，而提交者 only-unit 的角色是责任单位 提示：请由有相应角色的人员在网页上提交，或由考核督查办代为录入"]));
  it('a new application carrying an approval, a return and a flag', () => expect(text(I(only('unit'), undefined, itemAt('special', 'applied', { approval: STEP_VALUES.approval, returns: [{ date: '2026-03-02', by: 'only-office', reason: 'r' }], flag: { date: '2026-03-02', by: 'only-office', reason: 'r' } })))).toEqual(["29: 【wrong-committer】“主要领导批准”须由考核督查办或主要领导提交，而提交者 only-unit 的角色是责任单位 提示：请由有相应角色的人员在网页上提交，或由考核督查办代为录入", "33: 【entry-without-step】退回记录（returns）追加了记录，但本次提交没有办理“退回重办” 提示：退回记录只能随“退回重办”一起追加；此时可以：提出督查考核申请 → applied（已申请）", "37: 【wrong-committer】“挂牌督办/摘牌”须由考核督查办提交，而提交者 only-unit 的角色是责任单位 提示：请由有相应角色的人员在网页上提交，或由考核督查办代为录入"]));
  it('a report deleted', () => expect(text(reportChangeIssues(changeInput(only('office'), 'D', 'report', RF), undefined))).toEqual(["1: 【record-deleted】删除了落实情况：records/items/2026/DB-2026-0001/reports/2026-04-20-urban.md 提示：台账记录不得删除；事项不再办理时请走“撤销”（state: cancelled，填写 cancellation）"]));
  it('a report edited', () => expect(text(reportChangeIssues(changeInput(only('office'), 'M', 'report', RF), rep(r0)))).toEqual(["1: 【report-edited】落实情况一经报送不得修改 提示：如需更正或补充，请另报一份新的落实情况（新文件）"]));
  it('a report by a leader', () => expect(text(reportChangeIssues(changeInput(only('leader'), 'A', 'report', RF), rep(r0)))).toEqual(["3: 【wrong-committer】“报送落实情况”须由责任单位或考核督查办提交，而提交者 only-leader 的角色是分管/主管领导 提示：请由有相应角色的人员在网页上提交，或由考核督查办代为录入"]));
  it('a report for another unit', () => expect(text(reportChangeIssues(changeInput(only('unit', 'env'), 'A', 'report', RF), rep(r0)))).toEqual(["3: 【wrong-committer】“报送“urban”的落实情况”须由该单位人员或考核督查办提交，而提交者 only-unit 的角色是责任单位（env） 提示：请由有相应角色的人员在网页上提交，或由考核督查办代为录入"]));
  it('a report by a unit person with no unit', () => expect(text(reportChangeIssues(changeInput({ ...only('unit'), unit: undefined }, 'A', 'report', RF), rep(r0)))).toEqual(["3: 【wrong-committer】“报送“urban”的落实情况”须由该单位人员或考核督查办提交，而提交者 only-unit 的角色是责任单位（无单位） 提示：请由有相应角色的人员在网页上提交，或由考核督查办代为录入"]));
  it('a report dated after the commit', () => expect(text(reportChangeIssues(changeInput(only('unit'), 'A', 'report', RF), rep({ ...r0, date: '2026-06-02' })))).toEqual(["2: 【future-date】字段 “date” 的日期 2026-06-02 晚于提交日期（2026-06-01） 提示：只能登记已经发生的事；请核对日期"]));
  it('an attachment deleted', () => expect(text(attachmentChangeIssues(changeInput(only('leader'), 'D', 'attachment', AF)))).toEqual(["1: 【attachment-changed】已提交的附件 “照片.pdf” 被删除 提示：附件一经提交不得修改或删除；如需更正，请另起文件名上传新文件，并在记录中引用新文件"]));
  it('an attachment changed', () => expect(text(attachmentChangeIssues(changeInput(only('leader'), 'M', 'attachment', AF)))).toEqual(["1: 【attachment-changed】已提交的附件 “照片.pdf” 被修改 提示：附件一经提交不得修改或删除；如需更正，请另起文件名上传新文件，并在记录中引用新文件"]));
  it('an attachment moved', () => expect(text(attachmentChangeIssues(changeInput(only('leader'), 'R', 'attachment', AF)))).toEqual(["1: 【attachment-changed】已提交的附件 “照片.pdf” 被移动或改名 提示：附件一经提交不得修改或删除；如需更正，请另起文件名上传新文件，并在记录中引用新文件"]));
  it('an attachment uploaded by a leader', () => expect(text(attachmentChangeIssues(changeInput(only('leader'), 'A', 'attachment', AF)))).toEqual(["1: 【wrong-committer】“上传附件 照片.pdf”须由责任单位或考核督查办提交，而提交者 only-leader 的角色是分管/主管领导 提示：请由有相应角色的人员在网页上提交，或由考核督查办代为录入"]));
  it('a notice deleted', () => expect(text(officeRecordIssues(changeInput(only('office'), 'D', 'notice', NF), notice(n0), undefined))).toEqual(["1: 【record-deleted】删除了督办通知：records/notices/TZ-2026-001.md 提示：台账记录不得删除；事项不再办理时请走“撤销”（state: cancelled，填写 cancellation）"]));
  it('the people registry deleted', () => expect(text(officeRecordIssues(changeInput(only('office'), 'D', 'people', 'records/people.yml'), undefined, undefined))).toEqual(["1: 【record-deleted】删除了人员名册：records/people.yml 提示：台账记录不得删除；事项不再办理时请走“撤销”（state: cancelled，填写 cancellation）"]));
  it('a notice’s id changed', () => expect(text(officeRecordIssues(changeInput(only('office'), 'M', 'notice', NF), notice(n0), notice({ ...n0, id: 'TZ-2026-002' })))).toEqual(["2: 【identity-changed】编号 从 “TZ-2026-001” 改成了 “TZ-2026-002” 提示：编号和类别一经登记不得更改；登记有误的事项请撤销后重新登记"]));
  it('a notice edited by a leader', () => expect(text(officeRecordIssues(changeInput(only('leader'), 'M', 'notice', NF), notice(n0), notice({ ...n0, title: 'x' })))).toEqual(["1: 【wrong-committer】“修改督办通知”须由考核督查办提交，而提交者 only-leader 的角色是分管/主管领导 提示：请由有相应角色的人员在网页上提交，或由考核督查办代为录入"]));
  it('a notice dated after the commit', () => expect(text(officeRecordIssues(changeInput(only('office'), 'M', 'notice', NF), notice(n0), notice({ ...n0, date: '2026-06-02' })))).toEqual(["4: 【future-date】字段 “date” 的日期 2026-06-02 晚于提交日期（2026-06-01） 提示：只能登记已经发生的事；请核对日期"]));
  it('the units registry edited by a leader', () => expect(text(officeRecordIssues(changeInput(only('leader'), 'M', 'units', 'records/units.yml'), undefined, undefined))).toEqual(["1: 【wrong-committer】“修改单位名册”须由考核督查办提交，而提交者 only-leader 的角色是分管/主管领导 提示：请由有相应角色的人员在网页上提交，或由考核督查办代为录入"]));
});

describe('dates after the commit', () => {
  const codes = (b: Rec | undefined, a: Rec) => I(only('office'), b, a).map((i) => `${i.code} ${i.message.match(/“([^”]+)”/)?.[1] ?? ''}`);
  it('only dates this commit writes: new or changed ones, at any depth', () => {
    const future = { ...rem, date: '2026-06-05' };
    expect(codes({ ...open, reminders: [future] }, { ...open, reminders: [future, rem] })).toEqual([]);
    expect(codes(open, { ...open, flag: { date: '2026-06-02', by: 'only-office', reason: 'r' } })).toEqual(['future-date flag.date']);
    expect(codes(open, { ...open, flag: { date: '2026-06-01', by: 'only-office', reason: 'r' } })).toEqual([]);
    expect(codes(open, { ...open, reminders: [rem, { ...rem, date: '2026-07-01' }] })).toEqual(['future-date reminders[1].date']);
    // a date that is not a `date:` key is not judged here (the deadline is in the future by nature)
    expect(codes(open, { ...open, extensions: [{ date: '2026-05-01', from: '2026-12-31', to: '2027-06-30', approved_by: 'only-main-leader', reason: 'r' }], deadline: '2027-06-30' })).toEqual([]);
  });
});
