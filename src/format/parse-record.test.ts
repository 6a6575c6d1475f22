/**
 * Text → record: what staff type by hand (BOM, CRLF, CR, full-width spaces)
 * is accepted; what is ambiguous is rejected at the line they typed it.
 */
import { describe, expect, it } from 'vitest';
import { normaliseText, parseFrontmatterText, parseYamlText, type ParsedText } from './parse-record.ts';

const ITEM = [
  '---',
  'id: DB-2026-0031', // 2
  'title: 背街小巷整治', // 3
  'source:', // 4
  '  type: party_committee', // 5
  '  name: 党工委会议', // 6
  '  date: 2026-03-09', // 7
  'leaders: [li-ming, wang-jun]', // 8
  'co_units:', // 9
  '  - env', // 10
  '  - community-3', // 11
  'assigned: { date: 2026-03-10, by: liu-yang }', // 12
  'extensions:', // 13
  '  - date: 2026-04-20', // 14
  '    from: 2026-04-30', // 15
  '    to: 2026-05-31', // 16
  'deadline: 2026-05-31', // 17
  '---', // 18
  '会议要求：……', // 19
  '',
  '第二段。',
].join('\n');

const FILE = 'records/items/2026/DB-2026-0031/item.md';
const lines = (p: ParsedText) => p.issues.map((i) => `${i.line}: 【${i.code}】${i.message}`);

describe('parseFrontmatterText', () => {
  const plain = parseFrontmatterText(ITEM, FILE);

  it('parses a record', () => {
    expect(plain.issues).toEqual([]);
    expect(plain.data).toMatchObject({ id: 'DB-2026-0031', leaders: ['li-ming', 'wang-jun'], co_units: ['env', 'community-3'] });
  });

  it('keeps dates as strings (no Date at UTC midnight)', () => {
    const d = plain.data as Record<string, any>;
    expect(d.source.date).toBe('2026-03-09');
    expect(d.assigned.date).toBe('2026-03-10');
    expect(d.extensions[0]).toEqual({ date: '2026-04-20', from: '2026-04-30', to: '2026-05-31' });
    expect(d.deadline).toBe('2026-05-31');
  });

  it('maps field paths to file lines, nested and in lists', () => {
    const at = plain.lineOf;
    expect(at(['id'])).toBe(2);
    expect(at(['source'])).toBe(4);
    expect(at(['source', 'date'])).toBe(7);
    expect(at(['leaders', 1])).toBe(8);
    expect(at(['co_units', 1])).toBe(11);
    expect(at(['assigned', 'by'])).toBe(12);
    expect(at(['extensions', 0])).toBe(14);
    expect(at(['extensions', 0, 'to'])).toBe(16);
    expect(at(['deadline'])).toBe(17);
  });

  it('falls back to the nearest existing parent, or the opening ---', () => {
    expect(plain.lineOf(['source', 'doc_no'])).toBe(4);
    expect(plain.lineOf(['extensions', 3, 'to'])).toBe(13);
    expect(plain.lineOf(['nothing'])).toBe(1);
    expect(plain.lineOf([])).toBe(1);
  });

  it('knows where the body starts', () => {
    expect(plain.bodyLine).toBe(19);
    expect(plain.body.split('\n')[0]).toBe('会议要求：……');
  });

  it.each([
    ['BOM', (t: string) => `\uFEFF${t}`],
    ['CRLF', (t: string) => t.replace(/\n/g, '\r\n')],
    ['BOM + CRLF', (t: string) => `\uFEFF${t.replace(/\n/g, '\r\n')}`],
    ['CR only', (t: string) => t.replace(/\n/g, '\r')],
    ['trailing spaces after ---', (t: string) => t.replace(/^---\n/, '---  \n')],
  ])('reads %s exactly like LF', (_, variant) => {
    const p = parseFrontmatterText(variant(ITEM), FILE);
    expect(p.issues).toEqual([]);
    expect(p.data).toEqual(plain.data);
    expect(p.body).toBe(plain.body);
    expect(p.bodyLine).toBe(19);
    for (const path of [['id'], ['source', 'date'], ['co_units', 1], ['extensions', 0, 'to'], ['deadline']]) {
      expect(p.lineOf(path)).toBe(plain.lineOf(path));
    }
  });

  it('keeps full-width spaces for the schema to trim', () => {
    const p = parseFrontmatterText('---\ntitle: 　背街小巷　\n---\n', FILE);
    expect((p.data as { title: string }).title).toBe('　背街小巷　');
  });

  it('rejects a duplicate key at its second line', () => {
    const p = parseFrontmatterText('---\nid: A\ntitle: a\nkind: meeting\ntitle: b\n---\n', FILE);
    expect(p.data).toBeUndefined();
    expect(lines(p)).toEqual(['5: 【yaml-syntax】元数据的格式有误：同一个字段写了两次']);
  });

  it('rejects a duplicate nested key', () => {
    const p = parseFrontmatterText('---\nsource:\n  date: 2026-01-01\n  date: 2026-01-02\n---\n', FILE);
    expect(lines(p)).toEqual(['4: 【yaml-syntax】元数据的格式有误：同一个字段写了两次']);
  });

  it('says when there is no frontmatter', () => {
    const p = parseFrontmatterText('标题：背街小巷\n', FILE);
    expect(lines(p)).toEqual(['1: 【no-frontmatter】文件开头缺少由两行 --- 包住的元数据块']);
    expect(p.data).toBeUndefined();
  });

  it('says when the closing --- is missing', () => {
    const p = parseFrontmatterText('---\nid: A\ntitle: a\n', FILE);
    expect(lines(p)).toEqual(['1: 【yaml-syntax】元数据的格式有误：元数据块没有以 --- 结束']);
  });

  it('rejects an empty or comment-only block, and still finds the body', () => {
    const empty = parseFrontmatterText('---\n---\nbody\n', FILE);
    expect(lines(empty)).toEqual(['2: 【yaml-syntax】元数据的格式有误：元数据应是一组“字段: 值”']);
    expect(empty).toMatchObject({ body: 'body\n', bodyLine: 3 });
    expect(lines(parseFrontmatterText('---\n# 草稿\n---\n', FILE))).toEqual(['2: 【yaml-syntax】元数据的格式有误：元数据应是一组“字段: 值”']);
    expect(parseFrontmatterText('---\n\n---\nbody', FILE).bodyLine).toBe(4);
  });

  it('rejects frontmatter that is not a set of fields', () => {
    const p = parseFrontmatterText('---\n- a\n- b\n---\n', FILE);
    expect(lines(p)).toEqual(['2: 【yaml-syntax】元数据的格式有误：元数据应是一组“字段: 值”']);
  });

  it.each([
    ['a tab', '---\nid: A\nsource:\n\ttype: x\n---\n', '4: 【tab-indent】这一行用 Tab 键缩进，YAML 不允许'],
    ['a full-width colon', '---\nid: A\ntitle：背街小巷\n---\n', '3: 【fullwidth-colon】这一行用了全角冒号“：”：“title：背街小巷”，系统无法识别字段名'],
    ['an unclosed quote', '---\nid: A\ntitle: "背街小巷\nkind: meeting\nstate: x\n---\n', '3: 【yaml-syntax】元数据的格式有误：引号没有闭合'],
    ['an unclosed [', '---\nid: A\nleaders: [li-ming, wang-jun\nkind: meeting\n---\n', '3: 【yaml-syntax】元数据的格式有误：这一行的 [ 没有用 ] 结束'],
    ['an unclosed {', '---\nid: A\nassigned: { date: 2026-03-10\nkind: meeting\n---\n', '3: 【yaml-syntax】元数据的格式有误：这一行的 { 没有用 } 结束'],
    ['a line indented too deep', '---\nsource:\n  type: x\n  name: y\n   date: 2026-01-01\n---\n', '5: 【yaml-syntax】元数据的格式有误：这一行比上一行的同级字段缩进得多，被当成了上一行的值的延续'],
    ['a line indented too little', '---\nsource:\n  type: x\n name: y\n---\n', '4: 【yaml-syntax】元数据的格式有误：缩进不一致'],
    ['a missing space after the colon', '---\nid: A\ntitle:背街小巷\nkind: meeting\n---\n', '3: 【yaml-syntax】元数据的格式有误：这一行缺少“字段: 值”中的半角冒号（冒号后要加一个空格）'],
    ['": " inside a value', '---\nid: A\ntitle: 通知: 关于整治\n---\n', '3: 【yaml-syntax】元数据的格式有误：值里含有“: ”（冒号加空格），系统把它当成了字段'],
    ['text after a quoted value', '---\nid: A\ntitle: "两违"整治\n---\n', '3: 【yaml-syntax】元数据的格式有误：引号或括号后面还有多余的文字'],
    ['a value starting with *', '---\nid: A\ntitle: *重点*\n---\n', '3: 【yaml-syntax】元数据的格式有误：值以 * 开头，被当成了 YAML 的引用'],
    ['a value starting with @', '---\nid: A\ntitle: @张三\n---\n', '3: 【yaml-syntax】元数据的格式有误：值不能以 @、`、% 等符号开头'],
  ])('rejects %s at the line typed', (_, text, expected) => {
    const p = parseFrontmatterText(text, FILE);
    expect(p.data).toBeUndefined();
    expect(lines(p)).toEqual([expected]);
    for (const i of p.issues) expect(i.file).toBe(FILE);
  });

  it('keeps the same line numbers with a BOM and CRLF', () => {
    const p = parseFrontmatterText('\uFEFF---\r\nid: A\r\ntitle: a\r\ntitle: b\r\n---\r\n', FILE);
    expect(lines(p)).toEqual(['4: 【yaml-syntax】元数据的格式有误：同一个字段写了两次']);
  });

  it('accepts quotes inside a value and # without a space', () => {
    const p = parseFrontmatterText('---\ntitle: 关于"两违"整治\nnote: 第#1号\n---\n', FILE);
    expect(p.issues).toEqual([]);
    expect(p.data).toEqual({ title: '关于"两违"整治', note: '第#1号' });
  });
});

describe('parseYamlText', () => {
  const PEOPLE = ['# 人员名册', 'people:', '  - id: wang-jun', '    name: 王军', '    emails: [wang.jun@zhangfan.gov.cn]', '  - id: li-ming', '    name: 李明'].join('\n');

  it('maps registry entries to their lines', () => {
    const p = parseYamlText(PEOPLE, 'records/people.yml');
    expect(p.issues).toEqual([]);
    expect(p.lineOf(['people', 0, 'id'])).toBe(3);
    expect(p.lineOf(['people', 0, 'emails', 0])).toBe(5);
    expect(p.lineOf(['people', 1, 'name'])).toBe(7);
    expect(p.lineOf(['people', 1, 'roles'])).toBe(6);
  });

  it('reads BOM and CRLF registries', () => {
    const p = parseYamlText(`\uFEFF${PEOPLE.replace(/\n/g, '\r\n')}`, 'records/people.yml');
    expect(p.issues).toEqual([]);
    expect(p.lineOf(['people', 1, 'name'])).toBe(7);
    expect((p.data as { people: { id: string }[] }).people.map((x) => x.id)).toEqual(['wang-jun', 'li-ming']);
  });

  it('rejects duplicate keys', () => {
    const p = parseYamlText('organisation: a\noffice: b\norganisation: c\n', 'records/config.yml');
    expect(lines(p)).toEqual(['3: 【yaml-syntax】元数据的格式有误：同一个字段写了两次']);
  });

  it('rejects a file that is not a set of fields', () => {
    expect(lines(parseYamlText('just text\n', 'records/config.yml'))).toEqual(['1: 【yaml-syntax】元数据的格式有误：文件内容应是一组“字段: 值”']);
  });
});

describe('normaliseText', () => {
  it('drops one BOM and turns CRLF and CR into LF', () => {
    expect(normaliseText('\uFEFFa\r\nb\rc\n')).toBe('a\nb\nc\n');
    expect(normaliseText('a\uFEFFb')).toBe('a\uFEFFb');
  });
});
