/**
 * Values → YAML text in the ledger's house style, for what an action writes:
 * a step field as one flow line when it is short (`registered: { date:
 * 2026-03-09, by: wang-fang }`), lists of ids as flow lists (`[a, b]`), list
 * entries and long objects as blocks. Dates and ids stay plain strings
 * (YAML 1.2 core schema, as the reader reads them).
 */
import { Document, isMap, isScalar, isSeq, visit, type Node } from 'yaml';

/** Display columns (a Chinese character takes two) a one-line object may take; longer ones are blocks. */
const FLOW_WIDTH = 60;
const width = (s: string) => [...s].reduce((n, c) => n + (/[\u1100-\uFFEF]/.test(c) ? 2 : 1), 0);
const OPTIONS = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false, version: '1.2' } as const;

const scalarOnly = (n: Node): boolean =>
  isMap(n) ? n.items.every((p) => isScalar(p.value)) : isSeq(n) ? n.items.every((i) => isScalar(i)) : true;

/** How a scalar-only object reads on one line: `{ date: 2026-03-09, by: wang-fang }`. */
const flowText = (o: Record<string, unknown>) => `{ ${Object.entries(o).map(([k, v]) => `${k}: ${String(v)}`).join(', ')} }`;

/** Mark collections flow where the house style wants one line. */
function styled(value: unknown, topLevel: boolean): Document {
  const doc = new Document(value, { version: '1.2' });
  visit(doc, {
    Map(_, node, path) {
      // depth in the document: the root map is 1 deep; a field's value is 2 (its pair in between)
      const depth = path.filter((p) => isMap(p) || isSeq(p)).length;
      const inList = path.some((p) => isSeq(p));
      if (depth >= (topLevel ? 1 : 0) && !inList && scalarOnly(node) && width(flowText(node.toJSON() as Record<string, unknown>)) <= FLOW_WIDTH) node.flow = true;
    },
    Seq(_, node) {
      if (scalarOnly(node)) node.flow = true;
    },
  });
  return doc;
}

/** `key: value` lines (ending in a newline), every line indented by `indent`. */
export function renderPair(key: string, value: unknown, indent = ''): string {
  const text = padMaps(styled({ [key]: value }, true).toString(OPTIONS));
  return indentLines(text, indent);
}

/** House style pads one-line objects (`{ date: …, by: … }`) but not lists (`[a, b]`). */
function padMaps(text: string): string {
  return text.replace(/(^|: |- )\{(?! )([^\n]*)\}$/gm, (_, lead: string, inner: string) => `${lead}{ ${inner} }`);
}

/** One list entry, `- …` lines indented by `indent`. */
export function renderEntry(value: unknown, indent = ''): string {
  const text = padMaps(styled([value], true).toString(OPTIONS));
  return indentLines(text, indent);
}

/** A scalar as YAML writes it (quoted only when it must be). */
export function renderScalar(value: unknown): string {
  return new Document(value, { version: '1.2' }).toString(OPTIONS).replace(/\n$/, '');
}

/** A whole frontmatter mapping in house style. */
export function renderMapping(data: Record<string, unknown>): string {
  return Object.entries(data)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => renderPair(k, v))
    .join('');
}

function indentLines(text: string, indent: string): string {
  if (!indent) return text;
  return text
    .split('\n')
    .map((l) => (l ? indent + l : l))
    .join('\n');
}
