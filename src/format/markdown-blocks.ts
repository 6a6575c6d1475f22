/**
 * A document body in staff Markdown → the blocks an official document is
 * made of (paragraphs with bold runs, headings, tables, list items as
 * paragraphs). Headings count from the body's top level: the first level
 * used is 一、, the next （一）. Nothing else of Markdown reaches a document.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { Block, Inline } from '../domain/documents/official-document.ts';

type Node = { type: string; value?: string; depth?: number; ordered?: boolean; start?: number | null; children?: Node[] };

function inlines(node: Node, bold = false): Inline[] {
  if (node.type === 'text' || node.type === 'inlineCode') return [{ text: node.value ?? '', bold }];
  if (node.type === 'break') return [{ text: '\n', bold }];
  if (node.type === 'html') return [];
  return (node.children ?? []).flatMap((c) => inlines(c, bold || node.type === 'strong'));
}
const plain = (node: Node) => inlines(node).map((r) => r.text).join('');

export function markdownBlocks(md: string): Block[] {
  const root = fromMarkdown(md.replace(/<!--[\s\S]*?-->/g, ''), { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] }) as Node;
  const depths = [...new Set((root.children ?? []).filter((c) => c.type === 'heading').map((c) => c.depth ?? 2))].sort();
  const out: Block[] = [];
  const walk = (node: Node) => {
    switch (node.type) {
      case 'heading':
        out.push({ type: 'h', level: depths.indexOf(node.depth ?? 2) + 1, text: plain(node) });
        return;
      case 'paragraph':
        out.push({ type: 'p', runs: inlines(node) });
        return;
      case 'list':
        // each item its own paragraph, numbered when the list is; a nested list's items follow as paragraphs of their own
        (node.children ?? []).forEach((li, i) => {
          const mark = node.ordered ? `${(node.start ?? 1) + i}. ` : '';
          const [first, ...rest] = li.children ?? [];
          if (first?.type === 'paragraph') out.push({ type: 'p', runs: [{ text: mark }, ...inlines(first)] });
          else if (mark) out.push({ type: 'p', runs: [{ text: mark }] });
          for (const c of first?.type === 'paragraph' ? rest : (li.children ?? [])) walk(c);
        });
        return;
      case 'table': {
        const [head, ...rows] = (node.children ?? []).map((r) => (r.children ?? []).map(plain));
        out.push({ type: 'table', head: head ?? [], rows });
        return;
      }
      case 'thematicBreak':
      case 'html':
        return;
      default:
        for (const c of node.children ?? []) walk(c);
    }
  };
  for (const c of root.children ?? []) walk(c);
  return out;
}
