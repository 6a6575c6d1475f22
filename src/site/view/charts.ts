/**
 * SVG charts drawn at build time (no chart library in the browser). Each
 * chart is an <svg role="img"> with a title and a description; the same
 * numbers are always also given in a table beside it for screen readers.
 */

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface Bar {
  label: string;
  /** Values 0–1 (or raw numbers with `max`). */
  values: (number | null)[];
  /** Text shown at the end of each bar. */
  texts?: string[];
}

export interface BarChartOptions {
  id: string;
  title: string;
  desc: string;
  series: { name: string; color: string }[];
  bars: Bar[];
  /** Scale maximum (default 1: rates). */
  max?: number;
  width?: number;
}

/** Horizontal bars, one group per row, one bar per series. */
export function barChart(o: BarChartOptions): string {
  const width = o.width ?? 720;
  const labelW = 130;
  const textW = 64;
  const barH = 14;
  const gap = 3;
  const groupGap = 12;
  const legendH = o.series.length > 1 ? 26 : 6;
  const groupH = o.series.length * (barH + gap) - gap;
  const height = legendH + o.bars.length * (groupH + groupGap) + 22;
  const plotW = width - labelW - textW;
  const max = o.max ?? 1;
  const x = (v: number) => labelW + Math.max(0, Math.min(1, v / max)) * plotW;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${o.id}-t ${o.id}-d" font-family="'Noto Sans CJK SC','Microsoft YaHei',sans-serif" font-size="12">`);
  parts.push(`<title id="${o.id}-t">${esc(o.title)}</title><desc id="${o.id}-d">${esc(o.desc)}</desc>`);
  if (o.series.length > 1) {
    let lx = labelW;
    for (const s of o.series) {
      parts.push(`<rect x="${lx}" y="6" width="12" height="12" fill="${s.color}"/><text x="${lx + 16}" y="16" fill="#1f2328">${esc(s.name)}</text>`);
      lx += 24 + s.name.length * 13;
    }
  }
  // grid: 0, 25, 50, 75, 100 %
  const top = legendH;
  const bottom = height - 18;
  for (let k = 0; k <= 4; k++) {
    const gx = labelW + (plotW * k) / 4;
    parts.push(`<line x1="${gx}" y1="${top}" x2="${gx}" y2="${bottom}" stroke="#d0d7de" stroke-width="1"/>`);
    const t = max === 1 ? `${k * 25}%` : String(Math.round((max * k) / 4));
    parts.push(`<text x="${gx}" y="${height - 4}" text-anchor="middle" fill="#57606a">${t}</text>`);
  }
  o.bars.forEach((b, i) => {
    const gy = top + i * (groupH + groupGap) + groupGap / 2;
    parts.push(`<text x="${labelW - 8}" y="${gy + groupH / 2 + 4}" text-anchor="end" fill="#1f2328">${esc(b.label)}</text>`);
    b.values.forEach((v, j) => {
      const y = gy + j * (barH + gap);
      const s = o.series[j]!;
      if (v === null) {
        parts.push(`<text x="${labelW + 4}" y="${y + barH - 3}" fill="#57606a">—</text>`);
        return;
      }
      const w = Math.max(1, x(v) - labelW);
      parts.push(`<rect x="${labelW}" y="${y}" width="${w.toFixed(1)}" height="${barH}" fill="${s.color}"/>`);
      const t = b.texts?.[j];
      if (t) parts.push(`<text x="${(labelW + w + 4).toFixed(1)}" y="${y + barH - 3}" fill="#1f2328">${esc(t)}</text>`);
    });
  });
  parts.push('</svg>');
  return parts.join('');
}

export interface Segment {
  label: string;
  value: number;
  color: string;
}

/** One stacked bar (e.g. items by warning light) with a legend. */
export function stackedBar(id: string, title: string, segments: Segment[], width = 720): string {
  const total = segments.reduce((s, x) => s + x.value, 0) || 1;
  const h = 28;
  const parts: string[] = [];
  const desc = segments.map((s) => `${s.label} ${s.value}`).join('，');
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${h + 30}" width="${width}" height="${h + 30}" role="img" aria-labelledby="${id}-t ${id}-d" font-family="'Noto Sans CJK SC','Microsoft YaHei',sans-serif" font-size="12">`);
  parts.push(`<title id="${id}-t">${esc(title)}</title><desc id="${id}-d">${esc(desc)}</desc>`);
  let x = 0;
  for (const s of segments) {
    const w = (s.value / total) * width;
    if (w > 0) {
      parts.push(`<rect x="${x.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="${h}" fill="${s.color}"/>`);
      if (w > 40) parts.push(`<text x="${(x + w / 2).toFixed(1)}" y="${h / 2 + 4}" text-anchor="middle" fill="#fff" font-weight="700">${s.value}</text>`);
    }
    x += w;
  }
  let lx = 0;
  for (const s of segments) {
    parts.push(`<rect x="${lx}" y="${h + 10}" width="12" height="12" fill="${s.color}"/><text x="${lx + 16}" y="${h + 20}" fill="#1f2328">${esc(`${s.label} ${s.value}`)}</text>`);
    lx += 40 + (s.label.length + String(s.value).length) * 12;
  }
  parts.push('</svg>');
  return parts.join('');
}

export const COLORS = {
  red: '#cf222e',
  yellow: '#d4a72c',
  green: '#2da44e',
  done: '#6e7781',
  blue: '#0b4f8a',
  teal: '#1b7c83',
  plum: '#8250df',
  brand: '#a4161a',
};
