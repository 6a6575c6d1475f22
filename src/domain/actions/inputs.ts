/**
 * What a step asks for, read from the workflow table and the zod shapes:
 * every key of every field a step writes becomes one input (a `ledger`
 * option, a forge form field), typed by its schema and by the reference
 * table, with the default it takes (today, the acting person, the current
 * deadline, a new document). A field the schema gains, or a step the table
 * gains, gets its input here without new code in any face.
 */
import type { z } from 'zod';
import { REFERENCE_FIELDS } from '../rules/references.ts';
import { calendarDate } from '../schemas/common.ts';
import { item as itemSchema } from '../schemas/item.ts';
import { report as reportSchema } from '../schemas/report.ts';
import { CONTENT_FIELDS, ITEM_FIELDS, WORKFLOWS, fieldsWritten, type Amendment, type Edge, type ItemField, type ItemKind } from '../workflow.ts';
import { KEY_LABELS } from './labels.ts';

export type InputType = 'text' | 'date' | 'person' | 'unit' | 'item' | 'notice' | 'plan' | 'bulletin' | 'meeting' | 'summary' | 'enum' | 'boolean' | 'number';

/**
 * Where an input's value comes from when it is not given: today, the
 * acting person or their unit, the deadline in force, a new document, one
 * derived from the items, the reports the office accepted (a closure's
 * evidence), the latest referral (the 纪工委's answer), the item's latest
 * document of that kind (the 督查汇报 a `summarise` registers).
 */
export type InputDefault = 'today' | 'actor' | 'actor-unit' | 'deadline' | 'document' | 'derived' | 'accepted-reports' | 'last-referral' | 'item-document';

export interface StepInput {
  /** Option name, kebab-case: `reviewed-by`, `source-type`. */
  option: string;
  /** Where the value goes in the record; `[]` marks the new list entry. */
  paths: string[][];
  type: InputType;
  /** A list (comma-separated on the command line). */
  list: boolean;
  /** A list or one value (`reports_due`: weekly, or dates). */
  listOrOne?: boolean;
  /** Allowed values of an enum. */
  values?: string[];
  required: boolean;
  default?: InputDefault;
  /** Chinese label for help and forms. */
  label: string;
}

type AnyZod = z.ZodType & { _zod: { def: ZodDef } };
/** The parts of zod 4's internal definitions read here (stable since zod 4.0). */
interface ZodDef {
  type: string;
  innerType?: AnyZod;
  in?: AnyZod;
  out?: AnyZod;
  element?: AnyZod;
  options?: AnyZod[];
  entries?: Record<string, string>;
}

/** The schema under optional / default / pipe wrappers, and what it is. */
export function describeSchema(s: AnyZod): { type: InputType | 'object' | 'array' | 'union'; inner: AnyZod } {
  let cur = s;
  for (;;) {
    if (cur === (calendarDate as unknown)) return { type: 'date', inner: cur };
    const d = cur._zod.def;
    switch (d.type) {
      case 'optional':
      case 'default':
      case 'prefault':
      case 'nullable':
        cur = d.innerType as AnyZod;
        continue;
      case 'pipe': {
        const out = d.out as AnyZod;
        const inn = d.in as AnyZod;
        cur = out._zod.def.type === 'transform' ? inn : out;
        if (inn === (calendarDate as unknown)) return { type: 'date', inner: inn };
        continue;
      }
      case 'object':
        return { type: 'object', inner: cur };
      case 'array':
        return { type: 'array', inner: cur };
      case 'union':
        return { type: 'union', inner: cur };
      case 'enum':
        return { type: 'enum', inner: cur };
      case 'boolean':
        return { type: 'boolean', inner: cur };
      case 'number':
        return { type: 'number', inner: cur };
      default:
        return { type: 'text', inner: cur };
    }
  }
}

const kebab = (s: string) => s.replace(/_/g, '-');

/** The reference kind of a record field pattern (`summary.reviewed_by` → person). */
function refKind(record: keyof typeof REFERENCE_FIELDS, pattern: string): InputType | undefined {
  return (REFERENCE_FIELDS[record] as Record<string, InputType>)[pattern];
}

/** One input per key of an object shape (nested objects flattened as `parent-key`). */
export function inputsOfShape(
  record: keyof typeof REFERENCE_FIELDS,
  shape: Record<string, AnyZod>,
  base: string[],
  pattern: string,
  prefix: string,
  parentOptional: boolean,
): StepInput[] {
  const out: StepInput[] = [];
  for (const [key, s] of Object.entries(shape)) {
    const optional = parentOptional || s.safeParse(undefined).success;
    const d = describeSchema(s);
    const pat = pattern ? `${pattern}.${key}` : key;
    const option = prefix ? `${prefix}-${kebab(key)}` : kebab(key);
    const path = [...base, key];
    if (d.type === 'object') {
      out.push(...inputsOfShape(record, (d.inner as unknown as z.ZodObject).shape as Record<string, AnyZod>, path, pat, option, optional));
      continue;
    }
    let type: InputType = d.type === 'array' || d.type === 'union' ? 'text' : d.type;
    let list = false;
    let listOrOne = false;
    let values: string[] | undefined;
    if (d.type === 'array') {
      list = true;
      const el = describeSchema(d.inner._zod.def.element!);
      type = el.type === 'date' ? 'date' : 'text';
    } else if (d.type === 'union') {
      const opts = d.inner._zod.def.options!.map(describeSchema);
      listOrOne = opts.some((o) => o.type === 'array');
      const en = opts.find((o) => o.type === 'enum');
      if (en) values = Object.keys(en.inner._zod.def.entries!);
    } else if (d.type === 'enum') {
      values = Object.keys(d.inner._zod.def.entries!);
    }
    const ref = refKind(record, list ? `${pat}[]` : pat);
    if (ref) type = ref;
    out.push({
      option,
      paths: [path],
      type,
      list,
      listOrOne: listOrOne || undefined,
      values,
      required: !optional,
      label: (record !== 'item' ? KEY_LABELS[`${record}:${pat}`] : undefined) ?? KEY_LABELS[pat] ?? KEY_LABELS[key] ?? key,
    });
  }
  return out;
}

const itemShape = () => (itemSchema as unknown as z.ZodObject).shape as Record<string, AnyZod>;

/** Inputs of one item field a step writes: the keys of its object, or of its list's entry. */
export function fieldInputs(field: ItemField): StepInput[] {
  const d = describeSchema(itemShape()[field]!);
  if (d.type === 'object') return inputsOfShape('item', (d.inner as unknown as z.ZodObject).shape as Record<string, AnyZod>, [field], field, '', false);
  if (d.type === 'array') {
    const el = describeSchema(d.inner._zod.def.element!);
    if (el.type === 'object') return inputsOfShape('item', (el.inner as unknown as z.ZodObject).shape as Record<string, AnyZod>, [field, '[]'], `${field}[]`, '', false);
  }
  return inputsOfShape('item', { [field]: itemShape()[field]! }, [], '', '', false);
}

/** The fields a new item is created with: content and deadline (id, kind and state are assigned). */
export function creationInputs(): StepInput[] {
  const fields = (Object.keys(ITEM_FIELDS) as ItemField[]).filter((f) => CONTENT_FIELDS.includes(f) || ITEM_FIELDS[f].policy === 'deadline');
  const shape = Object.fromEntries(fields.map((f) => [f, itemShape()[f]!]));
  return inputsOfShape('item', shape, [], '', '', false);
}

/** The inputs of a progress report file. */
export function reportInputs(): StepInput[] {
  return inputsOfShape('report', (reportSchema as unknown as z.ZodObject).shape as Record<string, AnyZod>, [], '', '', false);
}

/** Inputs with the same option name (the `date` of two fields of one step) become one. */
export function mergeInputs(lists: StepInput[][]): StepInput[] {
  const byOption = new Map<string, StepInput>();
  for (const inp of lists.flat()) {
    const had = byOption.get(inp.option);
    if (!had) byOption.set(inp.option, { ...inp, paths: [...inp.paths] });
    else {
      for (const p of inp.paths) if (!had.paths.some((q) => q.join('.') === p.join('.'))) had.paths.push(p);
      had.required ||= inp.required;
    }
  }
  return [...byOption.values()];
}

/** Defaults every step shares: dates are today, `by` is the acting person. */
export function withDefaults(inputs: StepInput[], extra: Partial<Record<string, InputDefault>> = {}): StepInput[] {
  return inputs.map((i) => {
    const last = i.paths[0]!.at(-1)!;
    const def = extra[i.option] ?? (last === 'date' ? 'today' : last === 'by' ? 'actor' : undefined);
    return def ? { ...i, default: def, required: false } : i;
  });
}

/** The item fields an edge writes, for an item kind (a return: the entry it appends). */
export function edgeFields(kind: ItemKind, edge: Edge): ItemField[] {
  return edge.appends ? [edge.appends] : fieldsWritten(kind, edge);
}

/** The item fields an amendment writes. */
export function amendmentFields(a: Amendment): ItemField[] {
  if (a.change === 'content') return [...CONTENT_FIELDS];
  return a.field ? [a.field] : [];
}

/** Every workflow kind an action exists in. */
export function kindsOf(action: string): ItemKind[] {
  return (Object.keys(WORKFLOWS) as ItemKind[]).filter((k) => WORKFLOWS[k].edges.some((e) => e.action === action));
}
