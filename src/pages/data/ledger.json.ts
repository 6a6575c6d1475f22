import type { APIRoute } from 'astro';
import { getSite } from '../../site/data/data.ts';
import { ledgerJson } from '../../site/outputs/outputs.ts';

export const GET: APIRoute = async () => new Response(ledgerJson(await getSite()), { headers: { 'content-type': 'application/json; charset=utf-8' } });
