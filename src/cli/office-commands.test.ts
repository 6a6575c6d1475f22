/**
 * The clerk's three commands on the valid fixture ledger: `ledger bulletin
 * --period` drafts a record the checker accepts (figures included);
 * `ledger stats --json` equals the site's figures for the same period;
 * `ledger remind --record` appends 催办 entries that pass the history check
 * (`check --range`) when committed by the office.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../tests/fixtures/cases.ts';
import { checkRange } from '../checker/check-range.ts';
import { checkTree } from '../checker/check-tree.ts';
import { figuresJson } from '../domain/period-figures.ts';
import { periodOf } from '../domain/period.ts';
import { checkApplication, yearVolume } from '../domain/volume.ts';
import { loadSite } from '../site/data/load-site.ts';
import { runMain } from './main.ts';

const TODAY = '2026-11-24';
const root = mkdtempSync(join(tmpdir(), 'ledger-office-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function ledgerCopy(): string {
  const dir = mkdtempSync(join(root, 'ledger-'));
  cpSync(join(FIXTURES, 'valid/records'), join(dir, 'records'), { recursive: true });
  return dir;
}

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runMain(argv, { out: (s) => void (out += s), err: (s) => void (err += s) });
  return { code, out, err };
}

/** A Git repository of `dir` whose one commit is by the office, on `date`. */
function gitCommit(dir: string, date: string, message: string, init = false) {
  const env = { ...process.env, HOME: dir, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: '孙丽', GIT_AUTHOR_EMAIL: 'sun.li@zhangfan.gov.cn', GIT_COMMITTER_NAME: '孙丽', GIT_COMMITTER_EMAIL: 'sun.li@zhangfan.gov.cn', GIT_AUTHOR_DATE: `${date}T10:00:00+08:00`, GIT_COMMITTER_DATE: `${date}T10:00:00+08:00` };
  if (init) execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir, env });
  execFileSync('git', ['add', '-A'], { cwd: dir, env });
  execFileSync('git', ['commit', '-q', '-m', message], { cwd: dir, env });
}

describe('ledger bulletin --period', () => {
  it('--dry-run prints the draft and writes nothing', async () => {
    const dir = ledgerCopy();
    const r = await run('bulletin', '--period', '2026-11', '--dry-run', '--dir', dir, '--today', TODAY, '--as', 'sun-li');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('id: TB-2026-05');
    expect(r.out).toContain('## 一、总体情况');
    expect(r.out).toContain('## 四、责任单位排名');
    expect(r.err).toContain('试运行，未写文件');
    expect(readdirSync(join(dir, 'records/bulletins/2026'))).toEqual(['TB-2026-04.md']);
  });

  it('writes the next 期号 as a draft the checker accepts, figures verified against the ledger', async () => {
    const dir = ledgerCopy();
    const r = await run('bulletin-draft', '--period', '2026Q4', '--dir', dir, '--today', TODAY, '--as', 'sun-li');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('已写出通报草稿 records/bulletins/2026/TB-2026-05.md');
    const { ledger, issues } = checkTree(dir, { today: TODAY });
    expect(issues).toEqual([]);
    const b = ledger.bulletins.find((x) => x.value.id === 'TB-2026-05')!.value;
    expect(b).toMatchObject({ draft: true, period: '2026Q4', number: 5, total: 38, drafted: { by: 'sun-li', date: TODAY } });
    expect(b.figures?.as_of).toBe(TODAY);
    // a second run refuses: the 期号 exists now, and nothing is overwritten
    const again = await run('bulletin', '--period', '2026Q4', '--dir', dir, '--today', TODAY, '--as', 'sun-li');
    expect(again.code).toBe(0);
    expect(again.out).toContain('TB-2026-06');
  });

  it('refuses a drafter who is not in the office, and a period that is not one', async () => {
    const dir = ledgerCopy();
    const unit = await run('bulletin', '--period', '2026-11', '--dir', dir, '--today', TODAY, '--as', 'zhao-qiang');
    expect(unit.code).toBe(1);
    expect(unit.err).toContain('不是考核督查办人员');
    const bad = await run('bulletin', '--period', '2026Q5', '--dir', dir, '--today', TODAY);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('统计期 “2026Q5” 写法不对');
    expect(readdirSync(join(dir, 'records/bulletins/2026'))).toEqual(['TB-2026-04.md']);
  });
});

describe('ledger stats', () => {
  it('--json equals the site’s figures for the same period and audience', async () => {
    const dir = ledgerCopy();
    gitCommit(dir, '2026-11-20', '台账', true);
    for (const [key, build] of [['2026Q2', 'internal'], ['2026', 'public'], ['2026-04', 'internal']] as const) {
      const cli = await run('stats', '--period', key, '--json', '--build', build, '--dir', dir, '--today', TODAY);
      expect(cli.code, cli.err).toBe(0);
      const site = await loadSite({ repoDir: dir, buildId: build, today: TODAY, builtAt: new Date(), siteUrl: 'http://localhost', runCheck: false });
      const { partial: _p, ...fromCli } = JSON.parse(cli.out);
      expect(fromCli).toEqual(JSON.parse(JSON.stringify(figuresJson(site.figures(periodOf(key)), site.names))));
    }
  });

  it('--export writes unit scores as CSV for 绩效目标考核', async () => {
    const dir = ledgerCopy();
    const file = join(root, 'scores.csv');
    const r = await run('stats', '--period', '2026', '--export', file, '--dir', dir, '--today', TODAY);
    expect(r.code, r.err).toBe(0);
    const lines = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toContain('名次,单位标识,单位,档次,得分');
    expect(lines.length).toBeGreaterThan(1);
  });
});

describe('ledger remind', () => {
  it('lists what to chase by unit and leader, as text to send', async () => {
    const dir = ledgerCopy();
    const r = await run('remind', '--json', '--dir', dir, '--today', '2026-04-28');
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.chases.length).toBeGreaterThan(0);
    expect(j.messages[0].text).toMatch(/^【催办】/);
    expect(j.byLeader.length).toBeGreaterThan(0);
  });

  it('--record takes the 催办 step on every listed item: one commit by the office, judged by the range check', async () => {
    const dir = ledgerCopy();
    gitCommit(dir, '2026-11-23', '台账', true);
    const when = `${TODAY}T15:00:00+08:00`;
    Object.assign(process.env, { GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when });
    try {
      const r = await run('remind', '--record', '--as', 'sun-li', '--method', 'phone', '--dir', dir, '--today', TODAY);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toMatch(/已办理并提交 [0-9a-f]{7}：DB-.* 催办/);
    } finally {
      delete process.env.GIT_AUTHOR_DATE;
      delete process.env.GIT_COMMITTER_DATE;
    }
    const git = (...a: string[]) => execFileSync('git', a, { cwd: dir, encoding: 'utf8' });
    expect(git('status', '--porcelain')).toBe('');
    expect(git('log', '-1', '--format=%an')).toBe('孙丽\n');
    const { ledger, issues } = checkTree(dir, { today: TODAY });
    expect(issues).toEqual([]);
    const chased = ledger.items.filter((x) => x.value.reminders.length > 0);
    expect(chased.length).toBeGreaterThan(0);
    expect(chased[0]!.value.reminders.at(-1)).toMatchObject({ date: TODAY, method: 'phone', by: 'sun-li' });
    // the commit names every item it chased
    const body = git('log', '-1', '--format=%B');
    for (const c of chased) if (c.value.reminders.at(-1)!.date === TODAY) expect(body).toContain(c.value.id);
    const range = await checkRange(dir, { range: 'HEAD~1..HEAD' });
    expect(range.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('--record refuses a person outside the office and leaves every file as it was', async () => {
    const dir = ledgerCopy();
    gitCommit(dir, '2026-11-23', '台账', true);
    const before = readFileSync(join(dir, 'records/items/2026/DB-2026-0031/item.md'));
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' });
    const r = await run('remind', '--record', '--as', 'zhao-qiang', '--dir', dir, '--today', '2026-04-28');
    expect(r.code).toBe(1);
    expect(r.err).toContain('【wrong-committer】');
    expect(readFileSync(join(dir, 'records/items/2026/DB-2026-0031/item.md')).equals(before)).toBe(true);
    expect(execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' })).toBe(head);
  });

  it('--print writes a 催办单 LibreOffice can open', async () => {
    const dir = ledgerCopy();
    const file = join(root, '催办单.docx');
    const r = await run('remind', '--print', file, '--dir', dir, '--today', '2026-04-28');
    expect(r.code, r.err).toBe(0);
    expect(existsSync(file)).toBe(true);
  });
});

describe('volume control (ledger apply calls checkApplication)', () => {
  const { ledger } = checkTree(join(FIXTURES, 'valid'));
  const quota = { special_per_year: 1, per_unit_per_year: 1 };

  it('warns past the year’s quota and a unit’s quota, and suggests merging an overlapping open application', () => {
    const year = yearVolume(ledger, 2026, quota);
    expect(year.inspections.length).toBeGreaterThan(0);
    const units = year.inspections[0]!.units;
    const c = checkApplication(ledger, { date: '2026-06-01', units, from: '2026-06-01', to: '2026-06-30' }, quota);
    expect(c.warnings.map((w) => w.code)).toContain('year-quota');
    expect(c.warnings.map((w) => w.code)).toContain('unit-quota');
    const roomy = checkApplication(ledger, { date: '2026-06-01', units: ['nobody'], from: '2026-06-01', to: '2026-06-30' }, { special_per_year: 99, per_unit_per_year: 99 });
    expect(roomy.warnings).toEqual([]);
  });
});
