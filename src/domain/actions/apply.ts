/**
 * A step as a change to records, pure: the values given for a step's inputs
 * (typed, defaulted) and the edits it makes to an item — set a field, append
 * an entry, delete what a return sends back — as operations the format layer
 * applies to the file's text without touching anything else. The hook's own
 * transition rules judge the result; nothing here decides legality.
 */
import { isCalendarDate } from '../schemas/common.ts';
import type { Item } from '../schemas/item.ts';
import { item as itemSchema } from '../schemas/item.ts';
import type { Person } from '../schemas/people.ts';
import { pendingReferrals } from '../next-steps.ts';
import { fieldsCleared, type Amendment, type Edge, type ItemKind } from '../workflow.ts';
import { SET_KEYS } from './catalogue.ts';
import type { StepInput } from './inputs.ts';

export type Op =
  | { op: 'set'; path: string[]; value: unknown }
  | { op: 'append'; path: string[]; value: unknown }
  | { op: 'delete'; path: string[] };

export interface ResolveContext {
  today: string;
  actor: Person;
  /** The item the step is taken on (for defaults such as the deadline in force). */
  item?: Item;
  /** The item's latest settled document the step would register (the instructed 督查汇报), found by the caller. */
  itemDocument?: string;
}

export interface Resolved {
  /** Typed values by option name (absent: not given and no default). */
  values: Record<string, unknown>;
  missing: StepInput[];
  invalid: { input: StepInput; value: string; allowed?: string }[];
}

const SPLIT = /[,，、]\s*/;

function typed(input: StepInput, raw: unknown): { value?: unknown; bad?: string; allowed?: string } {
  if (raw === undefined || raw === null || raw === '') return {};
  if (input.type === 'boolean') {
    if (typeof raw === 'boolean') return { value: raw };
    const s = String(raw).trim().toLowerCase();
    if (['true', 'yes', '是', '1'].includes(s)) return { value: true };
    if (['false', 'no', '否', '0'].includes(s)) return { value: false };
    return { bad: String(raw), allowed: 'true、false' };
  }
  if (input.type === 'number') {
    const n = Number(raw);
    return Number.isFinite(n) ? { value: n } : { bad: String(raw), allowed: '数字' };
  }
  const asList = input.list || (input.listOrOne && (Array.isArray(raw) || SPLIT.test(String(raw))));
  const parts = (Array.isArray(raw) ? raw.map(String) : asList ? String(raw).split(SPLIT) : [String(raw)]).map((s) => s.trim()).filter(Boolean);
  for (const p of parts) {
    if (input.type === 'date' && !isCalendarDate(p)) return { bad: p, allowed: '年-月-日，例如 2026-04-30' };
    if (!asList && input.values && !input.values.includes(p)) return { bad: p, allowed: input.values.join('、') };
  }
  return { value: asList ? parts : parts[0] };
}

/** Typed values for `inputs` from raw strings (command line, form) with the step's defaults. */
export function resolveInputs(inputs: StepInput[], raw: Record<string, unknown>, ctx: ResolveContext): Resolved {
  const values: Record<string, unknown> = {};
  const missing: StepInput[] = [];
  const invalid: Resolved['invalid'] = [];
  for (const input of inputs) {
    const t = typed(input, raw[input.option]);
    if (t.bad !== undefined) {
      invalid.push({ input, value: t.bad, allowed: t.allowed });
      continue;
    }
    let v = t.value;
    if (v === undefined) {
      switch (input.default) {
        case 'today':
          v = ctx.today;
          break;
        case 'actor':
          v = ctx.actor.id;
          break;
        case 'actor-unit':
          v = ctx.actor.unit ?? ctx.item?.lead_unit;
          break;
        case 'deadline':
          v = ctx.item?.deadline;
          break;
        case 'accepted-reports': {
          const names = [...new Set((ctx.item?.reviews ?? []).filter((r) => r.result === 'accepted').map((r) => r.report))];
          v = names.length ? names : undefined;
          break;
        }
        case 'last-referral': {
          // the referral this answer is waiting for (the first one), else the latest
          const field = input.paths[0]![0] as 'referral_receipts' | 'referral_outcomes';
          v = ctx.item ? (pendingReferrals(ctx.item, field)[0] ?? (ctx.item.referrals.length || undefined)) : undefined;
          break;
        }
        case 'item-document':
          v = ctx.itemDocument;
          break;
      }
    }
    if (v === undefined && input.required) missing.push(input);
    if (v !== undefined) values[input.option] = v;
  }
  return { values, missing, invalid };
}

const samePrefix = (path: string[], base: string[]) => base.every((k, i) => path[i] === k);

/** The object under `base` built from the values, keys in the order the inputs (the schema) give them. */
export function objectAt(inputs: StepInput[], values: Record<string, unknown>, base: string[]): Record<string, unknown> | undefined {
  let out: Record<string, unknown> | undefined;
  for (const input of inputs) {
    const v = values[input.option];
    for (const path of input.paths) {
      if (path.length <= base.length || !samePrefix(path, base)) continue;
      out ??= {};
      let o = out;
      const rest = path.slice(base.length);
      rest.slice(0, -1).forEach((k) => {
        o[k] ??= {};
        o = o[k] as Record<string, unknown>;
      });
      if (v !== undefined) o[rest.at(-1)!] = v;
    }
  }
  return out && prune(out);
}

/** Nested objects left empty (an optional group none of whose keys was given) are dropped. */
function prune(o: Record<string, unknown>): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    const p = v && typeof v === 'object' && !Array.isArray(v) ? prune(v as Record<string, unknown>) : v;
    if (p !== undefined) out[k] = p;
  }
  return Object.keys(out).length ? out : undefined;
}

/** What an item looks like after a step (for previews and the documents it issues). */
export function applyOps(value: Record<string, unknown>, ops: Op[]): Record<string, unknown> {
  const out = structuredClone(value);
  for (const op of ops) {
    const parent = op.path.slice(0, -1).reduce<Record<string, unknown>>((o, k) => (o[k] ??= {}) as Record<string, unknown>, out);
    const key = op.path.at(-1)!;
    if (op.op === 'set') parent[key] = op.value;
    else if (op.op === 'delete') delete parent[key];
    else parent[key] = [...((parent[key] as unknown[] | undefined) ?? []), op.value];
  }
  return out;
}

/** Keys of a new item in the order of the schema. */
export const ITEM_KEYS = Object.keys((itemSchema as unknown as { shape: Record<string, unknown> }).shape);

/** A new item: content from the values, id and kind assigned, the start state and its step. */
export function newItemData(kind: ItemKind, edge: Edge, id: string, inputs: StepInput[], values: Record<string, unknown>): Record<string, unknown> {
  const fields = objectAt(inputs, values, []) ?? {};
  const all: Record<string, unknown> = { ...fields, id, kind, state: edge.to };
  return Object.fromEntries(ITEM_KEYS.filter((k) => all[k] !== undefined).map((k) => [k, all[k]]));
}

/** The edits an edge makes to an item: the state, the fields it writes or the entry it appends, the fields a return clears. */
export function edgeOps(kind: ItemKind, edge: Edge, fields: string[], inputs: StepInput[], values: Record<string, unknown>): Op[] {
  const ops: Op[] = [{ op: 'set', path: ['state'], value: edge.to }];
  for (const f of fields) {
    if (edge.appends === f) {
      const entry = objectAt(inputs, values, [f, '[]']);
      if (entry) ops.push({ op: 'append', path: [f], value: entry });
    } else {
      const obj = objectAt(inputs, values, [f]);
      if (obj) ops.push({ op: 'set', path: [f], value: obj });
    }
  }
  for (const f of fieldsCleared(kind, edge)) ops.push({ op: 'delete', path: [f] });
  return ops;
}

/**
 * What follows from an appended entry by the table's field policies: the
 * deadline is the last extension's end (`deadline` policy).
 */
const FOLLOWS: Record<string, (entry: Record<string, unknown>) => Op[]> = {
  extensions: (e) => (e.to ? [{ op: 'set', path: ['deadline'], value: e.to }] : []),
};

/** The edits an amendment makes to an item (a `file` amendment makes none: it adds a file). */
export function amendmentOps(a: Amendment, fields: string[], inputs: StepInput[], values: Record<string, unknown>): Op[] {
  const ops: Op[] = [];
  if (a.change === 'content') {
    // an edit changes only what is given, key by key
    for (const i of inputs) if (values[i.option] !== undefined) for (const p of i.paths) ops.push({ op: 'set', path: p, value: values[i.option] });
    return ops;
  }
  for (const f of fields) {
    if (a.change === 'append') {
      const entry = objectAt(inputs, values, [f, '[]']);
      if (entry) ops.push({ op: 'append', path: [f], value: entry }, ...(FOLLOWS[f]?.(entry) ?? []));
    } else if (a.change === 'set') {
      const obj = objectAt(inputs, values, [f]);
      if (!obj) continue;
      if (SET_KEYS[a.action]?.merge) for (const [k, v] of Object.entries(obj)) ops.push({ op: 'set', path: [f, k], value: v });
      else ops.push({ op: 'set', path: [f], value: obj });
    }
  }
  return ops;
}
