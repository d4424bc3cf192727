/** Intake suggestions about the cadre: whose bag a file goes to, and the 责任者 of a material. Pure. */

/** 责任者 from the cadre's posting: 王建国（县财政局）, or with the place when no 派出单位 is recorded. */
export function suggestResponsible(c: {
  name: string;
  unitName: string | null;
  village?: string | null;
  township?: string | null;
}): string {
  if (c.unitName) return `${c.name}（${c.unitName}）`;
  const place = c.village ?? c.township;
  return place ? `${c.name}（驻${place}）` : c.name;
}

/**
 * The cadre a file name names ("王建国2025年三季度汇报.pdf"): the longest name found in it, when
 * only one cadre has that name; otherwise null (the clerk picks).
 */
export function guessCadre(fileName: string, cadres: ReadonlyArray<{ id: number; name: string }>): number | null {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\s+/g, '');
  let best: { id: number; len: number; ambiguous: boolean } | null = null;
  for (const c of cadres) {
    if (c.name.length < 2 || !base.includes(c.name)) continue;
    if (!best || c.name.length > best.len) best = { id: c.id, len: c.name.length, ambiguous: false };
    else if (c.name.length === best.len) best.ambiguous = true;
  }
  return best && !best.ambiguous ? best.id : null;
}
