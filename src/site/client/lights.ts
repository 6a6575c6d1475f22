/**
 * Warning lights recomputed from the reader's date (a static site is built
 * at one moment; the lights must not stay frozen at that moment). Same rule
 * as the build (domain/figures.ts `lightOf`), so the two never disagree.
 */
import { beijingDate, daysBetween } from '../../domain/dates.ts';
import { lightOf } from '../../domain/figures.ts';
import { lightText } from '../view/light-text.ts';

let done = false;

export function applyLights(): void {
  if (done) return;
  done = true;
  const root = document.documentElement;
  const wd = Number(root.dataset.warningDays ?? '7');
  const today = beijingDate(new Date());
  for (const el of document.querySelectorAll<HTMLElement>('[data-deadline]')) {
    const deadline = el.dataset.deadline!;
    const l = lightOf(el.dataset.open === '1', el.dataset.done === '1', deadline, today, wd);
    el.classList.remove('light-red', 'light-yellow', 'light-green', 'light-done', 'light-none');
    el.classList.add(`light-${l}`);
    const text = el.querySelector('.light-text');
    if (text) text.textContent = lightText(l, daysBetween(today, deadline));
    const row = el.closest<HTMLElement>('[data-row]');
    if (row) row.dataset.light = l;
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-today]')) el.textContent = today;
  for (const el of document.querySelectorAll<HTMLElement>('[data-live-note]')) el.hidden = false;
}

applyLights();
