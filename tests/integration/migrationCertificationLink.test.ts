/**
 * Migration certification-link (reserved 0018): the 考勤认定 → filed register link moves from a
 * marker in the user-editable notes to materials.certification_id. A database written before
 * it is upgraded, and revocation then finds the filed entries by the column.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { revokeCertification } from '../../main/core/attendance/certify';
import { openDatabase } from '../../main/store/db';
import { migrations } from '../../main/store/migrations';

const link = migrations.find((m) => m.name === 'certification-link')!;
const NOW = '2025-04-05T08:00:00.000Z';
const SHA = 'a'.repeat(64);

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-certlink-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('migration certification-link', () => {
  it('moves the notes marker into certification_id, strips it, and keeps a marker naming no certification', () => {
    const old = openDatabase(dir, { migrateTo: link.version - 1 });
    const run = (sql: string, ...args: unknown[]) => Number(old.prepare(sql).run(...args).lastInsertRowid);
    const county = run(`INSERT INTO counties (name, kind) VALUES ('青山县', '县')`);
    const town = run('INSERT INTO townships (county_id, name) VALUES (?, ?)', county, '七里河镇');
    run(`INSERT INTO blobs (sha256, kind, mime, size, created_at) VALUES (?, 'pdf', 'application/pdf', 10, ?)`, SHA, NOW);
    const cadre = run(
      `INSERT INTO cadres (name, gender, id_number, party_status, level, post_type, created_at, updated_at)
       VALUES ('张三', '男', '110101199003071234', '中共党员', '科员', '村党组织第一书记', ?, ?)`,
      NOW,
      NOW,
    );
    run(`INSERT INTO postings (cadre_id, township_id, start) VALUES (?, ?, '2025-01-01')`, cadre, town);
    const cert = run(
      `INSERT INTO attendance_certifications (township_id, month, secretary_name, certified_on, seal_applied, scan_sha256, created_at)
       VALUES (?, '2025-03', '孙书记', '2025-04-03', 1, ?, ?)`,
      town,
      SHA,
      NOW,
    );
    const material = (notes: string) =>
      run(
        `INSERT INTO materials (cadre_id, category, title, year, notes, created_at, updated_at) VALUES (?, '月考勤登记表', '七里河镇考勤登记表', 2025, ?, ?, ?)`,
        cadre,
        notes,
        NOW,
        NOW,
      );
    const filed = material(`乡镇党委书记孙书记于2025年4月3日签字认定，已加盖乡镇党委公章（考勤认定第${cert}号）`);
    const stray = material(`手工抄录（考勤认定第${cert + 40}号）`);
    const plain = material('普通备注');
    old.close();

    const db = openDatabase(dir);
    const row = (id: number) => db.prepare('SELECT notes, certification_id AS cert FROM materials WHERE id = ?').get(id);
    expect(row(filed)).toEqual({ notes: '乡镇党委书记孙书记于2025年4月3日签字认定，已加盖乡镇党委公章', cert });
    expect(row(stray)).toEqual({ notes: `手工抄录（考勤认定第${cert + 40}号）`, cert: null });
    expect(row(plain)).toEqual({ notes: '普通备注', cert: null });

    // After a clerk edits the migrated note, revoking still marks the filed entry (and only it).
    db.prepare('UPDATE materials SET notes = ? WHERE id = ?').run('原件存党委办', filed);
    revokeCertification(db, { townshipId: town, month: '2025-03', reason: '纸质表漏记病假' });
    const titles = db.prepare('SELECT id, title FROM materials ORDER BY id').all() as Array<{ id: number; title: string }>;
    expect(titles.filter((t) => t.title.endsWith('（认定已撤销）')).map((t) => t.id)).toEqual([filed]);
    expect((row(filed) as { notes: string }).notes).toMatch(/^原件存党委办；该认定已于.+撤销，原因：纸质表漏记病假$/);
    db.close();
  });
});
