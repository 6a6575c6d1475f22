/**
 * Every Chinese string the `ledger` command prints that is not a checker
 * issue (those come from `domain/issues.ts`). Help texts of commands sit
 * with their command; what is shared sits here.
 */
export const M = {
  programDescription: '督查工作台账：按《通知》的每一步办理督办事项，一步一个命令，一个命令一次提交。',
  help: '显示帮助',
  helpCommand: '显示某个命令的帮助',
  version: '显示版本',
  titles: {
    'Usage:': '用法：',
    'Options:': '选项：',
    'Arguments:': '参数：',
    'Commands:': '命令：',
    'Global Options:': '通用选项：',
  } as Record<string, string>,
  dir: '台账仓库所在的文件夹（默认当前文件夹）',
  json: '以 JSON 格式输出（供程序读取）',
  as: '办理人（people.yml 中的标识，例如 wang-fang）',
  examples: '示例：',
  internalError: '程序内部出错，请把以上信息发给维护人员。台账仓库没有被改动。',
  usageHint: '用 ledger --help 查看全部命令，用 ledger <命令> --help 查看某个命令的用法。',
  refused: '未办理：',
  unknownPerson: (id: string, suggestion?: string) =>
    `人员 “${id}” 不在 records/people.yml 中${suggestion ? `；是不是 “${suggestion}”？` : ''}`,
  unknownItem: (id: string) => `找不到督办事项 “${id}”（应在 records/items/<年份>/${id}/item.md）`,
  ledgerUnreadable: (n: number) => `台账有 ${n} 个文件无法读取或不合规，统计会不准确；请先用 npm run check 查看并修正。`,
  badDate: (s: string) => `日期 “${s}” 写法不对：请写成 2026-11-30 这样的真实日期`,
  today: '统计日（默认今天，北京时间），例如 2026-11-30',
  period: '统计期：2026（年）、2026H2（半年）、2026Q3（季度）、2026-11（月）或 2026-03-01..2026-05-31',
  ledgerInvalid: (n: number) => `台账当前有 ${n} 个错误，请先用 npm run check 查看并修正。`,
} as const;

/** commander's English errors → Chinese (by commander's stable error codes). */
export function usageText(code: string, message: string): string {
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  const suggestion = /Did you mean (?:one of )?([^?]+)\?/.exec(message)?.[1];
  const hint = suggestion ? `是不是想写 ${suggestion.trim()}？` : '';
  switch (code) {
    case 'commander.unknownOption':
      return `不认识的选项 ${quoted}。${hint}`;
    case 'commander.unknownCommand':
      return `不认识的命令 ${quoted}。${hint}`;
    case 'commander.missingArgument':
      return `缺少参数 ${quoted}。`;
    case 'commander.optionMissingArgument':
      return `选项 ${quoted} 后面缺少取值。`;
    case 'commander.missingMandatoryOptionValue':
      return `缺少必填选项 ${quoted}。`;
    case 'commander.excessArguments':
      return '参数太多。';
    case 'commander.invalidArgument':
      return `取值不对：${message.replace(/^error: /, '')}`;
    case 'commander.conflictingOption':
      return `选项冲突：${quoted}。`;
    default:
      return message.replace(/^error: /, '');
  }
}
