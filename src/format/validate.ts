/**
 * Parsed text + zod schema → typed value or issues with file and line.
 * Translates zod's issues into the catalogue's codes and Chinese messages,
 * with a "did you mean" for misspelt field names.
 */
import type { z } from 'zod';
import { issue, type Issue } from '../domain/issues.ts';
import { closest } from '../domain/text.ts';
import type { FieldPath, ParsedText } from './parse-record.ts';

type AnySchema = z.ZodType;

interface Def {
  type: string;
  shape?: Record<string, AnySchema>;
  innerType?: AnySchema;
  in?: AnySchema;
  out?: AnySchema;
  element?: AnySchema;
  options?: AnySchema[];
}

const defOf = (s: AnySchema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The object shapes reachable at `path` inside `schema` (unions give several). */
function shapesAt(schema: AnySchema, path: FieldPath): Record<string, AnySchema>[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'nullable':
    case 'prefault':
    case 'readonly':
      return shapesAt(def.innerType!, path);
    case 'pipe':
      return [...shapesAt(def.in!, path), ...shapesAt(def.out!, path)];
    case 'union':
      return def.options!.flatMap((o) => shapesAt(o, path));
    case 'array':
      return typeof path[0] === 'number' ? shapesAt(def.element!, path.slice(1)) : [];
    case 'object': {
      if (path.length === 0) return [def.shape!];
      const next = def.shape![String(path[0])];
      return next ? shapesAt(next, path.slice(1)) : [];
    }
    default:
      return [];
  }
}

export function allowedKeys(schema: AnySchema, path: FieldPath): string[] {
  return [...new Set(shapesAt(schema, path).flatMap((s) => Object.keys(s)))];
}

function getIn(data: unknown, path: FieldPath): unknown {
  let cur = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

const dotted = (path: FieldPath) =>
  path.reduce<string>((acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : String(seg)), '');

export type Validated<T> = { ok: true; value: T; issues: Issue[] } | { ok: false; issues: Issue[] };

/** Validate parsed data against `schema`; every zod issue becomes a catalogue issue. */
export function validateParsed<S extends AnySchema>(schema: S, parsed: ParsedText, file: string): Validated<z.output<S>> {
  if (parsed.issues.length || parsed.data === undefined) return { ok: false, issues: parsed.issues };
  const result = schema.safeParse(parsed.data);
  if (result.success) return { ok: true, value: result.data as z.output<S>, issues: [] };
  const out: Issue[] = [];
  for (const zi of result.error.issues) {
    const path = zi.path as (string | number)[];
    const field = dotted(path);
    if (zi.code === 'unrecognized_keys') {
      const allowed = allowedKeys(schema, path);
      for (const key of zi.keys) {
        out.push(
          issue('unknown-field', { file, line: parsed.lineOf([...path, key]) }, {
            field: key,
            where: field || undefined,
            suggestion: closest(key, allowed),
            allowed: allowed.join('、'),
          }),
        );
      }
      continue;
    }
    const line = parsed.lineOf(path);
    const present = getIn(parsed.data, path) !== undefined;
    if (!present) {
      out.push(issue('missing-field', { file, line }, { field }));
    } else if (zi.code === 'custom' && (zi as { params?: { code?: string } }).params?.code === 'bad-date') {
      out.push(issue('bad-date', { file, line }, { field, detail: zi.message }));
    } else {
      out.push(issue('invalid-value', { file, line }, { field, detail: zi.message }));
    }
  }
  return { ok: false, issues: out };
}
