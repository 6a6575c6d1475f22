/**
 * Surgical edits, pinned by golden files (`golden/*.before.md` →
 * `*.after.md`): a step writes its field, appends its entry or clears what
 * a return sends back, and every other byte — comments and their column,
 * key order, blank lines, a BOM, CRLF line ends, the Markdown body — is as
 * it was. `UPDATE_GOLDEN=1` rewrites the expected files (then read them).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ITEM_KEYS, type Op } from '../domain/actions/apply.ts';
import { editRecordText, editYaml } from './edit-record.ts';
import { parseFrontmatterText } from './parse-record.ts';

const DIR = join(import.meta.dirname, 'golden');

function golden(name: string, ops: Op[]) {
  const before = readFileSync(join(DIR, `${name}.before.md`), 'utf8');
  const after = editRecordText(before, ops, ITEM_KEYS);
  const file = join(DIR, `${name}.after.md`);
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, after);
  expect(after).toBe(readFileSync(file, 'utf8'));
  return { before, after };
}

const body = (t: string) => t.slice(t.indexOf('\n---', 4));

describe('surgical edits of a record', () => {
  it('a step on the commented template: the state keeps its comment column, the new step follows the last one', () => {
    const { before, after } = golden('template-item', [
      { op: 'set', path: ['state'], value: 'assigned' },
      { op: 'set', path: ['assigned'], value: { date: '2026-11-23', by: 'wang-fang', notice: 'TZ-2026-009' } },
      { op: 'append', path: ['returns'], value: { date: '2026-11-24', by: 'wang-fang', reason: '材料不全：请补充台账。' } },
      { op: 'set', path: ['source', 'type'], value: 'cadre_meeting' },
    ]);
    expect(body(after)).toBe(body(before));
    const column = (t: string) => t.split('\n').find((l) => l.startsWith('state:'))!.indexOf('#');
    expect(column(after)).toBe(column(before));
    const parsed = parseFrontmatterText(after, 'x.md');
    expect(parsed.issues).toEqual([]);
    expect((parsed.data as Record<string, unknown>).returns).toEqual([{ date: '2026-11-24', by: 'wang-fang', reason: '材料不全：请补充台账。' }]);
  });

  it('BOM and CRLF kept; entries appended to block lists, a key added to a block object, a return’s step deleted', () => {
    const { before, after } = golden('crlf-item', [
      { op: 'set', path: ['state'], value: 'in_progress' },
      { op: 'delete', path: ['arranged'] },
      { op: 'set', path: ['flag', 'lifted'], value: '2026-11-01' },
      { op: 'append', path: ['accountability'], value: { date: '2026-11-02', unit: 'community-4', measure: '通报批评。', reason: '再次滞后。', decided_by: 'liu-haiyan' } },
      { op: 'append', path: ['extensions'], value: { date: '2026-11-02', from: '2026-08-31', to: '2026-12-31', approved_by: 'liu-haiyan', reason: '产权纠纷。' } },
      { op: 'set', path: ['deadline'], value: '2026-12-31' },
    ]);
    expect(after.startsWith('\uFEFF---\r\n')).toBe(true);
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
    expect(body(after)).toBe(body(before));
  });

  it('flow objects and lists', () => {
    expect(editYaml('flag: { date: 2026-01-01, by: w, reason: r }\n', [{ op: 'set', path: ['flag', 'lifted'], value: '2026-02-01' }])).toBe(
      'flag: { date: 2026-01-01, by: w, reason: r, lifted: 2026-02-01 }\n',
    );
    expect(editYaml('tags: [a]\nreturns: []   # 退回\n', [{ op: 'append', path: ['returns'], value: { date: '2026-01-02', by: 'w', reason: '要: 补' } }])).toBe(
      'tags: [a]\nreturns:\n  - date: 2026-01-02\n    by: w\n    reason: "要: 补"\n',
    );
    expect(editYaml('id: X\n', [{ op: 'set', path: ['leaders'], value: ['a', 'b'] }])).toBe('id: X\nleaders: [a, b]\n');
  });
});
