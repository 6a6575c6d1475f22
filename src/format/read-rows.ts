/**
 * A small list of records typed by staff for one batch action — a meeting's
 * decisions for 分解立项 — as rows of `option → value`. YAML: a list of
 * mappings, or `{ common: {…}, items: [...] }` where `common` applies to
 * every row. CSV (csv-parse): a header row of option names (`title`,
 * `lead-unit` or `lead_unit`, …), one row per record; a list cell separates
 * values with commas or 、.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { normaliseText } from './parse-record.ts';

export type Row = Record<string, unknown>;

export class RowsError extends Error {}

const key = (k: string) => k.trim().replace(/_/g, '-');

/** Nested mappings flatten to option names: `source: { name }` → `source-name`. */
function flatten(o: Record<string, unknown>, prefix = ''): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(o)) {
    const name = prefix ? `${prefix}-${key(k)}` : key(k);
    if (v && typeof v === 'object' && !Array.isArray(v)) Object.assign(out, flatten(v as Record<string, unknown>, name));
    else out[name] = v === null ? undefined : Array.isArray(v) ? v.map(String) : typeof v === 'boolean' || typeof v === 'number' ? v : String(v);
  }
  return out;
}

export function readRows(text: string, fileName: string): Row[] {
  const t = normaliseText(text);
  if (/\.csv$/i.test(fileName)) {
    let records: Record<string, string>[];
    try {
      records = parseCsv(t, { columns: (h: string[]) => h.map(key), skip_empty_lines: true, trim: true, bom: true });
    } catch (e) {
      throw new RowsError(`CSV 格式有误：${(e as Error).message}`);
    }
    return records.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== '')));
  }
  let data: unknown;
  try {
    data = parseYaml(t, { version: '1.2' });
  } catch (e) {
    throw new RowsError(`YAML 格式有误：${(e as Error).message.split('\n')[0]}`);
  }
  const common = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>).common : undefined;
  const list = Array.isArray(data) ? data : data && typeof data === 'object' ? (data as Record<string, unknown>).items : undefined;
  if (!Array.isArray(list) || !list.every((r) => r && typeof r === 'object' && !Array.isArray(r))) {
    throw new RowsError('应是一组事项：YAML 列表（每项一组“字段: 值”），或 common（共同字段）加 items（事项列表）');
  }
  const base = common && typeof common === 'object' ? flatten(common as Record<string, unknown>) : {};
  return list.map((r) => ({ ...base, ...flatten(r as Record<string, unknown>) }));
}
