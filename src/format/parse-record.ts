/**
 * Text → record: splits the YAML frontmatter from the Markdown body
 * (our splitter, checked against gray-matter in tests), parses the YAML as 1.2 core schema (dates stay strings),
 * and keeps a map from field paths to source lines so every issue can name
 * its line. Pure: it is given text, it touches no file.
 *
 * Accepts what staff type by hand: a BOM, CRLF or CR line ends. Rejects what
 * is ambiguous (duplicate keys, tabs, full-width colons) with its line.
 */
import { CORE_SCHEMA, load as jsYamlLoad } from 'js-yaml';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type YAMLError } from 'yaml';
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

interface Explained {
  /** 1-based line in the YAML text. */
  line: number;
  detail: string;
  hint?: string;
}

const lineStart = (text: string, pos: number) => text.lastIndexOf('\n', pos - 1) + 1;

/**
 * The line where a quoted value opens without closing: YAML only notices at
 * the end of the block, but staff need the line they typed the quote on.
 */
function unclosedQuoteLine(text: string): number | undefined {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*(?:-\s+)?(?:[^\s"'#][^:#]*:\s+)?(["'])(.*)$/.exec(lines[i]!);
    if (!m) continue;
    const rest = m[1] === '"' ? m[2]!.replace(/\\./g, '') : m[2]!.replace(/''/g, '');
    if (!rest.includes(m[1]!)) return i + 1;
  }
  return undefined;
}

/** YAML's error (English, often about a symptom) → what staff did and where. */
function explainYamlError(err: YAMLError, text: string, lc: LineCounter): Explained {
  const line = lc.linePos(err.pos[0]).line;
  const message = err.message;
  if (err.code === 'DUPLICATE_KEY') {
    return { line, detail: '同一个字段写了两次', hint: '删除重复的一行，或合并两处内容' };
  }
  if (err.code === 'MULTILINE_IMPLICIT_KEY') {
    // Either this line has no "key: " at all, or the next line is indented
    // deeper than its siblings and was read as the continuation of a value.
    if (/^\s*(?:-\s+)?$/.test(text.slice(lineStart(text, err.pos[0]), err.pos[0]))) {
      return { line, detail: '这一行缺少“字段: 值”中的半角冒号（冒号后要加一个空格）' };
    }
    return {
      line: lc.linePos(err.pos[1]).line,
      detail: '这一行比上一行的同级字段缩进得多，被当成了上一行的值的延续',
      hint: '同级字段左端对齐，下级字段用两个空格缩进',
    };
  }
  if (err.code === 'BLOCK_AS_IMPLICIT_KEY' || /mapping values are not allowed/i.test(message)) {
    return { line, detail: '值里含有“: ”（冒号加空格），系统把它当成了字段', hint: '请给这个值加上引号，例如 title: "通知：关于……"，或改用全角冒号“：”' };
  }
  const bracket = /end with a ([\]}])/.exec(message);
  if (bracket) {
    const open = bracket[1] === ']' ? '[' : '{';
    const at = text.lastIndexOf(open, err.pos[0]);
    return {
      line: at >= 0 ? lc.linePos(at).line : line,
      detail: `这一行的 ${open} 没有用 ${bracket[1]} 结束`,
      hint: `写在一行里的${open === '[' ? '列表' : '字段组'}要在同一行闭合，例如 ${open === '[' ? 'co_units: [env, community-3]' : 'registered: { date: 2026-03-09, by: sun-li }'}`,
    };
  }
  if (/bad indentation|indent|same column/i.test(message)) {
    return { line, detail: '缩进不一致', hint: '下级字段统一用两个空格缩进，同级字段左端对齐' };
  }
  if (/Missing closing|quote/i.test(message)) {
    return { line: unclosedQuoteLine(text) ?? line, detail: '引号没有闭合', hint: '检查这一行的引号是否成对；值里要用引号时可改用中文引号“”' };
  }
  if (/Implicit map keys need to be followed by map values/i.test(message)) {
    return { line, detail: '这一行缺少“字段: 值”中的半角冒号（冒号后要加一个空格）', hint: '每行写成“字段: 值”；列表项写成“- 值”（短横线后加一个空格）' };
  }
  const lineText = text.slice(lineStart(text, err.pos[0])).split('\n')[0]!;
  if (/(?::\s+|^\s*-\s+)[*&]/.test(lineText)) {
    return { line, detail: '值以 * 或 & 开头，被当成了 YAML 的引用', hint: '请给这个值加上引号，例如 title: "*重点* 事项"' };
  }
  if (/Unexpected scalar at node end/i.test(message)) {
    return {
      line,
      detail: '引号或括号后面还有多余的文字',
      hint: '引号要包住整个值；值里要用引号时请用中文引号，例如 title: 关于“两违”整治的通知',
    };
  }
  if (err.code === 'BAD_SCALAR_START') {
    return { line, detail: '值不能以 @、`、% 等符号开头', hint: '请给这个值加上引号，例如 title: "@某某"' };
  }
  if (/tab/i.test(message)) return { line, detail: '使用了 Tab', hint: '请用两个空格代替 Tab' };
  return { line, detail: `无法解析（${message.split('\n')[0]}）` };
}

/**
 * After the first syntax error YAML mostly reports its consequences: keep
 * that one (preferring the error that names the real cause when several
 * start at the same place), plus every duplicate key, which stands alone.
 */
function pickErrors(errors: readonly YAMLError[]): YAMLError[] {
  const sorted = [...errors].sort((a, b) => a.pos[0] - b.pos[0]);
  const dups = sorted.filter((e) => e.code === 'DUPLICATE_KEY');
  const first = sorted.find((e) => e.code !== 'DUPLICATE_KEY');
  if (!first) return dups;
  const cause = sorted.find((e) => e.pos[0] === first.pos[0] && e.code === 'MULTILINE_IMPLICIT_KEY') ?? first;
  return [...dups, cause].sort((a, b) => a.pos[0] - b.pos[0]);
}

/** The first alias (`*name`) in the document: a value that starts with `*`. */
function firstAliasLine(doc: Document, lc: LineCounter): number {
  let line = 1;
  visit(doc, {
    Alias(_, node) {
      line = lc.linePos(node.range?.[0] ?? 0).line;
      return visit.BREAK;
    },
  });
  return line;
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

function parseYamlSlow(yamlText: string, firstLine: number, file: string): YamlParse {
  const lc = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lc, uniqueKeys: true, prettyErrors: false, strict: true });
  const issues: Issue[] = lintLines(yamlText, firstLine, file);
  // A tab or a full-width colon makes YAML report confusing errors elsewhere
  // in the file; the line-level issue already says what to fix.
  for (const err of issues.length ? [] : pickErrors(doc.errors)) {
    const { line, detail, hint } = explainYamlError(err, yamlText, lc);
    issues.push(issue('yaml-syntax', { file, line: line + firstLine - 1 }, { detail, hint }));
  }
  let data: unknown;
  if (doc.errors.length === 0 && issues.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: 50 });
    } catch {
      // An unquoted value starting with `*` (e.g. *重点*) is a YAML alias;
      // resolving an undefined one throws.
      issues.push(
        issue('yaml-syntax', { file, line: firstAliasLine(doc, lc) + firstLine - 1 }, {
          detail: '值以 * 开头，被当成了 YAML 的引用',
          hint: '请给这个值加上引号，例如 title: "*重点* 事项"',
        }),
      );
    }
  }
  const ok = doc.errors.length === 0 && issues.length === 0;
  return { ok, issues, data: ok ? data : undefined, lineOf: makeLineOf(ok ? doc : undefined, lc, firstLine) };
}

interface YamlParse {
  /** Parsed without error (data may still be a non-object). */
  ok: boolean;
  issues: Issue[];
  data: unknown;
  lineOf: (path: FieldPath) => number;
}

/**
 * Fast path: js-yaml (YAML 1.2 core schema: dates stay strings, duplicate
 * keys rejected) reads a clean file about three times faster than the
 * `yaml` package; the `yaml` document with its line map is only built when
 * a line is asked for (an issue was found). Anything js-yaml or the line
 * lint rejects goes the slow path, whose messages are the precise ones.
 */
function parseYaml(yamlText: string, firstLine: number, file: string): YamlParse {
  if (lintLines(yamlText, firstLine, file).length === 0) {
    let data: unknown;
    try {
      data = jsYamlLoad(yamlText, { schema: CORE_SCHEMA, json: false });
    } catch {
      return parseYamlSlow(yamlText, firstLine, file);
    }
    let lineOf: ((path: FieldPath) => number) | undefined;
    return {
      ok: true,
      issues: [],
      data: data === undefined ? null : data,
      lineOf: (path) => (lineOf ??= parseYamlSlow(yamlText, firstLine, file).lineOf)(path),
    };
  }
  return parseYamlSlow(yamlText, firstLine, file);
}

/**
 * Split `---` frontmatter from the body, with gray-matter's rules (the block
 * runs from the opening `---` to the next line starting with `---`; one line
 * end after the closing delimiter is dropped). Measured on 22,000 records:
 * gray-matter 821 ms (it copies every file into a Buffer and merges options
 * per call), this 41 ms — a quarter of a 10,000-item working-tree check.
 */
export function splitFrontmatter(text: string): { matter: string; content: string } {
  const close = text.indexOf('\n---', 3);
  if (close < 0) return { matter: text.slice(3), content: '' };
  const content = text.slice(close + 4);
  return { matter: text.slice(3, close), content: content.startsWith('\n') ? content.slice(1) : content };
}

/** Parse a Markdown record with YAML frontmatter. */
export function parseFrontmatterText(raw: string, file: string): ParsedText {
  const text = normaliseText(raw);
  if (!/^---[ \t]*\n/.test(text)) {
    return { data: undefined, body: text, bodyLine: 1, lineOf: () => 1, issues: [issue('no-frontmatter', { file, line: 1 })] };
  }
  const firstLine = 2;
  const fm = splitFrontmatter(text);
  // the rest of the opening delimiter line is dropped so YAML line 1 is file line 2
  const parsed = parseYaml(fm.matter.replace(/^[ \t]*\n/, ''), firstLine, file);
  // `---` straight after `---` leaves no YAML line at all
  const yamlLines = fm.matter === '' ? 0 : fm.matter.replace(/^[ \t]*\n/, '').split('\n').length;
  const bodyLine = firstLine + yamlLines + 1;
  const issues = [...parsed.issues];
  if (!text.slice(3).includes('\n---')) {
    issues.push(issue('yaml-syntax', { file, line: 1 }, { detail: '元数据块没有以 --- 结束', hint: '在最后一个字段之后加一行 ---' }));
  }
  let data = parsed.data;
  if (parsed.ok && (data === null || typeof data !== 'object' || Array.isArray(data))) {
    issues.push(issue('yaml-syntax', { file, line: firstLine }, { detail: '元数据应是一组“字段: 值”' }));
    data = undefined;
  }
  return { data: issues.length ? undefined : data, body: fm.content, bodyLine, lineOf: parsed.lineOf, issues };
}

/** Parse a plain YAML file (registries, config). */
export function parseYamlText(raw: string, file: string): ParsedText {
  const text = normaliseText(raw);
  const parsed = parseYaml(text, 1, file);
  const issues = [...parsed.issues];
  let data = parsed.data;
  if (parsed.ok && (data === null || typeof data !== 'object' || Array.isArray(data))) {
    issues.push(issue('yaml-syntax', { file, line: 1 }, { detail: '文件内容应是一组“字段: 值”' }));
    data = undefined;
  }
  return { data: issues.length ? undefined : data, body: '', bodyLine: 1, lineOf: parsed.lineOf, issues };
}
