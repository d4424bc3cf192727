/** The dossier's evaluation section: the 考核登记表 of each year of the scope with a finalised result. */
import { finalisedResult } from '../../core/dossierReads/readers';
import { itemCode, stampFor, type BuildContext } from '../fromDb/context';
import type { Section } from '../typeset/model';
import { sheetBlocks, sheetSubtitle, sheetTitle } from './sheetBlocks';
import { sheetData } from './sheetData';

export function evaluationSections(ctx: BuildContext): Section[] {
  const first = Number(ctx.from.slice(0, 4));
  const last = Number(ctx.to.slice(0, 4));
  const items: Section['items'] = [];
  for (let y = first; y <= last; y++) {
    const fin = finalisedResult(ctx.db, ctx.cadre.id, y);
    if (!fin) continue;
    const d = sheetData(ctx.db, ctx.cadre.id, y);
    const no = ctx.nextItemNo();
    items.push({
      kind: 'typeset',
      subtitle: sheetSubtitle(d),
      catalogue: { author: ctx.issuer, title: sheetTitle(d), date: fin.finalisedAt.slice(0, 10), archiveCode: itemCode(ctx, no, y) },
      stamp: stampFor(ctx, no, y),
      blocks: sheetBlocks(d, { maskId: true }),
    });
  }
  return items.length ? [{ title: '年度考核', items }] : [];
}
