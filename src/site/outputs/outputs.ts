/**
 * Machine-readable outputs of a build, all from the build's filtered data:
 * the ledger as JSON and CSV (with a schema version), an ICS calendar of
 * open deadlines and an Atom feed of bulletins.
 */
import { CADENCE_LABELS, PRIORITY_LABELS } from '../../domain/schemas/item.ts';
import { KIND_LABELS, STATE_LABELS } from '../../domain/workflow.ts';
import { LIGHT_LABELS } from '../../domain/figures.ts';
import { addDays } from '../../domain/dates.ts';
import type { Site } from '../data/load-site.ts';
import { bulletinHref, itemHref } from '../view/links.ts';
import { renderMarkdown } from '../view/markdown.ts';

/** Bump when a field is renamed or removed (adding fields keeps the version). */
export const LEDGER_SCHEMA_VERSION = 1;

export function ledgerJson(site: Site): string {
  const n = site.names;
  const abs = (p: string) => `${site.env.siteUrl}${p}`;
  const data = {
    schema: 'supervision-ledger/ledger',
    schema_version: LEDGER_SCHEMA_VERSION,
    generated_at: site.env.builtAt.toISOString(),
    as_of: site.env.today,
    build: { id: site.build.id, title: site.build.title, includes: site.build.includes },
    ledger_commit: site.head?.sha,
    organisation: site.config.organisation,
    office: site.config.office,
    items: site.items.map((v) => {
      const it = v.item;
      return {
        ...it,
        kind_label: KIND_LABELS[it.kind],
        state_label: STATE_LABELS[it.state],
        priority_label: PRIORITY_LABELS[it.priority],
        leader_names: it.leaders.map(n.person),
        lead_unit_name: n.unit(it.lead_unit),
        co_unit_names: it.co_units.map(n.unit),
        original_deadline: v.originalDeadline,
        body: v.body.trim(),
        url: abs(itemHref(it.id)),
        figures: {
          light: v.fig.light,
          done: v.fig.done,
          finished: v.fig.finished ?? null,
          on_time: v.fig.onTime,
          overdue: v.fig.overdue,
          days_overdue: v.fig.daysOverdue,
          flag_active: v.fig.flagActive,
          feedback_due: v.fig.feedbackDue.length,
          feedback_answered: v.fig.feedbackAnswered.length,
        },
        reports: v.reports.map((r) => ({ file: r.file, ...r.value, body: r.body.trim() })),
      };
    }),
  };
  return JSON.stringify(data);
}

const csvCell = (v: unknown) => {
  const s = v === undefined || v === null ? '' : String(v);
  // a leading =, +, -, @ would run as a formula in a spreadsheet
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export const CSV_COLUMNS = [
  '编号', '类别', '事项', '来源', '文号', '来源日期', '责任领导', '牵头单位', '配合单位', '督查内容', '办理要求',
  '落实时限', '原时限', '报送要求', '缓急', '状态', '挂牌督办', '警示灯', '超期天数', '最新进展日期', '最新进展',
  '公开范围', '链接', '格式版本',
] as const;

export function ledgerCsv(site: Site): string {
  const n = site.names;
  const rows: unknown[][] = [CSV_COLUMNS as unknown as string[]];
  for (const v of site.items) {
    const it = v.item;
    rows.push([
      it.id, KIND_LABELS[it.kind], it.title, it.source.name, it.source.doc_no, it.source.date,
      it.leaders.map(n.person).join('、'), n.unit(it.lead_unit), it.co_units.map(n.unit).join('、'),
      it.content, it.requirements, it.deadline, v.originalDeadline,
      Array.isArray(it.reports_due) ? it.reports_due.join('、') : CADENCE_LABELS[it.reports_due],
      PRIORITY_LABELS[it.priority], STATE_LABELS[it.state], v.fig.flagActive ? '是' : it.flag ? '已摘牌' : '否',
      LIGHT_LABELS[v.fig.light], v.fig.daysOverdue || '', v.latest?.value.date, v.latest?.value.progress,
      it.visibility, `${site.env.siteUrl}${itemHref(it.id)}`, LEDGER_SCHEMA_VERSION,
    ]);
  }
  // BOM and CRLF: opens correctly in spreadsheet programs used in offices
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const icsText = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** UTF-8 length of one character (a code point). */
const utf8Length = (ch: string) => {
  const c = ch.codePointAt(0)!;
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
};

/** Fold a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence. */
function fold(line: string): string {
  if (line.length <= 25 || Buffer.byteLength(line) <= 75) return line;
  const out: string[] = [];
  let cur = '';
  let bytes = 0;
  for (const ch of line) {
    const b = utf8Length(ch);
    if (bytes + b > (out.length ? 74 : 75)) {
      out.push(cur);
      cur = '';
      bytes = 0;
    }
    cur += ch;
    bytes += b;
  }
  out.push(cur);
  return out.join('\r\n ');
}

export function deadlinesIcs(site: Site): string {
  const n = site.names;
  const host = new URL(site.env.siteUrl).hostname || 'localhost';
  const stamp = site.env.builtAt.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//supervision-ledger//${site.build.id}//ZH`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText(`${site.config.organisation}督办事项时限`)}`,
    'X-WR-TIMEZONE:Asia/Shanghai',
  ];
  for (const v of site.items) {
    if (!v.fig.counted || v.fig.done) continue;
    const it = v.item;
    const d = it.deadline.replace(/-/g, '');
    const next = addDays(it.deadline, 1).replace(/-/g, '');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${it.id}-deadline@${host}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${d}`,
      `DTEND;VALUE=DATE:${next}`,
      `SUMMARY:${icsText(`【时限】${it.title}（${n.unit(it.lead_unit)}）`)}`,
      `DESCRIPTION:${icsText(`${it.id}，${STATE_LABELS[it.state]}。办理要求：${it.requirements}`)}`,
      `URL:${site.env.siteUrl}${itemHref(it.id)}`,
      `CATEGORIES:${icsText(KIND_LABELS[it.kind])}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function bulletinsAtom(site: Site): string {
  const name = site.config.bulletin_name;
  const base = site.env.siteUrl;
  const list = site.bulletins;
  const updated = list.length ? `${list.map((b) => b.value.date).sort().at(-1)}T00:00:00+08:00` : site.env.builtAt.toISOString();
  const entries = list.map((b) => {
    const v = b.value;
    const url = `${base}${bulletinHref(v.year, v.number)}`;
    return [
      '  <entry>',
      `    <id>${xml(url)}</id>`,
      `    <title>${xml(`《${name}》${v.year}年第${v.number}期：${v.title}`)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(url)}"/>`,
      `    <published>${v.date}T00:00:00+08:00</published>`,
      `    <updated>${v.date}T00:00:00+08:00</updated>`,
      `    <author><name>${xml(site.config.office)}</name></author>`,
      `    <content type="html">${xml(renderMarkdown(b.body))}</content>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${xml(`${base}/bulletins/`)}</id>`,
    `  <title>${xml(`《${name}》督查通报`)}</title>`,
    `  <subtitle>${xml(`${site.config.office}（${site.build.title}）`)}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(`${base}/feed.xml`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(`${base}/bulletins/`)}"/>`,
    `  <updated>${updated}</updated>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
