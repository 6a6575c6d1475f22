/**
 * Where each kind of record lives in the repository. Pure path logic, shared
 * by the tree reader, the Git reader and the site.
 */
export const RECORDS_DIR = 'records';

import type { RecordKind } from '../domain/ledger.ts';

export type { RecordKind };

export interface Classified {
  kind: RecordKind;
  /** For items, reports and attachments: the item id from the folder name. */
  itemId?: string;
  /** For notices, bulletins, plans, meetings and 督查汇报: the id from the file name. */
  fileId?: string;
  /** For items, reports, attachments and bulletins: the year folder. */
  year?: string;
  /** For reports and attachments: the file name. */
  name?: string;
}

/** `undefined`: not a record but allowed (README, templates); `null`: misplaced file. */
export function classifyPath(path: string, root = RECORDS_DIR): Classified | undefined | null {
  const prefix = root ? `${root}/` : '';
  if (!path.startsWith(prefix)) return undefined;
  const rel = path.slice(prefix.length);
  const parts = rel.split('/');
  const last = parts[parts.length - 1] ?? '';
  if (parts.some((p) => p.startsWith('_') || p.startsWith('.')) || /^readme\.md$/i.test(last)) return undefined;
  if (parts.length === 1) {
    if (rel === 'config.yml') return { kind: 'config' };
    if (rel === 'people.yml') return { kind: 'people' };
    if (rel === 'units.yml') return { kind: 'units' };
    return null;
  }
  const [top, a, b, c, d] = parts;
  if (top === 'items') {
    // items/<year>/<id>/item.md and items/<year>/<id>/reports/<file>.md:
    // a folder per year keeps web-UI listings short and Git's tree diffs cheap
    if (parts.length === 4 && c === 'item.md') return { kind: 'item', itemId: b, year: a };
    if (parts.length === 5 && c === 'reports' && d?.endsWith('.md')) return { kind: 'report', itemId: b, name: d, year: a };
    // any file in attachments/ is an attachment: its type is told from its content, not its name
    if (parts.length === 5 && c === 'attachments' && d) return { kind: 'attachment', itemId: b, name: d, year: a };
    return null;
  }
  if (top === 'notices' && parts.length === 2 && a?.endsWith('.md')) return { kind: 'notice', fileId: a.slice(0, -3) };
  if (top === 'plans' && parts.length === 2 && a?.endsWith('.md')) return { kind: 'plan', fileId: a.slice(0, -3) };
  if (top === 'meetings' && parts.length === 2 && a?.endsWith('.md')) return { kind: 'meeting', fileId: a.slice(0, -3) };
  if (top === 'summaries' && parts.length === 2 && a?.endsWith('.md')) return { kind: 'summary', fileId: a.slice(0, -3) };
  if (top === 'bulletins' && parts.length === 3 && b?.endsWith('.md')) return { kind: 'bulletin', year: a, fileId: b.slice(0, -3) };
  if (top === 'adjustments' && parts.length === 3 && b?.endsWith('.md')) return { kind: 'adjustment', year: a, fileId: b.slice(0, -3) };
  return null;
}

/** The year folder of an item id (`DB-2026-0031` → `2026`). */
export const itemYear = (id: string) => /^DB-(\d{4})-/.exec(id)?.[1] ?? 'unknown';
export const itemDir = (id: string, root = RECORDS_DIR) => `${root}/items/${itemYear(id)}/${id}`;
export const itemPath = (id: string, root = RECORDS_DIR) => `${itemDir(id, root)}/item.md`;
export const reportsDir = (id: string, root = RECORDS_DIR) => `${itemDir(id, root)}/reports`;
export const reportPath = (id: string, name: string, root = RECORDS_DIR) => `${reportsDir(id, root)}/${name}`;
export const attachmentsDir = (id: string, root = RECORDS_DIR) => `${itemDir(id, root)}/attachments`;
export const attachmentPath = (id: string, name: string, root = RECORDS_DIR) => `${attachmentsDir(id, root)}/${name}`;
export const noticePath = (id: string, root = RECORDS_DIR) => `${root}/notices/${id}.md`;
export const meetingPath = (id: string, root = RECORDS_DIR) => `${root}/meetings/${id}.md`;
export const summaryPath = (id: string, root = RECORDS_DIR) => `${root}/summaries/${id}.md`;
export const planPath = (id: string, root = RECORDS_DIR) => `${root}/plans/${id}.md`;
export const bulletinPath = (id: string, year: number | string, root = RECORDS_DIR) => `${root}/bulletins/${year}/${id}.md`;
export const adjustmentPath = (id: string, root = RECORDS_DIR) => `${root}/adjustments/${id.slice(3, 7)}/${id}.md`;
export const peoplePath = (root = RECORDS_DIR) => `${root}/people.yml`;
export const unitsPath = (root = RECORDS_DIR) => `${root}/units.yml`;
export const configPath = (root = RECORDS_DIR) => `${root}/config.yml`;

/** The file of a record referred to by id (`item`, `notice`, `plan`, `bulletin`, `meeting`, `summary`). */
export function recordPath(kind: string, id: string, root = RECORDS_DIR): string | undefined {
  switch (kind) {
    case 'item':
      return itemPath(id, root);
    case 'notice':
      return noticePath(id, root);
    case 'plan':
      return planPath(id, root);
    case 'meeting':
      return meetingPath(id, root);
    case 'summary':
      return summaryPath(id, root);
    case 'bulletin': {
      const m = /^TB-(\d{4})-/.exec(id);
      return m ? bulletinPath(id, m[1]!, root) : undefined;
    }
    default:
      return undefined;
  }
}
