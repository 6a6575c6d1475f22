/**
 * Surgical edits of a record's text: set a field, add a key to an object,
 * append a list entry, delete a field — by splicing the text at the
 * positions the YAML parser reports, so everything not edited (key order,
 * comments and their alignment, blank lines, quoting, the Markdown body, a
 * BOM, CRLF line ends) stays byte for byte. Only the edited value is
 * written anew, in the house style of `render-yaml.ts`.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Op } from '../domain/actions/apply.ts';
import { renderEntry, renderPair, renderScalar } from './render-yaml.ts';

export class EditError extends Error {}

type Range = [number, number, number];

/** Index just past the end of the line holding position `p - 1` (a block value ends at its newline). */
function endOfLine(y: string, p: number): number {
  if (p > 0 && y[p - 1] === '\n') return p;
  const nl = y.indexOf('\n', p);
  return nl < 0 ? y.length : nl + 1;
}

const lineStart = (y: string, p: number) => y.lastIndexOf('\n', p - 1) + 1;
const columnOf = (y: string, p: number) => p - lineStart(y, p);

function pairsOf(map: YAMLMap): Pair<Node, Node>[] {
  return map.items as Pair<Node, Node>[];
}

function findPair(map: YAMLMap, key: string): Pair<Node, Node> | undefined {
  return pairsOf(map).find((p) => isScalar(p.key) && String(p.key.value) === key);
}

const rangeOf = (n: Node | null | undefined): Range => (n?.range ?? [0, 0, 0]) as Range;

/** Where a pair's text ends: the end of its value's last line (a trailing comment included). */
function pairEnd(y: string, pair: Pair<Node, Node>): number {
  const v = pair.value;
  if (!v) return endOfLine(y, rangeOf(pair.key)[1]);
  const r = rangeOf(v);
  if ((isMap(v) || isSeq(v)) && !v.flow) return endOfLine(y, r[1]);
  return endOfLine(y, r[1]);
}

/** Insert new `key: value` lines into a block map, after the key before it in `order`. */
function insertPair(y: string, map: YAMLMap, key: string, value: unknown, order: readonly string[], indent: string): string {
  const text = renderPair(key, value, indent);
  const pairs = pairsOf(map);
  const at = order.indexOf(key);
  let after: Pair<Node, Node> | undefined;
  if (at >= 0) {
    for (const p of pairs) {
      const i = order.indexOf(String((p.key as { value?: unknown }).value));
      if (i >= 0 && i < at) after = p;
    }
  } else after = pairs.at(-1);
  if (!after) {
    const first = pairs[0];
    const pos = first ? lineStart(y, rangeOf(first.key)[0]) : y.length;
    return y.slice(0, pos) + text + y.slice(pos);
  }
  const pos = pairEnd(y, after);
  const head = y.slice(0, pos);
  return (head.endsWith('\n') || head === '' ? head : `${head}\n`) + text + y.slice(pos);
}

function setIn(y: string, path: string[], value: unknown, order: readonly string[]): string {
  const doc = parseDocument(y, { version: '1.2' });
  if (!isMap(doc.contents)) throw new EditError('frontmatter is not a mapping');
  let map: YAMLMap = doc.contents;
  let indent = '';
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const pair = findPair(map, key);
    const last = i === path.length - 1;
    if (!pair) {
      const rest = path.slice(i + 1).reduceRight<unknown>((v, k) => ({ [k]: v }), value);
      if (map.flow) {
        // `{ date: …, by: … }`: add `, key: value` before the closing brace
        const r = rangeOf(map);
        const close = y.lastIndexOf('}', r[1]);
        let pos = close;
        while (pos > r[0] && y[pos - 1] === ' ') pos--;
        const inner = renderPair(key, rest).replace(/\n$/, '');
        if (inner.includes('\n')) throw new EditError(`cannot add ${key} to a one-line object`);
        return y.slice(0, pos) + `, ${inner}` + y.slice(pos);
      }
      const first = pairsOf(map)[0];
      if (first && i > 0) indent = ' '.repeat(columnOf(y, rangeOf(first.key)[0]));
      return insertPair(y, map, key, rest, i === 0 ? order : [], indent);
    }
    const v = pair.value;
    if (last || !isMap(v)) {
      const r = rangeOf(v);
      if (v && isScalar(v) && (value === null || typeof value !== 'object')) {
        // same key, new scalar: only the value's characters change (and the
        // spaces before a trailing comment, so the comment keeps its column)
        const text = renderScalar(value);
        const gap = /^ +(?=#)/.exec(y.slice(r[1]))?.[0];
        if (gap) {
          const width = (s: string) => [...s].reduce((n, c) => n + (/[\u1100-\uFFEF]/.test(c) ? 2 : 1), 0);
          const pad = Math.max(1, gap.length + width(y.slice(r[0], r[1])) - width(text));
          return y.slice(0, r[0]) + text + ' '.repeat(pad) + y.slice(r[1] + gap.length);
        }
        return y.slice(0, r[0]) + text + y.slice(r[1]);
      }
      // a new object or list: the pair is written anew, where it stood
      const start = rangeOf(pair.key)[0];
      const keyIndent = ' '.repeat(columnOf(y, start));
      const end = pairEnd(y, pair);
      const rest = last ? value : path.slice(i + 1).reduceRight<unknown>((x, k) => ({ [k]: x }), value);
      const text = renderPair(key, rest, keyIndent).slice(keyIndent.length);
      return y.slice(0, start) + text + y.slice(end);
    }
    map = v;
  }
  return y;
}

function appendIn(y: string, path: string[], value: unknown, order: readonly string[]): string {
  const doc = parseDocument(y, { version: '1.2' });
  const root = doc.contents;
  if (!isMap(root) || path.length !== 1) throw new EditError('append to a top-level list only');
  const pair = findPair(root, path[0]!);
  const seq = pair?.value;
  if (!pair || !seq || (isScalar(seq) && (seq.value === null || seq.value === ''))) return setIn(y, path, [value], order);
  if (!isSeq(seq)) throw new EditError(`${path[0]} is not a list`);
  if (seq.flow || seq.items.length === 0) {
    // `returns: []` or `[a, b]`: the list is written anew as a block
    const all = [...(seq.toJSON() as unknown[]), value];
    return setIn(y, path, all, order);
  }
  const first = seq.items[0] as Node;
  const dash = lineStart(y, rangeOf(first)[0]);
  const indent = ' '.repeat(y.slice(dash).search(/-/));
  const pos = endOfLine(y, rangeOf(seq)[1]);
  const head = y.slice(0, pos);
  return (head.endsWith('\n') ? head : `${head}\n`) + renderEntry(value, indent) + y.slice(pos);
}

function deleteIn(y: string, path: string[]): string {
  const doc = parseDocument(y, { version: '1.2' });
  let map: unknown = doc.contents;
  for (let i = 0; i < path.length; i++) {
    if (!isMap(map)) return y;
    const pair = findPair(map, path[i]!);
    if (!pair) return y;
    if (i === path.length - 1) {
      const start = lineStart(y, rangeOf(pair.key)[0]);
      return y.slice(0, start) + y.slice(pairEnd(y, pair));
    }
    map = pair.value;
  }
  return y;
}

/** Apply `ops` to a YAML mapping's text (LF line ends), touching nothing else. */
export function editYaml(yaml: string, ops: readonly Op[], order: readonly string[] = []): string {
  let y = yaml.endsWith('\n') || yaml === '' ? yaml : `${yaml}\n`;
  for (const op of ops) {
    if (op.op === 'set') y = setIn(y, op.path, op.value, order);
    else if (op.op === 'append') y = appendIn(y, op.path, op.value, order);
    else y = deleteIn(y, op.path);
  }
  return y;
}

/**
 * Apply `ops` to a record file's frontmatter. A BOM and CRLF line ends are
 * kept; the body is not looked at.
 */
export function editRecordText(text: string, ops: readonly Op[], order: readonly string[] = []): string {
  const { t, open, close, wrap } = frontmatterOf(text);
  const edited = editYaml(t.slice(open, close + 1), ops, order);
  return wrap(t.slice(0, open) + edited + t.slice(close + 1));
}

/**
 * A record's text with LF line ends and no BOM (`t`), where its
 * frontmatter's YAML starts (`open`) and the newline before its closing
 * `---` (`close`); `wrap` gives an edited `t` back its BOM and line ends.
 */
function frontmatterOf(text: string): { t: string; open: number; close: number; wrap: (out: string) => string } {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const crlf = /\r\n/.test(text);
  const t = text.slice(bom.length).replace(/\r\n/g, '\n');
  const open = /^---[ \t]*\n/.exec(t);
  if (!open) throw new EditError('no frontmatter');
  const close = t.indexOf('\n---', open[0].length - 1);
  if (close < 0) throw new EditError('frontmatter not closed');
  return { t, open: open[0].length, close, wrap: (out) => bom + (crlf ? out.replace(/\n/g, '\r\n') : out) };
}

/** A new Markdown record: frontmatter in house style, then the body. */
export { renderMapping } from './render-yaml.ts';

/** The record with its Markdown body replaced (the frontmatter byte for byte; a BOM and CRLF line ends kept). */
export function replaceBody(text: string, body: string): string {
  const { t, close, wrap } = frontmatterOf(text);
  const end = t.indexOf('\n', close + 1);
  const head = end < 0 ? `${t}\n` : t.slice(0, end + 1);
  return wrap(head + body.replace(/\r\n/g, '\n'));
}
