import type { APIRoute } from 'astro';
import { getSite } from '../site/data/data.ts';
import { deadlinesIcs } from '../site/outputs/outputs.ts';

export const GET: APIRoute = async () => new Response(deadlinesIcs(await getSite()), { headers: { 'content-type': 'text/calendar; charset=utf-8' } });
