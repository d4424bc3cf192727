/**
 * Roster import of 10,000 rows (preview + commit, as the clerk does it) and the cadre list's
 * filter + pinyin search over the 10,000 cadres that import leaves behind.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listCadres } from '../main/core/cadres/cadres';
import type { CadreFilter } from '../main/core/cadres/cadreIndex';
import { commitRoster, previewRoster } from '../main/core/roster/roster';
import { openDatabase, type Db } from '../main/store/db';
import { POST_TYPES } from '../shared/domain';
import { makeRosterRows, writeRosterXlsx } from '../tests/fixtures/makeRoster';
import type { Bench, BenchFigure } from './types';

const N = 10_000;
const QUERIES = 200;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

/** Varied queries a clerk types: full pinyin, initials, Chinese fragments, ID prefixes, filters. */
function queries(db: Db): CadreFilter[] {
  const sample = db
    .prepare('SELECT name, name_pinyin AS py, name_initials AS ini, id_number AS idn FROM cadres ORDER BY id')
    .all() as Array<{ name: string; py: string; ini: string; idn: string }>;
  const townships = (db.prepare('SELECT id FROM townships').all() as Array<{ id: number }>).map((t) => t.id);
  const county = (db.prepare('SELECT id FROM counties').get() as { id: number }).id;
  const out: CadreFilter[] = [];
  for (let i = 0; out.length < QUERIES; i++) {
    const c = sample[(i * 7919) % sample.length]!;
    const t = townships[i % townships.length]!;
    const pt = POST_TYPES[i % POST_TYPES.length]!;
    const kinds: CadreFilter[] = [
      { query: c.py },
      { query: c.ini },
      { query: c.name.slice(0, 1) },
      { query: c.name },
      { query: c.py.slice(0, 3), townshipId: t },
      { query: c.idn.slice(0, 10) },
      { query: c.idn.slice(8, 14) },
      { townshipId: t, postType: pt },
      { countyId: county },
      {},
    ];
    out.push(kinds[i % kinds.length]!);
  }
  return out;
}

export const bench: Bench = async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-bench-roster-'));
  try {
    const warm = path.join(tmp, 'warm.xlsx');
    const file = path.join(tmp, 'roster-10k.xlsx');
    await writeRosterXlsx(warm, makeRosterRows(300, { seed: 1, idOffset: 50_000 }));
    await writeRosterXlsx(file, makeRosterRows(N, { seed: 2 }));

    // Warm the code paths once in a throwaway database, as a long-running app would be.
    const warmDb = openDatabase(path.join(tmp, 'warm'));
    await previewRoster(warmDb, warm);
    await commitRoster(warmDb, warm);
    warmDb.close();

    const db = openDatabase(path.join(tmp, 'data'));
    const t0 = performance.now();
    const preview = await previewRoster(db, file);
    const result = await commitRoster(db, file);
    const importS = (performance.now() - t0) / 1000;
    if (preview.goodRows !== N || result.inserted !== N) {
      throw new Error(`roster bench: expected ${N} rows imported, got ${JSON.stringify(result)}`);
    }

    const times: number[] = [];
    for (const q of queries(db)) {
      const t = performance.now();
      listCadres(db, q);
      times.push(performance.now() - t);
    }
    db.close();

    const figures: BenchFigure[] = [
      { name: `花名册导入 ${N} 行（xlsx，预览+确认）`, value: importS, unit: 's', target: 2, better: 'lower' },
      {
        name: `干部列表筛选+拼音搜索（${N} 人，${QUERIES} 次查询 P95）`,
        value: percentile(times, 95),
        unit: 'ms',
        target: 20,
        better: 'lower',
      },
    ];
    return figures;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
};
