/** Worker thread: the figures of every period page (figures-build.ts). */
import { answer } from './beside.ts';
import { figuresOfPeriods } from './figures-build.ts';

answer(figuresOfPeriods);
