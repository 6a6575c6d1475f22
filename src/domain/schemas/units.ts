/** The registry of units (`records/units.yml`): departments, communities, offices. */
import { z } from 'zod';
import { personRef, text, unitRef } from './common.ts';

export const UNIT_TYPES = ['office', 'department', 'community', 'external'] as const;
export const UNIT_TYPE_LABELS: Record<(typeof UNIT_TYPES)[number], string> = {
  office: '办公室',
  department: '部门',
  community: '社区',
  external: '派驻/驻街单位',
};

export const unit = z.strictObject({
  /** 标识，在其他记录里用它指代此单位 */
  id: unitRef,
  /** 全称 */
  name: text,
  /** 简称（台账表格里显示） */
  short: text.optional(),
  /** 类型 */
  type: z.enum(UNIT_TYPES, { error: `单位类型只能是：${UNIT_TYPES.join('、')}` }),
  /** 负责人（people.yml） */
  head: personRef.optional(),
  /** 分管领导（people.yml） */
  leader: personRef.optional(),
  /** 是否参加排名 */
  ranked: z.boolean().default(true),
});
export type Unit = z.output<typeof unit>;

export const unitsFile = z.strictObject({
  /** 单位名单 */
  units: z.array(unit).min(1, { error: '单位名单不能为空' }),
});
export type UnitsFile = z.output<typeof unitsFile>;
