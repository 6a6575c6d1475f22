/** Worker thread: writes every .docx of the build (docx-build.ts) and posts their bytes. */
import { answer } from '../data/beside.ts';
import { docxAll } from './docx-build.ts';

answer(docxAll, (done) => Object.values(done).map((b) => b.buffer));
