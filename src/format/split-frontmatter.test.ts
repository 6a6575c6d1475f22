/**
 * Our frontmatter splitter against gray-matter, the reference: on every
 * Markdown file of the demo ledger and of the fixtures (valid and broken),
 * the YAML block and the body come out the same.
 */
import matter from 'gray-matter';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { normaliseText, splitFrontmatter } from './parse-record.ts';

const root = resolve(import.meta.dirname, '../..');
function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? markdownFiles(join(dir, e.name)) : e.isFile() && e.name.endsWith('.md') ? [join(dir, e.name)] : [],
  );
}

it('splits every record exactly as gray-matter does', () => {
  const files = [...markdownFiles(join(root, 'records')), ...markdownFiles(join(root, 'tests/fixtures'))];
  expect(files.length).toBeGreaterThan(300);
  let compared = 0;
  for (const f of files) {
    const text = normaliseText(readFileSync(f, 'utf8'));
    if (!text.startsWith('---')) continue;
    const ref = matter(text, { engines: { yaml: () => ({}) } });
    const ours = splitFrontmatter(text);
    expect({ file: f, matter: ours.matter, content: ours.content }).toEqual({ file: f, matter: ref.matter, content: ref.content });
    compared++;
  }
  expect(compared).toBeGreaterThan(300);
});
