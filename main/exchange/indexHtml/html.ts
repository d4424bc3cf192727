/**
 * The bundle's static pages: escaping, relative links and the one page frame (inline CSS,
 * system CJK fonts with the bundle's own font as fallback, no script, no external resource; a
 * CSP forbids fetching anything but that font).
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes a value for text and for double- or single-quoted attributes alike. */
export function esc(v: string | number | null | undefined): string {
  return String(v ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** `—` for an empty value, the escaped value otherwise. */
export const orDash = (v: string | number | null | undefined): string =>
  v === null || v === undefined || String(v).trim() === '' ? '—' : esc(v);

/**
 * A relative href from a page `depth` folders deep to a bundle path: each segment
 * percent-encoded (names may hold spaces, # or ?), never a scheme or a leading slash.
 */
export function href(bundlePath: string, depth: number): string {
  const segs = bundlePath.split('/').filter((s) => s !== '' && s !== '.' && s !== '..');
  return esc('../'.repeat(depth) + segs.map(encodeURIComponent).join('/'));
}

const CSS = `
*{box-sizing:border-box}
body{margin:0;background:#f5f6f8;color:#1f2937;font:14px/1.6 "Microsoft YaHei","PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","WenQuanYi Micro Hei",SimSun,"OneBag Sans",sans-serif}
main{max-width:1180px;margin:0 auto;padding:16px 24px 40px;background:#fff;min-height:100vh}
h1{font-size:22px;margin:4px 0 12px;color:#9b1c1c;letter-spacing:1px}
h2{font-size:16px;margin:22px 0 8px;padding-left:8px;border-left:4px solid #9b1c1c}
h3{font-size:14px;margin:14px 0 6px}
a{color:#1d4f91}
nav{font-size:13px;margin-bottom:8px}
table{border-collapse:collapse;width:100%;margin:4px 0 8px}
th,td{border:1px solid #d1d5db;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f1f3f6;font-weight:600;white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.kv th{width:9em}
.muted{color:#6b7280}
pre.page-text{white-space:pre-wrap;font:inherit;margin:2px 0 6px}
details.page-text summary{cursor:pointer;color:#1d4f91;font-size:13px}
.short{color:#b91c1c}
.box{border:1px solid #e5e7eb;background:#fafafa;padding:8px 12px;margin:8px 0}
code{font-family:Consolas,"Courier New","Microsoft YaHei","Noto Sans CJK SC","OneBag Sans",monospace;background:#eef0f3;padding:0 4px}
@page{size:A4;margin:15mm}
@media print{body{background:#fff}main{max-width:none;padding:0}nav{display:none}a{color:inherit;text-decoration:none}tr{break-inside:avoid}h2{break-after:avoid}}
`;

/** The bundle font as an @font-face, `depth` folders below the bundle root; '' without one. */
function fontFace(fontPath: string | null | undefined, depth: number): string {
  if (!fontPath) return '';
  const url = '../'.repeat(depth) + fontPath.split('/').map(encodeURIComponent).join('/');
  return `@font-face{font-family:"OneBag Sans";src:url("${url}") format("truetype")}`;
}

/** A complete page: UTF-8, zh-CN, no script, nothing loaded but the bundle's own font. */
export function pageHtml(title: string, body: string, font: { path?: string | null; depth: number } = { depth: 0 }): string {
  const face = fontFace(font.path, font.depth);
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'${face ? "; font-src 'self'" : ''}">
<title>${esc(title)}</title>
<style>${face}${CSS}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** A table from escaped cells (callers escape; cells may hold links). */
export function table(head: string[], rows: string[][], opts: { cls?: string; num?: number[]; empty?: string } = {}): string {
  if (rows.length === 0) return `<p class="muted">${esc(opts.empty ?? '无')}</p>`;
  const num = new Set(opts.num ?? []);
  const th = head.map((h, i) => `<th${num.has(i) ? ' class="num"' : ''}>${h}</th>`).join('');
  const trs = rows.map((r) => `<tr>${r.map((c, i) => `<td${num.has(i) ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table${opts.cls ? ` class="${opts.cls}"` : ''}><thead><tr>${th}</tr></thead><tbody>\n${trs}\n</tbody></table>`;
}
