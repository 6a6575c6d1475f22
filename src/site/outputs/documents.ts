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

// on globalThis: the pages' bundle and the integration are separate module instances in one process (build-hooks.ts)
const STARTED = Symbol.for('supervision-ledger.ledger-xlsx');
const g = globalThis as { [STARTED]?: WeakMap<Site, Promise<Uint8Array<ArrayBuffer>>> };
const started = (g[STARTED] ??= new WeakMap());

/**
 * Start writing the workbook on a worker thread (the other core) as soon as
 * the site is loaded: ExcelJS takes seconds at 10,000 items, which the page
 * generation need not wait for. `ledgerXlsx` then awaits it.
 */
export function startLedgerXlsx(site: Site): void {
  if (started.has(site)) return;
  const p = xlsxBeside(ledgerWorkbookOf(site));
  p.catch(() => {}); // reported by ledgerXlsx
  started.set(site, p);
}

export function ledgerXlsx(site: Site): Promise<Uint8Array<ArrayBuffer>> {
  return started.get(site) ?? xlsxBytes(ledgerWorkbookOf(site));
}

/** The workbook being written beside the pages, if it was started: a build puts it in place after them (the page does not wait). */
export const ledgerXlsxBeside = (site: Site): Promise<Uint8Array<ArrayBuffer>> | undefined => started.get(site);

/** Where the workbook goes under the output folder (src/pages/data/ledger.xlsx.ts). */
export const LEDGER_XLSX_FILE = 'data/ledger.xlsx';

/** The document a bulletin's or notice's .docx is written from (the .docx is a pure function of it). */
export const documentModel = (site: Site, id: string) => documentOf(site.ledger, id).doc;

const DOCS = Symbol.for('supervision-ledger.documents-docx');
const gd = globalThis as { [DOCS]?: WeakMap<Site, Promise<DocxDone>> };
const docs = (gd[DOCS] ??= new WeakMap());

/** Start writing every bulletin's and notice's .docx on a worker thread (docx-build.ts) as soon as the site is loaded. */
export function startDocuments(site: Site): void {
  if (docs.has(site)) return;
  const models: [string, OfficialDocument][] = [...site.bulletins, ...site.notices].map((d) => [d.value.id, documentModel(site, d.value.id)]);
  const p = docxBeside({ models, cacheDir: cacheDir(site.env.repoDir) });
  p.catch(() => {}); // reported by documentDocx
  docs.set(site, p);
}

export async function documentDocx(site: Site, id: string): Promise<Uint8Array<ArrayBuffer>> {
  const done = await docs.get(site);
  const bytes = done?.[id];
  if (bytes) return bytes;
  const b = await officialDocx(documentModel(site, id));
  return new Uint8Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
}
