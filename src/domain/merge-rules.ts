/**
 * What a merge commit may do to one record. A merge is checked like any
 * commit, but against every parent and the merge base:
 *
 * - what each side did since the base was checked commit by commit on that
 *   side; the merge's *expected* result is every side's change applied to
 *   the base, field by field for items (`expectedItem`);
 * - sides that changed the same field differently conflict: the state, a
 *   step record or the deadline moved two ways is refused; append-only
 *   lists keep every entry either side landed; content edits are the
 *   merger's to reconcile;
 * - whatever the result holds beyond the expected version, the merge itself
 *   introduced: it is judged by the ordinary transition rules
 *   (`transitions.ts`) as a change by the merge's own author;
 * - from each parent the result must still be legal: nothing but the open
 *   fields changes on an item that parent had frozen or ended;
 * - a record added on two sides with different content is the same id
 *   registered twice (`duplicate-registration`).
 *
 * Pure: the checker supplies every version; the workflow table every rule.
 */
import { issue, type CommitRef, type Issue } from './issues.ts';
import type { Located, RecordKind } from './ledger.ts';
import type { Item } from './schemas/item.ts';
import type { Person } from './schemas/people.ts';
import type { Report } from './schemas/report.ts';
import { BULLETIN_ID_RE, ITEM_ID_RE, NOTICE_ID_RE, PLAN_ID_RE } from './schemas/common.ts';
import { itemChangeIssues, officeRecordIssues, reportChangeIssues, type ChangeInput } from './transitions.ts';
import { FIELD_LABELS, ITEM_FIELDS, LIST_LABELS, STATE_LABELS, type ItemField, type StepField } from './workflow.ts';

/** One version of the record: absent (no blob), unreadable (blob, no record) or read. */
export interface Version {
  blob?: string;
  rec?: Located<unknown>;
}

export interface MergeRecordInput {
  kind: RecordKind;
  /** Path of the record (the same in every version: merges are compared path by path). */
  file: string;
  commit: CommitRef;
  /** Beijing calendar date of the merge. */
  commitDate: string;
  /** The merge's author as found in people.yml. */
  merger?: Person;
  result: Version;
  /** One per parent, in parent order, with the parent's sha. */
  parents: (Version & { sha: string })[];
  /** The merge base's version (absent: the record is newer than the base, or there is no base). */
  base: Version;
  /** For a duplicate registration: the next free id or file name to renumber to. */
  nextFree?: string;
}

export interface MergeRecordResult {
  issues: Issue[];
  /** The result differs from what the sides' changes make: the merge itself changed the record. */
  introduced: boolean;
}

/** Key order aside: the expected item is built field by field, the result parsed from text. */
const canonical = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(canonical)
    : v && typeof v === 'object'
      ? Object.fromEntries(Object.keys(v).sort().filter((k) => (v as Record<string, unknown>)[k] !== undefined).map((k) => [k, canonical((v as Record<string, unknown>)[k])]))
      : v;
const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
const short = (sha: string) => sha.slice(0, 7);
const sideName = (i: number, sha: string) => `${i === 0 ? '第一' : i === 1 ? '第二' : `第${i + 1}`}父提交 ${short(sha)} 一侧`;

const WHAT: Partial<Record<RecordKind, string>> = {
  item: '督办事项',
  report: '落实情况',
  notice: '督办通知',
  bulletin: '督查通报',
  plan: '专项督查方案',
};

function fieldLabel(f: string): string {
  return FIELD_LABELS[f as StepField] ?? (LIST_LABELS as Record<string, string>)[f] ?? f;
}

function describeRecord(kind: RecordKind, v: Version, file: string): string {
  const value = v.rec?.value as { title?: string; unit?: string; date?: string } | undefined;
  if (kind === 'report') return value?.unit ? `${value.unit} ${value.date ?? ''} 的报送` : file.split('/').at(-1)!;
  return value?.title ? `“${value.title}”` : '（无法读取的版本）';
}

/** Id (or, for reports, file name) a record file stands for. */
function nameOf(kind: RecordKind, file: string): string {
  const parts = file.split('/');
  if (kind === 'item') return parts.at(-2)!;
  return kind === 'report' ? parts.at(-1)! : parts.at(-1)!.replace(/\.md$/, '');
}

/**
 * The next free id (or report file name) after `taken`, for the record at
 * `file`: one more than the largest number of its kind and year.
 */
export function nextFreeName(kind: RecordKind, file: string, taken: readonly string[]): string | undefined {
  const name = nameOf(kind, file);
  if (kind === 'report') {
    const stem = name.replace(/(?:-\d+)?\.md$/, '');
    const used = new Set(taken);
    for (let n = 2; n < 1000; n++) if (!used.has(`${stem}-${n}.md`)) return `${stem}-${n}.md`;
    return undefined;
  }
  const re = kind === 'item' ? ITEM_ID_RE : kind === 'notice' ? NOTICE_ID_RE : kind === 'plan' ? PLAN_ID_RE : kind === 'bulletin' ? BULLETIN_ID_RE : undefined;
  const m = re?.exec(name);
  if (!re || !m) return undefined;
  const prefix = name.slice(0, name.length - m[2]!.length);
  let max = Number(m[2]);
  for (const t of taken) {
    const tm = re.exec(t.replace(/\.md$/, ''));
    if (tm && tm[1] === m[1]) max = Math.max(max, Number(tm[2]));
  }
  return `${prefix}${String(max + 1).padStart(m[2]!.length, '0')}`;
}

/** The same record added on two sides with different content (blob level; no parsing needed). */
export function isDuplicateRegistration(base: Version, parents: Version[]): boolean {
  if (base.blob) return false;
  return new Set(parents.map((p) => p.blob).filter(Boolean)).size > 1;
}

function duplicateIssue(m: MergeRecordInput): Issue {
  const added = m.parents.map((p, i) => ({ p, i })).filter(({ p }) => p.blob);
  // keep the side the result kept; renumber the other (the later side when the result is neither)
  const kept = added.find(({ p }) => p.blob === m.result.blob) ?? added[0]!;
  const lost = added.find((s) => s !== kept && s.p.blob !== kept.p.blob)!;
  const name = nameOf(m.kind, m.file);
  const line = (m.result.rec ?? kept.p.rec)?.lineOf(m.kind === 'report' ? ['unit'] : ['id']) ?? 1;
  return issue('duplicate-registration', { file: m.file, line, commit: m.commit }, {
    what: WHAT[m.kind] ?? '记录',
    name,
    label: m.kind === 'report' ? '文件名' : '编号',
    a: `${sideName(kept.i, kept.p.sha)}为${describeRecord(m.kind, kept.p, m.file)}`,
    b: `${sideName(lost.i, lost.p.sha)}为${describeRecord(m.kind, lost.p, m.file)}`,
    renumber: `${sideName(lost.i, lost.p.sha)}的${describeRecord(m.kind, lost.p, m.file)}`,
    next: m.nextFree ?? '（下一个未用的编号）',
  });
}

interface Expected {
  /** The version the sides' changes make (undefined: absent). */
  rec?: Located<unknown>;
  issues: Issue[];
  /** Fields whose loss is already reported (no second message from the transition rules). */
  reported: Set<string>;
}

/**
 * The item the sides' changes make, field by field. Where sides changed
 * one field differently: the state, a step or the deadline is a conflict
 * (refused, the result's value kept so it is not reported twice); a list
 * keeps what the result holds of what the sides landed (every side's
 * entries must be in it); content and flags are the merger's choice (the
 * base's value is expected, so the merger's edit is judged as theirs).
 */
function expectedItem(m: MergeRecordInput, base: Located<Item>, sides: Located<Item>[], result: Located<Item> | undefined): Expected {
  const where = (path: (string | number)[]) => ({ file: m.file, line: result?.lineOf(path) ?? 1, commit: m.commit });
  const out: Issue[] = [];
  const reported = new Set<string>();
  const b = base.value as Record<string, unknown>;
  const r = result?.value as Record<string, unknown> | undefined;
  const e: Record<string, unknown> = {};
  for (const f of Object.keys(ITEM_FIELDS) as ItemField[]) {
    const policy = ITEM_FIELDS[f].policy;
    const changed: { v: unknown; i: number }[] = [];
    sides.forEach((s, i) => {
      const v = (s.value as Record<string, unknown>)[f];
      if (!same(v, b[f]) && !changed.some((c) => same(c.v, v))) changed.push({ v, i });
    });
    if (changed.length === 0) e[f] = b[f];
    else if (changed.length === 1) e[f] = changed[0]!.v;
    else if (policy === 'list') {
      // every entry either side landed, in the result's order; the base's entries first
      const landed = [b[f], ...sides.map((s) => (s.value as Record<string, unknown>)[f])].flatMap((l) => (l ?? []) as unknown[]);
      const got = ((r?.[f] ?? []) as unknown[]).filter((x) => landed.some((y) => same(x, y)));
      e[f] = got;
    } else if (policy === 'state' || policy === 'step' || policy === 'deadline') {
      const [x, y] = changed;
      const show = (v: unknown) =>
        policy === 'state' ? `${v}（${STATE_LABELS[v as keyof typeof STATE_LABELS]}）` : v === undefined ? '（无）' : typeof v === 'string' ? v : JSON.stringify(v);
      out.push(
        issue('merge-conflict', where([f]), {
          ...(policy === 'state' ? {} : { field: f, label: f === 'deadline' ? '落实时限' : fieldLabel(f) }),
          a: `${sideName(x!.i, m.parents[x!.i]!.sha)}：${show(x!.v)}`,
          b: `${sideName(y!.i, m.parents[y!.i]!.sha)}：${show(y!.v)}`,
        }),
      );
      e[f] = r ? r[f] : b[f];
      reported.add(f);
    } else e[f] = b[f];
  }
  // the Markdown body: like a content field
  const bodies = [...new Set(sides.map((s) => s.body).filter((x) => x !== base.body))];
  const body = bodies.length === 1 ? bodies[0]! : base.body;
  for (const k of Object.keys(e)) if (e[k] === undefined) delete e[k];

  // what a side landed and the result lost: list entries, step records
  if (r) {
    sides.forEach((s, i) => {
      const sv = s.value as Record<string, unknown>;
      for (const f of Object.keys(ITEM_FIELDS) as ItemField[]) {
        const policy = ITEM_FIELDS[f].policy;
        if (reported.has(f) || same(sv[f], b[f])) continue;
        // (a step the merge itself moved past is the transition rules' to judge)
        const lost =
          policy === 'list'
            ? ((sv[f] ?? []) as unknown[]).some((x) => !((r[f] ?? []) as unknown[]).some((y) => same(x, y)))
            : policy === 'step' && sv[f] !== undefined && !same(r[f], sv[f]) && r.state === e.state;
        if (lost) {
          out.push(issue('merge-dropped', where([f]), { side: sideName(i, m.parents[i]!.sha), field: f, label: fieldLabel(f) }));
          reported.add(f);
        }
      }
    });
    // the base's list entries stay first, in order
    for (const f of Object.keys(ITEM_FIELDS) as ItemField[]) {
      if (ITEM_FIELDS[f].policy !== 'list' || reported.has(f)) continue;
      const before = (b[f] ?? []) as unknown[];
      const now = (r[f] ?? []) as unknown[];
      if (!before.every((x, k) => same(x, now[k]))) {
        out.push(issue('rewritten-history', where([f]), { field: f, label: fieldLabel(f) }));
        reported.add(f);
      }
    }
  }
  const rec: Located<Item> = { ...(result ?? base), value: e as unknown as Item, body };
  return { rec, issues: out, reported };
}

/** Drop the transition rules' second word on a field a merge message already named. */
function withoutReported(list: Issue[], reported: Set<string>, result: Located<unknown> | undefined): Issue[] {
  if (!reported.size || !result) return list;
  const lines = new Set([...reported].map((f) => result.lineOf([f])));
  return list.filter((i) => !(['rewritten-history', 'deadline-changed', 'illegal-transition'].includes(i.code) && lines.has(i.line)));
}

/** A merge's change to one record, against every parent and the merge base. */
export function mergeRecordIssues(m: MergeRecordInput): MergeRecordResult {
  if (isDuplicateRegistration(m.base, m.parents)) return { issues: [duplicateIssue(m)], introduced: true };
  const input: ChangeInput = { commit: m.commit, commitDate: m.commitDate, author: m.merger, status: 'M', kind: m.kind, file: m.file };
  const out: Issue[] = [];

  // blob level: the sides that changed the record since the base
  const changed = m.parents.filter((p) => p.blob !== m.base.blob);
  const changedBlobs = [...new Set(changed.map((p) => p.blob))];
  let expected: Expected;
  let expectedBlob: string | undefined;
  if (changedBlobs.length <= 1) {
    const v = changed[0] ?? m.base;
    if (m.result.blob === v.blob) return { issues: fromEveryParent(m, input), introduced: false };
    expected = { rec: v.rec, issues: [], reported: new Set() };
    expectedBlob = v.blob;
  } else if (m.kind === 'item' && m.base.rec && m.parents.every((p) => p.rec)) {
    expected = expectedItem(m, m.base.rec as Located<Item>, m.parents.map((p) => p.rec as Located<Item>), m.result.rec as Located<Item> | undefined);
    expectedBlob = m.base.blob;
  } else {
    // two sides changed a record that is not an item (or an unreadable one): the merger's resolution
    expected = { rec: m.base.rec, issues: [], reported: new Set() };
    expectedBlob = m.base.blob;
  }
  out.push(...expected.issues);

  // what the merge itself introduced, judged as the merger's own change
  const e = expected.rec;
  const r = m.result.blob ? m.result.rec : undefined;
  const introduced = !!m.result.blob !== !!expectedBlob || !same(e?.value, r?.value) || e?.body !== r?.body;
  if (expected.reported.has('state')) {
    // the sides moved the item two ways: refused as such; the expected version is no state to judge from
  } else if (introduced && !m.result.blob) {
    out.push(...(m.kind === 'item' ? itemChangeIssues : m.kind === 'report' ? (i: ChangeInput) => reportChangeIssues(i, undefined) : officeRecordIssues)({ ...input, status: 'D' }, undefined, undefined));
  } else if (introduced && (e || !expectedBlob)) {
    // (an unreadable expected version cannot be compared: its own commit was refused for it)
    const own = { ...input, status: (e ? 'M' : 'A') as ChangeInput['status'] };
    if (m.kind === 'item') out.push(...withoutReported(itemChangeIssues(own, e as Located<Item> | undefined, r as Located<Item> | undefined), expected.reported, r));
    else if (m.kind === 'report') out.push(...reportChangeIssues(own, r as Located<Report> | undefined));
    else out.push(...officeRecordIssues(own, e as Located<{ id?: string }> | undefined, r));
  }
  out.push(...fromEveryParent(m, input).filter((i) => !out.some((o) => o.code === i.code && o.line === i.line)));
  return { issues: out, introduced };
}

/** From every parent the result must be legal: an item a parent froze or ended changes only in its open fields. */
function fromEveryParent(m: MergeRecordInput, input: ChangeInput): Issue[] {
  if (m.kind !== 'item' || !m.result.rec) return [];
  const out: Issue[] = [];
  for (const p of m.parents) {
    if (!p.rec || p.blob === m.result.blob) continue;
    const frozen = itemChangeIssues({ ...input, author: undefined }, p.rec as Located<Item>, m.result.rec as Located<Item>).filter((i) => i.code === 'frozen-item');
    for (const f of frozen) if (!out.some((o) => o.line === f.line)) out.push(f);
  }
  return out;
}
