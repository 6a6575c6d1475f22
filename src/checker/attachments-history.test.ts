/**
 * Attachments through the history check, in a real Git repository: a file
 * added beside a report is accepted and the report that names it resolves
 * against it as of that commit; a program renamed `.pdf` is refused at
 * push time with the limit and the allowed types; a landed attachment may
 * not change or disappear.
 */
import { afterEach, expect, it } from 'vitest';
import { formatIssue } from './format.ts';
import { itemFile, record, reportFile, superiorItem, TestRepo } from './test-repo.ts';

const repos: TestRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.remove();
});

const ID = 'DB-2026-0001';
const ATT = `records/items/2026/${ID}/attachments`;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(60), Buffer.from('This program cannot be run in DOS mode.')]);
/** Bytes where the repo writes text: writeFileSync takes both. */
const bin = (b: Buffer) => b as unknown as string;

function started(): TestRepo {
  const repo = TestRepo.create();
  repos.push(repo);
  for (const s of ['registered', 'instructed', 'assigned', 'in_progress']) {
    repo.commit({ by: s === 'in_progress' ? 'li-ming' : 'wang-fang', date: '2026-03-05', files: { [itemFile(ID)]: record(superiorItem(ID, s)) } });
  }
  return repo;
}

const report = (attachments: string[]) => record({ date: '2026-03-10', unit: 'urban', by: 'zhao-qiang', progress: '已清理 8 条巷道。', attachments });

it('an attachment uploaded by the unit, then named by its report, passes', async () => {
  const repo = started();
  repo.commit({ by: 'zhao-qiang', date: '2026-03-10', files: { [`${ATT}/现场照片.pdf`]: bin(PDF) } });
  repo.commit({ by: 'zhao-qiang', date: '2026-03-10', files: { [reportFile(ID, '2026-03-10-urban.md')]: report(['现场照片.pdf']) } });
  const r = await repo.check({ range: 'HEAD~2..HEAD' });
  expect(r.issues.map(formatIssue)).toEqual([]);
});

it('a report naming an attachment that is not there is refused', async () => {
  const repo = started();
  repo.commit({ by: 'zhao-qiang', date: '2026-03-10', files: { [reportFile(ID, '2026-03-10-urban.md')]: report(['现场照片.pdf']) } });
  expect(await repo.codes()).toEqual(['unknown-attachment']);
});

it('a program renamed .pdf is refused with the limit and the allowed types', async () => {
  const repo = started();
  repo.commit({ by: 'zhao-qiang', date: '2026-03-10', files: { [`${ATT}/批示件.pdf`]: bin(EXE) } });
  const r = await repo.check();
  expect(r.issues.map(formatIssue)).toEqual([
    expect.stringContaining(`records/items/2026/${ID}/attachments/批示件.pdf:1: 【attachment-type】附件 “批示件.pdf” 的内容是Windows 可执行程序（按文件内容识别，与扩展名无关），不是允许的附件类型\n    提示：允许的附件类型：PDF、JPG、PNG、OFD、DOCX、XLSX；单个附件不超过 10 MB`),
  ]);
});

it('a landed attachment never changes or disappears', async () => {
  const repo = started();
  repo.commit({ by: 'wang-fang', date: '2026-03-10', files: { [`${ATT}/批示件.pdf`]: bin(PDF) } });
  repo.commit({ by: 'wang-fang', date: '2026-03-11', files: { [`${ATT}/批示件.pdf`]: bin(Buffer.concat([PDF, Buffer.from('%更正\n')])) } });
  expect(await repo.codes()).toEqual(['attachment-changed']);
  repo.commit({ by: 'wang-fang', date: '2026-03-12', files: { [`${ATT}/批示件.pdf`]: null } });
  const r = await repo.check();
  expect(r.issues.map((i) => `${i.code} ${i.message}`)).toEqual(['attachment-changed 已提交的附件 “批示件.pdf” 被删除']);
});
