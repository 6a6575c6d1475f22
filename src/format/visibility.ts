/**
 * Audiences: a site build (config.builds) includes some disclosure scopes.
 * Records outside them must appear nowhere in that build's output, so the
 * data layer filters once, here, and every page, feed and index reads only
 * the filtered ledger.
 */
import type { Ledger } from '../domain/ledger.ts';
import type { SiteBuild } from '../domain/schemas/config.ts';
import { classifyPath } from './layout.ts';

export interface Visible {
  ledger: Ledger;
  /** Whether a repository path belongs to a record this build may show. */
  pathVisible: (path: string) => boolean;
  itemVisible: (id: string) => boolean;
}

/** Whether `build` leaves out some record of `full` (its figures would be partial). */
export function isPartial(full: Ledger, build: SiteBuild): boolean {
  const inc = new Set<string>(build.includes);
  return full.items.some((r) => !inc.has(r.value.visibility));
}

export function filterLedger(full: Ledger, build: SiteBuild): Visible {
  const inc = new Set<string>(build.includes);
  const items = full.items.filter((r) => inc.has(r.value.visibility));
  const itemIds = new Set(items.map((r) => r.value.id));
  const notices = full.notices.filter((r) => inc.has(r.value.visibility));
  const bulletins = full.bulletins.filter((r) => inc.has(r.value.visibility));
  const plans = full.plans.filter((r) => inc.has(r.value.visibility));
  const meetings = full.meetings.filter((r) => inc.has(r.value.visibility));
  // a 督查汇报 shows only where its item does, whatever its own scope says
  const summaries = full.summaries.filter((r) => inc.has(r.value.visibility) && itemIds.has(r.value.item));
  const ids = {
    notice: new Set(notices.map((r) => r.value.id)),
    bulletin: new Set(bulletins.map((r) => r.value.id)),
    plan: new Set(plans.map((r) => r.value.id)),
    meeting: new Set(meetings.map((r) => r.value.id)),
    summary: new Set(summaries.map((r) => r.value.id)),
  };
  // the lists inside visible records name only visible items
  const onlyVisible = (list: string[]) => list.filter((id) => itemIds.has(id));
  const ledger: Ledger = {
    ...full,
    items,
    reports: full.reports.filter((r) => itemIds.has(r.itemId)),
    notices: notices.map((r) => ({ ...r, value: { ...r.value, items: onlyVisible(r.value.items) } })),
    bulletins: bulletins.map((r) => ({ ...r, value: { ...r.value, items: onlyVisible(r.value.items) } })),
    adjustments: full.adjustments.filter((r) => inc.has(r.value.visibility)),
    plans: plans.map((r) => ({ ...r, value: { ...r.value, applications: onlyVisible(r.value.applications) } })),
    meetings: meetings.map((r) => ({ ...r, value: { ...r.value, items: onlyVisible(r.value.items) } })),
    summaries,
    // an item's attachments go where the item goes, and nowhere else
    attachments: full.attachments.filter((a) => itemIds.has(a.itemId)),
  };
  const pathVisible = (path: string): boolean => {
    const cls = classifyPath(path);
    if (!cls) return true; // README, templates, misplaced files: not records
    switch (cls.kind) {
      case 'item':
      case 'report':
      case 'attachment':
        return itemIds.has(cls.itemId!);
      case 'meeting':
        return ids.meeting.has(cls.fileId!);
      case 'summary':
        return ids.summary.has(cls.fileId!);
      case 'notice':
        return ids.notice.has(cls.fileId!);
      case 'bulletin':
        return ids.bulletin.has(cls.fileId!);
      case 'plan':
        return ids.plan.has(cls.fileId!);
      default:
        return true; // config and registries
    }
  };
  return { ledger, pathVisible, itemVisible: (id) => itemIds.has(id) };
}
