/**
 * What the office prints and downloads from the site, in real Chromium and
 * LibreOffice: the bulletin page printed to PDF is A4 with one 版记 and no
 * web badges; the 台账 .xlsx and the bulletin .docx downloads open in
 * LibreOffice; the figures pages per period exist and say how they count.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveStatic } from '../../scripts/serve.ts';
import { convert, pdfInfo, renderFirstPage } from '../support/office-tools.ts';
import { CHROMIUM_ARGS, requireChromium } from './browser.ts';
import { buildSite, makeFixtureRepo, ROOT } from './site-fixture.ts';

const OUT = join(ROOT, 'test-output/e2e-print');
let browser: Browser;
let server: Server;
let base = '';

beforeAll(async () => {
  const executablePath = requireChromium();
  mkdirSync(OUT, { recursive: true });
  const { repo } = await makeFixtureRepo();
  const { out } = await buildSite(repo, 'internal');
  const s = await serveStatic(out, 0);
  server = s.server;
  base = s.url.replace(/\/$/, '');
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('the printed bulletin', () => {
  test('prints on A4 with one 版记 and no status badges', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.goto(`${base}/bulletins/2026/04/`, { waitUntil: 'networkidle' });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.paper .banji').count()).toBe(1);
    expect(await page.locator('.paper .badge').count()).toBe(0);
    const text = await page.locator('.paper').innerText();
    expect(text.match(/报：/g)?.length).toBe(1);
    const pdf = join(OUT, 'bulletin.pdf');
    writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const info = pdfInfo(pdf);
    expect(info.size).toContain('(A4)');
    expect(info.pages).toBe(1);
    renderFirstPage(pdf);
    await page.close();
  });
});

describe('downloads', () => {
  test('the 台账 .xlsx and the bulletin .docx open in LibreOffice', async () => {
    const xlsx = await fetch(`${base}/data/ledger.xlsx`);
    expect(xlsx.status).toBe(200);
    const xfile = join(OUT, 'ledger.xlsx');
    writeFileSync(xfile, new Uint8Array(await xlsx.arrayBuffer()));
    expect(convert(xfile, 'csv').length).toBeGreaterThan(0);
    const docx = await fetch(`${base}/bulletins/2026/04.docx`);
    expect(docx.status).toBe(200);
    const dfile = join(OUT, 'bulletin.docx');
    writeFileSync(dfile, new Uint8Array(await docx.arrayBuffer()));
    const [pdf] = convert(dfile, 'pdf');
    expect(pdfInfo(pdf!).size).toContain('(A4)');
  }, 120_000);
});

describe('figures by period', () => {
  test('each quarter has its page, with the counting rules', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.goto(`${base}/figures/2026Q2/`, { waitUntil: 'networkidle' });
    expect(await page.locator('h1').innerText()).toBe('2026年第二季度统计与排名');
    expect(await page.locator('#method').count()).toBe(1);
    expect(await page.locator('.period-nav a[aria-current="page"]').innerText()).toBe('第二季度');
    await page.close();
  });
});
