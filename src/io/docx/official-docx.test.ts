/** Table columns of an official document: ids and dates on one line, the type area filled. */
import { expect, it } from 'vitest';
import { columnWidths } from './official-docx.ts';

const TYPE_W = 11906 - Math.round(28 * 56.7) - Math.round(26 * 56.7);
const head = ['编号', '事项', '牵头单位', '落实时限', '超期天数', '主要问题'];
const rows = [
  ['DB-2026-0014', '社区“一站式”便民服务中心提质改造', '社事办', '2026-08-31', '73', '北辰社区虚报进度，已约谈、移送纪工委'],
  ['DB-2026-0010', '闲置厂房和低效用地盘活招商', '经发办', '2026-10-31（已延期1次）', '12', '仅盘活2处，多次未按时报送'],
];

it('gives a short column exactly what its longest cell needs, and the long ones the rest', () => {
  const w = columnWidths(head, rows);
  expect(w).toHaveLength(6);
  expect(w.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(TYPE_W);
  expect(w.reduce((a, b) => a + b, 0)).toBeGreaterThan(TYPE_W - 10);
  // 12 Latin characters at 12 pt, with the cell's margins: never wrapped
  expect(w[0]).toBeGreaterThanOrEqual(12 * 0.62 * 240 + 160);
  // a wide column holding a date is at least as wide as the date
  expect(w[3]).toBeGreaterThanOrEqual(10 * 0.62 * 240 + 160);
  // the item title and the problem hold the most text: wider than the unit's and the days' columns
  expect(Math.min(w[1]!, w[5]!)).toBeGreaterThan(Math.max(w[2]!, w[4]!));
  // the days' column is as narrow as its numbers let it be: its heading takes two lines
  expect(w[4]).toBeLessThan(4 * 240 + 160);
});

it('falls back to widths by content when nothing fits on one line', () => {
  const many = Array.from({ length: 12 }, (_, i) => `列${i}`);
  const w = columnWidths(many, [many.map(() => 'DB-2026-0001')]);
  expect(w.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(TYPE_W);
  expect(new Set(w).size).toBe(1);
});
