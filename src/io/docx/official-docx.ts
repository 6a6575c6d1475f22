/**
 * An official document (domain/documents/official-document.ts) as a .docx
 * laid out after GB/T 9704-2012 with the `docx` package (no hand-written
 * XML), so the office can finish it in WPS or Word: A4; margins top 37 mm,
 * bottom 35 mm, left 28 mm, right 26 mm; body 仿宋_GB2312 三号 (16 pt) on
 * 28.9 pt lines (22 a page); title 方正小标宋简体 二号 (22 pt); headings 黑体
 * (一、) and 楷体 (（一）); red masthead and red rule; page numbers “— 1 —”
 * in 四号; the 版记 between rules at the foot of the last page.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IBorderOptions,
} from 'docx';
import type { Block, OfficialDocument } from '../../domain/documents/official-document.ts';
import { chineseDate } from '../../domain/documents/official-document.ts';

const MM = 56.7; // twips per millimetre
const PAGE_H = 16838;
const MARGIN = { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM) };
const BANJI_ROW = 440; // twips, exact line height of a 版记 row
const TYPE_W = 11906 - MARGIN.left - MARGIN.right; // type area width
const RED = 'E60012';
const FONTS = { body: '仿宋_GB2312', title: '方正小标宋简体', h1: '黑体', h2: '楷体_GB2312', song: '宋体' };
const font = (eastAsia: string) => ({ eastAsia, ascii: eastAsia, hAnsi: eastAsia });
const LINE = { line: 578, lineRule: LineRuleType.EXACT, before: 0, after: 0 }; // 28.9 pt
const pt = (n: number) => n * 2; // half-points

const run = (text: string, o: { size?: number; face?: string; bold?: boolean; color?: string } = {}) =>
  new TextRun({ text, size: pt(o.size ?? 16), font: font(o.face ?? FONTS.body), bold: o.bold, color: o.color });

function para(
  runs: TextRun[],
  o: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean; spacing?: object; border?: { bottom: IBorderOptions }; keepNext?: boolean } = {},
) {
  return new Paragraph({ children: runs, alignment: o.align ?? AlignmentType.JUSTIFIED, spacing: o.spacing ?? LINE, indent: o.indent ? { firstLine: 640 } : undefined, border: o.border, keepNext: o.keepNext });
}

const TABLE_PT = 12; // table text size
const CELL_PAD = 160; // twips: left + right cell margins
/** Width of a text on one line, in ems of its size: CJK and full-width forms one em, Latin letters and digits about 0.62 (the widest of the faces a reader's machine may substitute). */
const ems = (text: string) => [...text].reduce((n, ch) => n + (/[\u2e80-\uffef]/.test(ch) ? 1 : 0.62), 0);
/** The longest run a line cannot break inside (a date, a number, an id), in ems. */
const unbreakable = (text: string) => Math.max(0, ...(text.match(/[^\s\u2e80-\uffef]+/g) ?? []).map(ems));

/**
 * Column widths (twips) filling the type area: a column whose longest cell
 * fits in 8 ems (numbers, dates, unit names) gets exactly that, so it never
 * wraps (its heading may take two lines); the wider columns share the rest by how much they hold, each at
 * least as wide as its longest date, number or id.
 */
export function columnWidths(head: string[], rows: string[][]): number[] {
  const em = TABLE_PT * 20;
  const pad = CELL_PAD + 40;
  const cells = head.map((h, i) => [h, ...rows.map((r) => r[i] ?? '')].flatMap((c) => c.split('\n')));
  const body = head.map((_, i) => Math.max(0, ...rows.flatMap((r) => (r[i] ?? '').split('\n').map(ems))));
  // a heading over a column of short cells takes two even lines (超期/天数 over numbers), else one
  const need = head.map((h, i) => {
    const half = Math.max(Math.ceil(ems(h) / 2), unbreakable(h));
    return Math.max(body[i]!, body[i]! <= half ? half : ems(h)) * em + pad;
  });
  const floor = cells.map((c) => Math.max(2, ...c.map(unbreakable)) * em + pad);
  const short = need.map((n) => n <= 8 * em + pad);
  const fixed = need.reduce((a, n, i) => a + (short[i] ? n : 0), 0);
  const wide = need.map((n, i) => (short[i] ? 0 : Math.min(n, 24 * em)));
  if (fixed + wide.reduce((a, w, i) => a + (w ? floor[i]! : 0), 0) > TYPE_W || !wide.some((w) => w)) {
    // too much to fit on one line each: every column by what it holds
    const total = need.reduce((a, b) => a + b, 0);
    return need.map((n) => Math.floor((n / total) * TYPE_W));
  }
  // share the rest; a column below its floor gets the floor and the others share what remains
  const out = need.map((n, i) => (short[i] ? Math.ceil(n) : 0));
  const open = new Set(wide.flatMap((w, i) => (w ? [i] : [])));
  for (;;) {
    const rest = TYPE_W - out.reduce((a, b, i) => a + (open.has(i) ? 0 : b), 0);
    const sum = [...open].reduce((a, i) => a + wide[i]!, 0);
    const under = [...open].filter((i) => (wide[i]! / sum) * rest < floor[i]!);
    if (!under.length) {
      for (const i of open) out[i] = Math.floor((wide[i]! / sum) * rest);
      return out;
    }
    for (const i of under) {
      out[i] = Math.ceil(floor[i]!);
      open.delete(i);
    }
  }
}

function table(b: Extract<Block, { type: 'table' }>): (Paragraph | Table)[] {
  const widths = columnWidths(b.head, b.rows);
  const cell = (text: string, head: boolean, i: number) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      children: [para([run(text, { size: TABLE_PT, face: head ? FONTS.h1 : FONTS.body })], { align: head ? AlignmentType.CENTER : AlignmentType.LEFT, spacing: { line: 300, lineRule: LineRuleType.AT_LEAST } })],
      margins: { top: 40, bottom: 40, left: CELL_PAD / 2, right: CELL_PAD / 2 },
    });
  const t = new Table({
    width: { size: TYPE_W, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: b.head.map((h, i) => cell(h, true, i)) }),
      ...b.rows.map((r) => new TableRow({ cantSplit: true, children: b.head.map((_, i) => cell(r[i] ?? '', false, i)) })),
    ],
  });
  return [...(b.title ? [para([run(b.title, { face: FONTS.h1 })], { align: AlignmentType.CENTER, keepNext: true })] : []), t, para([])];
}

function blocks(list: Block[]): (Paragraph | Table)[] {
  return list.flatMap((b): (Paragraph | Table)[] => {
    // a heading stays on the page of what it heads
    if (b.type === 'h') return [para([run(b.text, { face: b.level === 1 ? FONTS.h1 : b.level === 2 ? FONTS.h2 : FONTS.body, bold: b.level > 2 })], { indent: true, keepNext: true })];
    if (b.type === 'table') return table(b);
    return b.runs
      .map((r) => r.text)
      .join('')
      .split('\n')
      .length > 1
      ? b.runs.map((r) => para([run(r.text, { bold: r.bold })], { indent: true }))
      : [para(b.runs.map((r) => run(r.text, { bold: r.bold })), { indent: true })];
  });
}

/**
 * 版记: 报/送/发 between rules, then the issuing office and date, after the
 * body as one table whose rows are kept together (never split over two
 * pages). GB/T 9704 puts it at the foot of the last page; a frame or
 * floating table anchored there is not honoured by LibreOffice, so the
 * office moves it down in WPS when a page has room to spare.
 */
function banji(d: OfficialDocument): (Paragraph | Table)[] {
  const b = d.banji;
  const thick: IBorderOptions = { style: BorderStyle.SINGLE, size: 8, color: '000000' };
  const thinB: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const none: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const lines: string[] = [];
  if (b.reportTo.length) lines.push(`报：${b.reportTo.join('，')}。`);
  if (b.sendTo.length) lines.push(`送：${b.sendTo.join('，')}。`);
  if (b.issueTo.length) lines.push(`发：${b.issueTo.join('，')}。`);
  const row = (children: TextRun[], top: IBorderOptions, bottom: IBorderOptions, last = false, align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT) =>
    new TableRow({
      cantSplit: true,
      children: [
        new TableCell({
          borders: { top, bottom, left: none, right: none },
          margins: { left: 280, right: 280, top: 0, bottom: 0 },
          children: [
            new Paragraph({
              keepNext: !last,
              keepLines: true,
              alignment: align,
              spacing: { line: BANJI_ROW, lineRule: LineRuleType.EXACT },
              tabStops: [{ type: 'right', position: TYPE_W - 560 }],
              children,
            }),
          ],
        }),
      ],
    });
  const rows = lines.map((l, i) => row([run(l, { size: 14 })], i === 0 ? thick : thinB, thinB));
  rows.push(row([run(b.office, { size: 14 }), run(`\t${chineseDate(b.date)}印发`, { size: 14 })], rows.length ? thinB : thick, thick, !b.copies));
  if (b.copies) rows.push(row([run(`（共印${b.copies}份）`, { size: 14 })], none, none, true, AlignmentType.RIGHT));
  return [new Paragraph({ keepNext: true, spacing: { line: 578, lineRule: LineRuleType.EXACT }, children: [] }), new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows })];
}

function masthead(d: OfficialDocument): Paragraph[] {
  const m = d.masthead;
  const rule: IBorderOptions = { style: BorderStyle.SINGLE, size: 18, color: RED, space: 4 };
  const out: Paragraph[] = [
    para([run(m.title, { size: m.issue ? 48 : 36, face: FONTS.title, color: RED, bold: true })], { align: AlignmentType.CENTER, spacing: { line: m.issue ? 1100 : 900, lineRule: LineRuleType.EXACT } }),
  ];
  if (m.issue) out.push(para([run(m.issue)], { align: AlignmentType.CENTER }));
  if (m.docNo) out.push(para([run(m.docNo)], { align: AlignmentType.CENTER }));
  if (m.office && m.date) {
    out.push(new Paragraph({ spacing: LINE, tabStops: [{ type: 'right', position: 8844 }], border: { bottom: rule }, children: [run(m.office), run(`\t${m.date}`)] }));
  } else out.push(para([], { border: { bottom: rule } }));
  out.push(para([]));
  return out;
}

export async function officialDocx(d: OfficialDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    ...masthead(d),
    para([run(d.title, { size: 22, face: FONTS.title })], { align: AlignmentType.CENTER, spacing: { line: 700, lineRule: LineRuleType.EXACT } }),
    para([]),
  ];
  if (d.to) children.push(para([run(`${d.to}：`)]));
  children.push(...blocks(d.blocks));
  if (d.sign) {
    // the signature's office and date on one page
    children.push(para([]), para([run(d.sign.office)], { align: AlignmentType.RIGHT, keepNext: true }), para([run(d.sign.date)], { align: AlignmentType.RIGHT }));
  }
  children.push(...banji(d));
  const doc = new Document({
    creator: d.banji.office,
    title: d.title,
    styles: { default: { document: { run: { size: pt(16), font: font(FONTS.body) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { ...MARGIN, footer: Math.round(20 * MM) },
          },
        },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: pt(14), font: font(FONTS.song) })] })],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
