/**
 * Merges are checked like any commit, over real temporary repositories:
 * against every parent and the merge base, whichever side the merge result
 * took, with the merge's own author holding the role for what the merge
 * itself introduced; the same id registered on two branches is refused
 * with the registration to renumber and the next free id.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { formatIssue } from './format.ts';
import { itemFile, record, reportFile, superiorItem, superiorSupport, TestRepo } from './test-repo.ts';

const repos: TestRepo[] = [];
const newRepo = () => {
  const r = TestRepo.create();
  repos.push(r);
  return r;
};
afterEach(() => {
  for (const r of repos.splice(0)) r.remove();
});

const ID = 'DB-2026-0001';
const F = itemFile(ID);
const DATES: Record<string, string> = {
  registered: '2026-03-02',
  instructed: '2026-03-03',
  assigned: '2026-03-04',
  in_progress: '2026-03-05',
  reported: '2026-03-20',
  submitted: '2026-03-21',
  closed: '2026-03-25',
};

/** The item moved legally up to `state`, one commit per step (and the records each step rests on), on main. */
function upTo(state: string): TestRepo {
  const repo = newRepo();
  const support = superiorSupport(ID);
  for (const s of Object.keys(DATES)) {
    for (const c of support[s] ?? []) repo.commit(c);
    repo.commit({ by: s === 'in_progress' ? 'li-ming' : 'wang-fang', date: DATES[s]!, files: { [F]: record(superiorItem(ID, s)) } });
    if (s === state) break;
  }
  return repo;
}


const head = (repo: TestRepo) => repo.git('rev-parse', 'HEAD').trim();
const RET = { date: '2026-03-22', by: 'zhang-wei', reason: '材料不实，重新核实。' };
const returned = () => record(superiorItem(ID, 'in_progress', { summary: undefined, returns: [RET] }));
const closedAfterSubmit = () => record(superiorItem(ID, 'closed'));

describe('a merge is judged against every parent', () => {
  it('one office closes, another returns; resolved to the close (the first parent): refused, the lost return named', async () => {
    const repo = upTo('submitted');
    // main: submitted → closed; side (from reported): returned
    const base = repo.git('rev-parse', 'HEAD~2').trim(); // the item reported (before the 汇报's revision and the submission)
    repo.commit({ by: 'wang-fang', date: '2026-03-25', files: { [F]: closedAfterSubmit() } });
    repo.git('checkout', '-q', '-b', 'side', base);
    repo.commit({ by: 'zhang-wei', date: '2026-03-22', files: { [F]: returned() } });
    repo.git('checkout', '-q', 'main');
    repo.merge('side', { by: 'wang-fang', date: '2026-03-26', files: { [F]: closedAfterSubmit() } });
    const r = await repo.check({ range: 'HEAD~1..HEAD' });
    const merge = r.issues.filter((i) => i.commit?.sha === head(repo));
    expect(merge.map((i) => i.code).sort()).toEqual(['merge-conflict', 'merge-dropped']);
    expect(merge.find((i) => i.code === 'merge-dropped')!.message).toMatch(/^合并结果丢掉了第二父提交 [0-9a-f]{7} 一侧已登记的 returns（退回记录）$/);
    expect(merge.find((i) => i.code === 'merge-conflict')!.message).toMatch(/两个分支都变更了此事项的状态（第一父提交 [0-9a-f]{7} 一侧：closed（已销号）；第二父提交 [0-9a-f]{7} 一侧：in_progress（办理中））/);
  });

  it('the same, resolved to the return (the second parent): refused too', async () => {
    const repo = upTo('submitted');
    const base = repo.git('rev-parse', 'HEAD~2').trim(); // the item reported (before the 汇报's revision and the submission)
    repo.commit({ by: 'wang-fang', date: '2026-03-25', files: { [F]: closedAfterSubmit() } });
    repo.git('checkout', '-q', '-b', 'side', base);
    repo.commit({ by: 'zhang-wei', date: '2026-03-22', files: { [F]: returned() } });
    repo.git('checkout', '-q', 'main');
    repo.merge('side', { by: 'wang-fang', date: '2026-03-26', files: { [F]: returned() } });
    const codes = (await repo.check({ range: 'HEAD~1..HEAD' })).issues.filter((i) => i.commit?.sha === head(repo)).map((i) => i.code).sort();
    expect(codes).toContain('merge-conflict');
    expect(codes).toContain('merge-dropped'); // the submission and closure main recorded
  });

  it('a unit head closing an item inside a merge commit: the merge’s author holds no role for it', async () => {
    const repo = upTo('submitted');
    const G = itemFile('DB-2026-0002');
    repo.git('checkout', '-q', '-b', 'side');
    repo.commit({ by: 'wang-fang', date: '2026-03-22', files: { [G]: record(superiorItem('DB-2026-0002', 'registered')) } });
    repo.git('checkout', '-q', 'main');
    repo.merge('side', { by: 'zhao-qiang', date: '2026-03-25', files: { [F]: closedAfterSubmit() } });
    const r = await repo.check({ range: 'HEAD~1..HEAD' });
    const merge = r.issues.filter((i) => i.commit?.sha === head(repo));
    // the closure, and the review of the report it rests on, both need the office
    expect(new Set(merge.map((i) => i.code))).toEqual(new Set(['wrong-committer']));
    expect(merge.map((i) => i.message)).toContain('“销号”须由考核督查办提交，而提交者 赵强 的角色是责任单位');
    expect(merge.every((i) => i.file === F)).toBe(true);
  });

  it('a merge that deletes a landed report', async () => {
    const repo = upTo('in_progress');
    const R = reportFile(ID, '2026-03-10-urban.md');
    repo.commit({ by: 'zhao-qiang', date: '2026-03-10', files: { [R]: record({ date: '2026-03-10', unit: 'urban', by: 'zhao-qiang', progress: '已排查 12 条巷道。' }) } });
    repo.git('checkout', '-q', '-b', 'side');
    repo.commit({ by: 'qian-hong', date: '2026-03-11', files: { [reportFile(ID, '2026-03-11-env.md')]: record({ date: '2026-03-11', unit: 'env', by: 'qian-hong', progress: '配合清运。' }) } });
    repo.git('checkout', '-q', 'main');
    repo.merge('side', { by: 'wang-fang', date: '2026-03-12', files: { [R]: null } });
    const r = await repo.check({ range: 'HEAD~1..HEAD' });
    expect(r.issues.map(formatIssue)).toEqual([expect.stringMatching(/records\/items\/2026\/DB-2026-0001\/reports\/2026-03-10-urban\.md:1: 【record-deleted】删除了落实情况/)]);
  });

  it('a report added inside the merge itself is judged as its author’s', async () => {
    const repo = upTo('in_progress');
    repo.git('checkout', '-q', '-b', 'side');
    repo.commit({ by: 'wang-fang', date: '2026-03-06', files: { [itemFile('DB-2026-0002')]: record(superiorItem('DB-2026-0002', 'registered')) } });
    repo.git('checkout', '-q', 'main');
    const R = reportFile(ID, '2026-03-10-urban.md');
    repo.merge('side', { by: 'qian-hong', date: '2026-03-10', files: { [R]: record({ date: '2026-03-10', unit: 'urban', by: 'zhao-qiang', progress: '代报。' }) } });
    expect(await repo.codes({ range: 'HEAD~1..HEAD' })).toEqual(['wrong-committer']);
  });

  it('changes both sides made to different fields merge cleanly, whoever merges', async () => {
    const repo = upTo('in_progress');
    const ext = { date: '2026-04-20', from: '2026-04-30', to: '2026-05-31', approved_by: 'zhang-wei', reason: '涉及产权纠纷。' };
    repo.git('checkout', '-q', '-b', 'side');
    repo.commit({ by: 'wang-fang', date: '2026-04-20', files: { [F]: record(superiorItem(ID, 'in_progress', { deadline: '2026-05-31', extensions: [ext] })) } });
    repo.git('checkout', '-q', 'main');
    const flag = { date: '2026-04-21', by: 'wang-fang', reason: '进展缓慢。' };
    repo.commit({ by: 'wang-fang', date: '2026-04-21', files: { [F]: record(superiorItem(ID, 'in_progress', { flag })) } });
    const both = record(superiorItem(ID, 'in_progress', { deadline: '2026-05-31', extensions: [ext], flag }));
    repo.merge('side', { by: 'li-ming', date: '2026-04-22', files: { [F]: both } });
    expect(await repo.codes({ range: 'HEAD~2..HEAD' })).toEqual([]);
  });

  it('accountability entries appended on both sides: both kept is accepted, one lost is refused', async () => {
    const repo = upTo('in_progress');
    const a1 = { date: '2026-04-01', unit: 'urban', measure: '约谈', reason: '进度滞后。', decided_by: 'zhang-wei' };
    const a2 = { date: '2026-04-02', unit: 'env', measure: '通报批评', reason: '配合不力。', decided_by: 'zhang-wei' };
    repo.git('checkout', '-q', '-b', 'side');
    repo.commit({ by: 'wang-fang', date: '2026-04-02', files: { [F]: record(superiorItem(ID, 'in_progress', { accountability: [a2] })) } });
    repo.git('checkout', '-q', 'main');
    repo.commit({ by: 'wang-fang', date: '2026-04-01', files: { [F]: record(superiorItem(ID, 'in_progress', { accountability: [a1] })) } });
    const tip = head(repo);
    repo.merge('side', { by: 'wang-fang', date: '2026-04-03', files: { [F]: record(superiorItem(ID, 'in_progress', { accountability: [a1, a2] })) } });
    expect(await repo.codes({ range: 'HEAD~1..HEAD' })).toEqual([]);
    repo.git('reset', '-q', '--hard', tip);
    repo.merge('side', { by: 'wang-fang', date: '2026-04-03', files: { [F]: record(superiorItem(ID, 'in_progress', { accountability: [a1] })) } });
    expect(await repo.codes({ range: 'HEAD~1..HEAD' })).toEqual(['merge-dropped']);
  });

  it('two branches each extending the deadline: refused as a conflict on the deadline', async () => {
    const repo = upTo('in_progress');
    const ext = (to: string, date: string) => ({ date, from: '2026-04-30', to, approved_by: 'zhang-wei', reason: '涉及产权纠纷。' });
    repo.git('checkout', '-q', '-b', 'side');
    repo.commit({ by: 'wang-fang', date: '2026-04-20', files: { [F]: record(superiorItem(ID, 'in_progress', { deadline: '2026-05-31', extensions: [ext('2026-05-31', '2026-04-20')] })) } });
    repo.git('checkout', '-q', 'main');
    repo.commit({ by: 'wang-fang', date: '2026-04-21', files: { [F]: record(superiorItem(ID, 'in_progress', { deadline: '2026-06-30', extensions: [ext('2026-06-30', '2026-04-21')] })) } });
    repo.merge('side', { by: 'wang-fang', date: '2026-04-22', files: { [F]: record(superiorItem(ID, 'in_progress', { deadline: '2026-06-30', extensions: [ext('2026-06-30', '2026-04-21')] })) } });
    const r = await repo.check({ range: 'HEAD~1..HEAD' });
    const merge = r.issues.filter((i) => i.commit?.sha === head(repo));
    expect(merge.map((i) => i.code).sort()).toEqual(['merge-conflict', 'merge-dropped']);
    expect(merge.find((i) => i.code === 'merge-conflict')!.message).toMatch(/^两个分支都修改了此事项的 deadline（落实时限），且改法不同（第一父提交 [0-9a-f]{7} 一侧：2026-06-30；第二父提交 [0-9a-f]{7} 一侧：2026-05-31），合并结果无法确定$/);
  });

  it('a closed item edited on the other branch: the result is not legal from the side that closed it', async () => {
    const repo = upTo('submitted');
    repo.git('checkout', '-q', '-b', 'side');
    repo.commit({ by: 'wang-fang', date: '2026-03-22', files: { [F]: record(superiorItem(ID, 'submitted', { title: '背街小巷环境整治（补充）' })) } });
    repo.git('checkout', '-q', 'main');
    repo.commit({ by: 'wang-fang', date: '2026-03-25', files: { [F]: closedAfterSubmit() } });
    repo.merge('side', { by: 'wang-fang', date: '2026-03-26', files: { [F]: record(superiorItem(ID, 'closed', { title: '背街小巷环境整治（补充）' })) } });
    expect(await repo.codes({ range: 'HEAD~1..HEAD' })).toEqual(['frozen-item']);
  });
});

describe('the same id registered on two branches', () => {
  const mk = (title: string) => record(superiorItem('DB-2026-0002', 'registered', { title }));
  const G = itemFile('DB-2026-0002');
  const twoClerks = () => {
    const repo = upTo('registered');
    repo.git('checkout', '-q', '-b', 'side');
    repo.commit({ by: 'wang-fang', date: '2026-03-03', files: { [G]: mk('乙：农贸市场整治') } });
    repo.git('checkout', '-q', 'main');
    repo.commit({ by: 'wang-fang', date: '2026-03-03', files: { [G]: mk('甲：背街小巷整治') } });
    return repo;
  };

  it('resolved to this branch’s: refused, the other registration renumbered to the next free id', async () => {
    const repo = twoClerks();
    repo.merge('side', { by: 'wang-fang', date: '2026-03-04', files: { [G]: mk('甲：背街小巷整治') } });
    const r = await repo.check({ range: 'HEAD~1..HEAD' });
    expect(r.issues.map((i) => i.code)).toEqual(['duplicate-registration']);
    const i = r.issues[0]!;
    expect(i.message).toMatch(/^编号 DB-2026-0002 在两个分支上分别登记了不同的督办事项：第一父提交 [0-9a-f]{7} 一侧为“甲：背街小巷整治”，第二父提交 [0-9a-f]{7} 一侧为“乙：农贸市场整治”；合并只会留下其中一项$/);
    expect(i.hint).toMatch(/^请把第二父提交 [0-9a-f]{7} 一侧的“乙：农贸市场整治”改用下一个未用的编号 DB-2026-0003 重新登记/);
  });

  it('resolved to the other branch’s: refused, this branch’s registration renumbered', async () => {
    const repo = twoClerks();
    repo.merge('side', { by: 'wang-fang', date: '2026-03-04', files: { [G]: mk('乙：农贸市场整治') } });
    const r = await repo.check({ range: 'HEAD~1..HEAD' });
    expect(r.issues.map((i) => i.code)).toEqual(['duplicate-registration']);
    expect(r.issues[0]!.hint).toMatch(/^请把第一父提交 [0-9a-f]{7} 一侧的“甲：背街小巷整治”改用下一个未用的编号 DB-2026-0003/);
  });

  it('the next free id skips every id either side took', async () => {
    const repo = twoClerks();
    repo.commit({ by: 'wang-fang', date: '2026-03-03', files: { [itemFile('DB-2026-0007')]: record(superiorItem('DB-2026-0007', 'registered')) } });
    repo.merge('side', { by: 'wang-fang', date: '2026-03-04', files: { [G]: mk('甲：背街小巷整治') } });
    expect((await repo.check({ range: 'HEAD~1..HEAD' })).issues[0]!.hint).toContain('DB-2026-0008');
  });
});
