import { describe, expect, it } from 'vitest';
import { DEFAULT_ATTENDANCE_SETTINGS, attendanceSettingsSchema, checkAbsenceThresholdsSchema } from '../../shared/attendance';
import { CHECK_KIND_LEVEL, defaultLevelOf } from '../../shared/events';
import { capFromCheckAbsences, capLabel } from '../../shared/grades';

const T = DEFAULT_ATTENDANCE_SETTINGS.checkAbsence;

describe('evaluation cap from absences found at checks', () => {
  it('defaults to the source rule: once no 优秀, twice at most 基本称职, three times 不称职', () => {
    expect(T).toEqual({ noExcellentAt: 1, maxBasicAt: 2, incompetentAt: 3 });
    expect(capFromCheckAbsences(0, T)).toEqual({ maxGrade: '优秀', reason: '本年度督查未发现不在岗' });
    expect(capFromCheckAbsences(1, T).maxGrade).toBe('称职');
    expect(capFromCheckAbsences(1, T).reason).toBe('本年度督查1次不在岗（达到1次），不得评为优秀');
    expect(capFromCheckAbsences(2, T).maxGrade).toBe('基本称职');
    expect(capFromCheckAbsences(2, T).reason).toContain('最高评定为基本称职');
    expect(capFromCheckAbsences(3, T).maxGrade).toBe('不称职');
    expect(capFromCheckAbsences(7, T).reason).toBe('本年度督查7次不在岗（达到3次），评定为不称职');
  });

  it('follows a county that is more lenient (2 / 3 / 5)', () => {
    const lenient = { noExcellentAt: 2, maxBasicAt: 3, incompetentAt: 5 };
    expect([0, 1, 2, 3, 4, 5].map((n) => capFromCheckAbsences(n, lenient).maxGrade)).toEqual([
      '优秀',
      '优秀',
      '称职',
      '基本称职',
      '基本称职',
      '不称职',
    ]);
    expect(capFromCheckAbsences(1, lenient).reason).toBe('本年度督查1次不在岗，未达到限制评定等次的次数');
  });

  it('lets equal thresholds take the harsher grade', () => {
    const strict = { noExcellentAt: 1, maxBasicAt: 1, incompetentAt: 2 };
    expect(capFromCheckAbsences(1, strict).maxGrade).toBe('基本称职');
    expect(capFromCheckAbsences(2, strict).maxGrade).toBe('不称职');
  });

  it('gives short labels for tables', () => {
    expect([0, 1, 2, 3].map((n) => capLabel(capFromCheckAbsences(n, T)))).toEqual(['不限', '不得评优', '最高基本称职', '不称职']);
  });
});

describe('thresholds and deadline are county settings with Chinese refusals', () => {
  const msg = (v: unknown) => {
    const r = checkAbsenceThresholdsSchema.safeParse(v);
    return r.success ? null : r.error.issues[0]!.message;
  };
  it('accepts the defaults and a full settings object', () => {
    expect(msg(T)).toBeNull();
    expect(attendanceSettingsSchema.safeParse(DEFAULT_ATTENDANCE_SETTINGS).success).toBe(true);
    expect(DEFAULT_ATTENDANCE_SETTINGS.certifyDeadlineDays).toBe(10);
  });
  it('refuses decreasing, zero or fractional thresholds', () => {
    expect(msg({ noExcellentAt: 2, maxBasicAt: 1, incompetentAt: 3 })).toMatch(/依次不减/);
    expect(msg({ noExcellentAt: 0, maxBasicAt: 2, incompetentAt: 3 })).toBe('不得评优秀的不在岗次数不能少于1次');
    expect(msg({ noExcellentAt: 1, maxBasicAt: 1.5, incompetentAt: 3 })).toBe('最高评基本称职的不在岗次数应为整数');
  });
  it('refuses a negative certification deadline', () => {
    const r = attendanceSettingsSchema.safeParse({ ...DEFAULT_ATTENDANCE_SETTINGS, certifyDeadlineDays: -1 });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe('考勤认定期限不能为负数');
  });
});

describe('check kinds imply their level', () => {
  it('maps monthly township checks, county spot checks and city unannounced visits', () => {
    expect(CHECK_KIND_LEVEL.乡镇月检).toBe('乡镇');
    expect(defaultLevelOf('市级暗访')).toBe('市级');
    expect(defaultLevelOf('电话查岗')).toBe('县级');
    expect(CHECK_KIND_LEVEL.督查室).toBeNull();
  });
});
