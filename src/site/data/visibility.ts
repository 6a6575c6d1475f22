/** The audience filter lives in `format/visibility.ts` (the CLI's exports use it too). */
export { filterLedger, type Visible } from '../../format/visibility.ts';
