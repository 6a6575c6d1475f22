/**
 * Object → record text (YAML frontmatter + Markdown body), for generated
 * records (tests, benchmark). js-yaml's dumper: many times faster than the
 * `yaml` package's, which matters at 60,000 generated versions. Staff files
 * are never re-serialised; they are edited surgically.
 */
import { CORE_SCHEMA, dump } from 'js-yaml';

const OPTIONS = { schema: CORE_SCHEMA, lineWidth: -1, noRefs: true, flowLevel: -1 } as const;

export function recordText(data: Record<string, unknown>, body = ''): string {
  return `---\n${dump(stripUndefined(data), OPTIONS)}---\n${body}`;
}

export function yamlFileText(data: unknown): string {
  return dump(stripUndefined(data), OPTIONS);
}

/** js-yaml refuses `undefined`; an absent field is simply left out. */
function stripUndefined(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripUndefined);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => [k, stripUndefined(x)]));
  }
  return v;
}
