/**
 * The site's pure parts: figures (domain/figures.ts), change descriptions
 * (domain/describe.ts), safe Markdown, visibility and outputs helpers.
 */
import { describe, expect, test } from 'vitest';
import { describeItemChange, plainNames } from '../../domain/describe.ts';
import { dueDates, itemFigures, lightOf, matchFeedback, tally } from '../../domain/figures.ts';
import { item as itemSchema, type Item } from '../../domain/schemas/item.ts';
import { renderMarkdown, safeUrl } from './markdown.ts';
import { newReport, reportTemplate } from './links.ts';
import { config as configSchema } from '../../domain/schemas/config.ts';

const base = itemSchema.parse({
  id: 'DB-2026-0031',
  title: '背街小巷环境卫生集中整治',
  kind: 'meeting',
  source: { type: 'party_committee', name: '党工委会议', date: '2026-03-09' },
  content: '整治',
  requirements: '每周五报送',
  deadline: '2026-04-30',
  leaders: ['li-ming'],
  lead_unit: 'urban',
  co_units: ['env'],
  reports_due: 'weekly',
  state: 'in_progress',
  registered: { date: '2026-03-09', by: 'sun-li' },
  assigned: { date: '2026-03-10', by: 'liu-yang', notice: 'TZ-2026-007' },
  arranged: { date: '2026-03-11', by: 'li-ming' },
});
const with_ = (patch: Record<string, unknown>): Item => ({ ...base, ...patch }) as Item;
const S = { today: '2026-04-01', warningDays: 7, graceDays: 2 };

describe('figures', () => {
  test('lights: green, yellow within warning days, red past the deadline, done, none', () => {
    expect(lightOf(true, false, '2026-04-30', '2026-04-01', 7)).toBe('green');
    expect(lightOf(true, false, '2026-04-30', '2026-04-23', 7)).toBe('yellow');
    expect(lightOf(true, false, '2026-04-30', '2026-04-30', 7)).toBe('yellow');
    expect(lightOf(true, false, '2026-04-30', '2026-05-01', 7)).toBe('red');
    expect(lightOf(false, true, '2026-04-30', '2026-05-01', 7)).toBe('done');
    expect(lightOf(false, false, '2026-04-30', '2026-05-01', 7)).toBe('none');
  });

  test('weekly dues from the day the item was handed over; one report answers one due date', () => {
    expect(dueDates(base, '2026-04-01')).toEqual(['2026-03-17', '2026-03-24', '2026-03-31']);
    // 03-19 is within the 2-day grace of 03-17; 03-27 is too late for 03-24 (grace ends 03-26) and answers 03-31
    const answered = matchFeedback('2026-03-10', ['2026-03-17', '2026-03-24', '2026-03-31'], ['2026-03-19', '2026-03-27'], 2);
    expect([...answered]).toEqual(['2026-03-17', '2026-03-31']);
    // two reports on one day answer one due date only
    expect([...matchFeedback('2026-03-10', ['2026-03-17', '2026-03-24'], ['2026-03-24', '2026-03-24'], 2)]).toEqual(['2026-03-24']);
  });

  test('a due date counts once its grace has run out (or it was answered)', () => {
    const f = itemFigures(base, [{ date: '2026-03-19' }], { ...S, today: '2026-04-01' });
    // 03-31 + 2 days grace is 04-02: not yet counted on 04-01
    expect(f.feedbackDue).toEqual(['2026-03-17', '2026-03-24']);
    expect(f.feedbackAnswered).toEqual(['2026-03-17']);
    expect(f.feedbackMissed).toEqual(['2026-03-24']);
  });

  test('monthly dues keep the day of month, clamped to the month end', () => {
    const it = with_({ reports_due: 'monthly', assigned: { date: '2026-01-31', by: 'liu-yang' } });
    expect(dueDates(it, '2026-05-01')).toEqual(['2026-02-28', '2026-03-31', '2026-04-30']);
  });

  test('on time: finished by the deadline in force; finished = first done report, else closure', () => {
    const closedLate = with_({ state: 'closed', closure: { date: '2026-05-12', by: 'liu-yang' }, bulletined: { date: '2026-05-08', bulletin: 'TB-2026-04' } });
    expect(itemFigures(closedLate, [], { ...S, today: '2026-06-01' }).onTime).toBe(false);
    const reportedDone = itemFigures(closedLate, [{ date: '2026-04-29', done: true }], { ...S, today: '2026-06-01' });
    expect(reportedDone.finished).toBe('2026-04-29');
    expect(reportedDone.onTime).toBe(true);
  });

  test('overdue, void items and the rates', () => {
    const open = itemFigures(base, [], { ...S, today: '2026-05-10' });
    expect(open).toMatchObject({ overdue: true, daysOverdue: 10, light: 'red', due: true });
    const cancelled = itemFigures(with_({ state: 'cancelled', cancellation: { date: '2026-03-20', approved_by: 'chen-hua', reason: '收回' } }), [], S);
    expect(cancelled.counted).toBe(false);
    const t = tally([open, cancelled]);
    expect(t).toMatchObject({ total: 1, done: 0, overdue: 1, completionRate: 0, onTimeRate: 0 });
  });
});

describe('describe', () => {
  test('a state move, an extension and a new step in words', () => {
    const after = with_({
      deadline: '2026-05-31',
      extensions: [{ date: '2026-04-25', from: '2026-04-30', to: '2026-05-31', approved_by: 'chen-hua', reason: '需协调产权' }],
      state: 'bulletined',
      bulletined: { date: '2026-05-08', bulletin: 'TB-2026-04' },
    });
    const c = describeItemChange(base, after, { person: (id) => (id === 'chen-hua' ? '陈华' : id), unit: (id) => id });
    expect(c.from).toBe('in_progress');
    expect(c.to).toBe('bulletined');
    expect(c.words).toEqual([
      '状态 办理中 → 已通报',
      '时限 2026-04-30 → 2026-05-31',
      '新增通报（TB-2026-04）',
      '新增延期记录：2026-04-30 → 2026-05-31（陈华批准）',
    ]);
  });

  test('created, flagged, lifted, content edits', () => {
    expect(describeItemChange(undefined, base).words[0]).toBe('登记事项：背街小巷环境卫生集中整治（办理中）');
    const flagged = with_({ flag: { date: '2026-04-01', by: 'liu-yang', reason: '进度滞后' } });
    expect(describeItemChange(base, flagged).words).toEqual(['挂牌督办：进度滞后']);
    const lifted = with_({ flag: { date: '2026-04-01', by: 'liu-yang', reason: '进度滞后', lifted: '2026-04-20' } });
    expect(describeItemChange(flagged, lifted).words).toEqual(['摘牌（2026-04-20）']);
    expect(describeItemChange(base, with_({ co_units: ['env', 'market'], priority: 'urgent' }), plainNames, true).words).toEqual([
      '配合单位 env → env、market',
      '缓急 常规 → 急事急办',
      '修改正文说明',
    ]);
  });
});

describe('safe Markdown', () => {
  test('raw HTML, event handlers and script URLs never survive', () => {
    const html = renderMarkdown(
      '正文\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)> [a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c]( java\tscript:alert(1)) ![d](data:text/html;base64,xx)\n\n<iframe src="https://x"></iframe>\n\n[ok](https://example.cn/a?b=1)',
    );
    expect(html).not.toMatch(/<script|onerror|<iframe|javascript:|data:/i);
    expect(html).toContain('<a href="https://example.cn/a?b=1"');
    expect(safeUrl('vbscript:x')).toBeUndefined();
    expect(safeUrl('/items/DB-2026-0001/')).toBe('/items/DB-2026-0001/');
    expect(safeUrl('../x.pdf')).toBe('../x.pdf');
  });

  test("a record's headings nest under the page heading it sits under, never skipping a level", () => {
    const md = '## 一、总体情况\n\n正文\n\n#### （一）细项\n\n### （二）细项\n\n## 二、存在问题\n\n# 误用一级';
    const levels = (html: string) => [...html.matchAll(/<h(\d)>/g)].map((m) => Number(m[1]));
    expect(levels(renderMarkdown(md))).toEqual([3, 4, 4, 3, 3]); // under a section's h2
    expect(levels(renderMarkdown(md, 1))).toEqual([2, 3, 3, 2, 2]); // a document body right under the page's h1
    expect(levels(renderMarkdown('###### 深\n\n####### 不是标题', 4))).toEqual([5]);
    expect(renderMarkdown('## 甲', 1)).toBe('<h2>甲</h2>');
    expect(renderMarkdown('## 甲')).toBe('<h3>甲</h3>'); // cached per level
  });
});

describe('links', () => {
  test('new report: prefilled web-editor link with the template, for the given unit', () => {
    const config = configSchema.parse({
      organisation: '张范街道',
      office: '考核督查办',
      bulletin_name: '张范督查',
      forge: {
        kind: 'gitea',
        edit_url: 'https://git.example.cn/l/_edit/main/{path}',
        new_file_url: 'https://git.example.cn/l/_new/main/{dir}?filename={name}&value={content}',
        commit_url: 'https://git.example.cn/l/commit/{sha}',
      },
    });
    const nr = newReport(config, base, 'env', '2026-04-03');
    expect(nr.name).toBe('2026-04-03-env.md');
    expect(nr.url).toContain('/_new/main/records/items/2026/DB-2026-0031/reports?filename=2026-04-03-env.md&value=---%0Adate%3A%202026-04-03%0Aunit%3A%20env');
    const t = reportTemplate('urban', '2026-04-03', '---\ndate: 2026-11-20      # 报送日期\nunit: urban  # 单位\n---\n');
    expect(t).toBe('---\ndate: 2026-04-03      # 报送日期\nunit: urban  # 单位\n---\n');
  });
});

describe('search text', () => {
  test('index text is split into words; excerpts are joined back for display', async () => {
    const { spaced, queryWords, unspaced } = await import('../search/segment.ts');
    const s = spaced('背街小巷环境卫生集中整治，DB-2026-0031 在 Gitea 网页');
    // the query is split as the indexed text was, so its words are among the indexed words
    for (const w of queryWords('背街小巷').split(' ')) expect(s.split(' ')).toContain(w);
    for (const w of queryWords('环境卫生').split(' ')) expect(s.split(' ')).toContain(w);
    expect(unspaced('背街 <mark>小巷</mark> 环境 ， DB - 2026 - 0031 在 Gitea web')).toBe('背街<mark>小巷</mark>环境，DB-2026-0031在Gitea web');
  });
});
