/** The registry of people (`records/people.yml`): who they are, their roles, the e-mails they commit with. */
import { z } from 'zod';
import { personRef, slug, text, unitRef, listOf } from './common.ts';

/** Roles named by the notice (DESIGN §2). */
export const ROLES = ['main_leader', 'supervision_leader', 'leader', 'office', 'unit', 'discipline'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  main_leader: '主要领导',
  supervision_leader: '分管考核督查领导',
  leader: '分管/主管领导',
  office: '考核督查办',
  unit: '责任单位',
  discipline: '街道纪工委',
};

export const role = z.enum(ROLES, {
  error: `角色只能是：${ROLES.map((r) => `${r}（${ROLE_LABELS[r]}）`).join('、')}`,
});

const email = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.string().regex(/^[^\s@]+@[^\s@]+$/, { error: '邮箱格式不对，例如 wang.fang@zhangfan.gov.cn' }));

/** A user name on the forge, as its hooks report it (GITEA_PUSHER_NAME, GL_USERNAME, GITHUB_USER_LOGIN). */
export const forgeUser = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: '托管平台用户名只能有字母、数字、点、下划线和连字符，例如 wang.fang' }));

export const person = z.strictObject({
  /** 标识，在其他记录里用它指代此人 */
  id: personRef,
  /** 姓名 */
  name: text,
  /** 职务，例如 党工委书记 */
  title: text,
  /** 角色（可多个） */
  roles: listOf(role).pipe(z.array(role).min(1, { error: '至少要有一个角色' })),
  /** 所在单位（units.yml） */
  unit: unitRef.optional(),
  /** 在 Git 中提交时使用的邮箱（可多个） */
  emails: listOf(email),
  /** 代码托管平台（Gitea、GitLab、GitHub）上的用户名（可多个）：服务器据此确认推送者是谁 */
  forge_users: listOf(forgeUser).optional(),
  /** 是否在职；离任人员保留以便历史记录仍可解析 */
  active: z.boolean().default(true),
});
export type Person = z.output<typeof person>;

export const peopleFile = z.strictObject({
  /** 人员名单 */
  people: z.array(person).min(1, { error: '人员名单不能为空' }),
});
export type PeopleFile = z.output<typeof peopleFile>;

export { slug };
