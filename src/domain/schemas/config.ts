/** The one typed configuration file of a ledger (`records/config.yml`). */
import { z } from 'zod';
import { listOf, text, visibility, VISIBILITIES } from './common.ts';
import { forgeUser } from './people.ts';

const urlPattern = (example: string) =>
  z
    .string()
    .trim()
    .regex(/^https?:\/\/\S+$/, { error: `应为以 http:// 或 https:// 开头的网址模板，例如 ${example}` });

export const forge = z.strictObject({
  /** 代码托管平台：gitea、gitlab 或 github */
  kind: z.enum(['gitea', 'gitlab', 'github'], { error: '托管平台只能是 gitea、gitlab 或 github' }),
  /** 在线编辑某个文件的网址模板，{path} 替换为仓库内路径 */
  edit_url: urlPattern('https://git.example.cn/zhangfan/ledger/_edit/main/{path}'),
  /** 新建文件的网址模板（{dir} 目录，{name} 文件名，{content} 预填内容）；平台不支持预填时省略 */
  new_file_url: urlPattern('https://git.example.cn/zhangfan/ledger/_new/main/{dir}?filename={name}&value={content}').optional(),
  /**
   * 运行“台账办理”工作流的网址模板（网页上办理一步）；{action} 环节、{items} 事项编号、{fields} 其余内容，
   * 平台支持从网址预填时写上（GitLab：…/-/pipelines/new?ref=main&var[LEDGER_ACTION]={action}&var[LEDGER_ITEMS]={items}&var[LEDGER_FIELDS]={fields}）
   */
  run_url: urlPattern('https://github.com/zhangfan/ledger/actions/workflows/ledger-step.yml').optional(),
  /** 查看某次提交的网址模板，{sha} 替换为提交编号 */
  commit_url: urlPattern('https://git.example.cn/zhangfan/ledger/commit/{sha}'),
});

/** A build of the site for one audience. */
export const siteBuild = z.strictObject({
  /** 标识，例如 public、internal */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: '站点版本标识只能用小写字母、数字和连字符' }),
  /** 名称，例如 公开版 */
  title: text,
  /** 此版本收录的公开范围 */
  includes: z.array(visibility).min(1, { error: `至少收录一种公开范围：${VISIBILITIES.join('、')}` }),
});

/** Weights of the unit ranking score (DESIGN §6): results, never activity. */
export const scoreWeights = z.strictObject({
  /** 办结率的权重 */
  completion: z.number().min(0).default(40),
  /** 按期办结率的权重 */
  on_time: z.number().min(0).default(30),
  /** 反馈率的权重 */
  feedback: z.number().min(0).default(30),
  /** 每件超期未办结事项扣分 */
  overdue_penalty: z.number().min(0).default(5),
  /** 每件挂牌督办事项扣分 */
  flag_penalty: z.number().min(0).default(3),
  /** 每次问责扣分 */
  accountability_penalty: z.number().min(0).default(5),
  /** 实地督查考核得分（被督查单位的平均分）的权重；0 表示不计入排名 */
  inspection: z.number().min(0).default(0),
});

/** File types an attachment may have, told by content (magic bytes), not by extension. */
export const ATTACHMENT_TYPES = ['pdf', 'jpg', 'png', 'ofd', 'docx', 'xlsx'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** Attachments in an item's `attachments/` folder. */
export const attachmentsConfig = z.strictObject({
  /** 单个附件的大小上限（KB）；更大的文件用 Git LFS 存放 */
  max_kb: z.number().int().min(1).max(1024 * 1024).default(10 * 1024),
  /** 允许的附件类型（按文件内容识别）：pdf、jpg、png、ofd、docx、xlsx */
  types: z
    .array(z.enum(ATTACHMENT_TYPES, { error: `附件类型只能是：${ATTACHMENT_TYPES.join('、')}` }))
    .min(1)
    .default([...ATTACHMENT_TYPES]),
});

/** One step of the 催办 escalation: suggested once an item is this many days overdue. */
export const escalationStep = z.strictObject({
  /** 超期天数达到多少天时建议此步（0 = 一超期就建议） */
  after_days: z.number().int().min(0).max(365),
  /** 措施：remind 提醒、chase 催办、flag 挂牌督办、accountability 建议问责 */
  step: z.enum(['remind', 'chase', 'flag', 'accountability'], { error: '措施只能是 remind（提醒）、chase（催办）、flag（挂牌督办）或 accountability（建议问责）' }),
});

/** 催办: what counts as due soon, and the escalation ladder (suggested, never applied silently). */
export const reminders = z.strictObject({
  /** 距时限不足多少天列入“即将到期”（默认同 warning_days） */
  due_soon_days: z.number().int().min(1).max(90).optional(),
  /** 距下次报送日期不足多少天提醒报送 */
  report_soon_days: z.number().int().min(0).max(30).default(3),
  /** 升级措施，按超期天数从小到大 */
  escalation: z.array(escalationStep).default([
    { after_days: 0, step: 'remind' },
    { after_days: 3, step: 'chase' },
    { after_days: 10, step: 'flag' },
    { after_days: 30, step: 'accountability' },
  ]),
});

/** Volume control of special inspections (中办发〔2018〕56号: 严格控制督查考核总量和频次). */
export const quota = z.strictObject({
  /** 每年专项督查总数上限 */
  special_per_year: z.number().int().min(0).default(12),
  /** 每个单位每年接受专项督查的次数上限 */
  per_unit_per_year: z.number().int().min(0).default(4),
});

export const config = z.strictObject({
  /** 组织名称，例如 张范街道 */
  organisation: text,
  /** 考核督查办的全称，作为通报的发文机关 */
  office: text,
  /** 督查通报的刊名，例如 张范督查 */
  bulletin_name: text,
  /** 黄灯：距时限不足多少天 */
  warning_days: z.number().int().min(1).max(90).default(7),
  /** 反馈宽限天数：报送日期之后几天内报送仍算按时反馈 */
  feedback_grace_days: z.number().int().min(0).max(30).default(2),
  /** 代码托管平台（在线编辑链接） */
  forge: forge.optional(),
  /** 站点的各个版本与其公开范围 */
  builds: z.array(siteBuild).min(1).default([{ id: 'internal', title: '内部版', includes: ['public', 'internal'] }]),
  /** 单位排名的计分办法 */
  score: scoreWeights.default({
    completion: 40,
    on_time: 30,
    feedback: 30,
    overdue_penalty: 5,
    flag_penalty: 3,
    accountability_penalty: 5,
    inspection: 0,
  }),
  /** 附件：允许的类型和大小上限 */
  attachments: attachmentsConfig.default({ max_kb: 10 * 1024, types: [...ATTACHMENT_TYPES] }),
  /** 催办：即将到期的天数和升级措施 */
  reminders: reminders.default({ report_soon_days: 3, escalation: [{ after_days: 0, step: 'remind' }, { after_days: 3, step: 'chase' }, { after_days: 10, step: 'flag' }, { after_days: 30, step: 'accountability' }] }),
  /** 专项督查总量控制 */
  quota: quota.default({ special_per_year: 12, per_unit_per_year: 4 }),
  /** 在托管平台网页上“运行工作流”办理一步时，提交怎样进入台账 */
  actions: z
    .strictObject({
      /** direct：直接推送到当前分支；request：推送到新分支并发起合并请求（审核后合并） */
      push: z.enum(['direct', 'request'], { error: 'push 只能是 direct（直接推送）或 request（发起合并请求）' }).default('direct'),
    })
    .default({ push: 'direct' }),
  /** Git 校验 */
  git: z
    .strictObject({
      /** 全量校验的起点提交（此前的历史不校验） */
      baseline: z.string().regex(/^[0-9a-f]{7,40}$/, { error: '起点提交应为提交编号（7–40 位十六进制）' }).optional(),
      /** 是否要求提交签名（签名人须是作者或提交者本人） */
      require_signed: z.boolean().default(false),
      /**
       * 自动化账号：托管平台上替人提交的账号（如运行 ledger 命令的 Actions）。
       * 它推送的提交可以署他人的名字，服务器不再核对推送者是否为作者
       */
      automation: z
        .strictObject({
          /** 账号名称，例如 台账自动化 */
          name: text.optional(),
          /** 托管平台上的用户名，例如 ledger-bot、gitea-actions */
          forge_users: listOf(forgeUser).default([]),
          /** 它提交时使用的邮箱 */
          emails: listOf(z.string().trim().toLowerCase()).default([]),
        })
        .optional(),
    })
    .default({ require_signed: false }),
});
export type Config = z.output<typeof config>;
export type SiteBuild = z.output<typeof siteBuild>;
export type ScoreWeights = z.output<typeof scoreWeights>;
export type AttachmentsConfig = z.output<typeof attachmentsConfig>;
export type ReminderSettings = z.output<typeof reminders>;
export type Quota = z.output<typeof quota>;
