/**
 * Dates in order: each step of an item on or after the one before it (in
 * the workflow table's order), the deadline after registration, extensions
 * forming a chain ending at the deadline, nothing dated after today.
 */
import type { Issue } from '../issues.ts';
import type { Located } from '../ledger.ts';
import type { Item } from '../schemas/item.ts';
import { FIELD_LABELS, LIST_FIELDS, LIST_LABELS, requiredFields, statesOf, type StepField } from '../workflow.ts';
import { at, dottedPath, type Rule } from './context.ts';

function stepDate(it: Item, f: StepField): string | undefined {
  const v = (it as unknown as Record<string, { date?: string } | undefined>)[f];
  return v?.date;
}

export const stepOrder: Rule = (ctx) => {
  const out: Issue[] = [];
  for (const rec of ctx.ledger.items) {
    const it = rec.value;
    if (!statesOf(it.kind).includes(it.state)) continue;
    const chain = requiredFields(it.kind, it.state);
    let prev: { f: StepField | 'source'; date: string } = { f: 'source', date: it.source.date };
    for (const f of chain) {
      const d = stepDate(it, f);
      if (!d) continue;
      if (d < prev.date) {
        out.push(
          at(rec, [f, 'date'], 'date-order', {
            later: FIELD_LABELS[f],
            laterDate: d,
            earlier: prev.f === 'source' ? '来源（source）' : FIELD_LABELS[prev.f],
            earlierDate: prev.date,
          }),
        );
      }
      prev = { f, date: d };
    }
    const reg = it.registered?.date ?? it.application?.date;
    // a cancellation ends the item: not before any step it had taken
    if (it.state === 'cancelled' && it.cancellation) {
      const steps = (Object.keys(FIELD_LABELS) as StepField[])
        .filter((f) => f !== 'cancellation')
        .map((f) => ({ f, date: stepDate(it, f) }))
        .flatMap((x) => (x.date ? [{ f: x.f as StepField, date: x.date }] : []))
        .sort((a, b) => a.date.localeCompare(b.date));
      const last = steps.at(-1);
      if (last && last.date > it.cancellation.date && it.cancellation.date >= it.source.date) {
        out.push(
          at(rec, ['cancellation', 'date'], 'date-order', {
            later: FIELD_LABELS.cancellation,
            laterDate: it.cancellation.date,
            earlier: FIELD_LABELS[last.f],
            earlierDate: last.date,
          }),
        );
      }
    }
    if (reg && it.deadline < reg) {
      out.push(at(rec, ['deadline'], 'deadline-before-registration', { deadline: it.deadline, registered: reg }));
    }
  }
  return out;
};

export const extensionChain: Rule = (ctx) => {
  const out: Issue[] = [];
  for (const rec of ctx.ledger.items) {
    const ext = rec.value.extensions;
    ext.forEach((e, i) => {
      if (e.to <= e.from) {
        out.push(at(rec, ['extensions', i, 'to'], 'extension-chain', { detail: `第 ${i + 1} 条延期的新时限 ${e.to} 不晚于原时限 ${e.from}` }));
      }
      const prev = ext[i - 1];
      if (prev && e.from !== prev.to) {
        out.push(at(rec, ['extensions', i, 'from'], 'extension-chain', { detail: `第 ${i + 1} 条延期的原时限 ${e.from} 与上一条的新时限 ${prev.to} 不一致` }));
      }
    });
    const last = ext[ext.length - 1];
    if (last && last.to !== rec.value.deadline) {
      out.push(at(rec, ['deadline'], 'extension-chain', { detail: `落实时限 ${rec.value.deadline} 与最后一条延期记录的新时限 ${last.to} 不一致` }));
    }
  }
  return out;
};

/** An append-only list grows in time: each entry is dated on or after the one before it. */
export const listOrder: Rule = (ctx) => {
  const out: Issue[] = [];
  for (const rec of ctx.ledger.items) {
    for (const key of LIST_FIELDS) {
      const list = (rec.value as unknown as Record<string, { date: string }[]>)[key] ?? [];
      list.forEach((e, i) => {
        const prev = list[i - 1];
        if (prev && e.date < prev.date) {
          const label = LIST_LABELS[key as keyof typeof LIST_LABELS];
          out.push(at(rec, [key, i, 'date'], 'date-order', { later: `${label}第 ${i + 1} 条`, laterDate: e.date, earlier: `第 ${i} 条`, earlierDate: prev.date }));
        }
      });
    }
  }
  return out;
};

/**
 * Every `date:` field anywhere in a record later than `after`, with its
 * path (in the order the fields are written). Walks without building
 * anything for the dates that are fine: the working-tree check visits every
 * record's every field.
 */
function datesAfter(v: unknown, after: string, path: (string | number)[], out: { path: (string | number)[]; date: string }[]): void {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const e = v[i];
      if (e !== null && typeof e === 'object') {
        path.push(i);
        datesAfter(e, after, path, out);
        path.pop();
      }
    }
    return;
  }
  if (v === null || typeof v !== 'object') return;
  for (const k in v) {
    const x = (v as Record<string, unknown>)[k];
    if (k === 'date' && typeof x === 'string') {
      if (x > after) out.push({ path: [...path, k], date: x });
    } else if (x !== null && typeof x === 'object') {
      path.push(k);
      datesAfter(x, after, path, out);
      path.pop();
    }
  }
}

export const noFutureDates: Rule = (ctx) => {
  const today = ctx.today;
  if (!today) return [];
  const out: Issue[] = [];
  const l = ctx.ledger;
  const found: { path: (string | number)[]; date: string }[] = [];
  for (const list of [l.items, l.reports, l.notices, l.bulletins, l.plans, l.meetings, l.summaries, l.adjustments] as Located<unknown>[][]) {
    for (const rec of list) {
      datesAfter(rec.value, today, [], found);
      for (const { path, date } of found) out.push(at(rec, path, 'future-date', { field: dottedPath(path), date, when: '今天', today }));
      found.length = 0;
    }
  }
  return out;
};
