/**
 * Test support for the period-figure tests (src/domain/period-figures*.test.ts):
 * the default score weights, the settings of a build read on 2026-11-24,
 * and a meeting item 办理中 since March 2026, patched per case — values
 * written by hand, not by the code under test.
 */
import { config as configSchema } from '../../src/domain/schemas/config.ts';
import { item as itemSchema, type Item } from '../../src/domain/schemas/item.ts';

/** config.yml's default `score` weights. */
export const WEIGHTS = configSchema.parse({ organisation: 'x', office: 'x', bulletin_name: 'x' }).score;
/** Read on 2026-11-24, warning 7 days ahead, reports 2 days' grace. */
export const SETTINGS = { today: '2026-11-24', warningDays: 7, graceDays: 2 };
/** Ranking by the default weights over `units`. */
export const ranked = (units: string[]) => ({ weights: WEIGHTS, rankedUnits: units });

/** A meeting item of urban, 办理中 since 2026-03-11, due 2026-09-15, one report due; `patch` overrides any field. */
export const meetingItem = (patch: Record<string, unknown>): Item =>
  itemSchema.parse({
    title: '事项',
    kind: 'meeting',
    source: { type: 'party_committee', name: '党工委会议', date: '2026-03-09' },
    content: '整治',
    requirements: '按期',
    leaders: ['li-ming'],
    lead_unit: 'urban',
    co_units: [],
    reports_due: 'once',
    deadline: '2026-09-15',
    state: 'in_progress',
    registered: { date: '2026-03-09', by: 'sun-li' },
    assigned: { date: '2026-03-10', by: 'sun-li', notice: 'TZ-2026-001' },
    arranged: { date: '2026-03-11', by: 'li-ming' },
    ...patch,
  });
