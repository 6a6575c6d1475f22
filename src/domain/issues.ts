/**
 * The catalogue of everything the checker can report. Each kind of issue has
 * a permanent code (never renamed: staff search for it and README lists it),
 * a Chinese title, and builds its message and hint from parameters. Rules
 * never write message text of their own: they call `issue(code, …)`.
 */

export type Severity = 'error' | 'warning';

/** Where in the history an issue was found (Git range checks). */
export interface CommitRef {
  sha: string;
  author: string;
  email: string;
  date: string;
}

export interface Issue {
  code: IssueCode;
  severity: Severity;
  /** Repository-relative path, e.g. `records/items/2026/DB-2026-0031/item.md`. */
  file: string;
  /** 1-based line; 1 when the whole file is concerned. */
  line: number;
  message: string;
  hint?: string;
  commit?: CommitRef;
  /** For a pushed ref's problem (deletion, rewrite): the ref, e.g. `refs/heads/main`. */
  ref?: string;
  /** The top-level field of the record the line is in, when known (history issues on items: the site marks it). */
  field?: string;
}

type Params = Record<string, string | number | undefined>;
const str = (v: string | number | undefined) => (v === undefined ? undefined : String(v));

interface Entry {
  title: string;
  severity?: Severity;
  message: (p: Params) => string;
  hint?: (p: Params) => string | undefined;
}

const q = (s: unknown) => `“${String(s)}”`;

export const CATALOG = {
  // ——— reading files ———
  'unreadable-file': {
    title: '文件无法读取',
    message: (p) => `无法读取文件：${p.reason}`,
    hint: (p) => str(p.hint) ?? '台账中只能有普通的 UTF-8 文本文件（不能是符号链接，单个文件不超过 2 MB）',
  },
  'not-utf8': {
    title: '编码不是 UTF-8',
    message: () => '文件不是 UTF-8 编码（可能是 GBK），内容会变成乱码',
    hint: () => '请在编辑器中另存为 UTF-8 编码；网页编辑器保存的文件都是 UTF-8',
  },
  'no-frontmatter': {
    title: '缺少元数据块',
    message: () => '文件开头缺少由两行 --- 包住的元数据块',
    hint: () => '第一行写 ---，接着逐行写“字段: 值”，再写一行 --- 结束；可复制 records/_templates 中的模板',
  },
  'yaml-syntax': {
    title: 'YAML 语法错误',
    message: (p) => `元数据的格式有误：${p.detail}`,
    hint: (p) => str(p.hint) ?? '每行写成“字段: 值”（半角冒号后加一个空格），下级字段用两个空格缩进，不要用 Tab',
  },
  'fullwidth-colon': {
    title: '使用了全角冒号',
    message: (p) => `这一行用了全角冒号“：”：${q(p.text)}，系统无法识别字段名`,
    hint: () => '字段名后面请用半角冒号加空格，例如 “title: 事项名称”',
  },
  'tab-indent': {
    title: '使用了 Tab 缩进',
    message: () => '这一行用 Tab 键缩进，YAML 不允许',
    hint: () => '请用两个空格代替 Tab',
  },
  'unknown-file': {
    title: '文件位置不对',
    message: (p) => `records/ 下不应有这个文件：${p.path}`,
    hint: () =>
      '事项放在 records/items/<年份>/<编号>/item.md，落实情况放在 records/items/<年份>/<编号>/reports/，附件放在 records/items/<年份>/<编号>/attachments/，通知放在 records/notices/，通报放在 records/bulletins/<年份>/，方案放在 records/plans/，会议放在 records/meetings/，督查汇报放在 records/summaries/；模板在 records/_templates/',
  },

  // ——— attachments ———
  'attachment-type': {
    title: '附件类型不允许',
    message: (p) => `附件 ${q(p.name)} 的内容是${p.found}（按文件内容识别，与扩展名无关），不是允许的附件类型`,
    hint: (p) => `允许的附件类型：${p.allowed}；单个附件不超过 ${p.limit}。Word、Excel 请另存为 .docx、.xlsx，扫描件请存为 PDF 或 JPG`,
  },
  'attachment-extension': {
    title: '附件扩展名与内容不符',
    message: (p) => `附件 ${q(p.name)} 的内容是${p.found}，扩展名却是 .${p.ext}`,
    hint: (p) => `请把文件改名为以 ${p.expected} 结尾后再上传，并在记录中引用新文件名`,
  },
  'attachment-too-large': {
    title: '附件过大',
    message: (p) => `附件 ${q(p.name)} 有 ${p.size}，超过单个附件的上限 ${p.limit}`,
    hint: (p) => `更大的文件请用 Git LFS 存放（见 records/README.md“附件”一节），或压缩后再上传；允许的附件类型：${p.allowed}`,
  },
  'unknown-attachment': {
    title: '附件不存在',
    message: (p) => `字段 ${q(p.field)} 引用的附件 ${q(p.ref)} 不在 ${p.dir} 中`,
    hint: () => '先把文件上传到该事项的 attachments/ 文件夹，再在记录中写它的文件名（大小写、扩展名都要一致）',
  },
  'attachment-unreferenced': {
    title: '附件没有被引用',
    severity: 'warning',
    message: (p) => `附件 ${q(p.name)} 没有被事项、落实情况或督查汇报引用`,
    hint: () => '在相应记录的 attachments 中写上这个文件名（例如落实情况的 attachments、销号的 closure.attachments），说明它是哪项材料',
  },

  // ——— schema ———
  'unknown-field': {
    title: '未知字段',
    message: (p) => `未知字段 ${q(p.field)}${p.where ? `（在 ${p.where} 中）` : ''}`,
    hint: (p) => (p.suggestion ? `是不是想写 ${q(p.suggestion)}？` : '') + `允许的字段：${p.allowed}`,
  },
  'missing-field': {
    title: '缺少必填字段',
    message: (p) => `缺少必填字段 ${q(p.field)}${p.label ? `（${p.label}）` : ''}`,
    hint: (p) => str(p.hint),
  },
  'invalid-value': {
    title: '字段值不合规',
    message: (p) => `字段 ${q(p.field)} 的值不合规：${p.detail}`,
    hint: (p) => str(p.hint),
  },
  'bad-date': {
    title: '日期无效',
    message: (p) => `字段 ${q(p.field)}：${p.detail}`,
  },

  // ——— identity and references ———
  'id-mismatch': {
    title: '编号与文件名不一致',
    message: (p) => `编号 ${q(p.id)} 与${p.what} ${q(p.expected)} 不一致`,
    hint: (p) => `编号一经登记不得更改；请把 id 改回 ${q(p.expected)}，或把文件放到正确的位置`,
  },
  'duplicate-id': {
    title: '编号重复',
    message: (p) => `编号 ${q(p.id)} 已在 ${p.other} 使用`,
    hint: () => '每个编号只能用一次；请改用下一个未用的编号',
  },
  'unknown-person': {
    title: '人员不存在',
    message: (p) => `字段 ${q(p.field)} 中的人员 ${q(p.ref)} 不在 records/people.yml 中`,
    hint: (p) => (p.suggestion ? `是不是 ${q(p.suggestion)}？` : '请先在 records/people.yml 中登记此人，或检查拼写'),
  },
  'unknown-unit': {
    title: '单位不存在',
    message: (p) => `字段 ${q(p.field)} 中的单位 ${q(p.ref)} 不在 records/units.yml 中`,
    hint: (p) => (p.suggestion ? `是不是 ${q(p.suggestion)}？` : '请先在 records/units.yml 中登记此单位，或检查拼写'),
  },
  'unknown-item': {
    title: '督办事项不存在',
    message: (p) => `字段 ${q(p.field)} 引用的督办事项 ${q(p.ref)} 不存在`,
    hint: () => '请检查编号；事项文件应在 records/items/<年份>/<编号>/item.md',
  },
  'unknown-notice': {
    title: '督办通知不存在',
    message: (p) => `字段 ${q(p.field)} 引用的督办通知 ${q(p.ref)} 不存在`,
    hint: () => '请先在 records/notices/ 中建立该通知，或检查编号',
  },
  'unknown-bulletin': {
    title: '督查通报不存在',
    message: (p) => `字段 ${q(p.field)} 引用的督查通报 ${q(p.ref)} 不存在`,
    hint: () => '请先在 records/bulletins/<年份>/ 中建立该通报，或检查编号',
  },
  'unknown-plan': {
    title: '专项督查方案不存在',
    message: (p) => `字段 ${q(p.field)} 引用的方案 ${q(p.ref)} 不存在`,
    hint: () => '请先在 records/plans/ 中建立该方案，或检查编号',
  },
  'unknown-meeting': {
    title: '会议记录不存在',
    message: (p) => `字段 ${q(p.field)} 引用的会议 ${q(p.ref)} 不存在`,
    hint: () => '请先在 records/meetings/ 中建立该会议的分解立项记录，或检查编号',
  },
  'unknown-summary': {
    title: '督查汇报不存在',
    message: (p) => `字段 ${q(p.field)} 引用的督查汇报 ${q(p.ref)} 不存在`,
    hint: () => '请先在 records/summaries/ 中建立该督查汇报，或检查编号',
  },
  'unknown-report': {
    title: '落实情况不存在',
    message: (p) => `字段 ${q(p.field)} 引用的落实情况 ${q(p.ref)} 不在 ${p.dir} 中`,
    hint: () => '写该事项 reports/ 文件夹中落实情况的文件名，例如 2026-03-20-urban.md',
  },
  'missing-registry': {
    title: '缺少名册或配置',
    message: (p) => `缺少 ${p.path}`,
    hint: () => '人员名册、单位名册和配置文件是必需的；可从 records/_templates 复制',
  },

  // ——— workflow ———
  'source-kind': {
    title: '来源与类别不符',
    message: (p) => `来源类型 ${q(p.type)} 不属于“${p.kindLabel}”事项`,
    hint: (p) => `“${p.kindLabel}”事项的来源类型只能是：${p.allowed}`,
  },
  'state-kind': {
    title: '状态不属于该类别',
    message: (p) => `状态 ${q(p.state)} 不属于“${p.kindLabel}”的工作流程`,
    hint: (p) => `“${p.kindLabel}”事项的状态只能是：${p.allowed}`,
  },
  'state-missing-field': {
    title: '缺少该状态所需字段',
    message: (p) => `状态为 ${q(p.state)}（${p.stateLabel}）的事项必须填写 ${q(p.field)}（${p.label}）`,
    hint: (p) => `到达“${p.stateLabel}”需要依次填写：${p.required}`,
  },
  'premature-field': {
    title: '字段与状态不符',
    message: (p) => `状态为 ${q(p.state)}（${p.stateLabel}）的事项不应有 ${q(p.field)}（${p.label}）`,
    hint: (p) => `${q(p.field)} 只在状态变为 ${p.target}（${p.targetLabel}）时填写；若确已到这一步，请同时把 state 改为 ${p.target}`,
  },
  'field-kind': {
    title: '字段不属于该类别',
    message: (p) => `“${p.kindLabel}”事项没有 ${q(p.field)}（${p.label}）这一环节`,
    hint: (p) => `“${p.kindLabel}”事项的环节字段有：${p.allowed}`,
  },
  'wrong-signer': {
    title: '签批人角色不符',
    message: (p) => `字段 ${q(p.field)} 中的 ${q(p.ref)}（${p.name}）不具备${p.need}角色`,
    hint: (p) => `此处须由以下角色之一签批：${p.need}；${p.name}的角色是：${p.has}`,
  },
  'date-order': {
    title: '日期先后不对',
    message: (p) => `${p.later}的日期 ${p.laterDate} 早于${p.earlier}的日期 ${p.earlierDate}`,
    hint: () => '各环节日期须按办理先后顺序；请核对日期',
  },
  'future-date': {
    title: '日期在未来',
    message: (p) => `字段 ${q(p.field)} 的日期 ${p.date} 晚于${p.when}（${p.today}）`,
    hint: () => '只能登记已经发生的事；请核对日期',
  },
  'deadline-before-registration': {
    title: '时限早于登记日期',
    message: (p) => `落实时限 ${p.deadline} 早于登记日期 ${p.registered}`,
    hint: () => '落实时限应在登记之后',
  },
  'extension-chain': {
    title: '延期记录不连贯',
    message: (p) => String(p.detail),
    hint: () => '每条延期记录的 from 应等于上一条的 to（第一条等于原时限），当前 deadline 应等于最后一条的 to',
  },
  'merge-target': {
    title: '合并目标不对',
    message: (p) => String(p.detail),
    hint: () => '只能合并到另一项未终结的专项督查，且该项的方案须把本申请列入 applications',
  },
  'plan-mismatch': {
    title: '方案与事项不符',
    message: (p) => String(p.detail),
    hint: (p) => str(p.hint) ?? '方案的 applications 应列出它覆盖的全部申请（含合并的申请），事项的 planned.plan 应指向该方案',
  },
  'plan-onsite-notice': {
    title: '实地督查缺少督查考核通知',
    message: () => '实地督查考核须提前向被督查单位下达《督查考核通知》，方案缺少 inspection_notice',
    hint: () => '填写 inspection_notice: { date: 下达日期, doc_no: 文号 }，日期应早于督查开始日期',
  },
  'notice-mismatch': {
    title: '督办通知与事项不符',
    message: (p) => String(p.detail),
    hint: () => '会议督办事项须以《督办通知》交办：通知的 items 应列出该事项，事项的 assigned.notice 应指向该通知',
  },
  'bulletin-mismatch': {
    title: '通报与事项不符',
    message: (p) => String(p.detail),
    hint: (p) => str(p.hint) ?? '通报只能涉及已交办、未撤销的事项；已通报事项的 bulletined.bulletin 应指向列出它的通报',
  },
  'bulletin-number': {
    title: '通报期号不对',
    message: (p) => String(p.detail),
    hint: () => '编号 TB-年份-两位期号 须与 year、number 一致，同一年的期号不得重复',
  },
  'meeting-mismatch': {
    title: '会议记录与事项不符',
    message: (p) => String(p.detail),
    hint: () => '会议记录的 items 应列出分解出的全部事项；每个事项的 source.meeting 指向该会议，source 的类型、日期与会议一致',
  },
  'summary-mismatch': {
    title: '督查汇报与事项不符',
    message: (p) => String(p.detail),
    hint: () => '督查汇报的 item 应为它所汇报的上级督查事项，该事项的 summary.document 指向它；materials 只列该事项已报送的落实情况',
  },
  'summary-chain': {
    title: '督查汇报签批不全或顺序不对',
    message: (p) => String(p.detail),
    hint: () => '督查汇报依次：起草（drafted，考核督查办）→ 审阅（reviewed，分管考核督查领导）→ 批示（instructed，主要领导）→ 按批示修改定稿（revised）；审阅、批示齐全后事项才能改为 reported，定稿后才能上报（submitted）',
  },
  'acknowledge-unit': {
    title: '签收单位不是责任单位',
    message: (p) => `签收单位 ${q(p.unit)} 不是事项 ${p.item} 的牵头或配合单位`,
    hint: (p) => `可签收的单位：${p.allowed}`,
  },
  'acknowledge-early': {
    title: '交办前签收',
    message: (p) => `签收日期 ${p.date} 早于交办日期 ${p.assigned}`,
    hint: () => '签收记录在交办（批示件转报或《督办通知》印发）之后填写，日期写实际签收的日期',
  },
  'acknowledge-by': {
    title: '签收人不属于签收单位',
    message: (p) => `签收人 ${q(p.by)} 不属于单位 ${q(p.unit)}，也不是考核督查办人员`,
    hint: () => '请填写本单位签收人，或由考核督查办代为登记',
  },
  'duplicate-entry': {
    title: '重复登记',
    message: (p) => `${p.label}中，${p.what}已登记过（第 ${p.first} 条），第 ${p.n} 条重复`,
    hint: () => '每个单位签收一次、每份落实情况审核一次、每个单位打分一次、每条移送签收一次；如需更正请联系考核督查办',
  },
  'review-reason': {
    title: '退回重报缺少原因',
    message: (p) => `第 ${p.n} 条审核把 ${p.report} 退回重报，但没有写原因`,
    hint: () => '退回重报时在 reason 中写明退回原因和需要补充的内容，责任单位据此另报一份落实情况',
  },
  'closure-evidence': {
    title: '销号依据不成立',
    message: (p) => `销号依据的落实情况 ${p.report} ${p.why}`,
    hint: () => '销号只能依据经考核督查办审核通过（reviews 中 result: accepted）且早于销号日期的落实情况；被退回的落实情况不能作为依据',
  },
  'not-unit-leader': {
    title: '不是该部门的分管领导',
    message: (p) => `字段 ${q(p.field)} 中的 ${q(p.ref)}（${p.name}）不是${p.unitName}的分管领导`,
    hint: (p) => `此处须由${p.unitName}的业务分管领导（units.yml 中为 ${p.leader}）或主要领导签字`,
  },
  'merge-candidate': {
    title: '可合并的专项督查未合并',
    severity: 'warning',
    message: (p) => `本申请与 ${p.other} 的督查对象（${p.units}）和督查时间重叠，却分别实施`,
    hint: () => '可合并进行的一律合并进行（《通知》二、（三））：由考核督查办把其中一项合并（merge）到另一项，列入同一方案',
  },
  'inspection-mode': {
    title: '督查方式与记录不符',
    message: (p) => `${p.what}只用于${p.need}，而本事项的方案 ${p.plan} 是${p.mode}`,
    hint: () => '实地督查考核填打分（scores），电话和文字督查填梳理汇总（inspection_summaries）；方式以《专项督查考核方案》的 mode 为准',
  },
  'inspection-results-missing': {
    title: '通报前缺少督查结果',
    message: (p) => `专项督查已通报，但没有${p.what}`,
    hint: (p) => `主导性通报意见要根据督查结果形成：${p.how}`,
  },
  'score-target': {
    title: '打分对象不是督查对象',
    message: (p) => `打分的单位 ${q(p.unit)} 不是方案 ${p.plan} 的督查对象`,
    hint: (p) => `方案的督查对象：${p.targets}`,
  },
  'score-by': {
    title: '打分人不属于打分部门',
    message: (p) => `打分人 ${q(p.by)} 不属于方案 ${p.plan} 负责打分的部门`,
    hint: (p) => `具体打分由相关业务部门进行（方案 scoring_units：${p.scoring}），考核督查办可代为登记`,
  },
  'referral-number': {
    title: '移送记录编号不对',
    message: (p) => `字段 ${q(p.field)} 指向第 ${p.n} 条移送记录，但本事项只有 ${p.count} 条`,
    hint: () => 'referral 写 referrals 中第几条（从 1 起）',
  },
  'referral-receipt': {
    title: '纪工委未签收即反馈',
    message: (p) => `第 ${p.n} 条移送记录还没有纪工委签收（referral_receipts），却已有处理结果反馈`,
    hint: () => '先登记纪工委签收（日期、签收人、受理编号），再登记处理结果',
  },
  'bulletin-figures': {
    title: '通报统计数据与台账不符',
    message: (p) => `通报中 ${p.field} 写的是 ${q(p.stated)}，按台账截至 ${p.asOf} 的记录计算应为 ${q(p.computed)}`,
    hint: (p) =>
      `通报中的统计数据由 ledger bulletin 按台账计算，不得手改；台账有误的，请先更正台账再重新生成（ledger bulletin --period ${p.period} --dry-run 可查看计算结果）`,
  },
  'bulletin-period': {
    title: '通报统计期不对',
    message: (p) => String(p.detail),
    hint: () => '统计期写成 2026（年）、2026H2（半年）、2026Q3（季度）、2026-11（月）或 2026-03-01..2026-05-31；有 figures 的通报须写明 period，统计截止日期 as_of 不晚于印发日期',
  },
  'bulletin-typed-banji': {
    title: '正文中手写了版记',
    message: (p) => `通报正文手写了版记（${q(p.text)}），打印时会与按字段排版的版记重复`,
    hint: () => '版记（报、送、发、印发机关和日期、份数）由 distribution、date、copies 字段自动排版：请删除正文末尾手写的版记，改在这些字段中填写',
  },
  'report-unit': {
    title: '报送单位不是责任单位',
    message: (p) => `报送单位 ${q(p.unit)} 不是事项 ${p.item} 的牵头或配合单位`,
    hint: (p) => `可报送的单位：${p.allowed}`,
  },
  'report-filename': {
    title: '落实情况文件名不对',
    message: (p) => `文件名应为 ${p.expected}（日期-单位.md），与内容中的 date、unit 一致`,
    hint: () => '同一单位同一天第二次报送时文件名加 -2，例如 2026-03-20-urban-2.md',
  },
  'report-too-early': {
    title: '交办前报送',
    message: (p) => `落实情况日期 ${p.date} 早于事项的交办日期 ${p.assigned}`,
    hint: () => '落实情况应在事项交办之后报送',
  },
  'report-by': {
    title: '报送人不属于报送单位',
    message: (p) => `报送人 ${q(p.by)} 不属于单位 ${q(p.unit)}，也不是考核督查办人员`,
    hint: () => '请填写本单位的经办人，或由考核督查办代为录入',
  },
  'visibility-wider': {
    title: '公开范围大于所涉事项',
    severity: 'warning',
    message: (p) => `此${p.what}的公开范围是 ${p.mine}，但所涉事项 ${p.item} 只在 ${p.theirs} 范围公开`,
    hint: () => '公开版站点会隐藏该事项的标题和链接；如需公开，请先调整事项的 visibility',
  },
  // ——— history (commit range checks) ———
  'shallow-clone': {
    title: '浅克隆，历史不完整',
    message: (p) => `当前仓库是浅克隆，缺少 ${p.what} 之前的历史，无法校验`,
    hint: () => '请先执行 git fetch --unshallow；在 CI 中把检出深度设为 0（GitHub Actions: fetch-depth: 0；GitLab CI: GIT_DEPTH: 0）',
  },
  'not-a-repository': {
    title: '不是 Git 仓库',
    message: (p) => `${p.dir} 不是 Git 仓库，无法逐个检查提交`,
    hint: () => '请在台账仓库（git clone 得到的文件夹）中运行，或用 --dir 指定；只检查当前文件可去掉 --range/--all',
  },
  'bad-revision': {
    title: '提交不存在',
    message: (p) => `找不到提交 ${q(p.rev)}`,
    hint: () => '用法：npm run check -- --range 起点..终点（例如 origin/main..HEAD），或 --all 校验全部历史',
  },
  'unknown-author': {
    title: '提交者不在人员名册',
    message: (p) => `提交者 ${p.name} <${p.email}> 不在 records/people.yml 中，无法确认其角色`,
    hint: () => '请用在人员名册中登记过的邮箱提交（网页编辑器使用账号邮箱）；新人员须先由考核督查办登记',
  },
  'unsigned-commit': {
    title: '提交未签名',
    message: (p) => `本台账要求提交签名，但此提交${p.status === 'N' ? '没有签名' : `的签名无法验证（${p.status}）`}`,
    hint: () => '请配置签名后重新提交（config.yml 中 git.require_signed: true）',
  },
  'illegal-transition': {
    title: '状态变更不合规',
    message: (p) => `状态不能从 ${p.from} 直接变为 ${p.to}`,
    hint: (p) => `一次提交只能走一步；此时可以：${p.next}`,
  },
  'wrong-committer': {
    title: '提交者无权办理此环节',
    message: (p) => `“${p.action}”须由${p.need}提交，而提交者 ${p.name} 的角色是${p.has}`,
    hint: () => '请由有相应角色的人员在网页上提交，或由考核督查办代为录入',
  },
  'return-reason': {
    title: '退回缺少原因',
    message: () => '退回重办时须在 returns 中追加一条记录（日期、退回人、原因）',
    hint: () => 'returns: 末尾追加 - { date: 退回日期, by: 退回人, reason: 退回原因 }',
  },
  'identity-changed': {
    title: '编号或类别被更改',
    message: (p) => `${p.what} 从 ${q(p.from)} 改成了 ${q(p.to)}`,
    hint: () => '编号和类别一经登记不得更改；登记有误的事项请撤销后重新登记',
  },
  'record-deleted': {
    title: '记录被删除',
    message: (p) => `删除了${p.what}：${p.path}`,
    hint: () => '台账记录不得删除；事项不再办理时请走“撤销”（state: cancelled，填写 cancellation）',
  },
  'attachment-changed': {
    title: '已提交的附件被改动',
    message: (p) => `已提交的附件 ${q(p.name)} 被${p.how}`,
    hint: () => '附件一经提交不得修改或删除；如需更正，请另起文件名上传新文件，并在记录中引用新文件',
  },
  'report-edited': {
    title: '已报送的落实情况被修改',
    message: () => '落实情况一经报送不得修改',
    hint: () => '如需更正或补充，请另报一份新的落实情况（新文件）',
  },
  'rewritten-history': {
    title: '改写了只能追加的内容',
    message: (p) => `${p.field}（${p.label}）已登记的内容被改动或删除`,
    hint: () => '批示、销号、退回、延期、问责、移送记录只能在末尾追加，已有内容不得修改或删除',
  },
  'frozen-item': {
    title: '已终结事项被修改',
    message: (p) => `事项已${p.stateLabel}，不能再修改 ${p.fields}`,
    hint: (p) =>
      p.open
        ? `已${p.stateLabel}的事项只能补充：${p.open}；其余内容已定稿`
        : `已${p.stateLabel}的事项已经终结，任何内容都不能再修改；如需继续督办，请重新登记一项`,
  },
  'entry-without-step': {
    title: '追加记录而未办理相应环节',
    message: (p) => `${p.label}（${p.field}）追加了记录，但本次提交没有办理“${p.action}”`,
    hint: (p) => `${p.label}只能随“${p.action}”一起追加；此时可以：${p.next}`,
  },
  'amendment-not-open': {
    title: '此时不能办理该环节',
    message: (p) => `“${p.action}”只能在${p.when}办理，本次提交时事项（${p.state}）不满足`,
    hint: (p) => `请等条件具备后再办理；此时可以：${p.next}`,
  },
  'deadline-changed': {
    title: '时限被直接修改',
    message: (p) => `落实时限从 ${p.from} 改为 ${p.to}，但没有追加相应的延期记录`,
    hint: (p) => `延期须在 extensions 末尾追加 - { date: 批准日期, from: ${p.from}, to: ${p.to}, approved_by: 主要领导, reason: 原因 }`,
  },
  'merge-conflict': {
    title: '合并冲突',
    message: (p) =>
      p.field
        ? `两个分支都修改了此事项的 ${p.field}（${p.label}），且改法不同（${p.a}；${p.b}），合并结果无法确定`
        : `两个分支都变更了此事项的状态（${p.a}；${p.b}），合并结果无法确定`,
    hint: () => '请先把其中一个分支的变更合入，再在此基础上办理下一步',
  },
  'merge-dropped': {
    title: '合并丢失了一侧的记录',
    message: (p) => `合并结果丢掉了${p.side}已登记的 ${p.field}（${p.label}）`,
    hint: () => '合并两个分支时，两侧已登记的内容都要保留：退回、延期、问责、移送记录全部保留（原有的在前），各环节记录照原样保留；请重新合并',
  },
  'duplicate-registration': {
    title: '同一编号在两个分支上分别登记',
    message: (p) => `${p.label} ${p.name} 在两个分支上分别登记了不同的${p.what}：${p.a}，${p.b}；合并只会留下其中一项`,
    hint: (p) =>
      `请把${p.renumber}改用下一个未用的${p.label} ${p.next} 重新登记（在该分支上删除原分支、从主分支新建分支后按 ${p.next} 登记），不要把原来的登记合并进来`,
  },
  'file-mode': {
    title: '文件类型不对',
    message: (p) => `记录文件的模式是 ${p.mode}（${p.kind}），台账记录只能是普通文件（100644）`,
    hint: () => '请把文件改回普通文件：不要设为可执行（git update-index --chmod=-x 文件），不要用符号链接或子模块',
  },
  'unsafe-path': {
    title: '路径不合法',
    message: (p) => `提交中的路径 ${q(p.path)} 含有 Git 不允许的部分 ${q(p.part)}，仓库将无法检出`,
    hint: () => '请撤销该提交；路径中不能有 .、..、.git 或空的文件夹名（服务器应开启 receive.fsckObjects）',
  },
  'history-rewritten': {
    title: '改写了受保护分支的历史',
    message: (p) => `推送会改写受保护分支 ${p.branch} 的历史：原来的提交 ${p.old} 不在新提交 ${p.new} 的历史中（强制推送）`,
    hint: () => '受保护分支只能在末尾追加提交，已有提交不得删除或修改；请先拉取（git pull）远程的最新提交，在其后提交新的修改再推送，不要使用 --force',
  },
  'ref-deleted': {
    title: '删除了受保护的引用',
    message: (p) => `推送会删除${p.what} ${p.ref}`,
    hint: (p) => str(p.hint) ?? '受保护分支和标签一经推送不得删除',
  },
  'tag-moved': {
    title: '移动了已有标签',
    message: (p) => `标签 ${p.tag} 已指向 ${p.old}，推送会把它改指向 ${p.new}`,
    hint: () => '标签一经推送不得移动；请另建一个新标签',
  },
  'bad-ref-target': {
    title: '引用没有指向提交',
    message: (p) => `${p.ref} 指向的 ${p.target} 不是提交（${p.type}）`,
    hint: () => '分支和标签只能指向提交；请删除这个引用后重新推送',
  },
  'unknown-pusher': {
    title: '推送账号不在人员名册',
    message: (p) => `推送者账号 ${q(p.login)}（${p.source}）不在 records/people.yml 的 forge_users 或邮箱中，无法确认推送者是谁`,
    hint: () => '请考核督查办在 people.yml 中为此人填写 forge_users（代码托管平台的用户名）',
  },
  'pusher-not-author': {
    title: '推送者不是提交者',
    message: (p) => `此提交的作者是 ${p.author}，提交者是 ${p.committer}，但推送者是 ${p.pusher}（服务器确认的账号 ${p.login}）`,
    hint: () => '每人只能推送自己作出的提交，不能以他人的名义提交；代他人录入时，请用自己的账号提交（提交者写自己）',
  },
  'signer-not-author': {
    title: '签名人不是提交者',
    message: (p) => `此提交由 ${p.signer} 签名，但作者是 ${p.author}、提交者是 ${p.committer}`,
    hint: () => '请用本人在名册中登记的邮箱和本人的签名密钥提交',
  },
  'duplicate-doc-no': {
    title: '文号重复',
    message: (p) => `文号 ${q(p.docNo)} 已在 ${p.other} 使用`,
    hint: () => '每个文号只能用于一份文件；请核对文号，改用下一个未用的文号',
  },
  'notice-recipients': {
    title: '督办通知未送达责任单位',
    message: (p) => `交办本事项的督办通知 ${p.notice} 没有送达本事项的${p.role} ${q(p.unit)}（通知的 to_units 中没有它）`,
    hint: (p) => `请在 ${p.file} 的 to_units 中加上 ${p.unit}：督办通知须送达所交办事项的牵头单位和配合单位`,
  },
  'config-invalid': {
    title: '配置有误',
    message: (p) => String(p.detail),
  },
  'person-unit': {
    title: '人员单位不对',
    message: (p) => String(p.detail),
    hint: () => '责任单位的人员（角色 unit）须填写所在单位 unit',
  },
  'duplicate-email': {
    title: '邮箱重复',
    message: (p) => `邮箱 ${p.email} 同时属于 ${p.a} 和 ${p.b}`,
    hint: () => '每个提交邮箱只能对应一个人，否则无法判断提交者身份',
  },
} satisfies Record<string, Entry>;

export type IssueCode = keyof typeof CATALOG;

export interface Where {
  file: string;
  line?: number;
  commit?: CommitRef;
  ref?: string;
}

/** Build an issue of `code` from its catalogue entry. */
export function issue(code: IssueCode, where: Where, params: Params = {}): Issue {
  const entry: Entry = CATALOG[code];
  const hint = entry.hint?.(params);
  return {
    code,
    severity: entry.severity ?? 'error',
    file: where.file,
    line: where.line ?? 1,
    message: entry.message(params),
    ...(hint ? { hint } : {}),
    ...(where.commit ? { commit: where.commit } : {}),
    ...(where.ref ? { ref: where.ref } : {}),
  };
}

/** Stable order for output: file, line, code. */
export function sortIssues(list: Issue[]): Issue[] {
  return [...list].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.code.localeCompare(b.code) || a.message.localeCompare(b.message),
  );
}
