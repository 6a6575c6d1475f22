/** A 《督办通知》 as a Word/WPS document (GB/T 9704), from this build's ledger. */
import { getSite } from '../../site/data/data.ts';
import { documentDocx, DOCX_TYPE } from '../../site/outputs/documents.ts';

export async function getStaticPaths() {
  const site = await getSite();
  // keyed by the record, the items it names and the registries: what the .docx is written from
  return site.notices.map((x) => ({ params: { id: x.value.id }, cacheKey: site.keys.docx(x.value.id) }));
}

export async function GET({ params }: { params: { id: string } }) {
  const site = await getSite();
  return new Response(await documentDocx(site, params.id), { headers: { 'Content-Type': DOCX_TYPE } });
}
