/** index.html: what the bundle is, who made it, how to verify it, and the cadres with their pages and dossiers. */
import { REQUIRED_CATEGORIES } from '../../../shared/domain';
import type { BundleScope } from './data';
import { esc, href, orDash, pageHtml, table } from './html';
import type { IndexPagesOptions } from './options';
import { timeLabel } from '../../../shared/dates';

export const cadrePagePath = (no: number) => `cadres/${no}.html`;

/**
 * Materials per cadre (by page number), the required categories each still lacks, and distinct
 * originals: gathered as the cadre pages are made. The cadre table shows the missing categories
 * (完整性), never a count per cadre: evaluators judge results, not the volume of records.
 */
export interface IndexTotals {
  materials: Map<number, number>;
  missing: Map<number, string[]>;
  files: number;
}

/** The required categories none of the materials is filed under. */
export const missingCategories = (materials: ReadonlyArray<{ category: string }>): string[] => {
  const have = new Set(materials.map((m) => m.category));
  return REQUIRED_CATEGORIES.filter((c) => !have.has(c));
};

export function totalsOf(s: BundleScope): IndexTotals {
  return {
    materials: new Map(s.cadres.map((c) => [c.no, c.materials.length])),
    missing: new Map(s.cadres.map((c) => [c.no, missingCategories(c.materials)])),
    files: new Set(s.cadres.flatMap((c) => c.materials.flatMap((m) => m.files.map((f) => f.sha256)))).size,
  };
}

const completeness = (missing: string[] | undefined): string =>
  !missing || missing.length === 0 ? '七类材料齐全' : `缺：${esc(missing.join('、'))}`;

export function indexPage(s: BundleScope, o: IndexPagesOptions, totals: IndexTotals = totalsOf(s)): string {
  const count = (no: number) => totals.materials.get(no) ?? 0;
  const materials = s.cadres.reduce((n, c) => n + count(c.no), 0);
  const rows = s.cadres.map((c) => {
    const dossier = o.dossierPath(c.detail.id);
    const page = href(cadrePagePath(c.no), 0);
    return [
      String(c.no),
      `<a href="${page}">${esc(c.detail.name)}</a>`,
      esc(c.township),
      orDash(c.village),
      esc(c.detail.postType),
      completeness(totals.missing.get(c.no)),
      c.result ? orDash(c.result.row.grade) : '<span class="muted">未定档</span>',
      dossier ? `<a href="${href(dossier, 0)}">档案PDF</a>` : '<span class="muted">未附</span>',
      `<a href="${page}">查看</a>`,
    ];
  });
  const title = `${s.county} ${s.year}年度选派干部一袋式实绩档案`;
  return pageHtml(
    title,
    `<h1>${esc(title)}</h1>
${table(
  ['项目', '内容'],
  [
    ['县（市、区）', esc(s.county)],
    ['年度', `${s.year}年`],
    ['制作单位', orDash(o.producer.departmentName)],
    ['制作时间', esc(timeLabel(o.producer.createdAt))],
    ['签名密钥指纹', `<code>${esc(o.producer.fingerprint)}</code>`],
    ['内容', `选派干部 ${s.cadres.length} 人，本年度材料 ${materials} 份，原件 ${totals.files} 个`],
  ],
  { cls: 'kv' },
)}
<div class="box">
<b>如何核验：</b>本页面只供阅读，不能证明文件未被改动。请在装有 OneBag 的电脑上运行
<code>onebag verify 文件名.onebag</code>（文件名换成收到的交换包），核对签名和每个文件的 SHA-256 校验值；
签名密钥指纹应为 <code>${esc(o.producer.fingerprint)}</code>，并与制作单位另行告知的指纹一致。
</div>
<h2>选派干部名册</h2>
${table(['序号', '姓名', '乡镇', '村', '任职类型', '资料完整性（本年）', '考核等次', '档案', '详情'], rows, { num: [0], empty: '本年度无在任的选派干部' })}
<p class="muted">本页面由 OneBag 生成，为离线静态页面，无需联网，可直接打印。点击姓名查看基本情况、任职经历、考勤、资料袋和考核结果。</p>`,
    { path: o.fontPath, depth: 0 },
  );
}
