/**
 * What one commit may do to one record, judged from its old and new
 * versions and the author's roles. Pure: the Git layer supplies the
 * versions; the workflow table supplies every edge and role.
 */
import { issue, type CommitRef, type Issue } from './issues.ts';
import type { Located, RecordKind } from './ledger.ts';
import { dottedPath } from './rules/context.ts';
import type { Item } from './schemas/item.ts';
import type { Person, Role } from './schemas/people.ts';
import { ROLE_LABELS } from './schemas/people.ts';
import type { Report } from './schemas/report.ts';
import {
  AMENDMENTS,
  FIELD_LABELS,
  STATE_LABELS,
  findEdge,
  isFrozen,
  nextStepsText,
  type Edge,
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

/** Lists that only ever grow at the end. */
const APPEND_ONLY = ['returns', 'extensions', 'accountability', 'referrals'] as const;
const APPEND_LABELS: Record<(typeof APPEND_ONLY)[number], string> = {
  returns: '退回记录',
  extensions: '延期记录',
  accountability: '问责记录',
  referrals: '移送纪工委记录',
};

/** Step fields written once and never rewritten. */
const WRITE_ONCE: StepField[] = [
  'registered',
  'instruction',
  'assigned',
  'arranged',
  'application',
  'approval',
  'rejection',
  'merge',
  'planned',
  'inspection',
  'closure',
  'archive',
  'cancellation',
];

/** Content fields whose edit is the `edit` amendment. */
const CONTENT_FIELDS = ['title', 'source', 'content', 'requirements', 'leaders', 'lead_unit', 'co_units', 'reports_due', 'priority', 'visibility', 'tags'] as const;

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

  if (isFrozen(ov.kind, ov.state)) {
    const changed = Object.keys({ ...ov, ...nv }).filter(
      (k) => k !== 'archive' && k !== 'state' && !deepEqual((ov as Record<string, unknown>)[k], (nv as Record<string, unknown>)[k]),
    );
    if (changed.length) {
      out.push(
        issue('frozen-item', where(input, newRec.lineOf([changed[0]!])), {
          stateLabel: STATE_LABELS[ov.state],
          fields: changed.join('、'),
        }),
      );
    }
  }

  for (const key of APPEND_ONLY) {
    const a = ov[key] as unknown[];
    const b = nv[key] as unknown[];
    const kept = a.every((e, i) => deepEqual(e, b[i]));
    if (!kept || b.length < a.length) {
      out.push(issue('rewritten-history', where(input, newRec.lineOf([key])), { field: key, label: APPEND_LABELS[key] }));
    }
  }
  for (const f of WRITE_ONCE) {
    const a = (ov as Record<string, unknown>)[f];
    const b = (nv as Record<string, unknown>)[f];
    if (a !== undefined && !deepEqual(a, b)) {
      out.push(issue('rewritten-history', where(input, newRec.lineOf([f])), { field: f, label: FIELD_LABELS[f] }));
    }
  }

  if (ov.deadline !== nv.deadline) {
    const added = nv.extensions.slice(ov.extensions.length);
    const last = added[added.length - 1];
    if (added.length !== 1 || !last || last.to !== nv.deadline || last.from !== ov.deadline) {
      out.push(issue('deadline-changed', where(input, newRec.lineOf(['deadline'])), { from: ov.deadline, to: nv.deadline }));
    }
  }

  // amendments (changes that are not state moves) and their roles
  const grew = (k: 'extensions' | 'accountability' | 'referrals') => nv[k].length > ov[k].length;
  if (grew('extensions')) out.push(...roleIssue(input, newRec, ['extensions'], AMENDMENTS.extend.label, AMENDMENTS.extend.committer));
  if (!deepEqual(ov.flag, nv.flag)) out.push(...roleIssue(input, newRec, ['flag'], AMENDMENTS.flag.label, AMENDMENTS.flag.committer));
  if (grew('accountability')) out.push(...roleIssue(input, newRec, ['accountability'], AMENDMENTS.accountability.label, AMENDMENTS.accountability.committer));
  if (grew('referrals')) out.push(...roleIssue(input, newRec, ['referrals'], AMENDMENTS.referral.label, AMENDMENTS.referral.committer));
  const edited = CONTENT_FIELDS.filter((k) => !deepEqual(ov[k], nv[k]));
  if (edited.length || oldRec.body !== newRec.body) {
    out.push(...roleIssue(input, newRec, edited.length ? [edited[0]!] : [], AMENDMENTS.edit.label, AMENDMENTS.edit.committer));
  }

  out.push(...futureDates(input, ov, newRec));
  return out;
}

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

/** Notices, bulletins, plans, registries and config: the office keeps them. */
export function officeRecordIssues(input: ChangeInput, oldRec: Located<{ id?: string }> | undefined, newRec: Located<unknown> | undefined): Issue[] {
  const what: Record<string, string> = { notice: '督办通知', bulletin: '督查通报', plan: '专项督查方案', people: '人员名册', units: '单位名册', config: '配置文件' };
  if (input.status === 'D') return [issue('record-deleted', where(input), { what: what[input.kind] ?? '记录', path: input.file })];
  const out: Issue[] = [];
  const nid = (newRec?.value as { id?: string } | undefined)?.id;
  if (oldRec?.value.id && nid && oldRec.value.id !== nid) {
    out.push(issue('identity-changed', where(input, newRec!.lineOf(['id'])), { what: '编号', from: oldRec.value.id, to: nid }));
  }
  out.push(...roleIssue(input, newRec, [], `修改${what[input.kind] ?? '记录'}`, ['office']));
  if (newRec && input.kind !== 'people' && input.kind !== 'units' && input.kind !== 'config') out.push(...futureDates(input, oldRec?.value, newRec));
  return out;
}

