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
  // --as, --kind, --dry-run, --today and --dir are the step command's own, shared
  options: [['--period <统计期>', `${M.period}（给出统计期时起草下一期通报，而不是办理事项的通报环节）`]],
  applies: (opts) => opts.period !== undefined,
  run: (opts, io) => runBulletinDraft(opts as DraftCliOptions, io),
  help: DRAFT_HELP,
});
