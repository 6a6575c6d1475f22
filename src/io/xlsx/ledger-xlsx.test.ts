/** Row heights of the 台账 workbook come from the lines each cell wraps to. */
import { expect, it } from 'vitest';
import { linesIn } from './ledger-xlsx.ts';

it('counts a Chinese character as two widths, breakable anywhere', () => {
  expect(linesIn('一二三四五', 11)).toBe(1);
  expect(linesIn('一二三四五六', 11)).toBe(2);
});

it('moves a date or id that does not fit whole to the next line', () => {
  // 8 characters (16 widths) then a 10-wide date in a 17-wide column: the date takes a line of its own
  expect(linesIn('一二三四五六七八2026-01-09', 18)).toBe(2);
  expect(linesIn('2026-01-09', 18)).toBe(1);
});

it('breaks a run longer than a line wherever it must, and counts typed line breaks', () => {
  expect(linesIn('x'.repeat(30), 11)).toBe(3);
  expect(linesIn('一\n二\n三', 20)).toBe(3);
  expect(linesIn('', 10)).toBe(1);
});
