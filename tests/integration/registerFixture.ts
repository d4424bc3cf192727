/**
 * A township with n dispatched cadres for register and import tests (and the register bench):
 * real SQLite rows, a few marked exceptions, one mid-month arrival.
 */
import { idCheckChar } from '../../shared/idNumber';
import { setCells } from '../../main/core/attendance/grid';
import type { Db } from '../../main/store/db';
import { insertCadre } from '../fixtures/sqlRows';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = ['建国', '海燕', '志强', '秀英', '明辉', '丽华', '国庆', '晓东', '春梅', '文博'];

export interface SeededTownship {
  countyId: number;
  townshipId: number;
  cadres: Array<{ id: number; name: string; idNumber: string }>;
}

/** A valid 18-digit ID number for the k-th cadre. */
export function idNumberFor(k: number): string {
  const body = `21072719850101${String(100 + k).padStart(3, '0')}`;
  return body + idCheckChar(body);
}

/** Cadre names: distinct two- or three-character names, in a stable order. */
export const cadreName = (k: number) => `${SURNAMES[k % SURNAMES.length]}${GIVEN[Math.floor(k / SURNAMES.length) % GIVEN.length]}`;

export function seedTownship(db: Db, n: number, opts: { township?: string; month?: string; marks?: boolean } = {}): SeededTownship {
  const month = opts.month ?? '2025-03';
  db.prepare(`INSERT OR IGNORE INTO counties (name, kind) VALUES ('岚川县', '县')`).run();
  const countyId = (db.prepare(`SELECT id FROM counties WHERE name = '岚川县'`).get() as { id: number }).id;
  const townshipId = Number(
    db.prepare('INSERT INTO townships (county_id, name) VALUES (?, ?)').run(countyId, opts.township ?? '石门镇').lastInsertRowid,
  );
  const villages = Array.from({ length: Math.max(1, Math.ceil(n / 3)) }, (_, i) =>
    Number(
      db
        .prepare('INSERT INTO villages (township_id, name) VALUES (?, ?)')
        .run(townshipId, `${'东西南北上下前后'[i % 8]}${'岭沟河坪湾'[Math.floor(i / 8) % 5]}村`).lastInsertRowid,
    ),
  );
  const base = (db.prepare('SELECT COUNT(*) AS n FROM cadres').get() as { n: number }).n;
  const cadres: SeededTownship['cadres'] = [];
  for (let k = 0; k < n; k++) {
    const name = cadreName(base + k);
    const idNumber = idNumberFor(base + k);
    const postType = k === 0 ? '乡镇党委第一副书记' : k % 3 === 1 ? '村党组织第一书记' : '驻村工作队员';
    const id = insertCadre(db, name, idNumber, postType);
    // the last cadre arrives on the 11th
    const start = k === n - 1 && n > 1 ? `${month}-11` : '2024-03-01';
    db.prepare('INSERT INTO postings (cadre_id, township_id, village_id, start, "end") VALUES (?, ?, ?, ?, NULL)').run(
      id,
      townshipId,
      k === 0 ? null : villages[k % villages.length]!,
      start,
    );
    cadres.push({ id, name, idNumber });
  }
  if (opts.marks !== false && n >= 3) {
    setCells(db, {
      townshipId,
      month,
      edits: [
        { cadreId: cadres[1]!.id, date: `${month}-03`, code: '事假' },
        { cadreId: cadres[1]!.id, date: `${month}-04`, code: '事假' },
        { cadreId: cadres[2]!.id, date: `${month}-05`, code: '病假', half: '下' },
        { cadreId: cadres[2]!.id, date: `${month}-12`, code: '缺勤' },
        { cadreId: cadres[0]!.id, date: `${month}-20`, code: '公出' },
      ],
    });
  }
  return { countyId, townshipId, cadres };
}
