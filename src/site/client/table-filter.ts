/**
 * Progressive enhancement of static tables: filter rows by the form's
 * selects (each `name` matches the rows' `data-f-<name>` tokens; `light`
 * matches `data-light`, kept current by lights.ts), a text box, and sort by
 * clicking column headers. Filters are kept in the address (?unit=urban) so
 * a filtered view can be linked and bookmarked. Without JavaScript the
 * form stays hidden and the full table is shown.
 */
import { applyLights } from './lights.ts';

const LIGHT_ORDER: Record<string, number> = { red: 0, yellow: 1, green: 2, done: 3, none: 4 };

function setup(form: HTMLFormElement) {
  const table = document.getElementById(form.dataset.filterTable!) as HTMLTableElement | null;
  if (!table) return;
  const tbody = table.tBodies[0]!;
  const rows = Array.from(tbody.rows) as HTMLTableRowElement[];
  const count = document.querySelector<HTMLElement>(`[data-count-for="${table.id}"]`);
  const controls = Array.from(form.elements).filter(
    (e): e is HTMLSelectElement | HTMLInputElement => (e instanceof HTMLSelectElement || e instanceof HTMLInputElement) && !!e.name,
  );

  // restore from the address
  const params = new URLSearchParams(location.search);
  for (const c of controls) {
    const v = params.get(c.name);
    if (v !== null && (c instanceof HTMLInputElement || Array.from(c.options).some((o) => o.value === v))) c.value = v;
  }

  const apply = () => {
    const active = controls.filter((c) => c.value.trim() !== '');
    let shown = 0;
    const lights: Record<string, number> = {};
    for (const r of rows) {
      let ok = true;
      for (const c of active) {
        const v = c.value.trim();
        if (c.name === 'q') {
          if (!(r.textContent ?? '').toLowerCase().includes(v.toLowerCase())) ok = false;
        } else if (c.name === 'light') {
          if (r.dataset.light !== v) ok = false;
        } else {
          const tokens = (r.getAttribute(`data-f-${c.name}`) ?? '').split(' ');
          if (!tokens.includes(v)) ok = false;
        }
        if (!ok) break;
      }
      r.hidden = !ok;
      if (ok) {
        shown++;
        const l = r.dataset.light ?? '';
        lights[l] = (lights[l] ?? 0) + 1;
      }
    }
    if (count) {
      const parts = [['red', '红灯'], ['yellow', '黄灯'], ['green', '绿灯'], ['done', '已办结']]
        .filter(([k]) => lights[k!])
        .map(([k, label]) => `${label} ${lights[k!]}`);
      count.innerHTML = '';
      const strong = document.createElement('strong');
      strong.textContent = String(shown);
      const unit = count.dataset.countUnit ?? '项';
      count.append('显示 ', strong, ` ${unit}（共 ${rows.length} ${unit}）`, parts.length ? `：${parts.join('，')}` : '');
    }
    const q = new URLSearchParams(location.search);
    for (const c of controls) {
      if (c.value.trim()) q.set(c.name, c.value.trim());
      else q.delete(c.name);
    }
    const s = q.toString();
    history.replaceState(null, '', s ? `?${s}` : location.pathname);
  };

  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    apply();
  });
  form.addEventListener('reset', () => setTimeout(apply, 0));
  form.hidden = false;
  apply();
}

function sortable(table: HTMLTableElement) {
  const tbody = table.tBodies[0]!;
  const heads = Array.from(table.tHead?.rows[0]?.cells ?? []);
  heads.forEach((th, col) => {
    const key = th.dataset.sort;
    if (!key) return;
    const btn = document.createElement('button');
    btn.type = 'button';
    btn.className = 'sort';
    btn.textContent = th.textContent;
    btn.setAttribute('aria-label', `按${th.textContent}排序`);
    th.textContent = '';
    th.append(btn);
    btn.addEventListener('click', () => {
      const asc = th.getAttribute('aria-sort') !== 'ascending';
      for (const h of heads) h.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      const value = (r: HTMLTableRowElement): string | number => {
        if (key === 'light') return LIGHT_ORDER[r.dataset.light ?? 'none'] ?? 9;
        if (key === 'deadline') return r.dataset.deadlineV ?? '';
        if (key === 'num') return Number(r.cells[col]?.dataset.v ?? r.cells[col]?.textContent ?? 0);
        return (r.cells[col]?.dataset.v ?? r.cells[col]?.textContent ?? '').trim();
      };
      const rows = Array.from(tbody.rows).map((r) => ({ r, v: value(r) }));
      rows.sort((a, b) => {
        const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : String(a.v).localeCompare(String(b.v), 'zh-CN');
        return asc ? c : -c;
      });
      tbody.append(...rows.map((x) => x.r));
    });
  });
}

applyLights();
for (const t of document.querySelectorAll<HTMLTableElement>('table[data-sortable]')) sortable(t);
for (const f of document.querySelectorAll<HTMLFormElement>('form[data-filter-table]')) setup(f);
