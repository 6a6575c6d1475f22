/**
 * Worker thread: builds the Pagefind index from the search records while
 * the main thread renders pages — splits the text into Chinese words
 * (segment.ts), feeds Pagefind's service (the extended binary, a process of
 * its own) and writes the index to a temporary folder that the build moves
 * into place at the end.
 */
import { answer } from '../data/beside.ts';
import { buildSearchIndex } from './search-build.ts';

answer(buildSearchIndex);
