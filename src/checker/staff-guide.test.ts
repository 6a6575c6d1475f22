/**
 * The staff guide (records/README.md) lists every code the checker can
 * report, once, with the catalogue's title, and says how many there are.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG, type IssueCode } from '../domain/issues.ts';

const guide = readFileSync(join(resolve(import.meta.dirname, '../..'), 'records/README.md'), 'utf8');
const section = guide.slice(guide.indexOf('检查程序的全部'));
const rows = [...section.matchAll(/^\| `([a-z0-9-]+)` \| ([^|]+) \|/gm)].map((m) => ({ code: m[1]!, title: m[2]!.trim() }));

describe('records/README.md code table', () => {
  it('lists every catalogue code once, with its title', () => {
    const codes = Object.keys(CATALOG) as IssueCode[];
    expect(rows.map((r) => r.code).sort()).toEqual([...codes].sort());
    for (const r of rows) expect(r.title, r.code).toBe(CATALOG[r.code as IssueCode].title);
  });

  it('says how many there are', () => {
    expect(guide).toContain(`检查程序的全部 ${Object.keys(CATALOG).length} 种检查意见`);
  });
});
