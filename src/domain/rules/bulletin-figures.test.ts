/**
 * A bulletin's stated figures against the ledger: the valid fixture's
 * bulletin passes; a hand-changed rate, a bad period and a typed 版记 are
 * each flagged with their own code, and the text staff read is pinned.
 * A history check's partial ledger does not judge figures (it cannot).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyCase, FIXTURES } from '../../../tests/fixtures/cases.ts';
import { checkTree } from '../../checker/check-tree.ts';
import { formatIssue } from '../../checker/format.ts';
import { checkLedger } from './index.ts';

const TODAY = '2026-11-24';
const root = mkdtempSync(join(tmpdir(), 'ledger-bulletin-figures-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const run = (name: string) => checkTree(copyCase(name, root), { today: TODAY }).issues.map(formatIssue).join('\n');

describe('bulletin figures', () => {
  it('the valid bulletin states the ledger’s figures', () => {
    const { ledger, issues } = checkTree(join(FIXTURES, 'valid'), { today: TODAY });
    expect(issues).toEqual([]);
    expect(ledger.bulletins[0]?.value.figures?.completion_rate).toBe('33.3%');
  });

  it('a hand-changed rate is flagged, naming the field, what the ledger says and how to regenerate', () => {
    expect(run('bulletin-figures')).toMatchInlineSnapshot(`
      "records/bulletins/2026/TB-2026-04.md:28: 【bulletin-figures】通报中 figures.completion_rate 写的是 “66.7%”，按台账截至 2026-04-30 的记录计算应为 “33.3%”
          提示：通报中的统计数据由 ledger bulletin 按台账计算，不得手改；台账有误的，请先更正台账再重新生成（ledger bulletin --period 2026-04 --dry-run 可查看计算结果）"
    `);
  });

  it('a period that is not one is flagged', () => {
    expect(run('bulletin-period')).toMatchInlineSnapshot(`
      "records/bulletins/2026/TB-2026-04.md:18: 【bulletin-period】统计期 “2026年4月” 写法不对：应为 2026（年）、2026H2（半年）、2026Q3（季度）、2026-11（月）或 2026-03-01..2026-05-31（起止日期）
          提示：统计期写成 2026（年）、2026H2（半年）、2026Q3（季度）、2026-11（月）或 2026-03-01..2026-05-31；有 figures 的通报须写明 period，统计截止日期 as_of 不晚于印发日期"
    `);
  });

  it('a typed 版记 is flagged at its line', () => {
    expect(run('bulletin-typed-banji')).toMatchInlineSnapshot(`
      "records/bulletins/2026/TB-2026-04.md:53: 【bulletin-typed-banji】通报正文手写了版记（“报：区委督查室”），打印时会与按字段排版的版记重复
          提示：版记（报、送、发、印发机关和日期、份数）由 distribution、date、copies 字段自动排版：请删除正文末尾手写的版记，改在这些字段中填写"
    `);
  });

  it('a rate typed into 一、总体情况 is held to the figures', () => {
    const dir = copyCase('bulletin-figures', root);
    const file = join(dir, 'records/bulletins/2026/TB-2026-04.md');
    const text = readFileSync(join(FIXTURES, 'valid/records/bulletins/2026/TB-2026-04.md'), 'utf8');
    writeFileSync(file, text.replace('农贸市场周边占道经营整治已按期完成。', '农贸市场周边占道经营整治已按期完成，办结率50%，反馈率20%。'));
    const out = checkTree(dir, { today: TODAY }).issues;
    expect(out.map((i) => [i.code, i.message])).toEqual([['bulletin-figures', '通报中 正文“一、总体情况”中的办结率 写的是 “50%”，按台账截至 2026-04-30 的记录计算应为 “33.3%”']]);
  });

  it('waits for a complete ledger: a history check’s partial ledger is not judged', () => {
    const { ledger } = checkTree(copyCase('bulletin-figures', root), { today: TODAY });
    const partial = { ...ledger, items: ledger.items.slice(0, 1) };
    const files = new Set(['records/bulletins/2026/TB-2026-04.md']);
    expect(checkLedger(partial, { files }).filter((i) => i.code === 'bulletin-figures')).toEqual([]);
  });
});

describe('the scoring a bulletin states', () => {
  it('is what its ranking is checked by: a later change of config.yml’s weights leaves issued bulletins valid', () => {
    // the demo's config weighs inspection scores (20); TB-2026-10 was ranked before that, and says so
    const dir = mkdtempSync(join(root, 'demo-'));
    cpSync(join(FIXTURES, '../../records'), join(dir, 'records'), { recursive: true });
    const file = join(dir, 'records/bulletins/2026/TB-2026-10.md');
    expect(checkTree(dir, { today: '2026-11-26' }).issues.filter((i) => i.severity === 'error')).toEqual([]);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/\n {2}score:\n {4}completion: 40\n[\s\S]*?\n {4}inspection: 0\n/);
    writeFileSync(file, text.replace(/\n {2}score:\n(?: {4}.*\n)+/, '\n'));
    const issues = checkTree(dir, { today: '2026-11-26' }).issues.filter((i) => i.file.endsWith('TB-2026-10.md'));
    expect(issues.length).toBeGreaterThan(0);
    expect(new Set(issues.map((i) => i.code))).toEqual(new Set(['bulletin-figures']));
  });
});
