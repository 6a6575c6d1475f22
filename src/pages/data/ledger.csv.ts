import type { APIRoute } from 'astro';
import { getSite } from '../../site/data/data.ts';
import { ledgerCsv } from '../../site/outputs/outputs.ts';

export const GET: APIRoute = async () => new Response(ledgerCsv(await getSite()), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
