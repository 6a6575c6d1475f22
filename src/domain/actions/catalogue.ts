/**
 * Every step staff can take, read from the workflow table: each edge action
 * (grouped over the workflows and states it leaves), each amendment, and
 * each step of a document that lands step by step (the 督查汇报), with the
 * inputs it asks for on an item of each kind. The `ledger` command
 * registers one subcommand per entry and the forge forms list the same; a
 * step added to the table appears here with no new code.
 */
import { AMENDMENTS, ITEM_KINDS, WORKFLOWS, type Amendment, type Edge, type ItemKind } from '../workflow.ts';
import { documentItemKinds, documentStepInputs, stagedDocuments, type StagedDocument } from './document-steps.ts';
import { DOCUMENTS } from './documents.ts';
import {
  amendmentFields,
  creationInputs,
  edgeFields,
  fieldInputs,
  mergeInputs,
  reportInputs,
  withDefaults,
  type InputDefault,
  type StepInput,
} from './inputs.ts';

export interface StepDef {
  action: string;
  /** Chinese name (of the first edge bearing it). */
  label: string;
  /** A state move, a change that keeps the state, or a step of a document (its first step creates it). */
  type: 'edge' | 'amendment' | 'document';
  /** Edges from nothing: the step creates the item. */
  creates: boolean;
  /** Item kinds whose workflow has this step (every kind for amendments). */
  kinds: ItemKind[];
  amendment?: Amendment;
  /** For document steps: the document and the step's position in its chain. */
  document?: { doc: StagedDocument; index: number };
  /** Every input over every kind, one per option. */
  inputs: StepInput[];
  /** The inputs that apply to an item of `kind`. */
  inputsFor(kind: ItemKind): StepInput[];
}

/** How a `set` amendment fills its object: the keys it takes, and whether it adds to the object in force. */
export const SET_KEYS: Record<string, { keys?: string[]; omit?: string[]; merge?: boolean }> = {
  flag: { omit: ['lifted'] },
  unflag: { keys: ['lifted'], merge: true },
};

/**
 * Defaults particular to one field: the extension starts from the deadline
 * in force; a closure rests on the reports the office accepted and is
 * verified by whoever closes; the 纪工委 answers the latest referral; an
 * item registers its latest 督查汇报.
 */
const FIELD_DEFAULTS: Record<string, Partial<Record<string, InputDefault>>> = {
  extensions: { from: 'deadline' },
  flag: { lifted: 'today' },
  report: { unit: 'actor-unit' },
  closure: { reports: 'accepted-reports', verified_by: 'actor' },
  referral_receipts: { referral: 'last-referral' },
  referral_outcomes: { referral: 'last-referral' },
  summary: { document: 'item-document' },
};

function defaultsFor(field: string, inputs: StepInput[]): Partial<Record<string, InputDefault>> {
  const own = FIELD_DEFAULTS[field] ?? {};
  const out: Partial<Record<string, InputDefault>> = {};
  for (const i of inputs) {
    const key = i.paths[0]!.at(-1)!;
    if (own[key]) out[i.option] = own[key];
  }
  return out;
}

function documentDefaults(inputs: StepInput[]): Partial<Record<string, InputDefault>> {
  const out: Partial<Record<string, InputDefault>> = {};
  for (const i of inputs) if (DOCUMENTS.some((d) => d.ref.join('.') === i.paths[0]!.join('.'))) out[i.option] = 'document';
  return out;
}

/** Inputs of one edge on an item of `kind`. */
function edgeInputs(kind: ItemKind, edge: Edge): StepInput[] {
  const own = edgeFields(kind, edge).map((f) => {
    const inputs = fieldInputs(f);
    return withDefaults(inputs, { ...defaultsFor(f, inputs), ...documentDefaults(inputs) });
  });
  if (edge.from !== null) return mergeInputs(own);
  return mergeInputs([creationInputs(), ...own]);
}

function amendmentInputs(a: Amendment): StepInput[] {
  if (a.change === 'file') {
    const inputs = reportInputs();
    return withDefaults(inputs, defaultsFor('report', inputs));
  }
  if (a.change === 'content') return creationInputs().filter((i) => i.option !== 'deadline').map((i) => ({ ...i, required: false }));
  const lists = amendmentFields(a).map((f) => {
    let inputs = fieldInputs(f);
    const sel = SET_KEYS[a.action];
    if (sel?.keys) inputs = inputs.filter((i) => sel.keys!.includes(i.paths[0]!.at(-1)!));
    if (sel?.omit) inputs = inputs.filter((i) => !sel.omit!.includes(i.paths[0]!.at(-1)!));
    // an entry a unit signs for itself (签收) names the acting person's unit unless told otherwise
    const own: Partial<Record<string, InputDefault>> = a.ownUnit ? Object.fromEntries(inputs.filter((i) => i.paths[0]!.at(-1) === a.ownUnit).map((i) => [i.option, 'actor-unit'])) : {};
    return withDefaults(inputs, { ...defaultsFor(f, inputs), ...own });
  });
  return mergeInputs(lists);
}

/** The first edge of `action` in a kind's workflow (all edges of one action write the same fields). */
export function edgeOf(kind: ItemKind, action: string, from?: string | null): Edge | undefined {
  const edges = WORKFLOWS[kind].edges.filter((e) => e.action === action);
  return from === undefined ? edges[0] : edges.find((e) => e.from === from);
}

/** Every step of the table: edges first in workflow order, then amendments, then document steps. */
export function stepCatalogue(): StepDef[] {
  const out: StepDef[] = [];
  const seen = new Map<string, StepDef>();
  for (const kind of ITEM_KINDS) {
    for (const edge of WORKFLOWS[kind].edges) {
      let def = seen.get(edge.action);
      if (!def) {
        const perKind = new Map<ItemKind, StepInput[]>();
        def = {
          action: edge.action,
          label: edge.label,
          type: 'edge',
          creates: edge.from === null,
          kinds: [],
          inputs: [],
          inputsFor: (k) => perKind.get(k) ?? [],
        };
        (def as StepDef & { perKind: typeof perKind }).perKind = perKind;
        seen.set(edge.action, def);
        out.push(def);
      }
      const perKind = (def as StepDef & { perKind: Map<ItemKind, StepInput[]> }).perKind;
      if (!def.kinds.includes(kind)) {
        def.kinds.push(kind);
        perKind.set(kind, edgeInputs(kind, edge));
      }
    }
  }
  for (const def of out) def.inputs = mergeInputs(def.kinds.map((k) => def.inputsFor(k)));
  for (const a of Object.values(AMENDMENTS) as Amendment[]) {
    const inputs = amendmentInputs(a);
    out.push({ action: a.action, label: a.label, type: 'amendment', creates: false, kinds: [...ITEM_KINDS], amendment: a, inputs, inputsFor: () => inputs });
  }
  for (const doc of stagedDocuments()) {
    doc.steps.forEach((step, index) => {
      const inputs = documentStepInputs(doc, index);
      out.push({ action: step.action, label: step.label, type: 'document', creates: false, kinds: documentItemKinds(doc), document: { doc, index }, inputs, inputsFor: () => inputs });
    });
  }
  return out;
}
