/**
 * commander's help, in Chinese: section titles and the `[options]` /
 * `[command]` placeholders translated, and columns aligned by display width
 * (a Chinese character takes two columns in a terminal).
 */
import { Help, type Command } from 'commander';
import { M } from './messages.ts';

const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/gu;
const placeholders = (s: string) => s.replace('[options]', '[选项]').replace('[command]', '[命令]');

/** Settings for `configureHelp` (inherited by every subcommand). */
export const chineseHelp: Partial<Help> = {
  sortSubcommands: false,
  styleTitle: (title: string) => M.titles[title] ?? title,
  displayWidth(str: string): number {
    return Help.prototype.displayWidth.call(this, str) + (str.match(WIDE)?.length ?? 0);
  },
  commandUsage(cmd: Command): string {
    return placeholders(Help.prototype.commandUsage.call(this, cmd));
  },
  subcommandTerm(cmd: Command): string {
    return placeholders(Help.prototype.subcommandTerm.call(this, cmd));
  },
};
