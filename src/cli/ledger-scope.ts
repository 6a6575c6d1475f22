/**
 * What a command's `--period` and `--build` mean, shared by `export` and
 * `stats`: the period (default: the year of today), and the ledger as one
 * audience of config.builds sees it (no hidden record in an export). A build
 * that sees only part of the ledger gets no ranking: one computed from part
 * of the ledger would contradict the published one.
 */
import type { Ledger } from '../domain/ledger.ts';
import { parsePeriod, yearPeriod, type Period } from '../domain/period.ts';
import { filterLedger, isPartial } from '../format/visibility.ts';
import { UsageError } from './errors.ts';

export function periodOption(raw: string | undefined, today: string): Period {
  if (raw === undefined) return yearPeriod(Number(today.slice(0, 4)));
  const p = parsePeriod(raw);
  if (!p.ok) throw new UsageError(p.message);
  return p.period;
}

export function audience(full: Ledger, buildId: string | undefined): { ledger: Ledger; partial?: string } {
  if (!buildId) return { ledger: full };
  const builds = full.config?.value.builds ?? [];
  const build = builds.find((b) => b.id === buildId);
  if (!build) throw new UsageError(`站点版本 “${buildId}” 不在 config.yml 的 builds 中；可选：${builds.map((b) => `${b.id}（${b.title}）`).join('、')}`);
  const partial = isPartial(full, build) ? `本表为“${build.title}”，只含公开范围 ${build.includes.join('、')} 的事项，不列排名；排名以全部事项计算、随通报印发的结果为准。` : undefined;
  return { ledger: filterLedger(full, build).ledger, partial };
}
