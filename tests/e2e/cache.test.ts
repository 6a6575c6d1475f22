/**
 * The site's caches (the ledger's .git/ledger-cache: the history check,
 * the timelines, the parsed records, the search words; Astro's incremental
 * build with a key per page) change nothing but time, and a cache left by
 * another history never shows stale data: a rebuild with the caches after
 * new commits (a title changed, a report added, a notice retitled — which
 * its items' pages show though their timelines do not change: most pages
 * copied from the cache; then a unit renamed, which rewords every page and timeline)
 * is the same bytes as a build without any cache, and so
 * is a rebuild after the history was rewritten under the cache. A rebuild
 * keeps the last build's pages in the output folder, never another
 * audience's. The build
 * time is pinned (SITE_BUILT_AT) so that builds can be compared at all.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { buildSite, makeFixtureRepo } from './site-fixture.ts';

const BUILT_AT = '2026-11-24T02:00:00Z';
let repo: string;

beforeAll(async () => {
  repo = (await makeFixtureRepo()).repo;
}, 120_000);

/** Fresh cache folders (the ledger's and Astro's) and a fixed output folder: what a server keeps between builds. */
function setup() {
  return {
    LEDGER_CACHE: mkdtempSync(join(tmpdir(), 'ledger-cache-')),
    SITE_CACHE: mkdtempSync(join(tmpdir(), 'ledger-site-cache-')),
    SITE_OUT: mkdtempSync(join(tmpdir(), 'ledger-cache-site-')),
    SITE_BUILT_AT: BUILT_AT,
  };
}

async function build(env: ReturnType<typeof setup>, audience = 'internal') {
  const { log } = await buildSite(repo, audience, env);
  return { out: env.SITE_OUT, log };
}

const KEPT = /(\d+) pages of the last build kept in place/;

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

/**
 * The entries of a zip (.docx, .xlsx) and their text: the archive dates its
 * entries when written, and the writers date the document's properties
 * (docProps/core.xml) with the time of writing — not data, so not compared.
 */
function zipEntries(file: string): [string, string][] {
  const names = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n').filter(Boolean).sort();
  // unzip reads a name as a pattern: [ and ] escaped
  const text = (n: string) => execFileSync('unzip', ['-p', file, n.replace(/[[\]*?]/g, '\\$&')]).toString('latin1');
  return names.map((n) => [n, n === 'docProps/core.xml' ? text(n).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, '$1…') : text(n)]);
}

/** Every file of `a` is in `b` with the same bytes (an office document: the same entries), and no other. */
function sameSite(a: string, b: string) {
  const fa = files(a);
  expect(fa).toEqual(files(b));
  const same = (f: string) => (/\.(docx|xlsx)$/.test(f) ? JSON.stringify(zipEntries(join(a, f))) === JSON.stringify(zipEntries(join(b, f))) : readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
  expect(fa.filter((f) => !same(f)), 'files that differ between the build with caches and the one without').toEqual([]);
}

const git = (...args: string[]) =>
  execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: '孙丽', GIT_AUTHOR_EMAIL: 'sun.li@zf.gov.cn', GIT_COMMITTER_NAME: '孙丽', GIT_COMMITTER_EMAIL: 'sun.li@zf.gov.cn', GIT_AUTHOR_DATE: '2026-11-20T10:00:00+08:00', GIT_COMMITTER_DATE: '2026-11-20T10:00:00+08:00' },
  });

function commit(message: string, edit: (read: (p: string) => string, write: (p: string, text: string) => void) => void) {
  edit(
    (p) => readFileSync(join(repo, p), 'utf8'),
    (p, text) => writeFileSync(join(repo, p), text),
  );
  git('add', '-A');
  git('commit', '-q', '-m', message);
}

test('a rebuild with the caches is the build without them, after new commits and after a rewritten history', async () => {
  const cached = setup();
  const cold = await build(cached);
  expect(cold.log).not.toMatch(/pages not rendered in this build/);
  // started as `npm run build` starts it (siteBuildEnv): astro.config.mjs finds both allocator settings
  expect(cold.log).not.toMatch(/\[ledger-site\] started without/);

  const item = git('ls-files', 'records/items').split('\n').find((p) => p.endsWith('/item.md'))!;
  const itemDir = item.slice(0, -'/item.md'.length);
  commit('改标题', (read, write) => write(item, read(item).replace(/^title: (.*)$/m, 'title: $1（调整）')));
  commit('新增落实情况', (read, write) => {
    const unit = /^lead_unit: (\S+)$/m.exec(read(item))![1]!;
    execFileSync('mkdir', ['-p', join(repo, itemDir, 'reports')]);
    write(`${itemDir}/reports/2026-11-19-${unit}.md`, `---\ndate: 2026-11-19\nunit: ${unit}\nby: sun-li\nprogress: 缓存测试进展。\n---\n`);
  });
  // a notice's title: shown on the pages of the items it assigned, whose own timelines do not change
  commit('改通知标题', (read, write) => write('records/notices/TZ-2026-007.md', read('records/notices/TZ-2026-007.md').replace(/^title: (.*)$/m, 'title: $1（修订）')));
  const warm = await build(cached);
  expect(warm.log, 'the rebuild used the cache').toMatch(/pages not rendered in this build/);
  // the last build's pages stayed in the output folder (integration/keep-output.ts); those it changed after Astro were put back
  expect(Number(KEPT.exec(warm.log)?.[1] ?? 0), 'pages kept in the output folder').toBeGreaterThan(10);
  // the search index is in parts (of 5 records in the tests): parts holding no changed record are copied
  expect(Number(/in \d+ parts \((\d+) unchanged/.exec(warm.log)?.[1] ?? 0), 'search index parts taken from the cache').toBeGreaterThan(0);
  sameSite(warm.out, (await build(setup())).out);

  // a unit renamed: every page names units, and the timelines' words change
  commit('单位改名', (read, write) => write('records/units.yml', read('records/units.yml').replace(/name: (\S+)/, 'name: $1（改名）')));
  sameSite((await build(cached)).out, (await build(setup())).out);

  // another audience built into the same folder (its own cache): nothing of the internal build is kept
  const publicBuild = await build({ ...setup(), SITE_OUT: cached.SITE_OUT }, 'public');
  expect(publicBuild.log).not.toMatch(KEPT);
  sameSite(publicBuild.out, (await build(setup(), 'public')).out);
  // and the internal build after it keeps nothing either: the folder is no longer its own
  const back = await build(cached);
  expect(back.log).not.toMatch(KEPT);
  sameSite(back.out, (await build(setup())).out);

  // the history the caches were written for is gone: another change in its place
  git('reset', '-q', '--hard', 'HEAD~4');
  commit('另一处改动', (read, write) => write(item, read(item).replace(/^title: (.*)$/m, 'title: $1（另改）')));
  const rewritten = await build(cached);
  sameSite(rewritten.out, (await build(setup())).out);
}, 600_000);
