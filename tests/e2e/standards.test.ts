/**
 * Standards every build meets, checked on the fixture ledger's three
 * audience builds (public, internal, leaders):
 * - every page passes the W3C Nu HTML checker (vnu.jar, one Java process
 *   for all pages of all builds) with no error;
 * - no internal link or resource is broken (every href/src/action to the
 *   site itself resolves to a file the build wrote, fragments to an id);
 * - every JavaScript and CSS file a build ships is loaded by some page, and
 *   the code a page loads stays under a budget;
 * - on a 390 px phone no page scrolls sideways, the bulletin's A4 sheet
 *   fits the screen with its masthead whole, and chart text renders at
 *   11 px or more.
 * Screenshots go to test-output/e2e-standards/ — look at them.
 */
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, relative } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveStatic } from '../../scripts/serve.ts';
import { checkLinks, formatLink, htmlFiles, servedPath } from '../support/site-links.ts';
import { formatVnu, requireJava, vnuErrors } from '../support/vnu.ts';
import { CHROMIUM_ARGS, requireChromium } from './browser.ts';
import { buildSite, makeFixtureRepo, ROOT } from './site-fixture.ts';

const OUT = join(ROOT, 'test-output/e2e-standards');
const BUILDS = ['public', 'internal', 'leaders'] as const;
type BuildId = (typeof BUILDS)[number];

/** What an ordinary page may load (JS and wasm, bytes as built, uncompressed), and the search page once it has searched. */
const PAGE_CODE_BUDGET = 30 * 1024;
const SEARCH_CODE_BUDGET = 200 * 1024;
/** Smallest rendered size of chart text on a 390 px screen. */
const MIN_CHART_TEXT_PX = 11;
const PHONE = { width: 390, height: 844 };

let browser: Browser;
const sites = {} as Record<BuildId, { dir: string; url: string; server: Server }>;

beforeAll(async () => {
  requireJava(); // fail at once, saying how to install it, before three builds
  const executablePath = requireChromium();
  mkdirSync(OUT, { recursive: true });
  const { repo } = await makeFixtureRepo();
  for (const build of BUILDS) {
    const { out } = await buildSite(repo, build);
    const { server, url } = await serveStatic(out, 0);
    sites[build] = { dir: out, url: url.replace(/\/$/, ''), server };
  }
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}, 360_000);

afterAll(async () => {
  await browser?.close();
  for (const s of Object.values(sites)) s.server.close();
});

/** One page per route shape (/items/*, /bulletins/*\/*, …) and per distinct set of page scripts. */
function representatives(dir: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const file of htmlFiles(dir)) {
    const path = servedPath(dir, file);
    const shape = path.split('/').map((s, i) => (i <= 1 || s === '' ? s : '*')).join('/');
    const scripts = [...readFileSync(file, 'utf8').matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]).sort().join(' ');
    const fresh = [`shape ${shape}`, `scripts ${scripts}`].filter((k) => !seen.has(k));
    if (fresh.length === 0) continue;
    for (const k of fresh) seen.add(k);
    out.push(path);
  }
  return out;
}

/** Every file of a built site as its URL path. */
function walk(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => '/' + relative(dir, join(e.parentPath, e.name)).split('\\').join('/'));
}

async function phone(build: BuildId): Promise<BrowserContext> {
  // isMobile: a page wider than the screen widens the layout viewport, as on a real phone
  return browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: sites[build].url });
}

describe('W3C Nu HTML checker', () => {
  test('every page of every audience build has no error', () => {
    const files = BUILDS.flatMap((b) => htmlFiles(sites[b].dir));
    for (const b of BUILDS) expect(htmlFiles(sites[b].dir).length, `${b}: pages built`).toBeGreaterThan(20);
    const errors = vnuErrors(files);
    const lines = errors.map((m) => {
      const build = BUILDS.find((b) => m.url.includes(sites[b].dir)) ?? '?';
      return `[${build}] ${formatVnu(m, sites[build as BuildId]?.dir ?? ROOT)}`;
    });
    expect(lines, `vnu found ${lines.length} errors in ${files.length} pages`).toEqual([]);
  }, 240_000);
});

describe('internal links', () => {
  test.each(BUILDS)('%s build: every link to the site resolves to a built file', (build) => {
    const r = checkLinks(sites[build].dir);
    expect(r.links).toBeGreaterThan(r.pages * 10); // the checker saw the navigation, tables, footers
    expect(r.broken.map(formatLink), `${r.broken.length} broken of ${r.links} links in ${r.pages} pages`).toEqual([]);
  });
});

describe('what pages load', () => {
  test('every JS and CSS file the build ships is loaded by a page; no page loads more code than its budget', async () => {
    const site = sites.internal;
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', serviceWorkers: 'block' });
    const loaded = new Set<string>();
    const perPage: { path: string; code: number; files: string[] }[] = [];
    let current: Set<string> = new Set();
    // the context sees the page's requests and its workers' (pagefind-worker.js)
    ctx.on('request', (req) => {
      const u = new URL(req.url());
      if (u.origin === site.url) current.add(decodeURIComponent(u.pathname));
    });
    const sizeOf = (p: string) => statSync(join(site.dir, p)).size;
    const isCode = (p: string) => /\.m?js$/.test(p) || /\/wasm\.[^/]+\.pagefind$/.test(p);
    const record = (path: string) => {
      const files = [...current].filter((p) => isCode(p) || p.endsWith('.css'));
      for (const f of files) loaded.add(f);
      const code = files.filter(isCode).reduce((s, f) => s + sizeOf(f), 0);
      perPage.push({ path, code, files: files.filter(isCode) });
      current = new Set();
    };
    for (const path of representatives(site.dir)) {
      const page = await ctx.newPage();
      await page.goto(site.url + path, { waitUntil: 'networkidle' });
      if (path === '/search/') {
        // the search page loads Pagefind only when asked: search once
        await page.fill('#q', '整治');
        await page.click('form[data-search] button[type=submit]');
        await page.locator('#search-results li').first().waitFor({ timeout: 20_000 });
        await page.waitForLoadState('networkidle');
        record('/search/?q=整治');
      } else record(path);
      await page.close();
    }
    await ctx.close();

    const shipped = walk(site.dir).filter((p) => /\.(?:m?js|css)$/.test(p));
    const unused = shipped.filter((p) => !loaded.has(p)).map((p) => `${p} (${Math.round(sizeOf(p) / 1024)} KB)`);
    expect(unused, 'shipped but loaded by no page').toEqual([]);

    const report = perPage.map((p) => `${p.path}: ${(p.code / 1024).toFixed(1)} KB (${p.files.join(', ')})`).join('\n');
    for (const p of perPage) {
      const budget = p.path.startsWith('/search/') ? SEARCH_CODE_BUDGET : PAGE_CODE_BUDGET;
      expect(p.code, `${p.path} loads ${p.code} bytes of code, budget ${budget}:\n${report}`).toBeLessThanOrEqual(budget);
    }
    expect(perPage.find((p) => p.path.startsWith('/search/'))?.files, 'the search page loads Pagefind once it searches').toContain('/pagefind/pagefind.js');
    console.log(`code per page (internal build):\n${report}`);
  }, 180_000);
});

describe('on a 390 px phone', () => {
  test.each(BUILDS)('%s build: no page scrolls sideways', async (build) => {
    const ctx = await phone(build);
    const page = await ctx.newPage();
    const wide: string[] = [];
    for (const path of representatives(sites[build].dir)) {
      await page.goto(path, { waitUntil: 'networkidle' });
      const m = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
      if (m.scroll > PHONE.width || m.inner > PHONE.width) wide.push(`${path}: ${m.scroll} px wide`);
    }
    await ctx.close();
    expect(wide).toEqual([]);
  }, 120_000);

  test('the bulletin: the A4 sheet fits the screen, the masthead whole on one line', async () => {
    const ctx = await phone('internal');
    const page = await ctx.newPage();
    await page.goto('/bulletins/2026/04/', { waitUntil: 'networkidle' });
    const m = await page.evaluate(() => {
      const box = (sel: string) => {
        const r = document.querySelector(sel)!.getBoundingClientRect();
        return { left: r.left, right: r.right, height: r.height };
      };
      const title = document.querySelector<HTMLElement>('.paper .mast-title')!;
      return {
        scroll: document.documentElement.scrollWidth,
        inner: window.innerWidth,
        paper: box('.paper'),
        mast: box('.paper .mast-title'),
        mastFont: parseFloat(getComputedStyle(title).fontSize),
        mastOverflow: title.scrollWidth - title.clientWidth,
        bodyFont: parseFloat(getComputedStyle(document.querySelector('.paper .doc-body p')!).fontSize),
      };
    });
    await page.screenshot({ path: join(OUT, 'phone-bulletin.png'), fullPage: true });
    await page.screenshot({ path: join(OUT, 'phone-bulletin-top.png') });
    expect(m.inner).toBe(PHONE.width);
    expect(m.scroll).toBeLessThanOrEqual(PHONE.width);
    expect(m.paper.left).toBeGreaterThanOrEqual(0);
    expect(m.paper.right).toBeLessThanOrEqual(PHONE.width);
    expect(m.mast.left).toBeGreaterThanOrEqual(0);
    expect(m.mast.right).toBeLessThanOrEqual(PHONE.width);
    expect(m.mastOverflow).toBeLessThanOrEqual(0);
    expect(m.mast.height, 'masthead on one line').toBeLessThan(m.mastFont * 1.6);
    expect(m.bodyFont, 'body text readable').toBeGreaterThanOrEqual(15);
    await ctx.close();
  });

  test('charts: every chart text renders at 11 px or more', async () => {
    const ctx = await phone('leaders'); // the build that ranks units: both charts
    const page = await ctx.newPage();
    const sizes: string[] = [];
    let texts = 0;
    for (const path of ['/figures/', '/figures/2026/']) {
      await page.goto(path, { waitUntil: 'networkidle' });
      const r = await page.evaluate(() =>
        [...document.querySelectorAll<SVGTextElement>('figure.chart svg text')]
          .filter((t) => t.checkVisibility())
          .map((t) => ({ text: t.textContent ?? '', px: parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM()?.a ?? 1) })),
      );
      texts += r.length;
      for (const t of r) if (t.px < MIN_CHART_TEXT_PX) sizes.push(`${path} “${t.text}” ${t.px.toFixed(1)} px`);
      await page.locator('figure.chart').last().screenshot({ path: join(OUT, `phone-chart-${path.replace(/\W+/g, '-').replace(/^-|-$/g, '')}.png`) });
    }
    await page.screenshot({ path: join(OUT, 'phone-figures.png'), fullPage: true });
    expect(texts).toBeGreaterThan(10);
    expect(sizes).toEqual([]);
    await ctx.close();
  });
});
