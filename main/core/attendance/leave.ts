/**
 * Leave (请假/销假). A request is registered (待审批), then approved (已批准) by the level the
 * county's threshold demands, which fills the grid (source 'leave'), or refused (未批准).
 * Return (销假) is recorded; an early return puts the remaining leave halves back to 在岗.
 * Any grid change into a certified township month is refused: revoke the certification first.
 */
import {
  LEAVE_TYPES,
  isIsoDate,
  isLeaveType,
  monthOf,
  type AttendanceCode,
  type LeaveHalf,
  type LeaveType,
} from '../../../shared/attendance';
import { halfIndexDate, leaveApprovalLevel, leaveHalfRange, type ApprovalLevel, type LeaveRequest } from '../../../shared/leave';
import { AppError } from '../../../shared/result';
import { nowIso, type Db } from '../../store/db';
import { audit } from '../audit/log';
import {
  activeCertification,
  cadreName,
  operatorOf,
  postingOn,
  postingsOf,
  readDay,
  writeDay,
  writeHistory,
  type CadrePosting,
  type DayState,
} from './common';
import { settingsForTownship } from './settings';
import { dateLabel, monthLabel } from '../../../shared/dates';
import { stmt } from '../../store/statementCache';
import type { BlobStore } from '../../files/blobStore';
import { storeUpload } from '../blobs/intake';
import { recordBlob } from '../blobs/rows';
import { isRecordedBlob } from '../blobs/lookup';

export interface AddLeaveInput {
  cadreId: number;
  type: LeaveType;
  start: string;
  startHalf: LeaveHalf;
  end: string;
  endHalf: LeaveHalf;
  reason: string;
  proofSha256?: string | null;
}

const MAX_LEAVE_DAYS = 366;
const half = (h: string): h is LeaveHalf => h === '上' || h === '下';
const HALF_WORD = { 上: '上午', 下: '下午' } as const;
const span = (l: Pick<LeaveRequest, 'start' | 'startHalf' | 'end' | 'endHalf'>) =>
  `${dateLabel(l.start)}${HALF_WORD[l.startHalf]}至${dateLabel(l.end)}${HALF_WORD[l.endHalf]}`;

const SELECT = `
  SELECT l.id, l.cadre_id AS cadreId, c.name AS cadreName, l.type, l.start_date AS start, l.start_half AS startHalf,
         l.end_date AS "end", l.end_half AS endHalf, l.days, l.reason, l.approver, l.approval_level AS approvalLevel,
         l.approved_on AS approvedOn, l.proof_sha256 AS proofSha256, l.status, l.returned_at AS returnedOn,
         l.returned_half AS returnedHalf, l.created_by AS createdBy, l.created_at AS createdAt
    FROM leave_requests l JOIN cadres c ON c.id = l.cadre_id`;

function withLevel(db: Db, row: Omit<LeaveRequest, 'requiredLevel'>): LeaveRequest {
  const p = postingOn(postingsOf(db, row.cadreId), row.start);
  const settings = p ? settingsForTownship(db, p.townshipId, Number(row.start.slice(0, 4))) : undefined;
  const requiredLevel = settings ? leaveApprovalLevel(row.days, settings) : row.days <= 3 ? '乡镇党委' : '县委组织部';
  return { ...row, requiredLevel };
}

export function getLeave(db: Db, leaveId: number): LeaveRequest {
  const row = stmt(db, `${SELECT} WHERE l.id = ?`).get(leaveId) as Omit<LeaveRequest, 'requiredLevel'> | undefined;
  if (!row) throw new AppError('NOT_FOUND', '该请假记录不存在，可能已被删除，请刷新后重试');
  return withLevel(db, row);
}

/** A cadre's leave, or everyone's leave touching [from, to]. Newest first. */
export function listLeave(db: Db, filter: { cadreId?: number; from?: string; to?: string }): LeaveRequest[] {
  const rows = stmt(
    db,
    `${SELECT} WHERE (@cadreId IS NULL OR l.cadre_id = @cadreId) AND (@from IS NULL OR l.end_date >= @from)
       AND (@to IS NULL OR l.start_date <= @to)
     ORDER BY l.start_date DESC, l.id DESC`,
  ).all({ cadreId: filter.cadreId ?? null, from: filter.from ?? null, to: filter.to ?? null }) as Array<
    Omit<LeaveRequest, 'requiredLevel'>
  >;
  return rows.map((r) => withLevel(db, r));
}

type Group = { townshipId: number; month: string; halves: number[] };

/** Halves [first, last] grouped by the township-month whose grid holds them. */
function groupHalves(postings: readonly CadrePosting[], first: number, last: number): Group[] | null {
  const groups = new Map<string, Group>();
  for (let i = first; i <= last; i++) {
    const { date } = halfIndexDate(i);
    const p = postingOn(postings, date);
    if (!p) return null;
    const key = `${p.townshipId}|${monthOf(date)}`;
    const g = groups.get(key) ?? { townshipId: p.townshipId, month: monthOf(date), halves: [] };
    g.halves.push(i);
    groups.set(key, g);
  }
  return [...groups.values()];
}

function assertGroupsOpen(db: Db, groups: Group[], verb: string): void {
  for (const g of groups) {
    if (activeCertification(db, g.townshipId, g.month)) {
      const t = stmt(db, 'SELECT name FROM townships WHERE id = ?').get(g.townshipId) as { name: string };
      throw new AppError('CONFLICT', `${t.name}${monthLabel(g.month)}考勤已由乡镇党委认定，${verb}前须先撤销认定并说明原因`);
    }
  }
}

/** Sets the given halves to `to(state)` and writes one 'leave' history row per township-month. */
function applyHalves(db: Db, cadreId: number, groups: Group[], to: (h: DayState[0]) => DayState[0], summary: string): void {
  const at = nowIso();
  const name = cadreName(db, cadreId);
  for (const g of groups) {
    const changes: Array<{ cadreId: number; name: string; date: string; half: LeaveHalf; from: AttendanceCode; to: AttendanceCode }> = [];
    const days = new Map<string, number[]>();
    for (const i of g.halves) {
      const { date } = halfIndexDate(i);
      days.set(date, [...(days.get(date) ?? []), i % 2]);
    }
    for (const [date, hs] of days) {
      const prev = readDay(db, cadreId, date);
      const next: DayState = [prev[0], prev[1]];
      for (const h of hs) next[h as 0 | 1] = to(prev[h as 0 | 1]);
      if (next[0] === prev[0] && next[1] === prev[1]) continue;
      writeDay(db, cadreId, date, next, at);
      for (const h of hs) {
        if (prev[h as 0 | 1].code !== next[h as 0 | 1].code) {
          changes.push({ cadreId, name, date, half: h === 0 ? '上' : '下', from: prev[h as 0 | 1].code, to: next[h as 0 | 1].code });
        }
      }
    }
    writeHistory(db, g.townshipId, g.month, 'leave', { summary, changes });
  }
}

export function addLeave(db: Db, input: AddLeaveInput): LeaveRequest {
  if (!isLeaveType(input.type)) throw new AppError('INVALID_INPUT', `请假类型应为：${LEAVE_TYPES.join('、')}`);
  if (!isIsoDate(input.start) || !isIsoDate(input.end)) throw new AppError('INVALID_INPUT', '请假日期格式应为 YYYY-MM-DD');
  if (!half(input.startHalf) || !half(input.endHalf)) throw new AppError('INVALID_INPUT', '请选择上午或下午');
  const range = leaveHalfRange(input.start, input.startHalf, input.end, input.endHalf);
  if (!range) throw new AppError('INVALID_INPUT', '请假结束时间不能早于开始时间');
  const days = (range.last - range.first + 1) / 2;
  if (days > MAX_LEAVE_DAYS) throw new AppError('INVALID_INPUT', `一次请假不能超过${MAX_LEAVE_DAYS}天`);
  const reason = (input.reason ?? '').trim();
  if (!reason) throw new AppError('INVALID_INPUT', '请填写请假事由');
  if ([...reason].length > 500) throw new AppError('INVALID_INPUT', '请假事由不能超过500个字');
  return db.transaction(() => {
    const name = cadreName(db, input.cadreId);
    const postings = postingsOf(db, input.cadreId);
    const groups = groupHalves(postings, range.first, range.last);
    if (!groups) throw new AppError('INVALID_INPUT', `${name}的请假期间须在其任职期内`);
    const proof = input.proofSha256?.trim().toLowerCase() || null;
    if (proof && !isRecordedBlob(db, proof)) {
      throw new AppError('NOT_FOUND', '请假证明材料未找到，请重新上传');
    }
    for (const l of listLeave(db, { cadreId: input.cadreId, from: input.start, to: input.end })) {
      if (l.status === '未批准') continue;
      const r = leaveHalfRange(l.start, l.startHalf, l.end, l.endHalf)!;
      if (r.first <= range.last && r.last >= range.first) {
        throw new AppError('CONFLICT', `该时段与已登记的请假（${l.type}，${span(l)}）重叠`);
      }
    }
    const at = nowIso();
    const id = Number(
      stmt(
        db,
        `INSERT INTO leave_requests (cadre_id, type, start_date, start_half, end_date, end_half, days, reason,
                                     proof_sha256, status, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '待审批', ?, ?, ?)`,
      ).run(input.cadreId, input.type, input.start, input.startHalf, input.end, input.endHalf, days, reason, proof, operatorOf(db), at, at)
        .lastInsertRowid,
    );
    const leave = getLeave(db, id);
    for (const g of groups) {
      writeHistory(db, g.townshipId, g.month, 'leave', {
        leaveId: id,
        summary: `登记请假：${name} ${input.type} ${span(leave)}，共${days}天，须${leave.requiredLevel}审批`,
        changes: [],
      });
    }
    audit(db, 'create', 'leave_request', id, { cadreId: input.cadreId, type: input.type, days }, { after: leave });
    return leave;
  })();
}

/**
 * Registers a leave as filed on the leave form (attendance.leave.add): with its proof, an uploaded
 * file copied into the blob store first, and, when the form names the approver, approved at once.
 * One transaction writes the proof's blob row, the request and the approval.
 */
export async function addLeaveFromForm(
  db: Db,
  blobs: BlobStore,
  input: Omit<AddLeaveInput, 'proofSha256'> & { approver?: string; approverLevel?: ApprovalLevel },
  proofFile: { path: string; name: string } | null,
): Promise<LeaveRequest> {
  const { approver, approverLevel, ...leave } = input;
  const proof = proofFile ? await storeUpload(db, blobs, proofFile) : null;
  return db.transaction(() => {
    if (proof) recordBlob(db, proof.sha256, proof.size, proof.facts);
    const added = addLeave(db, { ...leave, proofSha256: proof?.sha256 ?? null });
    return approver ? approveLeave(db, { leaveId: added.id, approver, approverLevel }) : added;
  })();
}

/**
 * Approves the request and fills the grid with the leave type. Records who approved and at
 * which level they did (`approverLevel`; not recorded when omitted) — never the level the
 * threshold demands, so the 越权审批 alert can compare the two.
 */
export function approveLeave(
  db: Db,
  input: { leaveId: number; approver: string; approverLevel?: ApprovalLevel; approvedOn?: string },
): LeaveRequest {
  const approver = (input.approver ?? '').trim();
  if (!approver) throw new AppError('INVALID_INPUT', '请填写审批人');
  const level = input.approverLevel ?? null;
  if (level !== null && level !== '乡镇党委' && level !== '县委组织部')
    throw new AppError('INVALID_INPUT', '审批层级应为“乡镇党委”或“县委组织部”');
  if (input.approvedOn !== undefined && !isIsoDate(input.approvedOn)) throw new AppError('INVALID_INPUT', '审批日期格式应为 YYYY-MM-DD');
  return db.transaction(() => {
    const l = getLeave(db, input.leaveId);
    if (l.status !== '待审批') throw new AppError('CONFLICT', `该请假已是“${l.status}”状态，不能再审批`);
    const range = leaveHalfRange(l.start, l.startHalf, l.end, l.endHalf)!;
    const groups = groupHalves(postingsOf(db, l.cadreId), range.first, range.last);
    if (!groups) throw new AppError('CONFLICT', `${l.cadreName}的任职期已变动，请假期间不在任职期内，请核实后重新登记`);
    assertGroupsOpen(db, groups, '批准请假');
    stmt(
      db,
      `UPDATE leave_requests SET status = '已批准', approver = ?, approval_level = ?, approved_on = ?, updated_at = ? WHERE id = ?`,
    ).run(approver, level, input.approvedOn ?? null, nowIso(), l.id);
    const by = level ?? '审批层级未记录';
    const beyond = level !== '县委组织部' && l.requiredLevel === '县委组织部' ? `（应由${l.requiredLevel}审批）` : '';
    const summary = `批准请假：${l.cadreName} ${l.type} ${span(l)}，共${l.days}天，${by}（${approver}）批准${beyond}`;
    applyHalves(db, l.cadreId, groups, () => ({ code: l.type, source: 'leave', leaveId: l.id }), summary);
    audit(
      db,
      'update',
      'leave_request',
      l.id,
      { status: '已批准', approver, approvalLevel: level, requiredLevel: l.requiredLevel },
      { before: l, after: getLeave(db, l.id) },
    );
    return getLeave(db, l.id);
  })();
}

/** Records a refusal (未批准); the grid is not touched. */
export function rejectLeave(db: Db, input: { leaveId: number; approver: string }): LeaveRequest {
  const approver = (input.approver ?? '').trim();
  if (!approver) throw new AppError('INVALID_INPUT', '请填写审批人');
  return db.transaction(() => {
    const l = getLeave(db, input.leaveId);
    if (l.status !== '待审批') throw new AppError('CONFLICT', `该请假已是“${l.status}”状态，不能再审批`);
    stmt(db, `UPDATE leave_requests SET status = '未批准', approver = ?, updated_at = ? WHERE id = ?`).run(approver, nowIso(), l.id);
    audit(db, 'update', 'leave_request', l.id, { status: '未批准', approver }, { before: l, after: getLeave(db, l.id) });
    return getLeave(db, l.id);
  })();
}

/**
 * 销假: `returnedOn`/`returnedHalf` is the first half back on post. Returning early puts the
 * leave's remaining halves back to 在岗 (halves a clerk re-marked by hand are left alone);
 * returning late records the date only — the clerk decides how the extra days are marked.
 */
export function recordReturn(db: Db, input: { leaveId: number; returnedOn: string; returnedHalf?: LeaveHalf }): LeaveRequest {
  if (!isIsoDate(input.returnedOn)) throw new AppError('INVALID_INPUT', '销假日期格式应为 YYYY-MM-DD');
  const returnedHalf = input.returnedHalf ?? '上';
  if (!half(returnedHalf)) throw new AppError('INVALID_INPUT', '请选择上午或下午');
  return db.transaction(() => {
    const l = getLeave(db, input.leaveId);
    if (l.status !== '已批准') throw new AppError('CONFLICT', `该请假为“${l.status}”状态，不能销假`);
    const range = leaveHalfRange(l.start, l.startHalf, l.end, l.endHalf)!;
    const back = leaveHalfRange(input.returnedOn, returnedHalf, input.returnedOn, returnedHalf)!.first;
    if (back <= range.first) throw new AppError('INVALID_INPUT', '销假时间应晚于请假开始时间');
    let summary = `销假：${l.cadreName} ${l.type}，${dateLabel(input.returnedOn)}${HALF_WORD[returnedHalf]}返岗`;
    const early = back <= range.last ? groupHalves(postingsOf(db, l.cadreId), back, range.last) : [];
    if (early === null) throw new AppError('CONFLICT', `${l.cadreName}的任职期已变动，请核实后再销假`);
    if (early.length) {
      assertGroupsOpen(db, early, '提前销假');
      summary += `（提前${(range.last - back + 1) / 2}天）`;
    } else if (back > range.last + 1) {
      summary += `（超假${(back - range.last - 1) / 2}天，请核实是否登记缺勤）`;
    }
    stmt(db, `UPDATE leave_requests SET status = '已销假', returned_at = ?, returned_half = ?, updated_at = ? WHERE id = ?`).run(
      input.returnedOn,
      returnedHalf,
      nowIso(),
      l.id,
    );
    if (early.length) {
      applyHalves(db, l.cadreId, early, (h) => (h.leaveId === l.id ? { code: '在岗', source: 'manual', leaveId: null } : h), summary);
    } else {
      const p = postingOn(postingsOf(db, l.cadreId), l.end);
      if (p) writeHistory(db, p.townshipId, monthOf(l.end), 'leave', { leaveId: l.id, summary, changes: [] });
    }
    audit(
      db,
      'update',
      'leave_request',
      l.id,
      { status: '已销假', returnedOn: input.returnedOn, returnedHalf },
      { before: l, after: getLeave(db, l.id) },
    );
    return getLeave(db, l.id);
  })();
}
