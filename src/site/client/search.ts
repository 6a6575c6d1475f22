/**
 * Search with Pagefind's JS API (the index the build wrote to /pagefind/, in
 * parts merged here).
 * The query is split into Chinese words the way the build split the indexed
 * text (segment.ts); excerpts are shown without those spaces.
 * Results are built with DOM methods; only Pagefind's excerpt (page text it
 * escaped, with <mark> around hits) is inserted as HTML, after stripping
 * anything but <mark>.
 */
import { queryWords, unspaced } from '../search/segment.ts';

interface PagefindResult {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}
interface Pagefind {
  init?: () => Promise<void>;
  mergeIndex: (url: string) => Promise<void>;
  search: (q: string) => Promise<{ results: { data: () => Promise<PagefindResult> }[] }>;
}

const form = document.querySelector<HTMLFormElement>('form[data-search]')!;
const input = form.querySelector<HTMLInputElement>('input[name=q]')!;
const status = document.getElementById('search-status')!;
const list = document.getElementById('search-results')!;
let pf: Promise<Pagefind> | undefined;

/** Pagefind with part 0 of the index, and the other parts (/pagefind/parts.json, see search-build.ts) merged in. */
const load = () => {
  const base = '/pagefind/';
  pf ??= import(/* @vite-ignore */ `${base}pagefind.js`).then(async (m: Pagefind) => {
    await m.init?.();
    const list = await fetch(`${base}parts.json`).then((r) => (r.ok ? (r.json() as Promise<{ parts: string[] }>) : { parts: [] }));
    // all parts at once (each its own requests; Pagefind ranks across them however they arrive)
    await Promise.all(list.parts.map((p) => m.mergeIndex(`${base}${p}`)));
    return m;
  });
  return pf;
};

const onlyMarks = (html: string) => html.replace(/<(?!\/?mark>)[^>]*>/g, '');

async function run(q: string) {
  list.replaceChildren();
  if (!q.trim()) {
    status.textContent = '';
    return;
  }
  status.textContent = '正在搜索……';
  try {
    const p = await load();
    const res = await p.search(queryWords(q) || q.trim());
    const top = await Promise.all(res.results.slice(0, 30).map((r) => r.data()));
    status.textContent = res.results.length ? `找到 ${res.results.length} 个结果${res.results.length > 30 ? '（显示前 30 个）' : ''}` : `没有找到与“${q}”相关的内容`;
    for (const r of top) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = r.url;
      a.textContent = r.meta.title || r.url;
      const p2 = document.createElement('p');
      p2.className = 'excerpt';
      p2.innerHTML = unspaced(onlyMarks(r.excerpt));
      li.append(a);
      const kind = [r.meta['类型'], r.meta['编号']].filter(Boolean).join(' ');
      if (kind) li.append(` （${kind}）`);
      li.append(p2);
      list.append(li);
    }
  } catch (e) {
    status.textContent = `搜索索引无法加载：${(e as Error).message}`;
  }
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  const q = input.value;
  history.replaceState(null, '', q ? `?q=${encodeURIComponent(q)}` : location.pathname);
  void run(q);
});
const initial = new URLSearchParams(location.search).get('q');
if (initial) {
  input.value = initial;
  void run(initial);
}
