/** 《督查工作台账》 as an Excel workbook, for this build's audience. */
import { getSite } from '../../site/data/data.ts';
import { building } from '../../site/integration/build-hooks.ts';
import { ledgerXlsx, ledgerXlsxBeside, XLSX_TYPE } from '../../site/outputs/documents.ts';

export async function GET() {
  const site = await getSite();
  // a build writes the workbook on a worker thread beside the pages and puts it here after them
  // (src/site/integration/finish.ts): this page does not wait for it
  if (building() && ledgerXlsxBeside(site)) return new Response(null);
  return new Response(await ledgerXlsx(site), { headers: { 'Content-Type': XLSX_TYPE } });
}
