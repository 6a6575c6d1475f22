import type { APIRoute } from 'astro';
import { getSite } from '../site/data/data.ts';
import { bulletinsAtom } from '../site/outputs/outputs.ts';

export const GET: APIRoute = async () => new Response(bulletinsAtom(await getSite()), { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
