/**
 * What the office hands out, opened the way the office opens it: the 台账
 * .xlsx in LibreOffice Calc (converted to CSV and compared with the ledger,
 * dates as dates), bulletins and notices .docx in LibreOffice Writer (PDF:
 * A4, page count, page 1 rendered). Real tools; a missing one fails the
 * test saying how to install it.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../tests/fixtures/cases.ts';
import { convert, pdfInfo, renderFirstPage } from '../../tests/support/office-tools.ts';
import { checkTree } from '../checker/check-tree.ts';
import { runMain } from './main.ts';

const TODAY = '2026-11-24';
const root = mkdtempSync(join(tmpdir(), 'ledger-outputs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function ledgerCopy(): string {
  const dir = mkdtempSync(join(root, 'ledger-'));
  cpSync(join(FIXTURES, 'valid/records'), join(dir, 'records'), { recursive: true });
  return dir;
}

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runMain(argv, { out: (s) => void (out += s), err: (s) => void (err += s) });
  return { code, out, err };
}

/** CSV → rows (LibreOffice quotes fields with commas or quotes). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else if (c !== '\r') cell += c;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

const CSV_ALL_SHEETS = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

describe('ledger export --xlsx', () => {
  const dir = ledgerCopy();
  const file = join(root, '台账.xlsx');
  const ledger = checkTree(join(FIXTURES, 'valid')).ledger;

  it('writes a workbook LibreOffice Calc reads back as the ledger: a sheet per year and a 统计 sheet', async () => {
    const r = await run('export', '--xlsx', file, '--dir', dir, '--today', TODAY);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('已导出台账 9 项');
    const sheets = convert(file, CSV_ALL_SHEETS);
    expect(sheets.map((s) => s.replace(/^.*台账-/, ''))).toEqual(['2026年.csv', '统计.csv']);
    const rows = csvRows(readFileSync(sheets[0]!, 'utf8'));
    expect(rows[0]![0]).toBe('张范街道督查工作台账（2026年）');
    expect(rows[1]).toEqual(['序号', '编号', '类别', '事项', '来源', '责任领导', '牵头单位', '配合单位', '时限', '状态', '最新进展', '警示灯', '备注']);
    const body = rows.slice(2).filter((r) => r[1]);
    const items = ledger.items.map((x) => x.value).sort((a, b) => a.id.localeCompare(b.id));
    expect(body.map((r) => r[1])).toEqual(items.map((i) => i.id));
    expect(body.map((r) => r[3])).toEqual(items.map((i) => i.title));
    expect(body.map((r) => r[8])).toEqual(items.map((i) => i.deadline));
    expect(body.map((r) => r[0])).toEqual(items.map((_, k) => String(k + 1)));
    const stats = csvRows(readFileSync(sheets[1]!, 'utf8'));
    expect(stats[1]!.slice(0, 5)).toEqual(['名次', '单位', '档次', '得分', '应办结']);
    expect(stats.find((r) => r[1] === '合计')).toBeTruthy();
  }, 120_000);

  it('writes deadlines as dates, not text (LibreOffice sees date cells)', () => {
    const [fods] = convert(file, 'fods');
    const xml = readFileSync(fods!, 'utf8');
    const dates = [...xml.matchAll(/office:value-type="date" office:date-value="(\d{4}-\d{2}-\d{2})/g)].map((m) => m[1]);
    for (const it of ledger.items) expect(dates).toContain(it.value.deadline);
    expect(xml).toMatch(/style:print-orientation="landscape"/);
  }, 120_000);

  it('an audience’s export holds none of the records it may not see, and no ranking of its own', async () => {
    const pub = join(root, 'public.xlsx');
    const r = await run('export', '--xlsx', pub, '--build', 'public', '--dir', dir, '--today', TODAY);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('不含排名');
    const [year, stats] = convert(pub, CSV_ALL_SHEETS);
    const shown = csvRows(readFileSync(year!, 'utf8')).slice(2).map((r) => r[1]).filter(Boolean);
    const publicIds = ledger.items.filter((x) => x.value.visibility === 'public').map((x) => x.value.id).sort();
    expect(shown).toEqual(publicIds);
    const ranks = csvRows(readFileSync(stats!, 'utf8')).slice(2).map((r) => r[0]).filter((x) => /^\d+$/.test(x ?? ''));
    expect(ranks).toEqual([]);
  }, 120_000);
});

describe('ledger export --docx', () => {
  const dir = ledgerCopy();

  it('lays a bulletin out on A4 (GB/T 9704) that LibreOffice Writer opens: one page here, page 1 rendered', async () => {
    const file = join(root, '通报.docx');
    const r = await run('export', '--docx', 'TB-2026-04', file, '--dir', dir);
    expect(r.code, r.err).toBe(0);
    const [pdf] = convert(file, 'pdf');
    const info = pdfInfo(pdf!);
    expect(info.size).toContain('(A4)');
    expect(info.pages).toBe(1);
    expect(statSync(renderFirstPage(pdf!)).size).toBeGreaterThan(5_000);
  }, 120_000);

  it('lays a notice out the same way: its two items’ table runs onto page 2, header repeated', async () => {
    const file = join(root, '通知.docx');
    const r = await run('export', '--docx', 'TZ-2026-007', file, '--dir', dir);
    expect(r.code, r.err).toBe(0);
    const [pdf] = convert(file, 'pdf');
    expect(pdfInfo(pdf!)).toMatchObject({ pages: 2 });
    expect(pdfInfo(pdf!).size).toContain('(A4)');
  }, 120_000);

  it('refuses an unknown document (exit 1) and a wrong command line (exit 2), writing nothing', async () => {
    const missing = await run('export', '--docx', 'TB-2026-99', join(root, 'x.docx'), '--dir', dir);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('找不到通报或通知 “TB-2026-99”');
    const both = await run('export', '--dir', dir);
    expect(both.code).toBe(2);
    expect(both.err).toContain('--xlsx');
  });
});
