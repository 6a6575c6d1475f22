/**
 * The workflow table is data; these tests check that the data makes a
 * workflow: every state reachable, ends that end, requirements that add up,
 * and field names that exist in the item schema.
 */
import { describe, expect, it } from 'vitest';
import { allowedKeys } from '../format/validate.ts';
import { item } from './schemas/item.ts';
import { ROLES } from './schemas/people.ts';
import {
  AMENDMENTS,
  FIELD_LABELS,
  ITEM_FIELDS,
  redoableFields,
  type Amendment,
  ITEM_KINDS,
  STATES,
  STATE_LABELS,
  WORKFLOWS,
  edgesFrom,
  findEdge,
  isTerminal,
  nextStepsText,
  requiredFields,
  stateRank,
  statesOf,
  type Edge,
  type ItemKind,
  type Signer,
  type State,
} from './workflow.ts';

/** States reachable from the start of `kind` over the edges that pass `use`. */
function reachable(kind: ItemKind, use: (e: Edge) => boolean = () => true): Set<State> {
  const wf = WORKFLOWS[kind];
  const seen = new Set<State>([wf.start]);
  const queue: State[] = [wf.start];
  while (queue.length) {
    const s = queue.shift()!;
    for (const e of wf.edges) {
      if (e.from === s && use(e) && !seen.has(e.to)) {
        seen.add(e.to);
        queue.push(e.to);
      }
    }
  }
  return seen;
}

/** Does `pattern` (e.g. `instruction.by`, `extensions[].approved_by`) name a field of the item schema? */
function isItemField(pattern: string): boolean {
  const path: (string | number)[] = [];
  for (const seg of pattern.split('.')) {
    const list = seg.endsWith('[]');
    const key = list ? seg.slice(0, -2) : seg;
    if (!allowedKeys(item, path).includes(key)) return false;
    path.push(key);
    if (list) path.push(0);
  }
  return true;
}

const ITEM_KEYS = Object.keys(item.shape);

describe.each(ITEM_KINDS)('workflow of %s items', (kind) => {
  const wf = WORKFLOWS[kind];
  const states = statesOf(kind);

  it('starts in one of its states, created by exactly one edge', () => {
    expect(states).toContain(wf.start);
    const creations = wf.edges.filter((e) => e.from === null);
    expect(creations.map((e) => e.to)).toEqual([wf.start]);
  });

  it('has edges only between its own states', () => {
    for (const e of wf.edges) {
      if (e.from !== null) expect(states, `${e.action}: from ${e.from}`).toContain(e.from);
      expect(states, `${e.action}: to ${e.to}`).toContain(e.to);
    }
  });

  it('has no edge twice', () => {
    const keys = wf.edges.map((e) => `${e.from}→${e.to}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('reaches every state from the start', () => {
    expect([...reachable(kind)].sort()).toEqual([...states].sort());
  });

  it('reaches every state but the start and cancelled without cancelling', () => {
    const noCancel = reachable(kind, (e) => e.to !== 'cancelled');
    for (const s of states) {
      if (s === wf.start || s === 'cancelled') continue;
      expect(noCancel.has(s), `${s} only reachable by cancelling`).toBe(true);
    }
    expect(noCancel.has('cancelled')).toBe(false);
  });

  it('lets nothing leave a terminal state and something leave every other state', () => {
    for (const s of states) {
      const out = edgesFrom(kind, s);
      if (isTerminal(kind, s)) expect(out, `${s} is terminal`).toEqual([]);
      else expect(out.length, `${s} is a dead end`).toBeGreaterThanOrEqual(1);
    }
    // the workflow ends: archived and cancelled are terminal in every kind
    expect(isTerminal(kind, 'archived')).toBe(true);
    expect(isTerminal(kind, 'cancelled')).toBe(true);
  });

  it('cancels only open items, always with a main leader signing', () => {
    // Every open state may be cancelled, except a superior item already
    // submitted to the superior body (the table leaves it only by closing).
    const notCancellable = new Set<State>(['closed', ...(kind === 'superior' ? (['submitted'] as State[]) : [])]);
    for (const s of states) {
      const e = findEdge(kind, s, 'cancelled');
      if (isTerminal(kind, s) || notCancellable.has(s)) {
        expect(e, `cancel from ${s}`).toBeUndefined();
        continue;
      }
      expect(e, `no cancel from ${s}`).toBeDefined();
      expect(e!.signers).toEqual([{ field: 'cancellation.approved_by', roles: ['main_leader'] }]);
    }
  });

  it('accumulates required fields along `after`', () => {
    for (const s of states) {
      const spec = wf.states[s]!;
      const own = spec.adds;
      if (spec.after) {
        expect(states, `${s}.after`).toContain(spec.after);
        expect(requiredFields(kind, s)).toEqual([...requiredFields(kind, spec.after), ...own]);
      } else {
        expect(requiredFields(kind, s)).toEqual(own);
      }
    }
    // the main path to archived carries everything the kind's steps add,
    // except the fields of side ends (rejected, merged, cancelled)
    const sideEnds = new Set(['rejection', 'merge', 'cancellation']);
    const all = new Set(states.flatMap((s) => wf.states[s]!.adds));
    expect(new Set(requiredFields(kind, 'archived'))).toEqual(new Set([...all].filter((f) => !sideEnds.has(f))));
  });

  it('has an acyclic `after` chain, ranked in path order', () => {
    for (const s of states) {
      const spec = wf.states[s]!;
      if (spec.after) expect(stateRank(kind, s)).toBe(stateRank(kind, spec.after) + 1);
    }
    expect(stateRank(kind, wf.start)).toBe(0);
    expect(stateRank(kind, 'cancelled')).toBe(-1);
  });

  it('names only real item fields, roles and labels', () => {
    for (const s of states) {
      expect(STATE_LABELS[s]).toBeTruthy();
      for (const f of requiredFields(kind, s)) {
        expect(ITEM_KEYS, `required field ${f} of ${s}`).toContain(f);
        expect(FIELD_LABELS[f]).toBeTruthy();
      }
    }
    for (const e of wf.edges) {
      expect(e.committer.length).toBeGreaterThan(0);
      for (const r of e.committer) expect(ROLES).toContain(r);
      for (const sg of e.signers ?? []) {
        expect(isItemField(sg.field), `signer field ${sg.field} of ${e.action}`).toBe(true);
        for (const r of sg.roles) expect(ROLES).toContain(r);
      }
      if (e.appends) expect(ITEM_KEYS).toContain(e.appends);
    }
  });

  it('says what may happen next', () => {
    expect(nextStepsText(kind, wf.start)).toContain('→');
    expect(nextStepsText(kind, 'archived')).toBe('“已归档”是终结状态，不能再变更');
  });
});

describe('workflow table', () => {
  it('uses every state somewhere and labels every state', () => {
    const used = new Set(ITEM_KINDS.flatMap(statesOf));
    expect([...used].sort()).toEqual([...STATES].sort());
    expect(Object.keys(STATE_LABELS).sort()).toEqual([...STATES].sort());
  });

  it('labels only item fields', () => {
    for (const f of Object.keys(FIELD_LABELS)) expect(ITEM_KEYS).toContain(f);
  });

  it('names real item fields in amendments', () => {
    const signers: Signer[] = Object.values(AMENDMENTS).flatMap((a) => ('signers' in a ? a.signers : []));
    expect(signers.length).toBeGreaterThan(0);
    for (const s of signers) expect(isItemField(s.field), s.field).toBe(true);
  });

  it('gives every amendment that changes a field a policy naming it', () => {
    for (const a of Object.values(AMENDMENTS) as Amendment[]) {
      if (a.change === 'file' || a.change === 'content') {
        expect(a.field, a.action).toBeUndefined();
        continue;
      }
      const policy = ITEM_FIELDS[a.field!];
      if (a.change === 'append') expect(policy, a.action).toEqual({ policy: 'list', by: a.action });
      else expect(policy.policy === 'set' && (policy.by as readonly string[]).includes(a.action), a.action).toBe(true);
    }
    // and every list or set field is grown or set by an action that exists
    const actions = new Set([...(Object.values(AMENDMENTS) as Amendment[]).map((a) => a.action), ...ITEM_KINDS.flatMap((k) => WORKFLOWS[k].edges.map((e) => e.action))]);
    for (const [f, p] of Object.entries(ITEM_FIELDS)) {
      if (p.policy === 'list') expect(actions.has(p.by), f).toBe(true);
      if (p.policy === 'set') for (const b of p.by) expect(actions.has(b), f).toBe(true);
    }
  });

  it('names every step field as a step, and only those', () => {
    const steps = Object.entries(ITEM_FIELDS).filter(([, p]) => p.policy === 'step').map(([f]) => f);
    expect(steps.sort()).toEqual(Object.keys(FIELD_LABELS).sort());
  });

  it('lets a return clear only the step it sends back', () => {
    expect([...redoableFields('superior')]).toEqual(['summary']);
    expect([...redoableFields('meeting')]).toEqual(['bulletined']);
    expect([...redoableFields('special')].sort()).toEqual(['bulletined', 'lead_opinion']);
  });

  it('tells a wrong field path from a right one', () => {
    expect(isItemField('instruction.by')).toBe(true);
    expect(isItemField('extensions[].approved_by')).toBe(true);
    expect(isItemField('instruction.signed_by')).toBe(false);
    expect(isItemField('extension[].approved_by')).toBe(false);
  });

  it('requires the three workflows of the notice', () => {
    expect(requiredFields('superior', 'submitted')).toEqual(['registered', 'instruction', 'assigned', 'arranged', 'summary', 'submitted']);
    expect(requiredFields('meeting', 'closed')).toEqual(['registered', 'assigned', 'arranged', 'bulletined', 'closure']);
    expect(requiredFields('special', 'bulletined')).toEqual(['application', 'approval', 'planned', 'inspection', 'lead_opinion', 'bulletined']);
    expect(requiredFields('special', 'merged')).toEqual(['application', 'merge']);
  });
});
