/**
 * The dossier's five-must (五必到) and check (督查) items, built from records saved through the
 * core on a real SQLite file: one item each, numbered in that order, a count sentence over a table
 * a row a record; a period with no record prints no item.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCadre } from '../../main/core/cadres/cadres';
import { saveCheck } from '../../main/core/events/checks';
import { saveEvent } from '../../main/core/events/mustAttend';
import type { BuildContext } from '../../main/dossier/fromDb/context';
import { eventItems } from '../../main/dossier/fromDb/events';
import { getDossierSettings } from '../../main/dossier/fromDb/settings';
import type { TableBlock, TypesetItem } from '../../main/dossier/typeset/model';
import type { Db } from '../../main/store/db';
import { PERSON_IDS, insertCadre, insertPlaces, insertPosting } from '../fixtures/sqlRows';
import { closeTestDb, openTestDb } from '../fixtures/testDb';

let dir: string;
let db: Db;
let zhang: number;
let li: number;

beforeAll(() => {
  ({ dir, db } = openTestDb('dossier-events'));
  const p = insertPlaces(db, { t: '义县/七里河镇', v: '义县/七里河镇/北村' });
  zhang = insertCadre(db, '张三', PERSON_IDS['张三']!);
  li = insertCadre(db, '李四', PERSON_IDS['李四']!);
  insertPosting(db, zhang, p.t, p.v, '2023-01-01', null);
  insertPosting(db, li, p.t, p.v, '2023-01-01', null);
  saveEvent(db, {
    event: { townshipId: p.t, kind: '重要会议', title: '防汛部署会', date: '2023-07-02', place: '镇政府' },
    expected: [
      { cadreId: zhang, present: false, absenceReason: '外出未请假' },
      { cadreId: li, present: true },
    ],
  });
  saveEvent(db, {
    event: { townshipId: p.t, kind: '重点工作', title: '秋收调度', date: '2023-09-12', place: '' },
    expected: [{ cadreId: zhang, present: true }],
  });
  saveCheck(db, {
    check: { townshipId: p.t, level: '县级', kind: '县级抽查', date: '2023-08-12', checker: '县委组织部', findings: '台账不全' },
    results: [{ cadreId: zhang, onPost: false, reason: '无故离岗' }],
  });
});

afterAll(() => closeTestDb(db, dir));

function context(cadreId: number, from: string, to: string): BuildContext {
  let no = 0;
  return {
    db,
    blobs: { pathOf: (sha) => path.join(dir, sha) },
    cadre: getCadre(db, cadreId),
    scope: 2023,
    from,
    to,
    yearLabel: from.slice(0, 4),
    settings: getDossierSettings(db),
    issuer: '义县委组织部',
    warnings: [],
    grids: new Map(),
    nextItemNo: () => ++no,
  };
}

const table = (item: TypesetItem) => item.blocks.find((b): b is TableBlock => b.kind === 'table')!;
const sentence = (item: TypesetItem) => item.blocks.find((b) => b.kind === 'paragraph') as { text: string };

describe('five-must and check items of a dossier', () => {
  it('prints each list with its count sentence and one row a record, in item order', () => {
    const ctx = context(zhang, '2023-01-01', '2023-12-31');
    const items = eventItems(ctx) as TypesetItem[];
    expect(items.map((i) => [i.catalogue.title, i.stamp.itemNo])).toEqual([
      ['张三“五必到”出席情况', 1],
      ['张三督查检查记录', 2],
    ]);
    expect(items.map((i) => i.catalogue.author)).toEqual(['义县委组织部', '义县委组织部']);
    expect(sentence(items[0]!).text).toBe('期内应到“五必到”事项2次，缺席1次。');
    expect(table(items[0]!).rows).toEqual([
      ['2023-07-02', '重要会议', '防汛部署会', '镇政府', '缺', '外出未请假'],
      ['2023-09-12', '重点工作', '秋收调度', '', '到', ''],
    ]);
    expect(sentence(items[1]!).text).toBe('期内接受检查1次，其中不在岗1次。');
    expect(table(items[1]!).rows).toEqual([['2023-08-12', '县级', '县级抽查', '县委组织部', '不在岗', '无故离岗；台账不全']]);
    expect(ctx.warnings).toEqual([]);
  });

  it('prints no item for a list the period holds no record of', () => {
    const items = eventItems(context(li, '2023-01-01', '2023-12-31')) as TypesetItem[];
    expect(items.map((i) => i.catalogue.title)).toEqual(['李四“五必到”出席情况']);
    expect(sentence(items[0]!).text).toBe('期内应到“五必到”事项1次，缺席0次。');
    expect(eventItems(context(zhang, '2024-01-01', '2024-12-31'))).toEqual([]);
  });
});
