/**
 * End to end: the site built from a fixture ledger repository, driven in a
 * real headless Chromium (Debian's package). Screenshots and the printed PDF
 * go to test-output/e2e/ — look at them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildDemoRepo } from '../../src/demo/build-demo-repo.ts';
import { serveStatic } from '../../scripts/serve.ts';
import { partOf } from '../../src/site/search/search-build.ts';
import { CHROMIUM_ARGS, requireChromium } from './browser.ts';
import { buildSite, INTERNAL, makeFixtureRepo, PAYLOAD_ID, RESTRICTED, RESTRICTED_FILE, ROOT, TODAY } from './site-fixture.ts';

const OUT = join(ROOT, 'test-output/e2e');

interface Built {
  dir: string;
  url: string;
  server: Server;
}

let browser: Browser;
const sites: Record<string, Built> = {};
/** Items each build shows, from the fixture itself (so new fixture items do not break the counts). */
const expected = { internal: [] as string[], public: [] as string[], env: [] as string[] };
const titles = new Map<string, string>();

beforeAll(async () => {
  const executablePath = requireChromium();
  mkdirSync(OUT, { recursive: true });
  const { repo, ledger } = await makeFixtureRepo();
  const items = ledger.items.map((r) => r.value);
  expected.internal = items.filter((i) => i.visibility !== 'restricted').map((i) => i.id);
  for (const i of items) titles.set(i.id, i.title);
  expected.public = items.filter((i) => i.visibility === 'public').map((i) => i.id).sort();
  expected.env = items.filter((i) => i.visibility !== 'restricted' && (i.lead_unit === 'env' || i.co_units.includes('env'))).map((i) => i.id);
  for (const build of ['internal', 'public', 'leaders']) {
    const { out } = await buildSite(repo, build);
    const { server, url } = await serveStatic(out, 0);
    sites[build] = { dir: out, url, server };
  }
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  for (const s of Object.values(sites)) s.server.close();
});

async function open(path: string, build = 'internal', opts: { js?: boolean; width?: number } = {}): Promise<Page> {
  const ctx = await browser.newContext({ javaScriptEnabled: opts.js ?? true, viewport: { width: opts.width ?? 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await ctx.newPage();
  await page.goto(sites[build]!.url + path, { waitUntil: 'networkidle' });
  return page;
}

const shot = (page: Page, name: string, fullPage = true) => page.screenshot({ path: join(OUT, `${name}.png`), fullPage });

describe('ledger and item pages', () => {
  test('the ledger lists every item and filters by unit', async () => {
    const page = await open('/ledger/');
    const rows = page.locator('#ledger tbody tr');
    const total = await rows.count();
    expect(total).toBe(expected.internal.length); // not the restricted one
    expect(expected.env).toContain(INTERNAL.id);
    await expect.poll(() => page.locator('form.filters').isVisible()).toBe(true);
    await page.selectOption('#ledger-f-unit', 'env');
    const visible = page.locator('#ledger tbody tr:not([hidden])');
    expect(await visible.count()).toBe(expected.env.length);
    for (const t of await visible.allInnerTexts()) expect(t).toContain('生态环境办');
    expect(page.url()).toContain('unit=env');
    expect(await page.locator('[data-count-for=ledger]').innerText()).toContain(`显示 ${expected.env.length} 项（共 ${expected.internal.length} 项）`);
    await shot(page, 'ledger-filtered-env');
    // the filter survives a reload (kept in the address)
    await page.reload({ waitUntil: 'networkidle' });
    expect(await page.locator('#ledger tbody tr:not([hidden])').count()).toBe(expected.env.length);
    await page.close();
  });

  test('the ledger is readable without JavaScript', async () => {
    const page = await open('/ledger/', 'internal', { js: false });
    expect(await page.locator('#ledger tbody tr').count()).toBe(expected.internal.length);
    expect(await page.locator('form.filters').isVisible()).toBe(false);
    expect(await page.locator('#ledger').innerText()).toContain(INTERNAL.title);
    await page.close();
  });

  test('an item opened from the ledger shows its Git timeline in words', async () => {
    const page = await open('/ledger/');
    await page.selectOption('#ledger-f-unit', 'env');
    await page.locator(`#ledger tbody tr:not([hidden]) td.title a[href="/items/${INTERNAL.id}/"]`).click();
    await page.waitForLoadState('networkidle');
    expect(page.url()).toContain(`/items/${INTERNAL.id}/`);
    await expect.poll(() => page.locator('h1').innerText()).toBe(INTERNAL.title);
    const timeline = page.locator('ol.timeline > li');
    expect(await timeline.count()).toBeGreaterThanOrEqual(5);
    const text = await page.locator('ol.timeline').innerText();
    expect(text).toContain('已交办 → 办理中');
    expect(text).toContain('新增落实情况（城市管理办，2026-03-20）');
    expect(text).toContain('孙丽'); // who, from people.yml
    // each entry links its commit in the Git web UI
    const href = await page.locator('ol.timeline a[href*="/commit/"]').first().getAttribute('href');
    expect(href).toMatch(/^https:\/\/git\.example\.cn\/zhangfan\/ledger\/commit\/[0-9a-f]{40}$/);
    // edit in the Git web UI
    expect(await page.locator('a:has-text("在线编辑")').getAttribute('href')).toContain(`_edit/main/records/items/2026/${INTERNAL.id}/item.md`);
    // overdue on the fixed build date, and said why
    expect(await page.locator('.warn').first().innerText()).toContain('已超过落实时限');
    await shot(page, 'item-timeline');
    await page.close();
  });

  test('warning lights are recomputed from the reader’s date', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    // five days before the deadline of 2026-04-30: yellow, although the build (2026-11-24) says red
    await page.clock.install({ time: new Date('2026-04-25T10:00:00+08:00') });
    await page.goto(`${sites.internal!.url}/items/${INTERNAL.id}/`, { waitUntil: 'networkidle' });
    const light = page.locator('.item-head .light');
    await expect.poll(() => light.getAttribute('class')).toContain('light-yellow');
    expect(await light.innerText()).toContain('剩 5 天');
    expect(await page.locator('[data-today]').first().innerText()).toBe('2026-04-25');
    await ctx.close();
  });
});

describe('search', () => {
  test('a Chinese word finds the item (Pagefind, lang zh-CN)', async () => {
    const page = await open('/search/');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.fill('#q', '背街小巷');
    await page.press('#q', 'Enter');
    const link = page.locator(`#search-results a[href*="/items/${INTERNAL.id}/"]`);
    await link.waitFor({ timeout: 15_000 });
    await shot(page, 'search-beijiexiaoxiang');
    // a word only in one of its reports finds it as well
    await page.fill('#q', '产权纠纷');
    await page.press('#q', 'Enter');
    await page.locator(`#search-results a[href*="/items/${INTERNAL.id}/"]`).waitFor({ timeout: 15_000 });
    await page.close();
  });

  test('the index is in parts and every part is searched: an item of each part is found by its title', async () => {
    const { parts } = JSON.parse(readFileSync(join(sites.internal!.dir, 'pagefind/parts.json'), 'utf8')) as { parts: string[] };
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(readdirSync(join(sites.internal!.dir, 'pagefind', p))).toContain('pagefind-entry.json');
    const count = parts.length + 1;
    const page = await open('/search/');
    const searched: number[] = [];
    for (let k = 0; k < count; k++) {
      // the item of this part with the longest title (a title of its own, not shared with others); a part may hold documents only
      const id = expected.internal.filter((i) => partOf(`/items/${i}/`, count) === k).sort((a, b) => titles.get(b)!.length - titles.get(a)!.length)[0];
      if (!id) continue;
      await page.fill('#q', titles.get(id)!);
      await page.press('#q', 'Enter');
      await page.locator(`#search-results a[href*="/items/${id}/"]`).waitFor({ timeout: 15_000 });
      searched.push(k);
    }
    expect(searched.filter((k) => k > 0).length, 'items found in merged parts').toBeGreaterThan(0);
    await page.close();
  });

  test('a meeting and a 督查汇报 are found by their own words', async () => {
    const page = await open('/search/');
    await page.fill('#q', '张范党工委纪');
    await page.press('#q', 'Enter');
    await page.locator('#search-results a[href*="/meetings/HY-2026-001/"]').waitFor({ timeout: 15_000 });
    await page.fill('#q', '挡水板');
    await page.press('#q', 'Enter');
    await page.locator('#search-results a[href*="/summaries/HB-2026-001/"]').waitFor({ timeout: 15_000 });
    await page.close();
  });
});

describe('documents', () => {
  test('a bulletin prints on A4 per GB/T 9704', async () => {
    const page = await open('/bulletins/2026/04/');
    expect(await page.locator('.mast-title').innerText()).toBe('张范督查');
    expect(await page.locator('.mast-issue').innerText()).toContain('2026年第4期');
    expect(await page.locator('.banji').innerText()).toMatch(/报：区委督查室/);
    // names the commit the ledger was at when it landed
    expect(await page.locator('.doc-panel').innerText()).toMatch(/提交 [0-9a-f]{7}/);
    await shot(page, 'bulletin');
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(join(OUT, 'bulletin.pdf'), pdf);
    const text = pdf.toString('latin1');
    const pages = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? [];
    expect(pages.length).toBe(1);
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text);
    expect(box).not.toBeNull();
    // A4 = 210 × 297 mm = 595.3 × 841.9 pt
    expect(Math.abs(Number(box![1]) - 595.3)).toBeLessThan(2);
    expect(Math.abs(Number(box![2]) - 841.9)).toBeLessThan(2);
    // the margins: GB/T 9704 top 37, right 26, bottom 35, left (binding) 28 mm, body 16 pt
    const rule = await page.evaluate(() => {
      for (const sheet of [...document.styleSheets]) {
        for (const r of [...sheet.cssRules]) {
          if (r instanceof CSSPageRule && r.selectorText === 'gbt9704') return { margin: r.style.margin, size: r.style.getPropertyValue('size') };
        }
      }
      return null;
    });
    expect(rule?.margin).toBe('37mm 26mm 35mm 28mm');
    expect(rule?.size.toUpperCase()).toBe('A4');
    const px = await page.locator('.doc-body').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(Math.abs(px - (16 * 96) / 72)).toBeLessThan(0.01); // 16 pt
    await page.close();
  });
});

describe('accessibility', () => {
  const axeSource = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  const pages = ['/', '/ledger/', `/items/${INTERNAL.id}/`, '/bulletins/', '/bulletins/2026/04/', '/notices/TZ-2026-007/', '/figures/', '/units/', '/units/urban/', '/leaders/li-ming/', '/audit/', '/search/', '/meetings/', '/meetings/HY-2026-001/', '/summaries/HB-2026-001/', '/plans/FA-2026-001/', '/items/DB-2026-0001/'];
  test.each(pages)('axe finds no serious or critical violation on %s', async (path) => {
    const page = await open(path);
    await page.addScriptTag({ content: axeSource });
    const violations = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then(r => r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) })))`)) as {
      id: string;
      impact: string;
      help: string;
      nodes: string[];
    }[];
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad, JSON.stringify(bad, null, 1)).toEqual([]);
    await page.close();
  });

  test('keyboard: the skip link leads to the main content', async () => {
    const page = await open('/ledger/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.close();
  });
});

describe('audiences', () => {
  /** Every output file as text, with Pagefind's gzip-compressed index files unpacked. */
  function* texts(dir: string): Generator<{ path: string; text: string }> {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {
        yield* texts(p);
        continue;
      }
      let buf = readFileSync(p);
      if (buf[0] === 0x1f && buf[1] === 0x8b) buf = gunzipSync(buf);
      yield { path: p, text: buf.toString('utf8') };
    }
  }
  const grep = (dir: string, needles: string[]) => {
    const hits: string[] = [];
    for (const f of texts(dir)) for (const n of needles) if (f.text.includes(n)) hits.push(`${f.path}: ${n}`);
    return hits;
  };

  test('the leaders build shows the restricted item (the grep below can see it)', () => {
    const hits = grep(sites.leaders!.dir, [RESTRICTED.title, RESTRICTED.body]);
    expect(hits.some((h) => h.includes(`/items/${RESTRICTED.id}/index.html`))).toBe(true);
    expect(hits.some((h) => h.includes('/pagefind/'))).toBe(true); // in the search index too
  });

  test('a restricted item appears nowhere in the public or internal build', () => {
    expect(grep(sites.public!.dir, [RESTRICTED.title, RESTRICTED.body, RESTRICTED.id])).toEqual([]);
    expect(grep(sites.internal!.dir, [RESTRICTED.title, RESTRICTED.body, RESTRICTED.id])).toEqual([]);
  });

  test('an internal item appears nowhere in the public build', () => {
    expect(grep(sites.public!.dir, [INTERNAL.title, INTERNAL.id])).toEqual([]);
    expect(grep(sites.internal!.dir, [INTERNAL.title]).length).toBeGreaterThan(0);
  });

  test('the public build still has its public item, figures and feeds', async () => {
    const json = JSON.parse(readFileSync(join(sites.public!.dir, 'data/ledger.json'), 'utf8'));
    expect(json.schema_version).toBe(1);
    expect(json.items.map((i: { id: string }) => i.id).sort()).toEqual(expected.public);
    expect(expected.public.length).toBeGreaterThan(0);
    const page = await open('/', 'public');
    expect(await page.locator('.build-badge').innerText()).toBe('公开版');
    await shot(page, 'public-home');
    await page.close();
  });
});

describe('safe content', () => {
  test('script payloads in a record do not execute', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${sites.internal!.url}/items/${PAYLOAD_ID}/`, { waitUntil: 'networkidle' });
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await page.locator('[onerror], iframe, a[href^="javascript"]').count()).toBe(0);
    expect(await page.evaluate(() => [...document.scripts].some((s) => s.textContent?.includes('__xss')))).toBe(false);
    // the title is shown as the text staff typed
    expect(await page.locator('h1').innerText()).toContain('<img src=x onerror=');
    await shot(page, 'payload-item');
    // and the ledger, the audit page and the search results are just as inert
    for (const p of ['/ledger/', '/audit/', '/search/?q=油烟']) {
      await page.goto(sites.internal!.url + p, { waitUntil: 'networkidle' });
      await page.waitForTimeout(p.startsWith('/search') ? 1500 : 100);
      expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss), p).toBeUndefined();
    }
    expect(dialogs).toEqual([]);
    await ctx.close();
  });
});

describe('outputs', () => {
  test('JSON, CSV, ICS and Atom are well formed', () => {
    const dir = sites.internal!.dir;
    const json = JSON.parse(readFileSync(join(dir, 'data/ledger.json'), 'utf8'));
    expect(json).toMatchObject({ schema: 'supervision-ledger/ledger', schema_version: 1, as_of: TODAY, build: { id: 'internal' } });
    const csv = readFileSync(join(dir, 'data/ledger.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF编号,类别,事项')).toBe(true);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(json.items.length + 1);
    const ics = readFileSync(join(dir, 'deadlines.ics'), 'utf8');
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain('DTSTART;VALUE=DATE:20261231');
    expect(ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    const atom = readFileSync(join(dir, 'feed.xml'), 'utf8');
    expect(atom).toContain('<title>《张范督查》2026年第4期：关于党工委会议议定事项落实情况的通报</title>');
  });
});

describe('the demo', () => {
  test('the demo ledger from records/ builds', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'ledger-e2e-demo-'));
    await buildDemoRepo(ROOT, repo);
    const { out, ms } = await buildSite(repo, 'internal');
    const json = JSON.parse(readFileSync(join(out, 'data/ledger.json'), 'utf8'));
    expect(json.items.length).toBeGreaterThan(0);
    const size = Number(execFileSync('du', ['-sk', out], { encoding: 'utf8' }).split('\t')[0]);
    console.log(`demo site: ${json.items.length} items, built in ${(ms / 1000).toFixed(1)} s, ${(size / 1024).toFixed(1)} MB`);
  }, 120_000);
});

describe('the rest of the notice', () => {
  /** Every file path under a build. */
  const paths = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' });

  test('a restricted item’s attachment is a file only in the leaders build, and named nowhere else', () => {
    const leaders = paths(sites.leaders!.dir);
    expect(leaders).toContain(`attachments/${RESTRICTED.id}/${RESTRICTED_FILE}`);
    for (const build of ['internal', 'public']) {
      expect(paths(sites[build]!.dir).filter((p) => p.includes(RESTRICTED_FILE) || p.includes(RESTRICTED.id)), build).toEqual([]);
      for (const p of paths(sites[build]!.dir).filter((x) => x.endsWith('.html'))) {
        expect(readFileSync(join(sites[build]!.dir, p), 'utf8').includes(RESTRICTED_FILE), `${build} ${p}`).toBe(false);
      }
    }
    // an internal item's files stay out of the public build
    expect(paths(sites.internal!.dir)).toContain('attachments/DB-2026-0002/现场核查照片.jpg');
    expect(paths(sites.public!.dir).filter((p) => p.startsWith('attachments/DB-2026-0002'))).toEqual([]);
  });

  test('an item page shows 签收, report review and the closure’s evidence, with attachments that open', async () => {
    const page = await open('/items/DB-2026-0032/');
    const ack = page.locator('section[aria-labelledby=h-ack]');
    expect(await ack.locator('tbody tr').count()).toBe(2);
    expect(await ack.innerText()).toContain('市场监管所');
    const market = page.locator('.report', { hasText: '联合执法3次' });
    expect(await market.locator('.badge', { hasText: '审核通过' }).count()).toBe(1);
    const closure = page.locator('section[aria-labelledby=h-close]');
    expect(await closure.innerText()).toContain('实地核查，核实人 周敏');
    await closure.locator('a', { hasText: '落实情况' }).click();
    expect(page.url()).toMatch(/#report-\d$/);
    await shot(page, 'item-closure-evidence');
    // a report sent back says why
    await page.goto(`${sites.internal!.url}/items/DB-2026-0031/`, { waitUntil: 'networkidle' });
    expect(await page.locator('.report.returned').innerText()).toContain('未写明3处私接排污管的整改时限');
    // an attachment link serves the file
    await page.goto(`${sites.internal!.url}/items/DB-2026-0001/`, { waitUntil: 'networkidle' });
    const href = await page.locator('a', { hasText: '批示件.pdf' }).first().getAttribute('href');
    const res = await page.request.get(sites.internal!.url + href!);
    expect(res.status()).toBe(200);
    expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await page.locator('text=存于 Git LFS').count()).toBe(0); // the LFS pointer is on DB-2026-0002
    await shot(page, 'item-referral-and-attachments');
    await page.close();
  });

  test('a meeting page lists what it decided and how each item stands', async () => {
    const page = await open('/meetings/HY-2026-001/');
    expect(await page.locator('h1').innerText()).toBe('党工委会议（2026年第6次）');
    expect(await page.locator('#meeting-items tbody tr').count()).toBe(2);
    expect(await page.locator('.prose').innerText()).toContain('农贸市场周边占道经营整治');
    await shot(page, 'meeting');
    await page.close();
  });

  test('a 督查汇报 is a printable document beside its review chain', async () => {
    const page = await open('/summaries/HB-2026-001/');
    expect(await page.locator('.paper h1').innerText()).toBe('关于汛期安全隐患排查整治情况的汇报');
    const chain = await page.locator('.doc-panel').innerText();
    for (const step of ['周敏：补充两处未整改隐患的完成时限。', '陈华：“同意，按周敏同志意见修改后上报。”', '孙丽：补充挡水板安装时限。', '报高新区应急管理局']) expect(chain).toContain(step);
    await shot(page, 'summary');
    const pdf = await page.pdf({ format: 'A4' });
    writeFileSync(join(OUT, 'summary.pdf'), pdf);
    await page.close();
  });

  test('the plan page shows the 《督查考核通知》 with its recipients and the scores', async () => {
    const page = await open('/plans/FA-2026-001/');
    expect(await page.locator('.notice-doc .doc-to').innerText()).toContain('第三社区');
    expect(await page.locator('section[aria-labelledby=h-results]').innerText()).toContain('86.5');
    await shot(page, 'plan-notice-scores');
    await page.close();
  });

  test('a unit page lists the on-site inspection scores the unit was given, linked to the inspection', async () => {
    const page = await open('/units/community-3/');
    const scores = await page.locator('section[aria-labelledby=h-scores]').innerText();
    expect(scores).toContain('平均 86.5 分');
    expect(scores).toContain('消防通道堵塞4处扣10分');
    await page.locator('section[aria-labelledby=h-scores] a').first().click();
    expect(new URL(page.url()).pathname).toMatch(/\/items\/DB-2026-0041\/$/);
    await page.close();
  });
});
