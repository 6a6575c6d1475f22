/** 《督查工作台账》 as an Excel workbook, for this build's audience. */
import { getSite } from '../../site/data/data.ts';
import { ledgerXlsx, XLSX_TYPE } from '../../site/outputs/documents.ts';

export async function GET() {
  const site = await getSite();
  return new Response(await ledgerXlsx(site), { headers: { 'Content-Type': XLSX_TYPE } });
}
