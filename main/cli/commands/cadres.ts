import { listCadres } from '../../core/cadres/cadres';
import { boolFlag, parseFlagsOnly, textFlag } from '../flags';
import { printJson, printTableOrXlsx } from '../print';
import { withCore, type CommandContext } from '../util';
import { countyByName, idNumbersById } from '../../core/lookup';

/** Stable JSON shape of `onebag cadres --json` (English camelCase keys, full ID number). */
export interface CadreJson {
  id: number;
  name: string;
  idNumber: string;
  gender: string;
  county: string | null;
  township: string | null;
  village: string | null;
  postType: string;
  level: string;
  unit: string | null;
  materialCount: number;
  /** Required bag categories with nothing filed (the table's 资料完整性 column). */
  bagMissing: string[];
}

/** `onebag cadres [--county 名称] [--json]` */
export async function cadresCommand(c: CommandContext): Promise<number> {
  const values = parseFlagsOnly('cadres', c.args, { county: textFlag, json: boolFlag, xlsx: textFlag });
  return withCore(c.dataDir, async (core) => {
    const { db } = core.ctx;
    const countyId = values.county === undefined ? undefined : countyByName(db, values.county).id;
    const rows = listCadres(db, countyId === undefined ? {} : { countyId });
    const idNumbers = idNumbersById(db);
    const out: CadreJson[] = rows.map((r) => ({
      id: r.id,
      name: r.name,
      idNumber: idNumbers.get(r.id) ?? '',
      gender: r.gender,
      county: r.county,
      township: r.township,
      village: r.village,
      postType: r.postType,
      level: r.level,
      unit: r.unitName,
      materialCount: r.materialCount,
      bagMissing: r.bagMissing,
    }));
    if (values.json) return printJson(c, out);
    if (out.length === 0) {
      c.out('没有干部记录');
      return 0;
    }
    const head = ['姓名', '性别', '身份证号', '县（市、区）', '乡镇', '村', '任职类型', '选派层级', '派出单位', '资料完整性'];
    const body = out.map((r) => [
      r.name,
      r.gender,
      r.idNumber,
      r.county ?? '',
      r.township ?? '',
      r.village ?? '',
      r.postType,
      r.level,
      r.unit ?? '',
      r.bagMissing.length === 0 ? '七类材料齐全' : `缺：${r.bagMissing.join('、')}`,
    ]);
    if (await printTableOrXlsx(c, values.xlsx, { name: '干部名册' }, head, body)) return 0;
    c.out(`共 ${out.length} 人`);
    return 0;
  });
}
