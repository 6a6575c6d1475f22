/** Issues → what staff read in a terminal or CI log, or JSON for machines. */
import type { Issue } from '../domain/issues.ts';

export function formatIssue(i: Issue): string {
  const where = i.ref ? `引用 ${i.ref}` : `${i.file}:${i.line}`;
  const commit = i.commit ? `提交 ${i.commit.sha.slice(0, 7)}（${i.commit.author}，${i.commit.date}）` : '';
  const level = i.severity === 'warning' ? '［警告］' : '';
  const head = `${commit}${where}: 【${i.code}】${level}${i.message}`;
  return i.hint ? `${head}\n    提示：${i.hint}` : head;
}

export interface Summary {
  errors: number;
  warnings: number;
  files: number;
  ms: number;
}

export function summarise(issues: Issue[], files: number, ms: number): Summary {
  const errors = issues.filter((i) => i.severity === 'error').length;
  return { errors, warnings: issues.length - errors, files, ms: Math.round(ms) };
}

export function formatText(issues: Issue[], s: Summary): string {
  const lines = issues.map(formatIssue);
  const verdict =
    s.errors === 0
      ? `检查通过：${s.files} 个文件，没有错误${s.warnings ? `，${s.warnings} 个警告` : ''}（用时 ${s.ms} 毫秒）`
      : `检查未通过：${s.files} 个文件，${s.errors} 个错误${s.warnings ? `，${s.warnings} 个警告` : ''}（用时 ${s.ms} 毫秒）。请按提示修改后重新提交。`;
  return [...lines, verdict].join('\n');
}

export function formatJson(issues: Issue[], s: Summary): string {
  return JSON.stringify({ version: 1, summary: s, issues }, null, 2);
}
