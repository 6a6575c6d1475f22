/** Staff Markdown → the blocks of an official document. */
import { expect, it } from 'vitest';
import { noticeDocument, withoutPrinted, type Block } from '../domain/documents/official-document.ts';
import { markdownBlocks } from './markdown-blocks.ts';

const text = (b: Block) => (b.type === 'p' ? b.runs.map((r) => r.text).join('') : b.type === 'h' ? b.text : b.head.join('|'));

it('gives each item of a nested list a paragraph of its own, numbered where the list is', () => {
  const md = ['1. **冬季走访**（DB-2026-0042）', '   - 督查内容：全覆盖走访。', '   - 牵头单位：社事办', '   - 落实时限：2026-12-31', '2. **项目征集**（DB-2026-0043）', ''].join('\n');
  expect(markdownBlocks(md).map(text)).toEqual(['1. 冬季走访（DB-2026-0042）', '督查内容：全覆盖走访。', '牵头单位：社事办', '落实时限：2026-12-31', '2. 项目征集（DB-2026-0043）']);
});

it('counts headings from the top level used and keeps bold runs', () => {
  const blocks = markdownBlocks('## 一、总体情况\n\n**超期**事项4项。\n\n### （一）进展\n');
  expect(blocks).toEqual([
    { type: 'h', level: 1, text: '一、总体情况' },
    { type: 'p', runs: [{ text: '超期', bold: true }, { text: '事项4项。', bold: false }] },
    { type: 'h', level: 2, text: '（一）进展' },
  ]);
});

it('leaves out of a notice body what the layout prints itself: kind, 文号, title, addressees, signature', () => {
  const md = [
    '# 督办通知',
    '',
    '**张范督办〔2026〕7号**',
    '',
    '## 关于督办议定事项的通知',
    '',
    '社事办、党政办：',
    '',
    '现将有关事项督办如下。',
    '',
    '## 一、督办事项',
    '',
    '联系人：考核督查办 王芳',
    '',
    '张范街道考核督查办　　2026年11月12日',
  ].join('\n');
  const body = withoutPrinted(markdownBlocks(md), { kind: '督办通知', docNo: '张范督办〔2026〕7号', title: '关于督办议定事项的通知', office: '张范街道考核督查办', date: '2026-11-12', addressees: ['社事办', '党政办'] });
  expect(body.map(text)).toEqual(['现将有关事项督办如下。', '一、督办事项', '联系人：考核督查办 王芳']);
});

it('keeps a body that does not repeat them whole, and a first paragraph ending in a colon that is not a list of addressees', () => {
  const blocks = markdownBlocks('现将有关事项督办如下。\n\n请抓好落实。\n');
  expect(withoutPrinted(blocks, { kind: '督办通知', title: 'T', office: 'O', date: '2026-11-12', addressees: [] })).toEqual(blocks);
  const colon = markdownBlocks('经主要领导批示，现将有关事项通知如下：\n\n一是抓落实。\n');
  expect(withoutPrinted(colon, { kind: '督办通知', title: 'T', office: 'O', date: '2026-11-12', addressees: ['社事办'] })).toEqual(colon);
  const various = markdownBlocks('各相关单位、社事办：\n\n请抓好落实。\n');
  expect(withoutPrinted(various, { kind: '督办通知', title: 'T', office: 'O', date: '2026-11-12', addressees: ['社事办'] }).map(text)).toEqual(['请抓好落实。']);
});

it('adds the table of items and the 报送要求 to a notice only when its body lacks them', () => {
  const ledger = { items: [], config: undefined, people: [], units: [] } as never;
  const notice = { id: 'TZ-2026-001', title: 'T', doc_no: 'N', date: '2026-11-12', items: ['DB-2026-0001'], to_leaders: [], to_units: [], report_requirement: '每周五报送' } as never;
  const bare = noticeDocument(ledger, notice, markdownBlocks('请抓好落实。'));
  expect(bare.blocks.map(text)).toContain('报送要求：每周五报送');
  const full = noticeDocument(ledger, notice, markdownBlocks('DB-2026-0001 每周五报送。'));
  expect(full.blocks.map(text)).toEqual(['DB-2026-0001 每周五报送。']);
});
