/**
 * Each attachment this build may show, as its file: /attachments/<item>/<name>.
 * An attachment of an item outside the build's scope gets no file at all
 * (the data layer filtered it out); an LFS pointer gets none either (the
 * file itself is in LFS storage, not in the Git blobs the build reads).
 */
import type { APIRoute } from 'astro';
import { getSite } from '../../../site/data/data.ts';

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  ofd: 'application/ofd',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export async function getStaticPaths() {
  const site = await getSite();
  return [...site.attachments.values()].flat().filter((a) => a.bytes && !a.value.lfs).map((a) => ({ params: { item: a.itemId, name: a.value.name }, cacheKey: site.keys.attachment(a.itemId, a.value.name) }));
}

export const GET: APIRoute = async ({ params }) => {
  const site = await getSite();
  const a = site.attachments.get(params.item!)?.find((x) => x.value.name === params.name);
  if (!a?.bytes) return new Response(null, { status: 404 });
  return new Response(new Uint8Array(a.bytes) as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': MIME[a.value.type] ?? 'application/octet-stream' } });
};
