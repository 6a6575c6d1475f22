/**
 * Damage shows where it is, end to end: the fixture ledger's history with a
 * landed report edited afterwards, a deadline moved without an extension
 * and a new report that does not load — built into the site and opened in
 * Chromium. The item page marks the report and the field with the history
 * check's Chinese message and lists the broken report as 未通过校验; the
 * unit page says which of its items are marked, once, also after a
 * rebuild that kept the pages in place. Screenshots go to
 * test-output/e2e/ (damage-*.png) — look at them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../scripts/serve.ts';
import { CHROMIUM_ARGS, requireChromium } from './browser.ts';
import { buildSite, makeFixtureRepo, ROOT } from './site-fixture.ts';

const OUT = join(ROOT, 'test-output/e2e');
const ID = 'DB-2026-0031';
const DIR = `records/items/2026/${ID}`;
let repo: string;
let site: string;
let itemHtml: string;
let unitHtml: string;

function commitAs(repo: string, name: string, email: string, date: string, message: string) {
  const when = `${date}T10:00:00+08:00`;
  execFileSync('git', ['commit', '-qam', message], {
    cwd: repo,
    env: { ...process.env, GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: email, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when },
  });
}

beforeAll(async () => {
  repo = (await makeFixtureRepo()).repo;
  // a landed report rewritten by its unit
  const R = join(repo, DIR, 'reports/2026-03-20-urban.md');
  writeFileSync(R, readFileSync(R, 'utf8').replace('清运垃圾38车', '清运垃圾80车'));
  commitAs(repo, '赵强', 'zhao.qiang@zhangfan.gov.cn', '2026-11-20', '改一下报送');
  // the deadline moved without an extension
  const I = join(repo, DIR, 'item.md');
  writeFileSync(I, readFileSync(I, 'utf8').replace('deadline: 2026-04-30', 'deadline: 2026-12-31'));
  commitAs(repo, '刘洋', 'liu.yang@zhangfan.gov.cn', '2026-11-21', '时限改为年底');
  // a new report that does not load
  writeFileSync(join(repo, DIR, 'reports/2026-11-22-env.md'), '---\ndate: 2026-11-22\nunit: env\nby: qian-hong\nprogress: "未闭合\n---\n');
  execFileSync('git', ['add', '-A'], { cwd: repo });
  commitAs(repo, '钱红', 'qian.hong@zhangfan.gov.cn', '2026-11-22', '报送落实情况');
  const built = await buildSite(repo, 'internal');
  site = built.out;
  itemHtml = readFileSync(join(site, `items/${ID}/index.html`), 'utf8');
  unitHtml = readFileSync(join(site, 'units/urban/index.html'), 'utf8');
}, 180_000);

describe('damage on the pages that matter', () => {
  it('the edited report is marked in its place, with the message and the commit', () => {
    const at = itemHtml.indexOf('已完成12条巷道排查建档，清运垃圾80车');
    expect(at).toBeGreaterThan(0);
    const mark = itemHtml.indexOf('历史检查：此份落实情况的提交不符合台账规定', at);
    expect(mark).toBeGreaterThan(at);
    expect(itemHtml.slice(mark, mark + 2000)).toContain('【report-edited】落实情况一经报送不得修改');
    expect(itemHtml.slice(mark, mark + 2000)).toContain('赵强，2026-11-20');
  });

  it('the field moved against the rules is named at the top of the item', () => {
    expect(itemHtml).toContain('历史检查发现本事项的台账记录有');
    expect(itemHtml).toMatch(/<strong>落实时限（deadline）<\/strong>：【deadline-changed】落实时限从 2026-04-30 改为 2026-12-31/);
    expect(itemHtml).toContain('台账记录有 1 处不符合规定');
  });

  it('the report that does not load is shown as 未通过校验, not dropped', () => {
    expect(itemHtml).toContain('未通过校验 · 2026-11-22-env.md');
    expect(itemHtml).toContain('【yaml-syntax】');
    expect(itemHtml).toMatch(/落实情况（\d+，另有 1 份未通过校验）/);
  });

  it('the unit page says which of its items are marked', () => {
    expect(unitHtml).toContain('历史检查发现本单位 1 项事项的台账记录有问题');
    expect(unitHtml).toContain(`${ID} `);
  });

  it('looks right in Chromium (screenshots for a person to look at)', async () => {
    const executablePath = requireChromium();
    mkdirSync(OUT, { recursive: true });
    const { server, url } = await serveStatic(site, 0);
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      await page.goto(`${url}/items/${ID}/`, { waitUntil: 'networkidle' });
      expect(await page.locator('.damage').count()).toBe(2); // the report, the field (the broken report is shown as such, once)
      expect(await page.locator('.report.invalid').count()).toBe(1);
      await page.screenshot({ path: join(OUT, 'damage-item.png'), fullPage: true });
      await page.goto(`${url}/units/urban/`, { waitUntil: 'networkidle' });
      await page.screenshot({ path: join(OUT, 'damage-unit.png'), fullPage: false });
    } finally {
      await browser.close();
      server.close();
    }
  }, 60_000);
});

describe('a rebuild into the same folder', () => {
  it('keeps the damaged item page (another item changed) and marks it once, as the first build did', async () => {
    const other = execFileSync('git', ['ls-files', 'records/items'], { cwd: repo, encoding: 'utf8' })
      .split('\n')
      .find((p) => p.endsWith('/item.md') && !p.includes(ID))!;
    const O = join(repo, other);
    writeFileSync(O, readFileSync(O, 'utf8').replace(/^title: (.*)$/m, 'title: $1（调整）'));
    commitAs(repo, '孙丽', 'sun.li@zhangfan.gov.cn', '2026-11-23', '改标题');
    const again = await buildSite(repo, 'internal', { SITE_OUT: site });
    expect(again.log, 'the last build\'s pages were kept (integration/keep-output.ts)').toMatch(/\d+ pages of the last build kept in place/);
    const html = readFileSync(join(site, `items/${ID}/index.html`), 'utf8');
    const count = (text: string, what: string) => text.split(what).length - 1;
    for (const mark of ['历史检查：此份落实情况的提交不符合台账规定', '【deadline-changed】', '历史检查发现本事项的台账记录有', '未通过校验 · 2026-11-22-env.md']) {
      expect(count(html, mark), mark).toBe(count(itemHtml, mark));
      expect(count(html, mark), mark).toBeGreaterThan(0);
    }
    const unit = readFileSync(join(site, 'units/urban/index.html'), 'utf8');
    expect(count(unit, '历史检查发现本单位 1 项事项的台账记录有问题')).toBe(1);
  }, 180_000);
});

afterAll(() => {});
