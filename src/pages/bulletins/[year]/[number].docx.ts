/** A 督查通报 as a Word/WPS document (GB/T 9704), from this build's ledger. */
import { getSite } from '../../../site/data/data.ts';
import { documentDocx, DOCX_TYPE } from '../../../site/outputs/documents.ts';

export async function getStaticPaths() {
  const site = await getSite();
  // keyed by the record, the items it names and the registries: what the .docx is written from
  return site.bulletins.map((b) => ({ params: { year: String(b.value.year), number: String(b.value.number).padStart(2, '0') }, props: { id: b.value.id }, cacheKey: site.keys.docx(b.value.id) }));
}

export async function GET({ props }: { props: { id: string } }) {
  const site = await getSite();
  return new Response(await documentDocx(site, props.id), { headers: { 'Content-Type': DOCX_TYPE } });
}
