/**
 * The bag: material search over 200,000 materials (p95 of 200 varied Chinese queries) and
 * attaching 1,000 files totalling 500 MB into the blob store.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { searchMaterials } from '../main/core/bag/bag';
import { toSearchTokens } from '../main/core/searchTokens';
import { BlobStore } from '../main/files/blobStore';
import type { Db } from '../main/store/db';
import { MATERIAL_CATEGORIES } from '../shared/domain';
import type { Bench, BenchFigure } from './types';
import { withBenchDb } from './benchDb';

const MATERIALS = 200_000;
const CADRES = 2_000;
const QUERIES = 200;
const FILES = 1_000;
const FILE_BYTES = 500 * 1024 * 1024;

const PLACES = ['石门村', '柳树屯', '王家沟', '大凌河', '东山镇', '西湖村', '红旗乡', '南沟村', '北甸子', '新民村'];
const TOPICS = [
  '村两委扩大会议',
  '产业发展调研',
  '精准扶贫推进',
  '集体经济增收',
  '人居环境整治',
  '党员大会',
  '乡村振兴项目',
  '农田水利建设',
  '合作社分红',
  '防汛抗旱部署',
  '民情走访',
  '矛盾纠纷调处',
  '第一书记产业园',
  '组织生活会',
  '主题党日活动',
  '安全生产检查',
  '秸秆禁烧宣传',
  '医保缴费动员',
  '危房改造核查',
  '村务公开',
];
const KINDS = ['记录', '报告', '总结', '汇报', '台账', '方案', '纪要', '日志', '登记表', '情况说明'];
const NOTES = [
  '研究部署下一阶段重点工作',
  '走访农户并留存照片',
  '会议由村党支部书记主持',
  '已在村公示栏公示',
  '乡镇党委书记签字认定',
  '帮扶困难群众解决实际问题',
  '收益按飞地政策对半分配',
  '',
];

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

function seed(db: Db): void {
  const now = new Date().toISOString();
  db.transaction(() => {
    const insCadre = db.prepare(
      `INSERT INTO cadres (name, gender, id_number, party_status, level, post_type, created_at, updated_at)
       VALUES (?, '男', ?, '中共党员', '县级', '村党组织第一书记', ?, ?)`,
    );
    for (let i = 0; i < CADRES; i++) insCadre.run(`干部${i}`, `ID${i}`, now, now);
    const insMat = db.prepare(
      `INSERT INTO materials (cadre_id, category, title, date, year, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insFts = db.prepare('INSERT INTO material_fts (rowid, tokens) VALUES (?, ?)');
    for (let i = 0; i < MATERIALS; i++) {
      const year = 2019 + (i % 7);
      const month = 1 + (i % 12);
      const title = `${PLACES[i % PLACES.length]}${year}年${month}月${TOPICS[(i * 7) % TOPICS.length]}${KINDS[(i * 13) % KINDS.length]}`;
      const notes = NOTES[(i * 3) % NOTES.length] || null;
      const id = Number(
        insMat.run(
          1 + (i % CADRES),
          MATERIAL_CATEGORIES[i % MATERIAL_CATEGORIES.length],
          title,
          `${year}-${String(month).padStart(2, '0')}-01`,
          year,
          notes,
          now,
          now,
        ).lastInsertRowid,
      );
      insFts.run(id, toSearchTokens(`${title}\n${notes ?? ''}`));
    }
  })();
}

/** Common and rare two-character words, phrases, single characters, places, years, misses. */
function queries(): string[] {
  const words = ['会议', '扶贫', '调研', '产业', '党员', '振兴', '台账', '总结', '汇报', '走访', '公示', '分红', '防汛', '纠纷', '危房'];
  const out: string[] = [];
  for (let i = 0; out.length < QUERIES; i++) {
    const kinds = [
      words[i % words.length]!,
      TOPICS[i % TOPICS.length]!,
      PLACES[i % PLACES.length]!.slice(0, 2),
      `${2019 + (i % 7)}年 ${words[(i * 3) % words.length]}`,
      ['会', '村', '党', '扶'][i % 4]!,
      `${TOPICS[(i * 5) % TOPICS.length]!.slice(0, 4)}${KINDS[i % KINDS.length]}`,
      ['航天', '高铁站', '海洋牧场'][i % 3]!,
      `${PLACES[(i * 3) % PLACES.length]} ${KINDS[(i * 7) % KINDS.length]}`,
    ];
    out.push(kinds[i % kinds.length]!);
  }
  return out;
}

async function searchBench(): Promise<BenchFigure> {
  return withBenchDb('bag', async (db) => {
    const t0 = performance.now();
    seed(db);
    console.log(`  seeded ${MATERIALS} materials in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const qs = queries();
    for (const q of qs.slice(0, 20)) searchMaterials(db, q, 50); // warm the page cache
    const times: number[] = [];
    let hits = 0;
    for (const q of qs) {
      const s = performance.now();
      hits += searchMaterials(db, q, 50).length;
      times.push(performance.now() - s);
    }
    console.log(
      `  ${qs.length} queries, ${hits} hits, median ${percentile(times, 50).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms`,
    );
    return {
      name: `material search over ${MATERIALS.toLocaleString('en')} materials, p95`,
      value: percentile(times, 95),
      unit: 'ms',
      target: 50,
      better: 'lower',
    };
  });
}

async function attachBench(): Promise<BenchFigure> {
  const src = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-bench-src-'));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-bench-blobs-'));
  try {
    // Sizes vary around 500 KB (a scan page to a short PDF) and add up to 500 MB exactly.
    const base = Math.floor(FILE_BYTES / FILES);
    const sizes = Array.from({ length: FILES }, (_, i) => base + (i % 2 === 0 ? 1 : -1) * ((i * 7919) % (base / 2)));
    sizes[FILES - 1]! += FILE_BYTES - sizes.reduce((a, b) => a + b, 0);
    const files = sizes.map((size, i) => {
      const p = path.join(src, `f${i}.bin`);
      // fsync the source too: otherwise its 500 MB of dirty pages are flushed during the timing.
      const fd = fs.openSync(p, 'w');
      fs.writeSync(fd, crypto.randomBytes(size));
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      return p;
    });
    const total = files.reduce((n, f) => n + fs.statSync(f).size, 0);
    const store = new BlobStore(dataDir);
    const t0 = performance.now();
    for (const f of files) await store.put(f);
    const seconds = (performance.now() - t0) / 1000;
    console.log(`  ${FILES} files, ${(total / 1048576).toFixed(0)} MB in ${seconds.toFixed(2)} s`);
    return {
      name: `attach ${FILES} files (${(total / 1048576).toFixed(0)} MB) into the blob store`,
      value: total / 1048576 / seconds,
      unit: 'MB/s',
      target: 100,
      better: 'higher',
    };
  } finally {
    fs.rmSync(src, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Attach runs first: the search bench leaves the disk busy writing back its 200,000-row database. */
export const bench: Bench = async () => {
  const attach = await attachBench();
  const search = await searchBench();
  return [search, attach];
};
