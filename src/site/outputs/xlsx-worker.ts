/** Worker thread: writes the 台账 workbook (xlsx-build.ts) and posts its bytes. */
import { answer } from '../data/beside.ts';
import { xlsxBytes } from './xlsx-build.ts';

answer(xlsxBytes, (bytes) => [bytes.buffer]);
