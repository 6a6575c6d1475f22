/**
 * The site's downloads of office documents, from the build's own filtered
 * ledger (no hidden record in them): the 台账 as .xlsx, each bulletin and
 * notice as .docx. The same writers as `ledger export`.
 */
import { ledgerRows } from '../../domain/documents/ledger-rows.ts';
import { yearPeriod } from '../../domain/period.ts';
import { documentOf } from '../../io/docx/document-docx.ts';
import { officialDocx } from '../../io/docx/official-docx.ts';
import type { Site } from '../data/load-site.ts';
import { xlsxBeside, xlsxBytes, type XlsxJob } from './xlsx-build.ts';
import { docxBeside, type DocxDone } from './docx-build.ts';
import type { OfficialDocument } from '../../domain/documents/official-document.ts';
import { cacheDir } from '../../io/cache/store.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** What the 台账 workbook is written from: plain data (it crosses to a worker thread). */
export function ledgerWorkbookOf(site: Site): XlsxJob {
  const f = site.figures(yearPeriod(Number(site.env.today.slice(0, 4))));
  return {
    organisation: site.config.organisation,
    rows: ledgerRows(site.ledger, site.env.today),
    // the tallies only: a period's items are worked out when read, and a copy would read them
    figures: { period: f.period, asOf: f.asOf, all: f.all, byUnit: f.byUnit, byLeader: f.byLeader, ranking: f.ranking, adjustments: f.adjustments, items: [] },
    unitNames: Object.fromEntries([...site.units].map(([id, u]) => [id, u.name])),
    partial: site.partial ? `本表来自“${site.build.title}”，只含公开范围 ${site.build.includes.join('、')} 的事项，不列排名。` : undefined,
  };
}

/**
 * A job per loaded site, started at most once (as soon as the site is
 * loaded, on a worker thread beside the pages) and found again by whoever
 * needs its result. On globalThis: the pages' bundle and the integration
 * are separate module instances in one process (build-hooks.ts).
 */
function oncePerSite<R>(key: string) {
  const sym = Symbol.for(`supervision-ledger.${key}`);
  const g = globalThis as { [k: symbol]: WeakMap<Site, Promise<R>> | undefined };
  const jobs = (g[sym] ??= new WeakMap<Site, Promise<R>>());
  return {
    start(site: Site, run: () => Promise<R>): void {
      if (jobs.has(site)) return;
      const p = run();
      p.catch(() => {}); // reported where the result is awaited
      jobs.set(site, p);
    },
    get: (site: Site): Promise<R> | undefined => jobs.get(site),
  };
}

const workbook = oncePerSite<Uint8Array<ArrayBuffer>>('ledger-xlsx');

/** Start the 台账 workbook: ExcelJS takes seconds at 10,000 items, which the page generation need not wait for. `ledgerXlsx` then awaits it. */
export const startLedgerXlsx = (site: Site): void => workbook.start(site, () => xlsxBeside(ledgerWorkbookOf(site)));

export function ledgerXlsx(site: Site): Promise<Uint8Array<ArrayBuffer>> {
  return workbook.get(site) ?? xlsxBytes(ledgerWorkbookOf(site));
}

/** The workbook being written beside the pages, if it was started: a build puts it in place after them (the page does not wait). */
export const ledgerXlsxBeside = (site: Site): Promise<Uint8Array<ArrayBuffer>> | undefined => workbook.get(site);

/** Where the workbook goes under the output folder (src/pages/data/ledger.xlsx.ts). */
export const LEDGER_XLSX_FILE = 'data/ledger.xlsx';

/** The document a bulletin's or notice's .docx is written from (the .docx is a pure function of it). */
export const documentModel = (site: Site, id: string) => documentOf(site.ledger, id).doc;

const documents = oncePerSite<DocxDone>('documents-docx');

/** Start every bulletin's and notice's .docx (docx-build.ts; `documentDocx` takes each from it). */
export const startDocuments = (site: Site): void =>
  documents.start(site, () => {
    const models: [string, OfficialDocument][] = [...site.bulletins, ...site.notices].map((d) => [d.value.id, documentModel(site, d.value.id)]);
    return docxBeside({ models, cacheDir: cacheDir(site.env.repoDir) });
  });

export async function documentDocx(site: Site, id: string): Promise<Uint8Array<ArrayBuffer>> {
  const done = await documents.get(site);
  const bytes = done?.[id];
  if (bytes) return bytes;
  const b = await officialDocx(documentModel(site, id));
  return new Uint8Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
}
