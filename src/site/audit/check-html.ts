/**
 * The full-history check result as HTML. It is written into the audit and
 * start pages after the other pages are generated (the check runs in a
 * worker meanwhile), so it is plain string templating: every text escaped.
 */
import type { CheckResult, Site } from '../data/load-site.ts';
import { esc, shortSha } from '../view/strings.ts';

export const AUDIT_MARKER = '<!--ledger:check-result-->';
export const HOME_MARKER = '<!--ledger:check-home-->';

export function checkHtml(site: Site, c: CheckResult, limit = 500): string {
  const out: string[] = [];
  if (!c.ran) out.push(`<p class="warn">全量历史检查未能运行：${esc(c.failure)}</p>`);
  else if (c.errors === 0 && c.warnings === 0) out.push(`<p class="ok">全量历史检查通过：逐一检查了 ${c.commits} 个提交，没有发现不合规的提交。</p>`);
  else
    out.push(
      `<p class="${c.errors ? 'warn' : 'note'}">全量历史检查：逐一检查了 ${c.commits} 个提交，发现 <strong>${c.errors}</strong> 个错误、${c.warnings} 个警告。以下为检查结果（问题保留在历史中，如实显示）。</p>`,
    );
  if (c.hidden > 0) out.push(`<p class="note small">另有 ${c.hidden} 个问题涉及本版本不收录的记录，未列出。</p>`);
  const shown = c.issues.slice(0, limit);
  if (shown.length) {
    out.push('<ol class="issues">');
    for (const i of shown) {
      const url = i.commit ? site.commitUrl(i.commit.sha) : undefined;
      const sha = i.commit ? (url ? `<a href="${esc(url)}">${esc(shortSha(i.commit.sha))}</a>` : esc(shortSha(i.commit.sha))) : '';
      out.push(
        `<li><span class="${i.severity === 'error' ? 'sev-error' : 'sev-warning'}">${i.severity === 'error' ? '错误' : '警告'}</span>【${esc(i.code)}】${esc(i.message)}` +
          `<div class="where">${i.commit ? `提交 ${sha}（${esc(i.commit.author)}，${esc(i.commit.date)}） ` : ''}${esc(i.file)}:${i.line}</div>` +
          (i.hint ? `<div class="hint">提示：${esc(i.hint)}</div>` : '') +
          '</li>',
      );
    }
    out.push('</ol>');
  }
  if (c.issues.length > shown.length) out.push(`<p class="small muted">仅列出前 ${limit} 条，共 ${c.issues.length} 条；完整结果请运行 <code>npm run check -- --all</code>。</p>`);
  if (site.loadIssues.length) {
    out.push(`<h3>当前版本中无法读取的记录（${site.loadIssues.length}）</h3><ol class="issues">`);
    for (const i of site.loadIssues.slice(0, limit)) {
      out.push(`<li><span class="sev-error">${i.severity === 'error' ? '错误' : '警告'}</span>【${esc(i.code)}】${esc(i.message)}<div class="where">${esc(i.file)}:${i.line}</div>${i.hint ? `<div class="hint">提示：${esc(i.hint)}</div>` : ''}</li>`);
    }
    out.push('</ol>');
  }
  return out.join('\n');
}

export function checkHomeHtml(c: CheckResult, auditHref: string): string {
  if (!c.ran) return `<p class="warn">全量历史检查未能运行，详见 <a href="${esc(auditHref)}">审计</a> 页。</p>`;
  return c.errors > 0 ? `<p class="warn">台账历史中有 ${c.errors} 处不合规的提交，详见 <a href="${esc(auditHref)}">审计</a> 页。</p>` : '';
}
