/**
 * The layers of src/README.md, enforced: every import of every source file
 * (tests excluded) is held against the table below. A face importing another
 * face, the domain reaching for fs or Git, or browser code importing the
 * build-time data layer fails here with the file and the import.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname);

/** Folder (relative to src/) → the src folders and packages its files may import. */
const LAYERS: { folder: string; may: string[]; packages: RegExp }[] = [
  { folder: 'site/client', may: ['site/client', 'domain/figures.ts', 'domain/dates.ts', 'site/search/segment.ts', 'site/view/light-text.ts'], packages: /^$/ },
  { folder: 'domain', may: ['domain'], packages: /^zod$/ },
  { folder: 'format', may: ['domain', 'format'], packages: /^(gray-matter|js-yaml|yaml|csv-parse\/sync|mdast-util-.*|micromark-extension-.*)$/ },
  { folder: 'io', may: ['domain', 'format', 'io'], packages: /^(node:.*|simple-git|exceljs|docx)$/ },
  { folder: 'checker', may: ['domain', 'format', 'io', 'checker'], packages: /^node:.*$/ },
  { folder: 'demo', may: ['domain', 'format', 'io', 'demo'], packages: /^(node:.*|yaml|playwright-core)$/ },
  { folder: 'cli', may: ['domain', 'format', 'io', 'checker', 'cli'], packages: /^(node:.*|commander|cli-progress)$/ },
  { folder: 'site', may: ['domain', 'format', 'io', 'checker', 'site'], packages: /^(node:.*|astro(\/.*)?|pagefind|hast.*|mdast.*|micromark-extension-.*|unist.*)$/ },
  { folder: 'pages', may: ['domain', 'format', 'site', 'components', 'layouts', 'styles'], packages: /^(node:.*|astro(:.*|\/.*)?)$/ },
  { folder: 'layouts', may: ['domain', 'site', 'components', 'styles'], packages: /^astro(:.*|\/.*)?$/ },
  { folder: 'components', may: ['domain', 'format', 'site', 'components', 'styles'], packages: /^astro(:.*|\/.*)?$/ },
];

function* sources(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* sources(p);
    else if (/\.(ts|astro)$/.test(e.name) && !/\.test\.ts$/.test(e.name)) yield p;
  }
}

/** Import specifiers of a file: `from '…'`, bare `import '…'`, `import('…')`. */
function importsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)) {
    out.push((m[1] ?? m[2] ?? m[3])!);
  }
  return out;
}

/** A layer may use its own packages and those of the layers it may import. */
const packagesOf = (layer: (typeof LAYERS)[number]): RegExp[] => [
  layer.packages,
  ...LAYERS.filter((l) => l !== layer && layer.may.includes(l.folder)).map((l) => l.packages),
];

const layerOf = (rel: string) => LAYERS.find((l) => rel === l.folder || rel.startsWith(`${l.folder}/`));

function violations(): string[] {
  const out: string[] = [];
  for (const file of sources(SRC)) {
    const rel = relative(SRC, file);
    const layer = layerOf(rel);
    if (!layer) {
      if (rel.includes('/')) out.push(`${rel}: in no layer of src/layers.test.ts`);
      continue;
    }
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) {
        const target = relative(SRC, resolve(dirname(file), spec));
        if (target.startsWith('..')) {
          out.push(`${rel}: imports ${spec} from outside src/`);
          continue;
        }
        if (!layer.may.some((m) => target === m || target.startsWith(`${m}/`))) out.push(`${rel}: may not import ${target}`);
      } else if (!packagesOf(layer).some((re) => re.test(spec))) out.push(`${rel}: may not import package ${spec}`);
    }
  }
  return out;
}

describe('layers', () => {
  it('every import points down the layers of src/README.md', () => {
    expect(violations()).toEqual([]);
  });

  it('the checker of this test catches a face importing a face', () => {
    expect(importsOf("import { x } from '../cli/main.ts';\nimport '../site/client/item.ts';\nconst y = await import('./z.ts');")).toEqual([
      '../cli/main.ts',
      '../site/client/item.ts',
      './z.ts',
    ]);
    const site = layerOf('site/data/load-site.ts')!;
    expect(site.may.includes('cli')).toBe(false);
    expect(layerOf('site/client/lights.ts')!.folder).toBe('site/client');
  });
});
