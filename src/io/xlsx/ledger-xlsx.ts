/**
 * The 《督查工作台账》 as an .xlsx workbook (ExcelJS: no hand-written XML):
 * one sheet per year or per kind, each with a title row, a frozen header
 * with an autofilter, real dates, column widths and A4 landscape print
 * setup with the header rows repeated on every page; then a 统计 sheet with
 * the period's figures per unit (rates as numbers formatted as percent).
 */
import ExcelJS from 'exceljs';
import type { LedgerRow } from '../../domain/documents/ledger-rows.ts';
import { LEDGER_COLUMNS } from '../../domain/documents/ledger-rows.ts';
import { TIER_LABELS } from '../../domain/figures.ts';
import type { PeriodFigures, PeriodTally } from '../../domain/period-figures.ts';

export interface LedgerWorkbook {
  organisation: string;
  rows: LedgerRow[];
  /** Sheets: one per year (default) or one per kind. */
  split: 'year' | 'kind';
  /** Title suffix, e.g. 2026年第三季度. */
  scope: string;
  figures: PeriodFigures;
  unitName: (id: string) => string;
  /** Leave the ranking out (a build that sees only part of the ledger). */
  partial?: string;
  onRow?: () => void;
}

/** A calendar date as Excel reads it: the day at UTC midnight (ExcelJS writes dates in UTC). */
export const excelDate = (d: string) => new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))));

// about 170 character widths: A4 landscape at ~80 %, long text wrapped (wider columns shrink the print to unreadable)
const WIDTHS = [5, 12, 7, 22, 18, 8, 9, 11, 10, 7, 26, 5, 12];
const WRAPPED = new Set([4, 5, 6, 8, 11, 13]);
/** The 警示灯 column (filled with its light's colour). */
const LIGHT_COL = LEDGER_COLUMNS.indexOf('警示灯') + 1;

/**
 * Lines a text takes in a column `width` characters wide, wrapped as
 * LibreOffice and Excel wrap it: a Chinese character is two widths and may
 * break anywhere; a run of Latin letters and digits (a date, an id) moves
 * whole to the next line when it does not fit; a cell keeps about a width
 * for its margins. Row heights are set from it (the print must show every
 * line), so it errs on the side of one line too many.
 */
export function linesIn(text: string, width: number): number {
  const cap = Math.max(2, width - 1);
  let lines = 0;
  for (const para of text.split('\n')) {
    let used = 0;
    lines++;
    for (const tok of para.match(/[\u2e80-\uffff]|[^\u2e80-\uffff]+/g) ?? []) {
      const w = tok.charCodeAt(0) >= 0x2e80 ? 2 : tok.length;
      if (used + w <= cap) used += w;
      else if (w <= cap) {
        lines++;
        used = w;
      } else {
        // longer than a line: broken wherever it must be
        const more = Math.ceil((used + w) / cap) - 1;
        lines += more;
        used = used + w - more * cap;
      }
    }
  }
  return Math.max(1, lines);
}
const FONT = { name: '宋体', size: 10 };
const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE4EE' } };
const LIGHT_FILL: Record<string, string> = { red: 'FFF4C7C3', yellow: 'FFFCE8B2', green: 'FFCDE9D4', done: 'FFE0E0E0' };
const thin: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

function titled(ws: ExcelJS.Worksheet, title: string, headers: readonly string[], widths: number[]): void {
  ws.columns = widths.map((w) => ({ width: w }));
  ws.mergeCells(1, 1, 1, headers.length);
  const t = ws.getCell(1, 1);
  t.value = title;
  t.font = { name: '黑体', size: 16, bold: true };
  t.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  const h = ws.getRow(2);
  h.values = [...headers];
  h.height = 22;
  h.eachCell((c) => {
    c.font = { ...FONT, bold: true };
    c.fill = HEAD_FILL;
    c.border = thin;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  ws.views = [{ state: 'frozen', ySplit: 2, xSplit: 0 }];
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: headers.length } };
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:2',
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: '第 &P 页，共 &N 页' };
}

function ledgerSheet(wb: ExcelJS.Workbook, name: string, title: string, rows: LedgerRow[], onRow?: () => void): void {
  const ws = wb.addWorksheet(name);
  titled(ws, title, LEDGER_COLUMNS, WIDTHS);
  // one style object per column, and one per warning light, shared by every cell that has it: ExcelJS
  // knows a style object it has met (by identity) and works out the style of a new one field by field —
  // per-cell styles cost seconds at 10,000 rows, and even a cell's own copy of its column's style 0.6 s
  const styles: Partial<ExcelJS.Style>[] = LEDGER_COLUMNS.map((_, i) => {
    const col = i + 1;
    return {
      font: FONT,
      border: thin,
      alignment: { vertical: 'top', wrapText: WRAPPED.has(col), horizontal: col === 1 || col === LIGHT_COL ? 'center' : 'left' },
      ...(col === 9 ? { numFmt: 'yyyy-mm-dd' } : {}),
    };
  });
  styles.forEach((st, i) => (ws.getColumn(i + 1).style = st));
  const lightStyles = new Map(Object.entries(LIGHT_FILL).map(([light, argb]) => [light, { ...styles[LIGHT_COL - 1], fill: { type: 'pattern', pattern: 'solid', fgColor: { argb } } } as Partial<ExcelJS.Style>]));
  rows.forEach((r, i) => {
    const values = [i + 1, r.id, r.kindLabel, r.title, r.source, r.leaders, r.leadUnit, r.coUnits, excelDate(r.deadline), r.state, r.latest, r.lightLabel, r.note];
    const row = ws.addRow(values);
    // spreadsheet programs do not grow a row for wrapped text they did not lay out themselves: say how tall
    const lines = Math.max(...[...WRAPPED].map((c) => linesIn(String(values[c - 1] ?? ''), WIDTHS[c - 1]!)));
    row.height = Math.min(409, 4 + lines * 13);
    row.eachCell({ includeEmpty: true }, (c, col) => (c.style = (col === LIGHT_COL && lightStyles.get(r.light)) || styles[col - 1]!));
    onRow?.();
  });
}

const FIG_HEADERS = ['名次', '单位', '档次', '得分', '应办结', '已办结', '按期办结', '超期未办结', '办结率', '按期办结率', '应反馈', '按时反馈', '反馈率', '挂牌', '问责', '加减分'] as const;

function figureRow(t: PeriodTally): (number | null)[] {
  return [t.due, t.done, t.onTime, t.overdue, t.completionRate, t.onTimeRate, t.feedbackDue, t.feedbackAnswered, t.feedbackRate, t.flagged, t.accountability, t.adjustment];
}

/** The 统计 sheet: every lead unit's figures of the period, ranked units first. */
export function figuresSheet(wb: ExcelJS.Workbook, f: PeriodFigures, unitName: (id: string) => string, title: string, partial?: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet('统计');
  titled(ws, title, FIG_HEADERS, [6, 22, 14, 8, 8, 8, 9, 10, 9, 10, 8, 9, 9, 7, 7, 8]);
  const ranked = new Map(f.ranking.map((r) => [r.unit, r]));
  const order = [...f.byUnit.keys()].sort((a, b) => (ranked.get(a)?.rank ?? 999) - (ranked.get(b)?.rank ?? 999) || a.localeCompare(b));
  for (const u of order) {
    const r = partial ? undefined : ranked.get(u);
    const row = ws.addRow([r?.rank ?? null, unitName(u), r ? TIER_LABELS[r.tier] : null, r?.score ?? null, ...figureRow(f.byUnit.get(u)!)]);
    row.eachCell({ includeEmpty: true }, (c) => {
      c.font = FONT;
      c.border = thin;
    });
    for (const col of [9, 10, 13]) row.getCell(col).numFmt = '0.0%';
  }
  const total = ws.addRow([null, '合计', null, null, ...figureRow(f.all)]);
  total.eachCell({ includeEmpty: true }, (c) => {
    c.font = { ...FONT, bold: true };
    c.border = thin;
  });
  for (const col of [9, 10, 13]) total.getCell(col).numFmt = '0.0%';
  ws.addRow([]);
  const notes = [
    `统计期 ${f.period.from} 至 ${f.period.to}，统计截至 ${f.asOf}。`,
    '应办结：现行时限在统计期内且不晚于统计日的事项；办结率 = 已办结 ÷ 应办结；按期办结率 = 按期办结 ÷ 应办结；反馈率 = 按时反馈 ÷ 应反馈（统计期内的报送日期）。',
    '事项计入牵头单位；配合单位的报送不计入牵头单位的反馈率。',
    ...(partial ? [partial] : []),
  ];
  for (const n of notes) ws.addRow([n]).getCell(1).font = { ...FONT, italic: true };
  return ws;
}

/** The workbook as bytes (the site's download). */
export async function ledgerXlsxBytes(w: LedgerWorkbook): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array((await ledgerWorkbook(w).xlsx.writeBuffer()) as ArrayBuffer);
}

export async function writeLedgerXlsx(file: string, w: LedgerWorkbook): Promise<void> {
  await ledgerWorkbook(w).xlsx.writeFile(file);
}

function ledgerWorkbook(w: LedgerWorkbook): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = w.organisation;
  wb.created = new Date(Date.UTC(2000, 0, 1));
  const groups = new Map<string, LedgerRow[]>();
  for (const r of w.rows) {
    const key = w.split === 'year' ? `${r.year}年` : r.kindLabel;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(r);
  }
  if (groups.size === 0) groups.set('台账', []);
  for (const [key, rows] of [...groups].sort((a, b) => a[0].localeCompare(b[0]))) {
    ledgerSheet(wb, key, `${w.organisation}督查工作台账（${key}${w.scope ? `，${w.scope}` : ''}）`, rows, w.onRow);
  }
  figuresSheet(wb, w.figures, w.unitName, `${w.organisation}督查工作统计（${w.figures.period.label}）`, w.partial);
  return wb;
}

/** Unit scores for 绩效目标考核 as a workbook with only the 统计 sheet. */
export async function writeScoresXlsx(file: string, organisation: string, f: PeriodFigures, unitName: (id: string) => string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = organisation;
  figuresSheet(wb, f, unitName, `${organisation}督查工作考核得分（${f.period.label}）`);
  await wb.xlsx.writeFile(file);
}
