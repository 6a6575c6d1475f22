/**
 * The benchmark's yardsticks, measured in the same run as the ledger's own
 * steps so that ratios, not absolute seconds, are compared (a shared 2-core
 * machine moves absolute times by half from one sitting to the next):
 *
 * - a stock Astro project over the same item files (content collection with
 *   the glob loader, one page per item, default Markdown rendering, no
 *   reports, history or figures), built with this project's own astro, and
 *   the Pagefind CLI over its output;
 * - floors: one read of every record file; one `git log -z --raw` pass; one
 *   `git cat-file --batch` over every blob of the history.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Measured {
  seconds: number;
  peakMB?: number;
  /** CPU seconds (user + system, children included): steadier than wall time on a loaded machine. */
  cpu?: number;
  status: number;
  output: string;
}

/** Run a command (`input` on its stdin); wall time, and peak RSS and CPU time via GNU time when installed. */
export type Timer = (cmd: string, args: string[], opts?: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string }) => Measured;

/**
 * Write a stock Astro project that renders `recordsDir/items/**\/item.md`
 * (the ledger's item files, read in place), using this project's
 * node_modules through a symbolic link.
 */
export function writeStockAstro(dir: string, itemsDir: string, projectRoot: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src/pages/items'), { recursive: true });
  // this project's own astro and pagefind, wherever the peer is written
  symlinkSync(join(projectRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'stock-astro-peer', private: true, type: 'module' }, null, 2));
  writeFileSync(join(dir, 'astro.config.mjs'), `import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n`);
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
export const collections = {
  items: defineCollection({ loader: glob({ pattern: '**/item.md', base: ${JSON.stringify(itemsDir)} }) }),
};
`,
  );
  writeFileSync(
    join(dir, 'src/pages/items/[...id].astro'),
    `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  const items = await getCollection('items');
  return items.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
const d = entry.data;
---
<html lang="zh-CN">
  <head><meta charset="utf-8" /><title>{String(d.title)}</title></head>
  <body>
    <main data-pagefind-body>
      <h1>{String(d.title)}</h1>
      <p>{String(d.content)}</p>
      <p>{String(d.requirements)}</p>
      <Content />
    </main>
  </body>
</html>
`,
  );
  writeFileSync(
    join(dir, 'src/pages/index.astro'),
    `---
import { getCollection } from 'astro:content';
const items = await getCollection('items');
---
<html lang="zh-CN"><head><meta charset="utf-8" /><title>items</title></head>
<body><ul>{items.map((e) => <li><a href={\`/items/\${e.id}/\`}>{String(e.data.title)}</a></li>)}</ul></body></html>
`,
  );
}

export interface PeerResult {
  astro: Measured;
  pagefind: Measured;
  pages: number;
}

/** Build the stock project, then run Pagefind over its output. */
export function buildStockAstro(dir: string, projectRoot: string, timer: Timer): PeerResult {
  const bin = join(projectRoot, 'node_modules/.bin');
  const env = { ASTRO_TELEMETRY_DISABLED: '1', PATH: `${bin}:${process.env.PATH}` };
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  rmSync(join(dir, '.astro'), { recursive: true, force: true });
  const astro = timer(join(bin, 'astro'), ['build', '--root', dir], { env, cwd: dir });
  const pages = astro.status === 0 ? countHtml(join(dir, 'dist')) : 0;
  const pagefind = timer(join(bin, 'pagefind'), ['--site', join(dir, 'dist')], { env, cwd: dir });
  return { astro, pagefind, pages };
}

function countHtml(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile() && e.name.endsWith('.html')) n++;
  return n;
}

/** Floor 1: read every file under `records/` once (in-process, after a warm-up walk). */
export function readFloor(repo: string): { seconds: number; cpu: number; files: number; bytes: number } {
  const walk = () => {
    let files = 0;
    let bytes = 0;
    for (const e of readdirSync(join(repo, 'records'), { withFileTypes: true, recursive: true })) {
      if (!e.isFile()) continue;
      files++;
      bytes += readFileSync(join(e.parentPath, e.name)).length;
    }
    return { files, bytes };
  };
  walk(); // the checks are measured warm too
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const r = walk();
  const c = process.cpuUsage(c0);
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, cpu: (c.user + c.system) / 1e6, ...r };
}

/** Floor 2: one `git log -z --raw` pass over the history of `records/`, as the check reads it. */
export function logFloor(repo: string, timer: Timer): Measured {
  return timer('sh', ['-c', `git -c core.quotepath=off log -z --raw --no-abbrev --diff-merges=first-parent --reverse --topo-order --format='%H%x1f%P%x1f%an%x1f%ae%x1f%aI%x1f%B' HEAD -- records/ > /dev/null`], { cwd: repo });
}

/** Floor 3: every blob of the history through one `git cat-file --batch`. */
export function blobFloor(repo: string, timer: Timer): Measured {
  const list = join(repo, '.git', 'bench-blobs.txt');
  const all = execFileSync('git', ['cat-file', '--batch-all-objects', '--batch-check=%(objectname) %(objecttype)'], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 30 });
  writeFileSync(list, all.split('\n').filter((l) => l.endsWith(' blob')).map((l) => l.slice(0, l.indexOf(' '))).join('\n') + '\n');
  const r = timer('sh', ['-c', `git cat-file --batch < '${list}' > /dev/null`], { cwd: repo });
  rmSync(list, { force: true });
  return r;
}

/** GNU time when installed (peak RSS, CPU seconds), else wall time only. */
export function makeTimer(memFile: string): Timer {
  const useTime = spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;
  return (cmd, args, opts = {}) => {
    const t0 = process.hrtime.bigint();
    const env = { ...process.env, ...opts.env };
    const io = { cwd: opts.cwd, encoding: 'utf8' as const, env, maxBuffer: 1 << 30, input: opts.input };
    const r = useTime ? spawnSync('/usr/bin/time', ['-f', '%M %U %S', '-o', memFile, cmd, ...args], io) : spawnSync(cmd, args, io);
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    let peakMB: number | undefined;
    let cpu: number | undefined;
    if (useTime) {
      try {
        const [kb, user, sys] = readFileSync(memFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
        peakMB = Math.round(kb! / 1024);
        cpu = Math.round((user! + sys!) * 100) / 100;
      } catch {
        peakMB = undefined;
      }
    }
    return { seconds, peakMB, cpu, status: r.status ?? 1, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
  };
}
