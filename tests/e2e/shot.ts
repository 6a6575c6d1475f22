/** Manual helper: screenshot pages of a built site.  node tests/e2e/shot.ts DIR OUT path... */
import { chromium } from 'playwright-core';
import { serveStatic } from '../../scripts/serve.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser.ts';

const [dir, out, ...paths] = process.argv.slice(2);
const { server, url } = await serveStatic(dir!, 0);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: Number(process.env.W ?? 1280), height: 900 } });
for (const p of paths) {
  await page.goto(url + p, { waitUntil: 'networkidle' });
  const name = p.replace(/[^a-zA-Z0-9]+/g, '_').replace(/^_|_$/g, '') || 'home';
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: process.env.FULL !== '0' });
  console.log(`${out}/${name}.png`);
}
await browser.close();
server.close();
