/** The words shown beside a warning light (build time and browser alike). */
import { LIGHT_LABELS, type Light } from '../../domain/figures.ts';

export function lightText(l: Light, daysLeft: number): string {
  if (l === 'red') return `${LIGHT_LABELS[l]}·超期 ${-daysLeft} 天`;
  if (l === 'yellow') return daysLeft === 0 ? `${LIGHT_LABELS[l]}·今日到期` : `${LIGHT_LABELS[l]}·剩 ${daysLeft} 天`;
  if (l === 'green') return `${LIGHT_LABELS[l]}·剩 ${daysLeft} 天`;
  return LIGHT_LABELS[l];
}
