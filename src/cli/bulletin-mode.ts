/**
 * `ledger bulletin --period 2026-11`: the `bulletin` step command (the
 * workflow edge that moves items to 已通报) hands over to the bulletin draft
 * (`bulletin-draft.ts`) when a period is given. Registered through the step
 * commands' mode seam (`step-modes.ts`) when this module is imported.
 */
import { DRAFT_HELP, runBulletinDraft, type DraftCliOptions } from './bulletin-draft.ts';
import { M } from './messages.ts';
import { addStepMode } from './step-modes.ts';

addStepMode({
  action: 'bulletin',
  // --as, --dry-run, --today and --dir are the step command's own, shared; --kind is the 通报's type either way
  options: [
    ['--period <统计期>', `${M.period}（给出统计期时起草下一期通报，而不是办理事项的通报环节）`],
    ['--kind <类型>', '通报类型：起草时只通报某类事项 meeting（会议督办）、special（专项督查）、overdue（超期事项），默认全部；办理事项的通报环节时新建通报的类型 report、meeting、special、overdue，默认按事项类别'],
  ],
  applies: (opts) => opts.period !== undefined,
  summary: '写 --period 时起草下一期通报',
  run: (opts, io) => runBulletinDraft(opts as DraftCliOptions, io),
  help: DRAFT_HELP,
});
