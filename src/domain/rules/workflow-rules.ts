/**
 * An item's state fits its kind and carries what the workflow table says it
 * needs; the people named as signers hold the roles the table asks for.
 * Everything comes from `workflow.ts`: no state is named here.
 */
import { ROLE_LABELS, type Person, type Role } from '../schemas/people.ts';
import { SOURCE_TYPE_LABELS, SOURCE_TYPES } from '../schemas/item.ts';
import type { Issue } from '../issues.ts';
import {
  AMENDMENTS,
  FIELD_LABELS,
  KIND_LABELS,
  STATE_LABELS,
  WORKFLOWS,
  requiredFields,
  statesOf,
  documentSigners,
  type DocumentKind,
  type StepField,
  type Signer,
} from '../workflow.ts';
import { at, dottedPath, eachValueAt, valuesAt, type Rule } from './context.ts';
import type { Located } from '../ledger.ts';

/** Fields that only appear once an item reached an end: never before. */
const END_FIELDS: StepField[] = ['closure', 'archive', 'cancellation', 'rejection', 'merge'];

const allStepFields = Object.keys(FIELD_LABELS) as StepField[];

/** 交办（assigned） → 交办: the messages below name the field themselves. */
const stepName = (f: StepField) => FIELD_LABELS[f].replace(/（[a-z_]+）$/, '');

/** Step fields used anywhere in the workflow of `kind`. */
function fieldsOfKind(kind: keyof typeof WORKFLOWS): Set<StepField> {
  return new Set(Object.values(WORKFLOWS[kind].states).flatMap((s) => s?.adds ?? []));
}

export const stateFits: Rule = (ctx) => {
  const out: Issue[] = [];
  for (const rec of ctx.ledger.items) {
    const it = rec.value;
    const kindLabel = KIND_LABELS[it.kind];
    const allowedTypes: readonly string[] = SOURCE_TYPES[it.kind];
    if (!allowedTypes.includes(it.source.type)) {
      out.push(
        at(rec, ['source', 'type'], 'source-kind', {
          type: it.source.type,
          kindLabel,
          allowed: allowedTypes.map((t) => `${t}（${SOURCE_TYPE_LABELS[t]}）`).join('、'),
        }),
      );
    }
    const states = statesOf(it.kind);
    if (!states.includes(it.state)) {
      out.push(
        at(rec, ['state'], 'state-kind', {
          state: it.state,
          kindLabel,
          allowed: states.map((s) => `${s}（${STATE_LABELS[s]}）`).join('、'),
        }),
      );
      continue;
    }
    const required = requiredFields(it.kind, it.state);
    const record = it as unknown as Record<string, unknown>;
    for (const f of required) {
      if (record[f] === undefined) {
        out.push(
          at(rec, ['state'], 'state-missing-field', {
            state: it.state,
            stateLabel: STATE_LABELS[it.state],
            field: f,
            label: stepName(f),
            required: required.map((r) => r).join(' → '),
          }),
        );
      }
    }
    const own = fieldsOfKind(it.kind);
    for (const f of allStepFields) {
      if (record[f] === undefined) continue;
      if (!own.has(f)) {
        out.push(
          at(rec, [f], 'field-kind', {
            kindLabel,
            field: f,
            label: stepName(f),
            allowed: [...own].join('、'),
          }),
        );
      } else if (END_FIELDS.includes(f) && !required.includes(f)) {
        const target = Object.entries(WORKFLOWS[it.kind].states).find(([, s]) => s?.adds.includes(f))?.[0] as keyof typeof STATE_LABELS;
        out.push(
          at(rec, [f], 'premature-field', {
            state: it.state,
            stateLabel: STATE_LABELS[it.state],
            field: f,
            label: stepName(f),
            target,
            targetLabel: STATE_LABELS[target],
          }),
        );
      }
    }
    // meeting items are assigned by a 《督办通知》 (notice §二(二)2)
    if (it.kind === 'meeting' && it.assigned && !it.assigned.notice) {
      out.push(at(rec, ['assigned'], 'missing-field', { field: 'assigned.notice', label: '督办通知编号', hint: '会议督办事项须以《督办通知》交办，填写通知编号，例如 notice: TZ-2026-007' }));
    }
  }
  return out;
};

const signersOf = new Map<string, Signer[]>();
/** Every signer field of every edge and amendment, for the working-tree check (once per kind: the table does not change). */
function allSigners(kind: keyof typeof WORKFLOWS): Signer[] {
  let list = signersOf.get(kind);
  if (!list) signersOf.set(kind, (list = signerList(kind)));
  return list;
}

function signerList(kind: keyof typeof WORKFLOWS): Signer[] {
  const fromEdges = WORKFLOWS[kind].edges.flatMap((e) => e.signers ?? []);
  const fromAmendments = Object.values(AMENDMENTS).flatMap((a) => ('signers' in a ? a.signers : []));
  const seen = new Set<string>();
  return [...fromEdges, ...fromAmendments].filter((s) => (seen.has(s.field) ? false : (seen.add(s.field), true)));
}

const roleText = (roles: readonly Role[]) => roles.map((r) => ROLE_LABELS[r]).join('或');

export const signers: Rule = (ctx) => {
  const out: Issue[] = [];
  const wrong = (rec: Located<unknown>, path: (string | number)[], person: Located<Person>, roles: readonly Role[]) =>
    at(rec, path, 'wrong-signer', {
      field: dottedPath(path),
      ref: person.value.id,
      name: person.value.name,
      need: roleText(roles),
      has: roleText(person.value.roles),
    });
  for (const rec of ctx.ledger.items) {
    for (const s of allSigners(rec.value.kind)) {
      eachValueAt(rec.value, s.field, (value, pathOf) => {
        const person = typeof value === 'string' ? ctx.index.people.get(value) : undefined;
        if (!person) return; // unknown people are reported by `references`
        if (!person.value.roles.some((r) => s.roles.includes(r))) {
          out.push(wrong(rec, pathOf(), person, s.roles));
          return;
        }
        // the department's own 分管 leader (or a main leader, 主管) signs
        const unit = s.ofUnit ? ctx.index.units.get(rec.value[s.ofUnit])?.value : undefined;
        if (unit?.leader && value !== unit.leader && !person.value.roles.includes('main_leader')) {
          const path = pathOf();
          out.push(
            at(rec, path, 'not-unit-leader', {
              field: dottedPath(path),
              ref: person.value.id,
              name: person.value.name,
              unitName: unit.name,
              leader: `${unit.leader}（${ctx.index.people.get(unit.leader)?.value.name ?? '未登记'}）`,
            }),
          );
        }
      });
    }
  }
  // the office's documents and who signs them (DOCUMENTS in the workflow table)
  const documents: [DocumentKind, Located<unknown>[]][] = [
    ['bulletin', ctx.ledger.bulletins],
    ['notice', ctx.ledger.notices],
    ['plan', ctx.ledger.plans],
    ['meeting', ctx.ledger.meetings],
    ['summary', ctx.ledger.summaries],
    ['adjustment', ctx.ledger.adjustments],
  ];
  for (const [kind, records] of documents) {
    const chain = documentSigners(kind);
    for (const rec of records) {
      for (const { field, roles } of chain) {
        for (const { path, value } of valuesAt(rec.value, field)) {
          const person = typeof value === 'string' ? ctx.index.people.get(value) : undefined;
          if (person && !person.value.roles.some((r) => roles.includes(r))) out.push(wrong(rec, path, person, roles));
        }
      }
    }
  }
  return out;
};
