/** The link checker itself, on a tiny site written here: what it accepts and what it reports. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test } from 'vitest';
import { checkLinks, formatLink } from './site-links.ts';

test('internal links resolve to built files and ids; other sites are not followed', () => {
  const root = mkdtempSync(join(tmpdir(), 'ledger-links-'));
  const put = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const page = (body: string) => `<!doctype html><html lang="zh-CN"><head><title>t</title><link rel="icon" href="/favicon.svg"></head><body>${body}</body></html>`;
  put('favicon.svg', '<svg/>');
  put('data/ledger.json', '{}');
  put('index.html', page('<main id="main"><a href="#main">跳</a><a href="/units/env/">env</a><a href="units/env">相对</a><a href="/data/ledger.json">JSON</a><a href="http://localhost:4321/units/env/#h">同源</a><a href="https://git.example.cn/x">外部</a><a href="mailto:a@b.cn">信</a><a href="/search/?q=%E6%95%B4%E6%B2%BB">搜</a></main>'));
  put('units/env/index.html', page('<h2 id="h">甲</h2><a href="../../leaders/zhao-li/">领导</a><a href="/#nowhere">首页</a><a href="/units/%E7%8E%AF/">编码</a>'));
  put('search/index.html', page('<form action="/search/"></form>'));
  const r = checkLinks(root);
  expect(r.pages).toBe(3);
  expect(r.broken.map(formatLink)).toEqual([
    'units/env/index.html:1:124: <a> ../../leaders/zhao-li/ — /leaders/zhao-li/ was not built',
    'units/env/index.html:1:163: <a> /#nowhere — no element id="nowhere" on index.html',
    'units/env/index.html:1:189: <a> /units/%E7%8E%AF/ — /units/环/ was not built',
  ]);
  expect(r.links).toBe(13); // 3 icons, 6 on the home page (not the other site, not mailto:), 3 on the unit page, the form
});
