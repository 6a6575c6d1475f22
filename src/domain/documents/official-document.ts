/**
 * What an official document contains, laid out after GB/T 9704 by the
 * writers (Word via io/docx, the site's print page): masthead, title,
 * addressees, body blocks, tables, signature, 版记. Built from a bulletin or
 * a notice and the ledger. Pure: the body arrives already split into blocks
 * (format/markdown-blocks.ts).
 */
import type { Ledger } from '../ledger.ts';
import type { Bulletin } from '../schemas/bulletin.ts';
import type { Notice } from '../schemas/notice.ts';
import { namesOf } from './names.ts';

export type Inline = { text: string; bold?: boolean };
export type Block =
  | { type: 'p'; runs: Inline[] }
  /** level 1: 一、 (黑体); level 2: （一） (楷体); level 3+: bold body text. */
  | { type: 'h'; level: number; text: string }
  | { type: 'table'; head: string[]; rows: string[][]; title?: string };

export interface Banji {
  reportTo: string[];
  sendTo: string[];
  issueTo: string[];
  office: string;
  date: string;
  copies?: number;
}

export interface OfficialDocument {
  /** 《张范督查》-style periodical masthead, or an office's 文件 masthead. */
  masthead: { title: string; issue?: string; docNo?: string; office?: string; date?: string };
  title: string;
  to?: string;
  blocks: Block[];
  sign?: { office: string; date: string };
  banji: Banji;
}

/** `2026-05-08` → `2026年5月8日`. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The ledger's items by id, made once per ledger (a site writes a document for every notice and bulletin). */
const byIdOf = new WeakMap<object, { n: number; map: Map<string, Ledger['items'][number]['value']> }>();
function itemsById(ledger: Ledger) {
  let e = byIdOf.get(ledger.items);
  if (!e || e.n !== ledger.items.length) byIdOf.set(ledger.items, (e = { n: ledger.items.length, map: new Map(ledger.items.map((r) => [r.value.id, r.value])) }));
  return e.map;
}

export function bulletinDocument(ledger: Ledger, b: Bulletin, body: Block[]): OfficialDocument {
  const cfg = ledger.config?.value;
  const n = namesOf(ledger);
  const items = itemsById(ledger);
  const covered = b.items.map((id) => items.get(id)).filter((x) => !!x);
  const mentioned = new Set(body.flatMap((x) => (x.type === 'table' ? x.rows.map((r) => r[0] ?? '') : [])));
  const listed = covered.filter((it) => !mentioned.has(it.id));
  const blocks: Block[] = [...body];
  if (listed.length) {
    blocks.push({
      type: 'table',
      title: '本期涉及督办事项',
      head: ['编号', '事项', '牵头单位', '时限'],
      rows: listed.map((it) => [it.id, it.title, n.unit(it.lead_unit), it.deadline]),
    });
  }
  return {
    masthead: {
      title: cfg?.bulletin_name ?? '督查通报',
      issue: `${b.year}年第${b.number}期${b.total ? `（总第${b.total}期）` : ''}`,
      office: cfg?.office,
      date: chineseDate(b.date),
    },
    title: b.title,
    blocks,
    banji: { reportTo: b.distribution.report_to, sendTo: b.distribution.send_to, issueTo: b.distribution.issue_to, office: cfg?.office ?? '', date: b.date, copies: b.copies },
  };
}

const blockText = (b: Block) => (b.type === 'p' ? b.runs.map((r) => r.text).join('') : b.type === 'h' ? b.text : b.rows.flat().join(' '));
const squash = (s: string) => s.replace(/[\s　*]/g, '');

/**
 * A notice's body as staff or `ledger assign` wrote it is the whole notice
 * (the site shows it so): its opening lines — the kind, the 文号, the title,
 * the addressees — and its closing signature are what the layout prints
 * itself from the record's fields, so they are left out of the body once.
 */
export function withoutPrinted(body: Block[], p: { kind: string; docNo?: string; title: string; office: string; date: string; addressees: readonly string[] }): Block[] {
  const head = new Set([p.kind, p.docNo, p.title].filter((x): x is string => !!x).map(squash));
  let from = 0;
  while (from < body.length && body[from]!.type !== 'table' && head.has(squash(blockText(body[from]!)))) from++;
  // the addressee line: the first paragraph, a list of names (units, people, 各…) ending in a colon
  const names = new Set(p.addressees.map(squash));
  const first = body[from]?.type === 'p' ? blockText(body[from]!).trim() : '';
  if (/[：:]$/.test(first) && first.slice(0, -1).split(/[、，,]/).every((x) => names.has(squash(x)) || /^各/.test(x.trim()))) from++;
  let to = body.length;
  const sign = squash(`${p.office}${chineseDate(p.date)}`);
  while (to > from && body[to - 1]!.type === 'p' && [sign, squash(p.office), squash(chineseDate(p.date))].includes(squash(blockText(body[to - 1]!)))) to--;
  return body.slice(from, to);
}

export function noticeDocument(ledger: Ledger, v: Notice, whole: Block[]): OfficialDocument {
  const cfg = ledger.config?.value;
  const n = namesOf(ledger);
  const items = itemsById(ledger);
  const office = cfg?.office ?? '';
  const addressees = [...ledger.units.flatMap((u) => [n.unit(u.value.id), n.unitFull(u.value.id)]), ...ledger.people.flatMap((p) => [n.person(p.value.id), `${n.person(p.value.id)}同志`])];
  const body = withoutPrinted(whole, { kind: '督办通知', docNo: v.doc_no, title: v.title, office, date: v.date, addressees });
  const text = body.map(blockText).join('\n');
  const rows = v.items.map((id) => items.get(id)).filter((x) => !!x).map((it) => [
    it.id,
    it.title,
    it.requirements,
    it.leaders.map(n.person).join('、'),
    n.unit(it.lead_unit),
    it.co_units.map(n.unit).join('、') || '—',
    it.extensions[0]?.from ?? it.deadline,
  ]);
  const blocks: Block[] = [...body];
  // the table of items and the 报送要求 only where the body does not already give them
  if (rows.length && !v.items.every((id) => text.includes(id))) blocks.push({ type: 'table', title: '督办事项', head: ['编号', '督办事项', '办理要求', '责任领导', '牵头单位', '配合单位', '落实时限'], rows });
  if (v.report_requirement && !squash(text).includes(squash(v.report_requirement))) blocks.push({ type: 'p', runs: [{ text: `报送要求：${v.report_requirement}` }] });
  return {
    masthead: { title: office, docNo: v.doc_no },
    title: v.title,
    to: [...v.to_leaders.map((p) => `${n.person(p)}同志`), ...v.to_units.map(n.unitFull)].join('、'),
    blocks,
    sign: { office, date: chineseDate(v.date) },
    banji: { reportTo: [], sendTo: v.to_leaders.map((p) => `${n.person(p)}同志`), issueTo: [], office, date: v.date },
  };
}
