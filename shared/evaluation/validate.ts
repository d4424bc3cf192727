/** Cross-field rules of a scheme body; returns the first problem in Chinese, or null. */
import { POST_TYPES } from '../domain';
import type { SchemeBody } from '../evaluation';

export function schemeProblem(b: SchemeBody): string | null {
  const keys = new Set<string>();
  for (const c of b.components) {
    if (keys.has(c.key)) return `考核项目代码“${c.key}”重复`;
    keys.add(c.key);
  }
  const weights = b.components.reduce((s, c) => s + c.weight, 0);
  if (weights !== 100) return `各考核项目权重之和应为100%，现为${weights}%`;
  for (const c of b.components) {
    for (const post of POST_TYPES) {
      const set = c.indicators[post];
      if (!set || set.length === 0) continue;
      if (c.source === 'ballots') return `“${c.label}”按票数计分，不能再设评分指标`;
      const seen = new Set<string>();
      for (const i of set) {
        if (seen.has(i.key)) return `“${c.label}”${post}的指标代码“${i.key}”重复`;
        seen.add(i.key);
      }
      const sum = set.reduce((s, i) => s + i.points, 0);
      if (sum !== c.scale) return `“${c.label}”${post}的指标分值之和应等于满分${c.scale}分，现为${sum}分`;
    }
  }
  const t = b.thresholds;
  if (!(t.excellent > t.competent && t.competent > t.basic)) return '等次分数线应依次降低：优秀 > 称职 > 基本称职';
  const f = b.ballotFactors;
  if (!(f.satisfied >= f.basic && f.basic >= f.unsatisfied)) return '票数系数应依次不增：满意 ≥ 基本满意 ≥ 不满意';
  return null;
}
