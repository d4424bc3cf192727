/**
 * A second county for the city view (市级统计), arriving as it would in real life: another
 * department (中共青石县委组织部) keeps a small archive of its own — one township, three villages,
 * four cadres posted since 1 March of Y-2, its Y-1 registers certified with the sealed scans, a
 * project each, village income, a weak village and its Y-1 evaluation finalised — exports its
 * Y-1 records as a signed bundle (main/exchange), and the demo archive imports it, trusting the
 * signer as a clerk does after comparing the fingerprint by phone. The other archive lives in a
 * temp folder and is removed afterwards; the import (without the pre-import backup: the archive
 * holds nothing of the user's yet) leaves the read-only county with its origin.
 */
import fs from 'node:fs';
import { seededRandom } from '../../shared/random';
import os from 'node:os';
import path from 'node:path';
import { addDays, monthLast } from '../../shared/attendance';
import type { CertifyWarning } from '../../shared/api/attendance';
import { idCheckChar } from '../../shared/idNumber';
import { BlobStore } from '../files/blobStore';
import { commitOriginals } from '../files/intake';
import { stageMadeHere, type MadeHereFile } from '../files/madeHere';
import { openDatabase, type Db } from '../store/db';
import { withStatementCache } from '../store/statementCache';
import { inAsyncTransaction } from '../store/asyncTransaction';
import type { CoreContext } from '../core/runtime/context';
import { certifyAndFileRegister } from '../core/attendance/certify';
import { createCadre } from '../core/cadres/cadres';
import { addCounty, addTownship, addVillage, ensureUnit } from '../core/org/org';
import { setSetting } from '../core/runtime/settings';
import { saveIncomes } from '../core/villages/income';
import { publiciseProject, saveProject } from '../core/work/projects';
import { saveWeakVillage, setMilestone } from '../core/work/weak';
import { setDepartmentName } from '../exchange/bundle/keys';
import { exportCountyBundle } from '../exchange/exportBundle';
import { commitImport } from '../exchange/importBundle';
import { between } from './demoData';
import { evaluateYear } from './demoEvaluation';
import { scanFacts, scanJpeg } from './demoScans';
import { ymd } from './demoWorkContext';
import type { DemoProgress } from './demoProgress';

export const SECOND_COUNTY = { name: '青石县', department: '中共青石县委组织部', township: '松岭镇' };

const VILLAGES = [
  { name: '松岭村', incomeWan: [6.2, 7.8] },
  { name: '东沟村', incomeWan: [3.1, 4.4] },
  { name: '石湖村', incomeWan: [11.5, 12.3] },
] as const;

/** name, gender, birth date (YYYYMMDD), unit, post type, village index (null: township post). */
const PEOPLE = [
  ['秦志远', '男', '19790315', '县农业农村局', '乡镇党委第一副书记', null],
  ['许晓燕', '女', '19860704', '县水利局', '村党组织第一书记', 0],
  ['潘国栋', '男', '19821122', '县商务局', '村党组织第一书记', 1],
  ['彭丽华', '女', '19890208', '县人力资源和社会保障局', '村党组织第一书记', 2],
] as const;

async function buildArchive(db: Db, blobs: BlobStore, today: string, seed: number): Promise<number> {
  const Y = Number(today.slice(0, 4));
  const rng = seededRandom(seed + 7401);
  setSetting(db, 'operator', '青石县委组织部赵干事');
  setDepartmentName(db, SECOND_COUNTY.department);
  const countyId = addCounty(db, { name: SECOND_COUNTY.name, kind: '县' }).id;
  const townshipId = addTownship(db, { countyId, name: SECOND_COUNTY.township }).id;
  const villages = VILLAGES.map((v) => addVillage(db, { townshipId, name: v.name }).id);
  const start = ymd(Y - 2, 3, 1);
  const cadres = PEOPLE.map(([name, gender, birth, unit, postType, village], i) => {
    const first17 = `211224${birth}${String(31 + i * 2).padStart(3, '0')}`;
    return createCadre(
      db,
      {
        name,
        gender,
        birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`,
        idNumber: first17 + idCheckChar(first17),
        partyStatus: '中共党员',
        phone: `1384119${String(2301 + i * 17).padStart(4, '0')}`,
        unitId: ensureUnit(db, unit, '县级'),
        level: '县级',
        postType,
      },
      { townshipId, villageId: village === null ? null : villages[village]!, start, end: null },
    );
  });

  // Y-1: every month's register signed, sealed, scanned and certified in the first days of the next.
  // One page rendered; each month's scan is that page with the month in a JPEG comment segment
  // (its own file: rendering a scan costs about a second, the comment nothing).
  const base = scanJpeg('sealedRegister', seededRandom(seed + 7500), `OneBag demo ${SECOND_COUNTY.township} sealed register`);
  const scans: MadeHereFile[] = [];
  for (let m = 1; m <= 12; m++) {
    const month = `${Y - 1}-${String(m).padStart(2, '0')}`;
    const text = Buffer.from(`OneBag demo ${SECOND_COUNTY.township} register ${month}`, 'utf8');
    const com = Buffer.alloc(4);
    com.writeUInt16BE(0xfffe, 0);
    com.writeUInt16BE(text.length + 2, 2);
    const bytes = Buffer.concat([base.subarray(0, 2), com, text, base.subarray(2)]);
    const name = `${SECOND_COUNTY.township}${Y - 1}年${m}月考勤表签章扫描件.jpg`;
    const facts = scanFacts('jpeg', bytes.length);
    scans.push({ madeHere: true, bytes, name, facts });
  }
  // Made here (files/madeHere.ts): taken into the store in one batch.
  const taken = await stageMadeHere(blobs, scans);
  const stored = await commitOriginals(blobs, taken);
  // The secretary confirms each warning the certification finds.
  const confirm = (warnings: readonly CertifyWarning[]) =>
    warnings.map((w) => ({ key: w.key, ...(w.needsNote ? { note: '经核实，情况属实' } : {}) }));
  for (let m = 1; m <= 12; m++) {
    const month = `${Y - 1}-${String(m).padStart(2, '0')}`;
    const { name, facts } = scans[m - 1]!;
    const scan = { ...stored[m - 1]!, facts };
    certifyAndFileRegister(
      db,
      {
        townshipId,
        month,
        secretaryName: '韩立军',
        certifiedOn: addDays(monthLast(month), between(rng, 2, 6)),
        sealApplied: true,
        today,
        confirm,
      },
      { sha256: scan.sha256, size: scan.size, name, facts: scan.facts },
    );
  }

  db.transaction(() => {
    cadres.forEach((c, i) => {
      const village = PEOPLE[i]![5] ?? 0;
      const p = saveProject(db, undefined, {
        cadreId: c.id,
        villageId: villages[village]!,
        name: `${VILLAGES[village]!.name}${['农产品冷链仓储', '高标准农田建设', '庭院经济示范', '村级光伏电站'][i]!}`,
        kind: i === 1 ? '基础设施' : '产业发展',
        year: Y - 1,
        status: '已建成',
        funds: [
          { source: '派出单位资金', amountFen: between(rng, 3, 12) * 1_000_000 },
          { source: '财政衔接资金', amountFen: between(rng, 10, 40) * 1_000_000 },
        ],
        inPark: false,
        notes: null,
      });
      publiciseProject(db, p.id, ymd(Y - 1, 5, 10 + i), `${VILLAGES[village]!.name}村务公开栏`, today);
    });
    for (const [k, year] of [Y - 2, Y - 1].entries()) {
      saveIncomes(
        db,
        countyId,
        year,
        villages.map((id, i) => ({ villageId: id, incomeFen: Math.round(VILLAGES[i]!.incomeWan[k]! * 1_000_000) })),
      );
    }
    saveWeakVillage(db, { villageId: villages[1]!, listedYear: Y - 2, notes: '村集体经济年收入不足5万元' });
    setMilestone(
      db,
      { villageId: villages[1]!, kind: '发展思路', date: ymd(Y - 2, 12, 6), description: '确定发展庭院经济和劳务输出的思路' },
      [],
      today,
    );
  })();
  evaluateYear(db, countyId, Y - 1, today, rng, { finalise: true });
  return countyId;
}

/** The other department's signed Y-1 bundle, ready to import, and what it holds. */
export interface SecondCountyBundle {
  file: string;
  exported: { cadres: number; records: number };
}

/**
 * Builds the other department's archive in `dir` (an empty folder) and exports its Y-1 bundle
 * there. It touches nothing of the demo's archive, so it can run beside the load (the demo's
 * file worker does, demoFileMaker.ts). Dated on `today`: the caller's clock must read it too.
 */
export async function buildSecondCountyBundle(today: string, seed: number, dir: string): Promise<SecondCountyBundle> {
  const Y = Number(today.slice(0, 4));
  const archive = path.join(dir, 'archive');
  // A scratch archive in a temp folder, removed afterwards: nothing of it outlives a crash, so its
  // commits need not wait for the disk; and it is built in one transaction, as the demo's own.
  const db = openDatabase(archive, { scratch: true });
  const file = path.join(dir, `${SECOND_COUNTY.name}${Y - 1}年度.onebag`);
  try {
    const other = new BlobStore(archive);
    const countyId = await inAsyncTransaction(db, () => withStatementCache(db, () => buildArchive(db, other, today, seed)));
    const r = await exportCountyBundle({ db, dataDir: archive, blobs: other }, { countyId, year: Y - 1, out: file, withDossiers: false });
    return { file, exported: { cadres: r.counts.cadres, records: r.counts.records } };
  } finally {
    db.close();
  }
}

/**
 * Imports the other department's bundle into the demo archive, trusting its signer. `prepared`
 * is the bundle when it was built elsewhere (the file worker); otherwise it is built here, in a
 * temp folder removed afterwards.
 */
export async function importSecondCounty(
  ctx: CoreContext,
  blobs: BlobStore,
  today: string,
  seed: number,
  progress?: DemoProgress,
  prepared?: () => Promise<SecondCountyBundle>,
): Promise<{ cadres: number; records: number }> {
  const tmp = prepared ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-demo-county2-'));
  try {
    const bundle = prepared ? await prepared() : await buildSecondCountyBundle(today, seed, tmp!);
    progress?.step(`正在生成${SECOND_COUNTY.name}的年度数据包`);
    // inside the demo's load: nothing of the user's to protect, so no pre-import backup
    await commitImport({ db: ctx.db, dataDir: ctx.dataDir, blobs }, bundle.file, { trustSigner: true, withoutBackup: true });
    progress?.step(`正在导入${SECOND_COUNTY.name}的年度数据包`);
    return bundle.exported;
  } finally {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}
