/**
 * The Chinese strings of the step commands (`ledger instruct …`): what a
 * refusal before any rule runs says (a dirty checkout, a lock), what a
 * landed step reports. Checker issues come from `domain/issues.ts`.
 */
import type { NotReady } from '../io/write/repo-state.ts';

export const S = {
  volumeWarning: '［提醒］',
  volumeMerge: (id: string, ids: string[]) => `［建议］${id} 可与 ${ids.join('、')} 合并进行（ledger merge ${id} --into ${ids[0]} --as 考核督查办人员）`,
  itemArg: '督办事项编号，可以写多个（同一步骤一次提交）',
  documentItemArg: (label: string) => `督办事项编号（为该事项起草${label}）`,
  documentArg: (label: string) => `${label}编号（例如 HB-2026-001），或督办事项编号（办理该事项正在进行的${label}）`,
  documentDescription: (doc: string, label: string, n: number, of: number, who: string) => `${doc}第${n}步（共${of}步）：${label}（${who}办理）`,
  afterEnd: '；销号、归档后也可以办理',
  negated: (label: string) => `与上一项相反：${label.replace(/（.*$/, '')}——否`,
  dryRun: '演练：只显示将要作出的改动（diff）并按规则检查，不写入任何内容',
  kind: (kinds: string) => `事项类别：${kinds}`,
  fromFile: '从 YAML 或 CSV 文件批量登记（会议分解立项）：每行一个事项，列名为本命令的选项名',
  today: '把“今天”当作这一天（北京时间，年-月-日；默认今天）',
  required: '（必填）',
  requiredOnCreate: '（新建时必填）',
  defaults: { today: '默认今天', actor: '默认为 --as', 'actor-unit': '默认为办理人所在单位', deadline: '默认为当前落实时限', document: '不填则新建，编号自动取下一个', derived: '不填则按事项自动生成' } as Record<string, string>,
  onlyFor: (kinds: string) => `（仅${kinds}）`,
  documentOptions: (label: string) => `新建《${label}》时可用的选项`,
  stepDescription: (label: string, target: string, who: string) => `${label}${target}（${who}办理）`,
  amendmentDescription: (label: string, who: string) => `${label}（${who}办理；不改变状态）`,
  missing: (opts: string) => `缺少必填选项：${opts}`,
  invalid: (opt: string, value: string, allowed?: string) => `选项 --${opt} 的取值 “${value}” 不对${allowed ? `：应为 ${allowed}` : ''}`,
  noItems: '请写出要办理的督办事项编号，例如 DB-2026-0031',
  noItemsForCreate: '登记新事项不用写编号（编号自动取下一个）；要批量登记请用 --from-file',
  notInWorkflow: (action: string, kindLabel: string, next: string) => `“${action}”不是${kindLabel}事项的环节。可以办理：${next}`,
  mixedKinds: '一次办理的事项须是同一类别',
  noEmail: (name: string) => `${name} 在 records/people.yml 中没有登记邮箱，无法以其名义提交`,
  noKind: (kinds: string) => `请用 --kind 指定事项类别：${kinds}`,
  badKind: (kind: string, kinds: string) => `事项类别 “${kind}” 不对：只能是 ${kinds}`,
  rowsEmpty: '文件里没有事项',
  rowMissing: (n: number, opts: string) => `第 ${n} 项缺少：${opts}`,
  refusedByRules: '这一步不符合台账规则（与服务器钩子相同的检查），仓库没有任何改动：',
  documentNotCreated: (label: string, kindLabel: string) => `${kindLabel}事项不新建《${label}》；如需引用，请写出编号`,
  notOpen: (label: string, when: string, id: string, next: string) => `“${label}”须在${when}办理，${id} 现在不能办理。可以办理：${next}`,
  when: {
    open: '事项办结（销号）以前',
    reporting: '事项交办（专项督查为实施）之后',
    flagged: '挂牌督办期间',
    unflagged: '事项未挂牌（或已摘牌）时',
    assigned: '事项交办之后',
    inspecting: '专项督查实施之后',
    referred: '事项移送纪工委之后',
  } as Record<string, string>,
  ended: '事项办结（销号）以前',
  nothingChanged: (what: string) => `${what}没有改变任何内容，没有提交`,
  oneDocument: (label: string) => `请写出一个编号：${label}的编号（例如 HB-2026-001），或督办事项编号（办理该事项正在进行的${label}）`,
  noOpenDocument: (label: string, id: string, open: string) => `${id} 没有可以“${label}”的文稿${open ? `；现在可以办理：${open}` : ''}`,
  documentNotFor: (label: string, id: string, kinds: string) => `${label}只用于${kinds}事项，${id} 不是`,
  bodyFile: '正文：Markdown 文件（不写则按落实情况自动汇总成稿；修改定稿时写上报稿全文）',
  readBody: (path: string) => `读不到正文文件 ${path}`,
  attached: (line: string) => `  附件 ${line}`,
  landed: (sha: string, message: string) => `已办理并提交 ${sha}：${message}`,
  dryRunDone: '（演练：以上改动符合台账规则，但没有写入任何内容）',
  wrote: (path: string) => `  ${path}`,
  notReady(why: NotReady): string {
    switch (why.reason) {
      case 'not-repository':
        return `${why.dir} 不在 Git 仓库中；请在台账仓库里运行，或用 --dir 指定台账仓库`;
      case 'no-commit':
        return '仓库还没有任何提交；请先提交 records/ 的名册和配置';
      case 'detached':
        return '当前不在任何分支上（HEAD 游离）；请先 git switch main（或要提交到的分支）';
      case 'in-progress':
        return `仓库中有未完成的${why.what}；请先完成或放弃它（git status 会提示怎么做）`;
      case 'locked':
        return `另一个操作正在修改这个仓库（${why.lock} 被占用）；请等它结束后再试。如果确认没有其他 Git 操作在运行，可删除该锁文件`;
      case 'dirty':
        return `工作区有未提交的改动，台账命令只在干净的工作区上办理：\n${why.files.slice(0, 10).map((f) => `  ${f}`).join('\n')}${why.files.length > 10 ? `\n  ……共 ${why.files.length} 个文件` : ''}\n请先提交（git commit）或放弃（git restore）这些改动`;
    }
  },
  messages: {
    create: (id: string, label: string, title: string) => `${id} ${label}：${title}`,
    step: (ids: string, label: string, state: string, title?: string) => `${ids} ${label}（${state}）${title ? `：${title}` : ''}`,
    amend: (ids: string, label: string, title?: string) => `${ids} ${label}${title ? `：${title}` : ''}`,
    report: (id: string, unit: string, date: string) => `${id} 报送落实情况（${unit}，${date}）`,
    document: (label: string, id: string, title: string) => `印发《${label}》${id}：${title}`,
    batch: (label: string, source: string, n: number) => `${label}：${source}（${n} 项）`,
    many: (label: string, n: number, date: string) => `${label} ${n} 项（${date}）`,
    documentStep: (id: string, label: string, title: string, item: string) => `${id} ${label}：${title}（${item}）`,
    attach: (id: string, names: string, note?: string) => `${id} 上传附件 ${names}${note ? `：${note}` : ''}`,
  },
} as const;
