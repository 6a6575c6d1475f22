/**
 * Give the demo ledger the attachment files its records name: 批示件 and
 * phone-call record forms, 归档 tables of contents and the 督查汇报 as sent
 * up (PDF, printed by headless Chromium from a page built from the
 * record), site photos (JPG), and the units' Word and Excel material
 * (minimal OOXML). Only missing files are made: an attachment once in the
 * ledger never changes (the history check holds it to that).
 *
 * Run by `npm run demo:attachments`; needs Debian's Chromium and Noto CJK
 * (`apt-get install -y chromium fonts-noto-cjk`).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { indexLedger, type Index, type Located } from '../domain/ledger.ts';
import { fileRefs } from '../domain/rules/files.ts';
import type { Item } from '../domain/schemas/item.ts';
import { extensionOf } from '../domain/schemas/attachment.ts';
import { attachmentPath } from '../format/layout.ts';
import { loadLedger } from '../format/load-ledger.ts';
import { readRecordsTree } from '../io/read-tree.ts';
import { docx, xlsx } from './ooxml.ts';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

interface Wanted {
  path: string;
  name: string;
  item: Item;
  /** The record and field that name the file. */
  kind: string;
  field: string;
  record: Located<unknown>;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const cn = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

const PAGE_CSS = `
  @page { size: A4; margin: 22mm 20mm; }
  body { font-family: 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif; font-size: 15px; line-height: 1.8; color: #111; }
  h1 { text-align: center; font-size: 24px; letter-spacing: 4px; margin: 0 0 8px; }
  .org { text-align: center; color: #c00; font-size: 30px; font-weight: bold; letter-spacing: 6px; }
  hr.red { border: 0; border-top: 3px solid #c00; margin: 6px 0 24px; }
  table { width: 100%; border-collapse: collapse; margin-top: 12px; }
  td, th { border: 1px solid #444; padding: 8px 10px; vertical-align: top; }
  th { width: 22%; background: #f6f1f1; font-weight: normal; text-align: center; }
  .hand { font-family: 'Noto Sans CJK SC', sans-serif; color: #1a3a8c; font-size: 17px; }
  .sign { text-align: right; margin-top: 28px; }
  .stamp { display: inline-block; border: 3px solid #d22; color: #d22; border-radius: 50%; width: 110px; height: 110px; line-height: 110px; text-align: center; font-size: 15px; transform: rotate(-12deg); opacity: .8; margin-left: 20px; }
`;

function page(body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${PAGE_CSS}</style></head><body>${body}</body></html>`;
}

function instructionSheet(w: Wanted, ix: Index): string {
  const it = w.item;
  const person = (id?: string) => (id ? (ix.people.get(id)?.value.name ?? id) : '');
  return page(`
    <div class="org">张范街道党工委办公室</div><hr class="red">
    <h1>文件处理单</h1>
    <table>
      <tr><th>来文单位</th><td>${esc(it.source.issuer ?? '上级有关部门')}</td><th>文号</th><td>${esc(it.source.doc_no ?? '—')}</td></tr>
      <tr><th>标题</th><td colspan="3">${esc(it.source.name)}</td></tr>
      <tr><th>收文日期</th><td>${cn(it.registered?.date ?? it.source.date)}</td><th>登记人</th><td>${esc(person(it.registered?.by))}</td></tr>
      <tr><th>拟办意见</th><td colspan="3">请${esc(person(it.instruction?.by))}同志阅示。<br>考核督查办</td></tr>
      <tr><th style="height:160px">领导批示</th><td colspan="3" class="hand">${esc(it.instruction?.text ?? '')}<div class="sign">${esc(person(it.instruction?.by))}　${it.instruction ? cn(it.instruction.date) : ''}</div></td></tr>
      <tr><th>办理结果</th><td colspan="3">批示件已复印转报${esc(it.leaders.map(person).join('、'))}同志。</td></tr>
    </table>`);
}

function phoneForm(w: Wanted, ix: Index): string {
  const it = w.item;
  const by = it.registered ? (ix.people.get(it.registered.by)?.value.name ?? it.registered.by) : '';
  return page(`
    <div class="org">张范街道考核督查办公室</div><hr class="red">
    <h1>上级电话通知记录单</h1>
    <table>
      <tr><th>来电单位</th><td>${esc(it.source.issuer ?? '')}</td><th>来电时间</th><td>${cn(it.source.date)}</td></tr>
      <tr><th>通知事项</th><td colspan="3">${esc(it.source.name)}</td></tr>
      <tr><th style="height:120px">通知内容</th><td colspan="3">${esc(it.content)}<br>${esc(it.requirements)}</td></tr>
      <tr><th>接听人</th><td>${esc(by)}</td><th>登记日期</th><td>${it.registered ? cn(it.registered.date) : ''}</td></tr>
      <tr><th>处理意见</th><td colspan="3">登记入《督查工作台账》，报街道主要领导批阅。</td></tr>
    </table>`);
}

function archiveIndex(w: Wanted, ix: Index): string {
  const it = w.item;
  const rows: [string, string][] = [[it.source.name, it.source.date]];
  if (it.instruction) rows.push(['主要领导批示件', it.instruction.date]);
  if (it.assigned) rows.push(['任务交办记录', it.assigned.date]);
  for (const r of ix.reportsByItem.get(it.id) ?? []) rows.push([`${ix.units.get(r.value.unit)?.value.short ?? r.value.unit}落实情况`, r.value.date]);
  if (it.summary) rows.push([`督查汇报 ${it.summary.document}`, it.summary.date]);
  if (it.submitted) rows.push([`上报${it.submitted.to}`, it.submitted.date]);
  if (it.closure) rows.push(['销号审批', it.closure.date]);
  return page(`
    <div class="org">张范街道考核督查办公室</div><hr class="red">
    <h1>卷内文件目录</h1>
    <p>事项：${esc(it.id)} ${esc(it.title)}　　档号：${esc(it.archive?.ref ?? '')}</p>
    <table><tr><th style="width:10%">序号</th><th style="width:65%">文件名称</th><th>日期</th></tr>
      ${rows.map(([t, d], i) => `<tr><td style="text-align:center">${i + 1}</td><td>${esc(t)}</td><td>${d}</td></tr>`).join('')}
    </table>
    <p class="sign">立卷人：${esc(ix.people.get(it.archive?.by ?? '')?.value.name ?? '')}　${it.archive ? cn(it.archive.date) : ''}</p>`);
}

function summarySent(w: Wanted): string {
  const doc = w.record.value as { title: string; to: string; revised?: { date: string } };
  const paras = w.record.body
    .split(/\n+/)
    .map((l) => l.replace(/^#+\s*/, '').trim())
    .filter(Boolean);
  return page(`
    <div class="org">张范街道办事处</div><hr class="red">
    <h1>${esc(doc.title)}</h1>
    ${paras.map((p) => `<p>${esc(p)}</p>`).join('')}
    <p class="sign">${doc.revised ? cn(doc.revised.date) : ''}<span class="stamp">张范街道办事处</span></p>`);
}

function photo(w: Wanted): string {
  const it = w.item;
  const when = (it.closure?.date ?? it.source.date).replace(/-/g, '.');
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    body { margin: 0; width: 640px; height: 400px; overflow: hidden; font-family: 'Noto Sans CJK SC', sans-serif; }
    .sky { position: absolute; inset: 0; background: linear-gradient(#8ec5fc, #e0f0ff 55%, #b9c3a8 55%, #7e8f6a); }
    .b { position: absolute; bottom: 140px; background: #d9d2c5; border: 2px solid #a79f92; }
    .w { position: absolute; width: 14px; height: 18px; background: #6d8fb3; }
    .road { position: absolute; left: 0; right: 0; bottom: 0; height: 120px; background: linear-gradient(#8a8a8a, #6b6b6b); }
    .line { position: absolute; bottom: 55px; height: 6px; width: 60px; background: #f3f3f3; }
    .cap { position: absolute; left: 12px; bottom: 10px; color: #fff; font-size: 15px; text-shadow: 0 0 3px #000; }
    .ts { position: absolute; right: 12px; top: 10px; color: #ffb000; font: bold 18px monospace; text-shadow: 0 0 3px #000; }
  </style></head><body><div class="sky"></div>
    ${[40, 190, 340, 470]
      .map((x, i) => `<div class="b" style="left:${x}px;width:${110 + (i % 2) * 20}px;height:${140 + i * 25}px">${Array.from({ length: 6 }, (_, k) => `<div class="w" style="left:${12 + (k % 3) * 32}px;top:${14 + Math.floor(k / 3) * 40}px"></div>`).join('')}</div>`)
      .join('')}
    <div class="road"></div>${[20, 160, 300, 440, 580].map((x) => `<div class="line" style="left:${x}px"></div>`).join('')}
    <div class="ts">${when}</div>
    <div class="cap">${esc(it.id)} ${esc(w.name.replace(/\.[^.]+$/, ''))} · 张范街道</div>
  </body></html>`;
}

function officeFile(w: Wanted): Uint8Array {
  const r = w.record.value as { date: string; unit: string; progress: string; problems?: string; next?: string };
  const title = w.name.replace(/\.[^.]+$/, '');
  if (extensionOf(w.name) === 'docx') {
    return docx(title, [`报送日期：${cn(r.date)}`, `一、工作进展：${r.progress}`, `二、存在问题：${r.problems ?? '无'}`, `三、下步打算：${r.next ?? '持续推进。'}`]);
  }
  const parts = r.progress.split(/[；;。]/).map((s) => s.trim()).filter(Boolean);
  return xlsx(title.slice(0, 30), [['序号', '事项', '情况', '报送日期'], ...parts.map((p, i) => [String(i + 1), title, p, r.date])]);
}

/** The attachment files the records of `repoDir` name that are not there yet. */
export function missingAttachments(repoDir: string): { wanted: Wanted[]; index: Index } {
  const { ledger } = loadLedger(readRecordsTree(repoDir).sources);
  const index = indexLedger(ledger);
  const wanted: Wanted[] = [];
  const seen = new Set<string>();
  const naming: [string, Located<unknown>, string | undefined][] = [
    ...ledger.items.map((r): [string, Located<unknown>, string] => ['item', r, r.value.id]),
    ...ledger.reports.map((r): [string, Located<unknown>, string] => ['report', r, r.itemId]),
    ...ledger.summaries.map((r): [string, Located<unknown>, string] => ['summary', r, r.value.item]),
  ];
  for (const [kind, rec, itemId] of naming) {
    const item = itemId ? index.items.get(itemId)?.value : undefined;
    if (!item) continue;
    for (const ref of fileRefs(kind, rec.value)) {
      if (ref.ref !== 'attachment') continue;
      const path = attachmentPath(item.id, ref.name);
      if (seen.has(path) || existsSync(join(repoDir, path))) continue;
      seen.add(path);
      wanted.push({ path, name: ref.name, item, kind, field: String(ref.path[0]), record: rec });
    }
  }
  return { wanted, index };
}

async function render(p: Page, w: Wanted, ix: Index): Promise<Uint8Array> {
  const ext = extensionOf(w.name);
  if (ext === 'docx' || ext === 'xlsx') return officeFile(w);
  if (ext === 'jpg' || ext === 'jpeg' || ext === 'png') {
    await p.setViewportSize({ width: 640, height: 400 });
    await p.setContent(photo(w));
    return p.screenshot(ext === 'png' ? { type: 'png' } : { type: 'jpeg', quality: 60 });
  }
  // a PDF as offices file them: the scan of the signed paper, one page
  const html = w.kind === 'summary' ? summarySent(w) : w.field === 'archive' ? archiveIndex(w, ix) : w.field === 'registered' ? phoneForm(w, ix) : instructionSheet(w, ix);
  await p.setViewportSize({ width: SCAN.width, height: SCAN.height });
  await p.setContent(html.replace('</style>', `body { margin: 0; padding: 48px 52px; width: ${SCAN.width}px; height: ${SCAN.height}px; box-sizing: border-box; font-size: 13px; background: #fbfaf6; }</style>`));
  const jpeg = await p.screenshot({ type: 'jpeg', quality: 50 });
  return scanPdf(jpeg, SCAN.width, SCAN.height);
}

/** A4 proportions at a scanner's low resolution. */
const SCAN = { width: 620, height: 877 };

/** A one-page A4 PDF showing a JPEG (DCTDecode): a scanned document, no fonts. */
export function scanPdf(jpeg: Uint8Array, width: number, height: number): Uint8Array {
  const A4 = [595, 842];
  const content = `q ${A4[0]} 0 0 ${A4[1]} 0 0 cm /Im0 Do Q`;
  const objs: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${A4[0]} ${A4[1]}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`),
    Buffer.concat([
      Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`),
      Buffer.from(jpeg),
      Buffer.from('\nendstream'),
    ]),
    Buffer.from(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let size = parts[0]!.length;
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(size);
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), o, Buffer.from('\nendobj\n')]);
    parts.push(b);
    size += b.length;
  });
  const xref = [`xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${size}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(parts));
}

/** Make the missing files; returns the paths written. */
export async function generateDemoAttachments(repoDir: string): Promise<string[]> {
  const { wanted, index } = missingAttachments(repoDir);
  if (!wanted.length) return [];
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install it with apt-get install -y chromium fonts-noto-cjk`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const p = await browser.newPage();
    const out: string[] = [];
    for (const w of wanted) {
      const bytes = await render(p, w, index);
      mkdirSync(dirname(join(repoDir, w.path)), { recursive: true });
      writeFileSync(join(repoDir, w.path), bytes);
      out.push(`${w.path} (${Math.round(bytes.length / 1024)} KB)`);
    }
    return out;
  } finally {
    await browser.close();
  }
}
