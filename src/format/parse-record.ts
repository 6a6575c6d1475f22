/**
 * Text → record: splits the YAML frontmatter from the Markdown body
 * (gray-matter), parses the YAML as 1.2 core schema (dates stay strings),
 * and keeps a map from field paths to source lines so every issue can name
 * its line. Pure: it is given text, it touches no file.
 *
 * Accepts what staff type by hand: a BOM, CRLF or CR line ends. Rejects what
 * is ambiguous (duplicate keys, tabs, full-width colons) with its line.
 */
import matter from 'gray-matter';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { issue, type Issue } from '../domain/issues.ts';

export type FieldPath = ReadonlyArray<string | number>;

export interface ParsedText {
  /** The YAML data, or `undefined` when it could not be parsed. */
  data: unknown;
  /** Markdown body (frontmatter files) or '' (plain YAML files). */
  body: string;
  /** 1-based file line of the field at `path` (or its nearest existing parent). */
  lineOf: (path: FieldPath) => number;
  /** Line where the body starts (frontmatter files). */
  bodyLine: number;
  issues: Issue[];
}

/** Normalise what hand-typed files carry: a BOM and CRLF / CR line ends. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

const FULLWIDTH_KEY = /^\s*(?:-\s+)?[A-Za-z_][A-Za-z0-9_]*\s*：/;

/** Line-level problems YAML would report confusingly or not at all. */
function lintLines(yamlText: string, firstLine: number, file: string): Issue[] {
  const out: Issue[] = [];
  yamlText.split('\n').forEach((line, i) => {
    const at = { file, line: firstLine + i };
    if (/^\t/.test(line) || /^ +\t/.test(line)) out.push(issue('tab-indent', at));
    else if (FULLWIDTH_KEY.test(line)) out.push(issue('fullwidth-colon', at, { text: line.trim() }));
  });
  return out;
}

function yamlErrorDetail(message: string): { detail: string; hint?: string } {
  if (/Map keys must be unique/i.test(message)) {
    return { detail: '同一个字段写了两次', hint: '删除重复的一行，或合并两处内容' };
  }
  if (/Implicit map keys need to be followed by map values|Implicit keys need to be on a single line/i.test(message)) {
    return { detail: '这一行缺少“字段: 值”中的半角冒号，或上一行的引号没有闭合' };
  }
  if (/Nested mappings are not allowed in compact mappings|mapping values are not allowed/i.test(message)) {
    return { detail: '值里含有“: ”（冒号加空格），系统把它当成了字段', hint: '请给这个值加上引号，例如 title: "通知：关于……"' };
  }
  if (/bad indentation|indent/i.test(message)) {
    return { detail: '缩进不一致', hint: '下级字段统一用两个空格缩进，同级字段左端对齐' };
  }
  if (/Missing closing|quote/i.test(message)) {
    return { detail: '引号没有闭合', hint: '检查这一行的引号是否成对' };
  }
  if (/tab/i.test(message)) return { detail: '使用了 Tab', hint: '请用两个空格代替 Tab' };
  return { detail: `无法解析（${message.split('\n')[0]}）` };
}

function nodeLine(node: Node | null | undefined, lc: LineCounter): number | undefined {
  const start = node?.range?.[0];
  return start === undefined ? undefined : lc.linePos(start).line;
}

function makeLineOf(doc: Document | undefined, lc: LineCounter, firstLine: number) {
  return (path: FieldPath): number => {
    if (!doc) return firstLine;
    let node: unknown = doc.contents;
    let line = firstLine === 1 ? 1 : firstLine - 1;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        line = (nodeLine(pair.key as Node, lc) ?? 1) + firstLine - 1;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        const child = node.items[seg] as Node | undefined;
        if (!child) break;
        line = (nodeLine(child, lc) ?? 1) + firstLine - 1;
        node = child;
      } else break;
    }
    return line;
  };
}

function parseYaml(yamlText: string, firstLine: number, file: string) {
  const lc = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lc, uniqueKeys: true, prettyErrors: false, strict: true });
  const issues: Issue[] = lintLines(yamlText, firstLine, file);
  // A tab or a full-width colon makes YAML report confusing errors elsewhere
  // in the file; the line-level issue already says what to fix.
  for (const err of issues.length ? [] : doc.errors) {
    // `linePos` is only filled in with `prettyErrors`; `pos` always is.
    const line = (err.linePos?.[0]?.line ?? lc.linePos(err.pos[0]).line) + firstLine - 1;
    const { detail, hint } = yamlErrorDetail(err.message);
    issues.push(issue('yaml-syntax', { file, line }, { detail, hint }));
  }
  const ok = doc.errors.length === 0 && issues.length === 0;
  return { doc: ok ? doc : undefined, lc, issues, data: ok ? doc.toJS({ maxAliasCount: 50 }) : undefined };
}

/** Parse a Markdown record with YAML frontmatter. */
export function parseFrontmatterText(raw: string, file: string): ParsedText {
  const text = normaliseText(raw);
  if (!/^---[ \t]*\n/.test(text)) {
    return { data: undefined, body: text, bodyLine: 1, lineOf: () => 1, issues: [issue('no-frontmatter', { file, line: 1 })] };
  }
  const firstLine = 2;
  let parsed: ReturnType<typeof parseYaml> | undefined;
  // gray-matter splits; the engine hands its YAML to our parser (with an
  // options object, so gray-matter does not cache every file in memory).
  const fm = matter(text, {
    engines: {
      yaml: (src: string) => {
        // gray-matter hands over the text from just after `---`, i.e. with the
        // rest of the delimiter line: drop it so YAML line 1 is file line 2.
        parsed = parseYaml(src.replace(/^[ \t]*\n/, ''), firstLine, file);
        return (parsed.data ?? {}) as object;
      },
    },
  });
  const yamlLines = fm.matter.replace(/^[ \t]*\n/, '').split('\n').length;
  const bodyLine = firstLine + yamlLines + 1;
  if (!parsed) parsed = parseYaml('', firstLine, file);
  const issues = [...parsed.issues];
  if (!text.slice(3).includes('\n---')) {
    issues.push(issue('yaml-syntax', { file, line: 1 }, { detail: '元数据块没有以 --- 结束', hint: '在最后一个字段之后加一行 ---' }));
  }
  let data = parsed.data;
  if (parsed.doc && (data === null || typeof data !== 'object' || Array.isArray(data))) {
    issues.push(issue('yaml-syntax', { file, line: firstLine }, { detail: '元数据应是一组“字段: 值”' }));
    data = undefined;
  }
  return { data: issues.length ? undefined : data, body: fm.content, bodyLine, lineOf: makeLineOf(parsed.doc, parsed.lc, firstLine), issues };
}

/** Parse a plain YAML file (registries, config). */
export function parseYamlText(raw: string, file: string): ParsedText {
  const text = normaliseText(raw);
  const parsed = parseYaml(text, 1, file);
  const issues = [...parsed.issues];
  let data = parsed.data;
  if (parsed.doc && (data === null || typeof data !== 'object' || Array.isArray(data))) {
    issues.push(issue('yaml-syntax', { file, line: 1 }, { detail: '文件内容应是一组“字段: 值”' }));
    data = undefined;
  }
  return { data: issues.length ? undefined : data, body: '', bodyLine: 1, lineOf: makeLineOf(parsed.doc, parsed.lc, 1), issues };
}
