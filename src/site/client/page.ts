/**
 * The one script of every page (Base.astro loads it): the live warning
 * lights at once, and each enhancement only on a page that has what it
 * enhances, fetched then as a chunk of its own. Pages carry no <script> of
 * their own, so none can land outside <html>, no page loads code it does
 * not use, and a new page gets its tables sorted and filtered, its print
 * button and its search form working by using the components and data
 * attributes below.
 */
import './lights.ts';

const has = (selector: string) => document.querySelector(selector) !== null;

if (has('table[data-sortable], form[data-filter-table]')) void import('./table-filter.ts');
if (has('button[data-print], a[data-new-report]')) void import('./item.ts');
if (has('form[data-search]')) void import('./search.ts');
