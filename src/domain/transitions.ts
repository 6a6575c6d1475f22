/**
 * What one commit may do to one record, judged from its old and new
 * versions and the author's roles. Pure: the Git layer supplies the
 * versions; the workflow table supplies every edge and role.
 */
import { issue, type CommitRef, type Issue } from './issues.ts';
import type { Located, RecordKind } from './ledger.ts';
import { dottedPath } from './rules/context.ts';
import { amendmentOpen } from './next-steps.ts';
import type { Item } from './schemas/item.ts';
import type { Person, Role } from './schemas/people.ts';
import { ROLE_LABELS } from './schemas/people.ts';
import type { Report } from './schemas/report.ts';
import {
  AMENDMENTS,
  FIELD_LABELS,
  ITEM_FIELDS,
  LIST_LABELS,
  STATE_LABELS,
  WHEN_LABELS,
  WORKFLOWS,
  amendment,
  DOCUMENTS,
  fieldsCleared,
  fieldsOpenIn,
  fieldsWritten,
  findEdge,
  isFrozen,
  isTerminal,
  nextStepsText,
  redoableFields,
  type Amendment,
  type DocumentKind,
  type DocumentSpec,
  type Edge,
  type FieldPolicy,
  type ItemField,
  type StepField,
} from './workflow.ts';

export interface ChangeInput {
  commit: CommitRef;
  /** Beijing calendar date of the commit (author date). */
  commitDate: string;
  /** The author as found in people.yml (undefined: unknown, reported once per commit elsewhere). */
  author?: Person;
  status: 'A' | 'M' | 'D' | 'R';
  kind: RecordKind;
  file: string;
  oldFile?: string;
}

const roleText = (roles: readonly Role[]) => roles.map((r) => ROLE_LABELS[r]).join('或');

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}


function where(input: ChangeInput, line = 1) {
  return { file: input.file, line, commit: input.commit };
}

function roleIssue(input: ChangeInput, rec: Located<unknown> | undefined, path: (string | number)[], action: string, need: readonly Role[]): Issue[] {
  const a = input.author;
  if (!a || a.roles.some((r) => need.includes(r))) return [];
  return [
    issue('wrong-committer', where(input, rec?.lineOf(path) ?? 1), {
      action,
      need: roleText(need),
      name: a.name,
      has: roleText(a.roles),
    }),
  ];
}

function newDates(oldV: unknown, newV: unknown, path: (string | number)[] = []): { path: (string | number)[]; date: string }[] {
  if (Array.isArray(newV)) {
    return newV.flatMap((e, i) => newDates(Array.isArray(oldV) ? oldV[i] : undefined, e, [...path, i]));
  }
  if (newV === null || typeof newV !== 'object') return [];
  const o = (oldV && typeof oldV === 'object' ? oldV : {}) as Record<string, unknown>;
  return Object.entries(newV).flatMap(([k, x]) =>
    k === 'date' && typeof x === 'string'
      ? x !== o[k]
        ? [{ path: [...path, k], date: x }]
        : []
      : newDates(o[k], x, [...path, k]),
  );
}

/** Dates a commit declares may not be after the commit itself. */
export function futureDates(input: ChangeInput, oldV: unknown, rec: Located<unknown>): Issue[] {
  return newDates(oldV, rec.value)
    .filter((d) => d.date > input.commitDate)
    .map((d) =>
      issue('future-date', where(input, rec.lineOf(d.path)), {
        field: dottedPath(d.path),
        date: d.date,
        when: '提交日期',
        today: input.commitDate,
      }),
    );
}

/** A change to an item file. */
export function itemChangeIssues(input: ChangeInput, oldRec: Located<Item> | undefined, newRec: Located<Item> | undefined): Issue[] {
  const out: Issue[] = [];
  if (input.status === 'D' || !newRec) {
    if (input.status === 'D') out.push(issue('record-deleted', where(input), { what: '督办事项', path: input.file }));
    return out;
  }
  const nv = newRec.value;
  if (!oldRec) {
    if (input.status === 'R' && input.oldFile) {
      // renamed, and the old version failed to parse: nothing to compare
      return out;
    }
    // a new item starts at its workflow's start, by an edge from nothing
    const edge = findEdge(nv.kind, null, nv.state);
    if (!edge) {
      out.push(
        issue('illegal-transition', where(input, newRec.lineOf(['state'])), {
          from: '（新登记）',
          to: `${nv.state}（${STATE_LABELS[nv.state]}）`,
          next: nextStepsText(nv.kind, null),
        }),
      );
    } else out.push(...roleIssue(input, newRec, ['state'], edge.label, edge.committer));
    out.push(...futureDates(input, undefined, newRec));
    return out;
  }
  const ov = oldRec.value;
  if (ov.id !== nv.id) out.push(issue('identity-changed', where(input, newRec.lineOf(['id'])), { what: '编号', from: ov.id, to: nv.id }));
  if (ov.kind !== nv.kind) {
    out.push(issue('identity-changed', where(input, newRec.lineOf(['kind'])), { what: '类别', from: ov.kind, to: nv.kind }));
    return out;
  }

  let edge: Edge | undefined;
  if (ov.state !== nv.state) {
    edge = findEdge(nv.kind, ov.state, nv.state);
    if (!edge) {
      out.push(
        issue('illegal-transition', where(input, newRec.lineOf(['state'])), {
          from: `${ov.state}（${STATE_LABELS[ov.state]}）`,
          to: `${nv.state}（${STATE_LABELS[nv.state]}）`,
          next: nextStepsText(nv.kind, ov.state),
        }),
      );
    } else {
      out.push(...roleIssue(input, newRec, ['state'], edge.label, edge.committer));
      if (edge.appends === 'returns' && nv.returns.length !== ov.returns.length + 1) {
        out.push(issue('return-reason', where(input, newRec.lineOf(['returns']) || newRec.lineOf(['state']))));
      }
    }
  }

  const o = ov as Record<string, unknown>;
  const n = nv as Record<string, unknown>;
  const changed = (Object.keys(ITEM_FIELDS) as ItemField[]).filter((k) => !deepEqual(o[k], n[k]));

  // a frozen or terminal item: only what the edges leaving it write
  if (isFrozen(ov.kind, ov.state) || isTerminal(ov.kind, ov.state)) {
    const open = fieldsOpenIn(ov.kind, ov.state);
    const shut = changed.filter((k) => !open.has(k));
    if (shut.length) {
      out.push(
        issue('frozen-item', where(input, newRec.lineOf([shut[0]!])), {
          stateLabel: STATE_LABELS[ov.state],
          fields: shut.join('、'),
          open: [...open].filter((f) => f !== 'state').map((f) => FIELD_LABELS[f as StepField] ?? f).join('、'),
        }),
      );
    }
  }

  const written = new Set<string>(edge ? fieldsWritten(nv.kind, edge) : []);
  const cleared = new Set<string>(edge ? fieldsCleared(nv.kind, edge) : []);
  const redoable = redoableFields(nv.kind);
  let contentEdited: ItemField | undefined;
  for (const k of changed) {
    const policy: FieldPolicy = ITEM_FIELDS[k];
    switch (policy.policy) {
      case 'identity':
      case 'state':
        break; // above
      case 'content':
        contentEdited ??= k;
        break;
      case 'deadline': {
        const added = nv.extensions.slice(ov.extensions.length);
        const last = added[added.length - 1];
        if (added.length !== 1 || !last || last.to !== nv.deadline || last.from !== ov.deadline) {
          out.push(issue('deadline-changed', where(input, newRec.lineOf(['deadline'])), { from: ov.deadline, to: nv.deadline }));
        }
        break;
      }
      case 'step': {
        if (o[k] === undefined) break; // a step recorded (its state's fields are checked by the tree rules)
        const redo = redoable.has(k as StepField) && (written.has(k) || cleared.has(k));
        if (!redo) out.push(issue('rewritten-history', where(input, newRec.lineOf([k])), { field: k, label: FIELD_LABELS[k as StepField] }));
        break;
      }
      case 'list': {
        const a = (o[k] ?? []) as unknown[];
        const b = (n[k] ?? []) as unknown[];
        if (b.length < a.length || !a.every((e, i) => deepEqual(e, b[i]))) {
          out.push(issue('rewritten-history', where(input, newRec.lineOf([k])), { field: k, label: LIST_LABELS[k as keyof typeof LIST_LABELS] ?? k }));
        } else if (policy.by !== edge?.action) {
          const am = amendment(policy.by);
          if (am) {
            out.push(...roleIssue(input, newRec, [k], am.label, am.committer));
            if (am.ownUnit) out.push(...ownUnitIssues(input, newRec, k, a.length, b, am));
            if (!amendmentOpen(ov, am.when)) out.push(notOpen(input, newRec, k, am, ov));
          } else {
            const step = WORKFLOWS[nv.kind].edges.find((e) => e.action === policy.by);
            out.push(issue('entry-without-step', where(input, newRec.lineOf([k])), { field: k, label: LIST_LABELS[k as keyof typeof LIST_LABELS] ?? k, action: step?.label ?? policy.by, next: nextStepsText(nv.kind, ov.state) }));
          }
        }
        break;
      }
      case 'set': {
        const ams = policy.by.map(amendment).filter((a): a is Amendment => a !== undefined);
        const roles = [...new Set(ams.flatMap((a) => a.committer))];
        out.push(...roleIssue(input, newRec, [k], ams.map((a) => a.label).join('/'), roles));
        // the one amendment whose condition holds now decides what the change may be
        const open = ams.find((a) => amendmentOpen(ov, a.when));
        if (!open) out.push(notOpen(input, newRec, k, ams[0]!, ov));
        else if (open.completes && !completes(o[k], n[k])) {
          out.push(issue('rewritten-history', where(input, newRec.lineOf([k])), { field: k, label: FIELD_NAMES[k] ?? k }));
        }
        break;
      }
    }
  }
  if (contentEdited || oldRec.body !== newRec.body) {
    out.push(...roleIssue(input, newRec, contentEdited ? [contentEdited] : [], AMENDMENTS.edit.label, AMENDMENTS.edit.committer));
  }

  out.push(...futureDates(input, ov, newRec));
  return out;
}

/**
 * Entries a unit signs for itself (签收): a committer acting for a unit may
 * append only entries naming their own unit; the office may record any.
 */
function ownUnitIssues(input: ChangeInput, rec: Located<Item>, field: string, from: number, list: unknown[], am: Amendment): Issue[] {
  const a = input.author;
  if (!a || a.roles.includes('office') || !a.roles.includes('unit')) return [];
  const out: Issue[] = [];
  list.slice(from).forEach((e, j) => {
    const unit = (e as Record<string, unknown>)[am.ownUnit!];
    if (typeof unit === 'string' && unit !== a.unit) {
      out.push(
        issue('wrong-committer', where(input, rec.lineOf([field, from + j, am.ownUnit!])), {
          action: `为“${unit}”${am.label}`,
          need: '该单位人员或考核督查办',
          name: a.name,
          has: `${roleText(a.roles)}（${a.unit ?? '无单位'}）`,
        }),
      );
    }
  });
  return out;
}

/** The amendment's condition (table `when`) does not hold on the item before the commit. */
function notOpen(input: ChangeInput, rec: Located<Item>, k: string, am: Amendment, before: Item): Issue {
  return issue('amendment-not-open', where(input, rec.lineOf([k])), {
    action: am.label,
    when: WHEN_LABELS[am.when],
    state: STATE_LABELS[before.state],
    next: nextStepsText(before.kind, before.state),
  });
}

/** `after` keeps every key of `before` as it was (it may add keys). */
function completes(before: unknown, after: unknown): boolean {
  if (!before || typeof before !== 'object' || !after || typeof after !== 'object') return false;
  return Object.entries(before).every(([key, v]) => deepEqual(v, (after as Record<string, unknown>)[key]));
}

/** Labels of set fields, for messages. */
const FIELD_NAMES: Record<string, string> = { flag: '挂牌督办' };

/** A change to a progress report: only additions are allowed. */
export function reportChangeIssues(input: ChangeInput, newRec: Located<Report> | undefined): Issue[] {
  if (input.status === 'D') return [issue('record-deleted', where(input), { what: '落实情况', path: input.file })];
  if (input.status !== 'A') return [issue('report-edited', where(input))];
  if (!newRec) return [];
  const out = roleIssue(input, newRec, ['unit'], AMENDMENTS.report.label, AMENDMENTS.report.committer);
  const a = input.author;
  if (a && !a.roles.includes('office') && a.roles.includes('unit') && a.unit !== newRec.value.unit) {
    out.push(
      issue('wrong-committer', where(input, newRec.lineOf(['unit'])), {
        action: `报送“${newRec.value.unit}”的落实情况`,
        need: `该单位人员或考核督查办`,
        name: a.name,
        has: `${roleText(a.roles)}（${a.unit ?? '无单位'}）`,
      }),
    );
  }
  out.push(...futureDates(input, undefined, newRec));
  return out;
}

/**
 * A change to an attachment: it may be added by a unit or the office, and
 * once landed never changes or disappears.
 */
export function attachmentChangeIssues(input: ChangeInput): Issue[] {
  const name = input.file.split('/').at(-1) ?? input.file;
  if (input.status === 'D') return [issue('attachment-changed', where(input), { name, how: '删除' })];
  if (input.status !== 'A') return [issue('attachment-changed', where(input), { name, how: input.status === 'R' ? '移动或改名' : '修改' })];
  return roleIssue(input, undefined, [], `上传附件 ${name}`, ['unit', 'office']);
}

/**
 * A document that lands step by step (the 督查汇报): each step once written
 * is never rewritten and is committed by a role the step allows; the body
 * changes only before the instruction, or with the revision on it; after
 * the last step nothing changes.
 */
function documentStepIssues(input: ChangeInput, spec: DocumentSpec, oldRec: Located<unknown> | undefined, newRec: Located<unknown>): Issue[] {
  const steps = spec.steps!;
  const o = (oldRec?.value ?? {}) as Record<string, unknown>;
  const n = newRec.value as Record<string, unknown>;
  const out: Issue[] = [];
  const last = steps[steps.length - 1]!;
  const added = steps.filter((s) => o[s.field] === undefined && n[s.field] !== undefined);
  for (const s of steps) {
    if (o[s.field] !== undefined && !deepEqual(o[s.field], n[s.field])) {
      out.push(issue('rewritten-history', where(input, newRec.lineOf([s.field])), { field: s.field, label: `${spec.label}的“${s.label}”` }));
    }
  }
  const changedOther = Object.keys({ ...o, ...n }).filter((k) => !steps.some((s) => s.field === k) && !deepEqual(o[k], n[k]));
  const bodyChanged = oldRec !== undefined && oldRec.body.trim() !== newRec.body.trim();
  if (oldRec && o[last.field] !== undefined && (changedOther.length || bodyChanged)) {
    out.push(issue('rewritten-history', where(input, newRec.lineOf([changedOther[0] ?? last.field])), { field: changedOther[0] ?? '正文', label: `已${last.label}的${spec.label}` }));
  } else if (bodyChanged && spec.bodyUntil && o[spec.bodyUntil] !== undefined && !added.includes(last)) {
    const until = steps.find((s) => s.field === spec.bodyUntil)!;
    out.push(issue('rewritten-history', where(input, newRec.bodyLine), { field: '正文', label: `${spec.label}正文（“${until.label}”之后只能随“${last.label}”一起修改）` }));
  }
  // who may commit: the roles of every step added, or the document's own for other changes
  for (const s of added) out.push(...roleIssue(input, newRec, [s.field], s.label, s.committer));
  // (a new document is its first step: its other fields come with it)
  if (oldRec && (!added.length || changedOther.length)) out.push(...roleIssue(input, newRec, [], `修改${spec.label}`, spec.committer));
  return out;
}

/** Notices, bulletins, plans, meetings, 督查汇报, registries and config: the office keeps them. */
export function officeRecordIssues(input: ChangeInput, oldRec: Located<{ id?: string }> | undefined, newRec: Located<unknown> | undefined): Issue[] {
  if (input.kind === 'attachment') return attachmentChangeIssues(input);
  const doc = input.kind in DOCUMENTS ? DOCUMENTS[input.kind as DocumentKind] : undefined;
  const what: Record<string, string> = { people: '人员名册', units: '单位名册', config: '配置文件', ...(doc ? { [input.kind]: doc.label } : {}) };
  if (input.status === 'D') return [issue('record-deleted', where(input), { what: what[input.kind] ?? '记录', path: input.file })];
  const out: Issue[] = [];
  const nid = (newRec?.value as { id?: string } | undefined)?.id;
  if (oldRec?.value.id && nid && oldRec.value.id !== nid) {
    out.push(issue('identity-changed', where(input, newRec!.lineOf(['id'])), { what: '编号', from: oldRec.value.id, to: nid }));
  }
  if (doc?.steps && newRec) out.push(...documentStepIssues(input, doc, oldRec, newRec));
  else out.push(...roleIssue(input, newRec, [], `修改${what[input.kind] ?? '记录'}`, doc?.committer ?? ['office']));
  if (newRec && input.kind !== 'people' && input.kind !== 'units' && input.kind !== 'config') out.push(...futureDates(input, oldRec?.value, newRec));
  return out;
}

