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

/**
 * Charts are drawn twice: a wide drawing (720 units, for screens of 48rem
 * and more, shown near its own size) and a narrow one (360 units, for
 * phones: a 390 px screen shows it at about 350 px, so 12-unit text renders
 * near 12 px — the wide drawing squeezed onto a phone rendered its text at
 * about 6 px). CSS (`figure.chart` in site.css) shows one of the two; the
 * hidden one is `display: none`, out of the accessibility tree too.
 */
export const NARROW_WIDTH = 360;
const FONT = `font-family="'Noto Sans CJK SC','Microsoft YaHei',sans-serif" font-size="12"`;

function svgOpen(id: string, cls: string, width: number, height: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" class="${cls}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-t ${id}-d" ${FONT}>`;
}

/** Approximate width of `s` in 12-unit text: CJK and full-width characters 12, others 7. */
const textWidth = (s: string) => [...s].reduce((w, c) => w + (/[\u2e80-\uffef]/.test(c) ? 12 : 7), 0);

/** Legend entries left to right, wrapping to a new line at `width`; returns the parts and the height used. */
function legend(entries: { text: string; color: string }[], x0: number, y0: number, width: number): { parts: string[]; height: number } {
  const parts: string[] = [];
  let x = x0;
  let y = y0;
  for (const e of entries) {
    const w = 16 + textWidth(e.text) + 14;
    if (x > x0 && x + w > width) {
      x = x0;
      y += 18;
    }
    parts.push(`<rect x="${x}" y="${y}" width="12" height="12" fill="${e.color}"/><text x="${x + 16}" y="${y + 10}" fill="#1f2328">${esc(e.text)}</text>`);
    x += w;
  }
  return { parts, height: y - y0 + 12 };
}

/** Horizontal bars, one group per row, one bar per series: a wide and a narrow drawing. */
export function barChart(o: BarChartOptions): string {
  return drawBars(o, o.width ?? 720, false) + drawBars(o, NARROW_WIDTH, true);
}

/**
 * Wide: labels in a column left of the bars. Narrow: each label on its own
 * line above its bars, which then take the whole width.
 */
function drawBars(o: BarChartOptions, width: number, narrow: boolean): string {
  const id = narrow ? `${o.id}-n` : o.id;
  const labelW = narrow ? 0 : 130;
  const labelH = narrow ? 16 : 0;
  const textW = narrow ? 52 : 64;
  const barH = 14;
  const gap = 3;
  const groupGap = 12;
  const lg = o.series.length > 1 ? legend(o.series.map((s) => ({ text: s.name, color: s.color })), labelW, 6, width) : undefined;
  const legendH = lg ? lg.height + 14 : 6;
  const groupH = labelH + o.series.length * (barH + gap) - gap;
  const height = legendH + o.bars.length * (groupH + groupGap) + 22;
  const plotW = width - labelW - textW;
  const max = o.max ?? 1;
  const x = (v: number) => labelW + Math.max(0, Math.min(1, v / max)) * plotW;
  const parts: string[] = [svgOpen(id, narrow ? 'chart-narrow' : 'chart-wide', width, height)];
  parts.push(`<title id="${id}-t">${esc(o.title)}</title><desc id="${id}-d">${esc(o.desc)}</desc>`);
  if (lg) parts.push(...lg.parts);
  // grid: 0, 25, 50, 75, 100 %
  const top = legendH;
  const bottom = height - 18;
  for (let k = 0; k <= 4; k++) {
    const gx = labelW + (plotW * k) / 4;
    parts.push(`<line x1="${gx}" y1="${top}" x2="${gx}" y2="${bottom}" stroke="#d0d7de" stroke-width="1"/>`);
    const t = max === 1 ? `${k * 25}%` : String(Math.round((max * k) / 4));
    const anchor = narrow && k === 0 ? 'start' : narrow && k === 4 ? 'end' : 'middle';
    parts.push(`<text x="${gx}" y="${height - 4}" text-anchor="${anchor}" fill="#57606a">${t}</text>`);
  }
  o.bars.forEach((b, i) => {
    const gy = top + i * (groupH + groupGap) + groupGap / 2;
    if (narrow) parts.push(`<text x="0" y="${gy + 11}" fill="#1f2328">${esc(b.label)}</text>`);
    else parts.push(`<text x="${labelW - 8}" y="${gy + groupH / 2 + 4}" text-anchor="end" fill="#1f2328">${esc(b.label)}</text>`);
    b.values.forEach((v, j) => {
      const y = gy + labelH + j * (barH + gap);
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

/** One stacked bar (e.g. items by warning light) with a legend: a wide and a narrow drawing. */
export function stackedBar(id: string, title: string, segments: Segment[], width = 720): string {
  return drawStacked(id, title, segments, width, false) + drawStacked(`${id}-n`, title, segments, NARROW_WIDTH, true);
}

function drawStacked(id: string, title: string, segments: Segment[], width: number, narrow: boolean): string {
  const total = segments.reduce((s, x) => s + x.value, 0) || 1;
  const h = 28;
  const lg = legend(segments.map((s) => ({ text: `${s.label} ${s.value}`, color: s.color })), 0, h + 10, width);
  const height = h + 10 + lg.height + 8;
  const desc = segments.map((s) => `${s.label} ${s.value}`).join('，');
  const parts: string[] = [svgOpen(id, narrow ? 'chart-narrow' : 'chart-wide', width, height)];
  parts.push(`<title id="${id}-t">${esc(title)}</title><desc id="${id}-d">${esc(desc)}</desc>`);
  let x = 0;
  for (const s of segments) {
    const w = (s.value / total) * width;
    if (w > 0) {
      parts.push(`<rect x="${x.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="${h}" fill="${s.color}"/>`);
      if (w > 8 + textWidth(String(s.value))) parts.push(`<text x="${(x + w / 2).toFixed(1)}" y="${h / 2 + 4}" text-anchor="middle" fill="#fff" font-weight="700">${s.value}</text>`);
    }
    x += w;
  }
  parts.push(...lg.parts);
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
