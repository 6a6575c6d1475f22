/** Item and document pages: a print button, and new-report links dated today. */
import { beijingDate } from '../../domain/dates.ts';

for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-print]')) {
  b.hidden = false;
  b.addEventListener('click', () => window.print());
}
const today = beijingDate(new Date());
for (const a of document.querySelectorAll<HTMLAnchorElement>('a[data-new-report]')) {
  const built = a.dataset.buildDate;
  if (built && built !== today) a.href = a.href.split(built).join(today);
}
