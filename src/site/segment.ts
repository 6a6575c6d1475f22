/**
 * Chinese word segmentation with the ICU dictionary built into JavaScript
 * (Intl.Segmenter), used on both sides of search: the build writes the
 * indexed text with spaces between words, the search page splits the query
 * the same way. Pagefind then matches words without running its own (much
 * slower) Chinese segmenter over every record.
 */
const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh-CN', { granularity: 'word' }) : undefined;

/** Text with a space between every word and punctuation mark. */
export function spaced(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!segmenter) return t;
  const out: string[] = [];
  for (const s of segmenter.segment(t)) if (s.segment.trim()) out.push(s.segment);
  return out.join(' ');
}

/** The words of a query, space-separated (punctuation dropped). */
export function queryWords(q: string): string {
  const t = q.replace(/\s+/g, ' ').trim();
  if (!segmenter) return t;
  const out: string[] = [];
  for (const s of segmenter.segment(t)) if (s.isWordLike) out.push(s.segment);
  return out.join(' ');
}

const CJK = '[\\u2e80-\\u2fff\\u3000-\\u303f\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef]';
const JOIN = new RegExp(`(?<=${CJK}|<\\/?mark>) (?=${CJK}|<\\/?mark>)`, 'g');

/** Undo `spaced` for display: no space between two CJK characters (around <mark> too). */
export function unspaced(html: string): string {
  return html.replace(JOIN, '');
}
