/**
 * What a roster import would do that the clerk must confirm before it runs: new townships,
 * villages and 派出单位 to be created, a village that would have two 第一书记, and 政治面貌
 * recorded as 中共党员 for new cadres whose row leaves it empty. Each warning has a key built
 * from its content, so a confirmation given for one preview does not cover a different one.
 */
import type { RosterWarning } from '../../../shared/domain';
import type { Db } from '../../store/db';
import type { RosterRecord } from './rows';

export const DEFAULT_PARTY_STATUS = '中共党员' as const;
const FIRST_SECRETARY = '村党组织第一书记';

interface Planned {
  record: RosterRecord;
  existing: { id: number } | null;
}

const rowList = (rows: number[]) => (rows.length > 8 ? `第${rows.slice(0, 8).join('、')}行等 ${rows.length} 行` : `第${rows.join('、')}行`);

export function rosterWarnings(db: Db, rows: readonly Planned[], newUnits: readonly string[]): RosterWarning[] {
  const out: RosterWarning[] = [];
  if (newUnits.length > 0) {
    const listed = newUnits.length > 40 ? `${newUnits.slice(0, 40).join('；')} 等` : newUnits.join('；');
    const text = `将新建 ${newUnits.length} 个县、乡镇、村或派出单位：${listed}。请核对名称是否与已有的一致（错字会建出重复的单位）`;
    out.push({ key: `newUnits|${newUnits.join('；')}`, text, rows: [] });
  }

  // Ongoing 第一书记 postings already stored, by village path, of cadres this sheet does not mention.
  const inSheet = new Set(rows.map((r) => r.record.idNumber));
  const holders = new Map<string, string[]>();
  const add = (place: string, who: string) => holders.set(place, [...(holders.get(place) ?? []), who]);
  for (const h of db
    .prepare(
      `SELECT c.name, c.id_number AS idNumber, co.name || ' / ' || t.name || ' / ' || v.name AS place
       FROM postings p JOIN cadres c ON c.id = p.cadre_id JOIN villages v ON v.id = p.village_id
       JOIN townships t ON t.id = v.township_id JOIN counties co ON co.id = t.county_id
       WHERE p."end" IS NULL AND c.post_type = ?`,
    )
    .all(FIRST_SECRETARY) as Array<{ name: string; idNumber: string; place: string }>) {
    if (!inSheet.has(h.idNumber)) add(h.place, `${h.name}（已在任）`);
  }
  const sheetRows = new Map<string, number[]>();
  for (const { record: r } of rows) {
    if (r.postType !== FIRST_SECRETARY || !r.village || r.end !== null) continue;
    const place = `${r.county} / ${r.township} / ${r.village}`;
    add(place, `${r.name}（第${r.row}行）`);
    sheetRows.set(place, [...(sheetRows.get(place) ?? []), r.row]);
  }
  for (const [place, who] of holders) {
    if (who.length < 2 || !sheetRows.has(place)) continue;
    const text = `${place.split(' / ').pop()}（${place}）将同时有 ${who.length} 名第一书记：${who.join('、')}。如有人已离任，请在表格中填写其任职结束日期`;
    out.push({ key: `firstSecretary|${place}|${who.join('、')}`, text, rows: sheetRows.get(place)! });
  }

  const noParty = rows.filter((r) => !r.existing && r.record.partyStatus === undefined).map((r) => r.record.row);
  if (noParty.length > 0) {
    const text = `${rowList(noParty)}未填写政治面貌，将记为“${DEFAULT_PARTY_STATUS}”。如不是，请在表格中填写后重新导入`;
    out.push({ key: `partyDefault|${noParty.join(',')}`, text, rows: noParty });
  }
  return out;
}

/** The warnings not confirmed, or none. */
export function unconfirmed(warnings: readonly RosterWarning[], confirmed: readonly string[] | 'all'): RosterWarning[] {
  if (confirmed === 'all') return [];
  const ok = new Set(confirmed);
  return warnings.filter((w) => !ok.has(w.key));
}
