/**
 * Identity and registry rules: ids match file names and are unique, bulletin
 * numbers are consistent, registries hold together, reports come from the
 * right units, and nothing is shown wider than the items it concerns.
 */
import { BULLETIN_ID_RE } from '../schemas/common.ts';
import { REPORT_FILE_RE } from '../schemas/report.ts';
import type { Issue } from '../issues.ts';
import type { Ledger, Located } from '../ledger.ts';
import { VISIBILITIES } from '../schemas/common.ts';
import { at, type Rule } from './context.ts';
import { reportingStart } from '../figures.ts';

function uniqueIds<T extends { id: string }>(list: Located<T>[], out: Issue[]) {
  const first = new Map<string, Located<T>>();
  for (const r of list) {
    const prev = first.get(r.value.id);
    if (prev) out.push(at(r, ['id'], 'duplicate-id', { id: r.value.id, other: `${prev.file}:${prev.lineOf(['id'])}` }));
    else first.set(r.value.id, r);
  }
}

export const identity: Rule = (ctx) => {
  const out: Issue[] = [];
  const l = ctx.ledger;
  for (const r of l.items) {
    const folder = r.file.split('/').at(-2);
    const year = r.file.split('/').at(-3);
    if (folder !== r.value.id) out.push(at(r, ['id'], 'id-mismatch', { id: r.value.id, what: '文件夹名', expected: folder }));
    else if (!r.value.id.startsWith(`DB-${year}-`)) out.push(at(r, ['id'], 'id-mismatch', { id: r.value.id, what: '年份文件夹', expected: year }));
  }
  const named: Located<{ id: string }>[] = [...l.notices, ...l.plans, ...l.bulletins, ...l.adjustments, ...l.meetings, ...l.summaries];
  for (const r of named) {
    const name = r.file.split('/').at(-1)!.replace(/\.md$/, '');
    if (name !== r.value.id) out.push(at(r, ['id'], 'id-mismatch', { id: r.value.id, what: '文件名', expected: name }));
  }
  uniqueIds(l.items, out);
  uniqueIds(l.notices, out);
  uniqueIds(l.plans, out);
  uniqueIds(l.bulletins, out);
  uniqueIds(l.meetings, out);
  uniqueIds(l.summaries, out);
  uniqueIds(l.adjustments, out);
  uniqueIds(l.people, out);
  uniqueIds(l.units, out);

  const numbers = new Map<string, string>();
  for (const b of l.bulletins) {
    const v = b.value;
    const m = BULLETIN_ID_RE.exec(v.id);
    if (m && (Number(m[1]) !== v.year || Number(m[2]) !== v.number)) {
      out.push(at(b, ['number'], 'bulletin-number', { detail: `编号 ${v.id} 与 year: ${v.year}、number: ${v.number} 不一致` }));
    }
    const folderYear = b.file.split('/').at(-2);
    if (folderYear !== String(v.year)) {
      out.push(at(b, ['year'], 'bulletin-number', { detail: `通报年份 ${v.year} 与所在文件夹 ${folderYear} 不一致` }));
    }
    if (!v.date.startsWith(String(v.year))) {
      out.push(at(b, ['date'], 'bulletin-number', { detail: `印发日期 ${v.date} 不在 ${v.year} 年` }));
    }
    const key = `${v.year}-${v.number}`;
    const prev = numbers.get(key);
    if (prev && prev !== v.id) out.push(at(b, ['number'], 'bulletin-number', { detail: `${v.year} 年第 ${v.number} 期已由 ${prev} 使用` }));
    else numbers.set(key, v.id);
  }
  return out;
};

/** 〔2026〕, [2026], （2026） and spaces: one document number however it was typed. */
const docKey = (s: string) => s.replace(/\s+/g, '').replace(/[[［【(（]/g, '〔').replace(/[\]］】)）]/g, '〕');

/**
 * 文号 and 期号 are unique across the ledger: every notice's `doc_no` and
 * every plan's 《督查考核通知》 number against each other, every bulletin's
 * running number (`total`). Each record of a clash is named (the history
 * check runs this on a commit's changed records and their siblings).
 */
export function docNumberIssues(l: Pick<Ledger, 'notices' | 'plans' | 'bulletins'>): Issue[] {
  const out: Issue[] = [];
  const groups = new Map<string, { rec: Located<unknown>; path: (string | number)[] }[]>();
  const add = (key: string | undefined, rec: Located<unknown>, path: (string | number)[]) => {
    if (!key) return;
    const g = groups.get(key) ?? [];
    g.push({ rec, path });
    groups.set(key, g);
  };
  for (const n of l.notices) add(n.value.doc_no ? docKey(n.value.doc_no) : undefined, n, ['doc_no']);
  for (const p of l.plans) add(p.value.inspection_notice ? docKey(p.value.inspection_notice.doc_no) : undefined, p, ['inspection_notice', 'doc_no']);
  for (const g of groups.values()) {
    for (const m of g) {
      const other = g.find((o) => o.rec.file !== m.rec.file);
      if (other) out.push(at(m.rec, m.path, 'duplicate-doc-no', { docNo: String(valueAt(m.rec.value, m.path)), other: `${other.rec.file}:${other.rec.lineOf(other.path)}` }));
    }
  }
  const totals = new Map<number, Located<{ id: string }>[]>();
  for (const b of l.bulletins) if (b.value.total !== undefined) totals.set(b.value.total, [...(totals.get(b.value.total) ?? []), b]);
  for (const [total, list] of totals) {
    for (const b of list) {
      const other = list.find((o) => o.file !== b.file);
      if (other) out.push(at(b, ['total'], 'bulletin-number', { detail: `总期号 ${total} 已由 ${other.value.id} 使用` }));
    }
  }
  return out;
}

const valueAt = (v: unknown, path: (string | number)[]) => path.reduce<unknown>((x, k) => (x as Record<string | number, unknown> | undefined)?.[k], v);

export const docNumbers: Rule = (ctx) => docNumberIssues(ctx.ledger);

export const registries: Rule = (ctx) => {
  const out: Issue[] = [];
  const owner = new Map<string, string>();
  for (const p of ctx.ledger.people) {
    const v = p.value;
    if (v.roles.includes('unit') && !v.unit) {
      out.push(at(p, ['roles'], 'person-unit', { detail: `${v.name}（${v.id}）是责任单位人员，但没有填写所在单位 unit` }));
    }
    v.emails.forEach((e, i) => {
      const prev = owner.get(e);
      if (prev && prev !== v.id) out.push(at(p, ['emails', i], 'duplicate-email', { email: e, a: prev, b: v.id }));
      else owner.set(e, v.id);
    });
  }
  const cfg = ctx.ledger.config;
  if (cfg) {
    const ids = new Set<string>();
    cfg.value.builds.forEach((b, i) => {
      if (ids.has(b.id)) out.push(at(cfg, ['builds', i, 'id'], 'config-invalid', { detail: `站点版本 ${b.id} 重复` }));
      ids.add(b.id);
    });
  }
  return out;
};

export const reports: Rule = (ctx) => {
  const out: Issue[] = [];
  for (const r of ctx.ledger.reports) {
    const v = r.value;
    // Compare with the expected stem rather than parse the name: a unit id may
    // itself end in digits (community-3), which a regex cannot tell from the
    // `-2` suffix of a second report on the same day.
    const stem = `${v.date}-${v.unit}`;
    if (!(r.name.startsWith(stem) && /^(?:-\d+)?\.md$/.test(r.name.slice(stem.length)))) {
      const m = REPORT_FILE_RE.exec(r.name);
      out.push(at(r, m && m[1] !== v.date ? ['date'] : ['unit'], 'report-filename', { expected: `${stem}.md` }));
    }
    const item = ctx.index.items.get(r.itemId)?.value;
    if (!item) continue;
    const allowed = [item.lead_unit, ...item.co_units];
    if (!allowed.includes(v.unit) && ctx.index.units.has(v.unit)) {
      out.push(at(r, ['unit'], 'report-unit', { unit: v.unit, item: item.id, allowed: allowed.join('、') }));
    }
    const start = reportingStart(item);
    if (!start || v.date < start) out.push(at(r, ['date'], 'report-too-early', { date: v.date, assigned: start ?? '（尚未交办）' }));
    const by = ctx.index.people.get(v.by)?.value;
    if (by && by.unit !== v.unit && !by.roles.includes('office')) out.push(at(r, ['by'], 'report-by', { by: v.by, unit: v.unit }));
  }
  return out;
};

const rank = (v: string) => VISIBILITIES.indexOf(v as (typeof VISIBILITIES)[number]);

export const visibilityScope: Rule = (ctx) => {
  const out: Issue[] = [];
  const check = (rec: Located<{ visibility: string }>, ids: string[], field: string, what: string) => {
    ids.forEach((id, i) => {
      const it = ctx.index.items.get(id)?.value;
      if (it && rank(it.visibility) > rank(rec.value.visibility)) {
        out.push(at(rec, [field, i], 'visibility-wider', { what, mine: rec.value.visibility, item: id, theirs: it.visibility }));
      }
    });
  };
  for (const b of ctx.ledger.bulletins) check(b, b.value.items, 'items', '通报');
  for (const n of ctx.ledger.notices) check(n, n.value.items, 'items', '通知');
  for (const p of ctx.ledger.plans) check(p, p.value.applications, 'applications', '方案');
  // a 督查汇报 is about one item; a meeting record may list items of any scope (each build shows the ones it may)
  for (const s of ctx.ledger.summaries) {
    const it = ctx.index.items.get(s.value.item)?.value;
    if (it && rank(it.visibility) > rank(s.value.visibility)) {
      out.push(at(s, ['item'], 'visibility-wider', { what: '督查汇报', mine: s.value.visibility, item: s.value.item, theirs: it.visibility }));
    }
  }
  return out;
};
