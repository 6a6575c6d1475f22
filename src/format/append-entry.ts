/**
 * Append one entry to a top-level list of a record's frontmatter without
 * re-serialising the file (staff files are edited surgically: their
 * comments, order, quoting, BOM and line ends stay as they were). The entry
 * is written as one flow-style line, quoted by js-yaml where needed.
 */
import { CORE_SCHEMA, dump } from 'js-yaml';

export function appendListEntry(text: string, field: string, entry: Record<string, unknown>): string {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = bom ? text.slice(1) : text;
  const eol = body.includes('\r\n') ? '\r\n' : '\n';
  const lines = body.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') throw new Error('no frontmatter');
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (close < 0) throw new Error('no frontmatter end');
  const line = `  - ${dump(entry, { schema: CORE_SCHEMA, flowLevel: 0, lineWidth: -1 }).trim()}`;
  const at = lines.findIndex((l, i) => i > 0 && i < close && new RegExp(`^${field}:`).test(l));
  if (at < 0) {
    lines.splice(close, 0, `${field}:`, line);
  } else if (/^\S+:\s*\[\s*\]\s*(#.*)?$/.test(lines[at]!)) {
    lines.splice(at, 1, `${field}:`, line);
  } else if (!/^\S+:\s*(#.*)?$/.test(lines[at]!)) {
    throw new Error(`${field} is written inline`);
  } else {
    let end = at + 1;
    while (end < close && (/^\s+\S/.test(lines[end]!) || /^-\s/.test(lines[end]!) || lines[end]!.trim() === '')) end++;
    while (end > at + 1 && lines[end - 1]!.trim() === '') end--;
    lines.splice(end, 0, line);
  }
  return bom + lines.join(eol);
}
