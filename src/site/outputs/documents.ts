/**
 * The site's downloads of office documents, from the build's own filtered
 * ledger (no hidden record in them): the 台账 as .xlsx, each bulletin and
 * notice as .docx. The same writers as `ledger export`.
 */
import { ledgerRows } from '../../domain/documents/ledger-rows.ts';
import { yearPeriod } from '../../domain/period.ts';
import { documentOf } from '../../io/docx/document-docx.ts';
import { officialDocx } from '../../io/docx/official-docx.ts';
import { ledgerXlsxBytes } from '../../io/xlsx/ledger-xlsx.ts';
import type { Site } from '../data/load-site.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function ledgerXlsx(site: Site): Promise<Uint8Array<ArrayBuffer>> {
  const figures = site.figures(yearPeriod(Number(site.env.today.slice(0, 4))));
  return ledgerXlsxBytes({
    organisation: site.config.organisation,
    rows: ledgerRows(site.ledger, site.env.today),
    split: 'year',
    scope: '',
    figures,
    unitName: (u) => site.units.get(u)?.name ?? u,
    partial: site.partial ? `本表来自“${site.build.title}”，只含公开范围 ${site.build.includes.join('、')} 的事项，不列排名。` : undefined,
  });
}

/** The document a bulletin's or notice's .docx is written from (the .docx is a pure function of it). */
export const documentModel = (site: Site, id: string) => documentOf(site.ledger, id).doc;

export async function documentDocx(site: Site, id: string): Promise<Uint8Array<ArrayBuffer>> {
  const b = await officialDocx(documentModel(site, id));
  return new Uint8Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
}
