/**
 * The main path of an item's workflow with the date and person of each step
 * it reached (from the workflow table; no state named here).
 */
import { STEP_WORDS } from '../../domain/describe.ts';
import type { Item } from '../../domain/schemas/item.ts';
import { STATE_LABELS, WORKFLOWS, type State, type StepField } from '../../domain/workflow.ts';

export interface Step {
  state: State;
  label: string;
  reached: boolean;
  current: boolean;
  date?: string;
  by?: string;
  what: string;
}

function chain(kind: Item['kind'], to: State): State[] {
  const out: State[] = [];
  let s: State | undefined = to;
  while (s) {
    out.unshift(s);
    s = WORKFLOWS[kind].states[s]?.after;
  }
  return out;
}

function stepOf(it: Item, f: StepField): { date?: string; by?: string } {
  const v = (it as unknown as Record<string, Record<string, string> | undefined>)[f];
  if (!v) return {};
  return { date: v.date, by: v.by ?? v.signed_by ?? v.approved_by };
}

export function stepsOf(it: Item): Step[] {
  const wf = WORKFLOWS[it.kind];
  const main = chain(it.kind, 'archived');
  const path = main.includes(it.state) ? main : [...chain(it.kind, wf.states[it.state]?.after ?? wf.start), it.state];
  const here = path.indexOf(it.state);
  return path.map((s, i) => {
    const fields = wf.states[s]?.adds ?? [];
    const f = fields[fields.length - 1];
    const at = f ? stepOf(it, f) : {};
    return {
      state: s,
      label: STATE_LABELS[s],
      reached: i <= here,
      current: i === here,
      date: at.date,
      by: at.by,
      what: fields.map((x) => STEP_WORDS[x]).join('、'),
    };
  });
}
