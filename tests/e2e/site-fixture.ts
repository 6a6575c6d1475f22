/**
 * Build sites for the end-to-end tests from a fixture ledger: a temp copy
 * of tests/fixtures/valid with a restricted item, an item whose text
 * carries script payloads, and a third audience build (leaders) that may see
 * restricted records — replayed into a Git repository with buildDemoRepo.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildDemoRepo } from '../../src/demo/build-demo-repo.ts';
import { itemDir } from '../../src/format/layout.ts';
import { loadLedger } from '../../src/format/load-ledger.ts';
import { readRecordsTree } from '../../src/io/read-tree.ts';
import type { Ledger } from '../../src/domain/ledger.ts';
import { siteBuildEnv } from '../../src/site/data/env.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const TODAY = '2026-11-24';

/** Words that must appear nowhere in a build that may not show restricted records. */
export const RESTRICTED = {
  id: 'DB-2026-0090',
  title: '信访线索保密核查甲乙丙',
  body: '限定范围正文丁戊己庚',
};
/** The restricted item's attachment: its file and its name must be in no build but the leaders'. */
export const RESTRICTED_FILE = '保密来信扫描件.pdf';
/** An internal item: absent from the public build. */
export const INTERNAL = { id: 'DB-2026-0031', title: '背街小巷环境卫生集中整治' };
export const PAYLOAD_ID = 'DB-2026-0091';

const restrictedItem = `---
id: ${RESTRICTED.id}
title: ${RESTRICTED.title}
kind: superior
source: { type: instruction, name: 上级领导批示（保密）, date: 2026-11-02 }
content: 核查群众来信反映的问题。
requirements: 11月底前报结果。
deadline: 2026-11-30
leaders: [zhou-min]
lead_unit: kaohe
state: registered
visibility: restricted
registered: { date: 2026-11-03, by: sun-li, attachments: [${RESTRICTED_FILE}] }
---
${RESTRICTED.body}
`;

const payloadItem = `---
id: ${PAYLOAD_ID}
title: 夜市油烟扰民整治<img src=x onerror="window.__xss='title'">
kind: meeting
source: { type: topic_meeting, name: "专题会议<script>window.__xss='source'</script>", date: 2026-11-05 }
content: 整治夜市油烟。<script>window.__xss='content'</script>
requirements: 11月底前完成。
deadline: 2026-12-20
leaders: [li-ming]
lead_unit: urban
state: registered
visibility: internal
registered: { date: 2026-11-06, by: sun-li }
---
会议要求加强整治。

<script>window.__xss = 'body'; alert('xss')</script>

<img src="x" onerror="window.__xss='img'">

[点这里](javascript:window.__xss='link')

<iframe src="javascript:window.__xss='iframe'"></iframe>
`;

/** Copy the valid fixture, add the test records and the third build; return the records source dir. */
export function makeFixtureSource(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-e2e-src-'));
  cpSync(join(ROOT, 'tests/fixtures/valid'), dir, { recursive: true });
  for (const [id, text] of [[RESTRICTED.id, restrictedItem], [PAYLOAD_ID, payloadItem]] as const) {
    mkdirSync(join(dir, itemDir(id)), { recursive: true });
    writeFileSync(join(dir, itemDir(id), 'item.md'), text);
  }
  mkdirSync(join(dir, itemDir(RESTRICTED.id), 'attachments'), { recursive: true });
  writeFileSync(join(dir, itemDir(RESTRICTED.id), 'attachments', RESTRICTED_FILE), `%PDF-1.4\n% ${RESTRICTED.body}\n%%EOF\n`);
  const cfg = join(dir, 'records/config.yml');
  writeFileSync(
    cfg,
    readFileSync(cfg, 'utf8').replace(/\nbuilds:\n/, '\nbuilds:\n  - id: leaders\n    title: 领导版\n    includes: [public, internal, restricted]\n'),
  );
  return dir;
}

/** The fixture replayed into a Git repository; `ledger` is what the builds start from (for expected counts). */
export async function makeFixtureRepo(): Promise<{ repo: string; ledger: Ledger }> {
  const src = makeFixtureSource();
  const repo = mkdtempSync(join(tmpdir(), 'ledger-e2e-repo-'));
  await buildDemoRepo(src, repo);
  return { repo, ledger: loadLedger(readRecordsTree(src).sources).ledger };
}

/** `astro build` of one audience into a temp dir; resolves to the output dir. */
export function buildSite(repo: string, build: string, extraEnv: Record<string, string> = {}): Promise<{ out: string; ms: number; log: string }> {
  const out = mkdtempSync(join(tmpdir(), `ledger-e2e-site-${build}-`));
  const t0 = Date.now();
  return new Promise((ok, fail) => {
    const child = spawn(join(ROOT, 'node_modules/.bin/astro'), ['build'], {
      cwd: ROOT,
      // the environment every build of the site runs with (src/site/data/env.ts)
      env: siteBuildEnv({
        ...process.env,
        PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}`,
        LEDGER_REPO: repo,
        SITE_BUILD: build,
        SITE_OUT: out,
        SITE_TODAY: TODAY,
        // the search index in parts of 5 records (search-build.ts), so the search tests search a merged index
        SITE_SEARCH_PART: '5',
        ...extraEnv,
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    child.on('close', (code) => (code === 0 ? ok({ out, ms: Date.now() - t0, log }) : fail(new Error(`astro build (${build}) failed (${code}):\n${log.slice(-3000)}`))));
  });
}
