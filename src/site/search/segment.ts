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

/** The visible character next to position `i` going `dir`, skipping <mark> tags. */
function visibleChar(html: string, i: number, dir: 1 | -1): string {
  let k = i;
  while (k >= 0 && k < html.length) {
    const c = html[k]!;
    if (dir === -1 && c === '>') k = html.lastIndexOf('<', k) - 1;
    else if (dir === 1 && c === '<') k = html.indexOf('>', k) + 1 || html.length;
    else return c;
  }
  return '';
}

const WORD = /[A-Za-z0-9]/;

/**
 * Undo `spaced` for display: a space stays only between two Latin letters
 * or digits (“Gitea 网页” → “Gitea网页” is the price: staff rarely type
 * such spaces in Chinese text).
 */
export function unspaced(html: string): string {
  return html.replace(/ /g, (_, off: number) => (WORD.test(visibleChar(html, off - 1, -1)) && WORD.test(visibleChar(html, off + 1, 1)) ? ' ' : ''));
}
