import type { Database } from 'better-sqlite3';
import { DEFAULT_HOLIDAYS } from '../../../shared/holidays';

/**
 * Attendance (考勤): exception cells of the month grid, leave requests (请假/销假), monthly
 * certification by the township party secretary (签字盖章认定) with its revocation, the
 * month's history, the holiday calendar (seeded, editable) and per-county settings.
 *
 * attendance_cells holds EXCEPTIONS only: no row means the default (在岗 inside a posting,
 * 未到任 outside). A day is stored as one '全' row when both halves agree, else as '上'/'下'
 * rows for the half that differs from 在岗.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE leave_requests (
      id INTEGER PRIMARY KEY,
      cadre_id INTEGER NOT NULL REFERENCES cadres(id) ON DELETE CASCADE,
      type TEXT NOT NULL CHECK (type IN ('事假', '病假', '公假', '婚丧产假')),
      start_date TEXT NOT NULL,
      start_half TEXT NOT NULL CHECK (start_half IN ('上', '下')),
      end_date TEXT NOT NULL,
      end_half TEXT NOT NULL CHECK (end_half IN ('上', '下')),
      days REAL NOT NULL CHECK (days > 0),
      reason TEXT NOT NULL,
      approver TEXT,
      approval_level TEXT CHECK (approval_level IN ('乡镇党委', '县委组织部')),
      approved_on TEXT,
      proof_sha256 TEXT REFERENCES blobs(sha256),
      status TEXT NOT NULL DEFAULT '待审批' CHECK (status IN ('待审批', '已批准', '未批准', '已销假')),
      returned_at TEXT,
      returned_half TEXT CHECK (returned_half IN ('上', '下')),
      created_by TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (end_date >= start_date)
    );
    CREATE INDEX leave_requests_cadre ON leave_requests(cadre_id, start_date);

    CREATE TABLE attendance_cells (
      cadre_id INTEGER NOT NULL REFERENCES cadres(id) ON DELETE CASCADE,
      date TEXT NOT NULL,
      half TEXT NOT NULL CHECK (half IN ('全', '上', '下')),
      code TEXT NOT NULL CHECK (code IN ('在岗', '公出', '事假', '病假', '公假', '婚丧产假', '缺勤')),
      source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'leave', 'import')),
      leave_id INTEGER REFERENCES leave_requests(id) ON DELETE SET NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (cadre_id, date, half)
    ) WITHOUT ROWID;
    CREATE INDEX attendance_cells_leave ON attendance_cells(leave_id) WHERE leave_id IS NOT NULL;

    CREATE TABLE attendance_certifications (
      id INTEGER PRIMARY KEY,
      township_id INTEGER NOT NULL REFERENCES townships(id) ON DELETE RESTRICT,
      month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
      secretary_name TEXT NOT NULL CHECK (length(secretary_name) > 0),
      certified_on TEXT NOT NULL,
      seal_applied INTEGER NOT NULL CHECK (seal_applied = 1),
      scan_sha256 TEXT NOT NULL REFERENCES blobs(sha256),
      revoked_at TEXT,
      revoked_reason TEXT,
      revoked_by TEXT,
      created_by TEXT,
      created_at TEXT NOT NULL,
      CHECK (revoked_at IS NULL OR length(revoked_reason) > 0)
    );
    CREATE UNIQUE INDEX attendance_certifications_active
      ON attendance_certifications(township_id, month) WHERE revoked_at IS NULL;
    CREATE INDEX attendance_certifications_month ON attendance_certifications(township_id, month);

    CREATE TABLE attendance_history (
      id INTEGER PRIMARY KEY,
      township_id INTEGER NOT NULL REFERENCES townships(id) ON DELETE RESTRICT,
      month TEXT NOT NULL,
      at TEXT NOT NULL,
      operator TEXT,
      action TEXT NOT NULL CHECK (action IN ('edit', 'certify', 'revoke', 'leave')),
      detail TEXT NOT NULL
    );
    CREATE INDEX attendance_history_month ON attendance_history(township_id, month, id);

    CREATE TABLE holidays (
      date TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
      name TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE county_settings (
      county_id INTEGER PRIMARY KEY REFERENCES counties(id) ON DELETE CASCADE,
      settings TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
  `);
  const ins = db.prepare('INSERT OR IGNORE INTO holidays (date, kind, name) VALUES (?, ?, ?)');
  for (const h of DEFAULT_HOLIDAYS) ins.run(h.date, h.kind, h.name);
}
