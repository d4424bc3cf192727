import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AppStatus, OrgTree } from '../../../shared/domain';
import { call } from '../api/client';
import { useConfirmLeave } from '../common/useUnsavedGuard';

/** Where the clerk is: the list, one cadre (detail with its bag tab), or the bag picker. */
export type View =
  | { kind: 'cadres' }
  | { kind: 'cadre'; id: number; tab?: 'info' | 'bag' }
  | { kind: 'bag'; cadreId: number | null }
  /** Township month register: grid, certification, leave (考勤). */
  | { kind: 'attendance'; townshipId?: number; month?: string; leaveId?: number }
  /** Five must-attends and checks (五必到与督查). */
  | { kind: 'events'; eventId?: number; checkId?: number; tab?: 'verifications'; year?: number }
  /** Who is behind on what (预警). */
  | { kind: 'alerts' }
  /** Dossier printing, one cadre or the county's year-end batch (档案打印). */
  | { kind: 'print'; cadreId?: number }
  /** Work logs (民情日记) and quarterly/half-year reports (工作记录). */
  | { kind: 'worklog'; cadreId?: number; tab?: 'log' | 'reports' }
  /** Plans, projects, weak villages, support (项目与帮扶). */
  | {
      kind: 'work';
      tab?: 'plans' | 'projects' | 'weak' | 'support' | 'income' | 'scheduling';
      cadreId?: number;
      projectId?: number;
      villageId?: number;
    }
  /** The county's figures (统计). */
  | { kind: 'stats'; year?: number }
  /** Year-end evaluation: schemes, scoring, results, outcomes (考核评价). */
  | { kind: 'evaluation'; year?: number; cadreId?: number }
  /** Exchange bundles: export, import, trusted keys (数据交换). */
  | { kind: 'exchange' }
  /** Integrity check and backups (检查与备份). */
  | { kind: 'integrity' }
  /** The hash-chained audit log (审计日志). */
  | { kind: 'audit' }
  /** The county's rule thresholds per year (规则设置). */
  | { kind: 'rules' };

interface AppStateValue {
  status: AppStatus | null;
  org: OrgTree | null;
  view: View;
  navigate: (v: View) => void;
  /** Bumped after any change to cadres or materials so lists reload. */
  dataVersion: number;
  /** Re-reads status and org tree and bumps dataVersion. */
  refresh: () => Promise<void>;
  setStatus: (s: AppStatus) => void;
}

const Ctx = createContext<AppStateValue | null>(null);

export function AppStateProvider({ initial, children }: { initial: AppStatus; children: ReactNode }) {
  const [status, setStatus] = useState<AppStatus | null>(initial);
  const [org, setOrg] = useState<OrgTree | null>(null);
  const [view, setView] = useState<View>({ kind: 'cadres' });
  const [dataVersion, setDataVersion] = useState(0);
  const confirmLeave = useConfirmLeave();
  /** Every page change asks first while an editor holds unsaved edits (common/useUnsavedGuard.ts). */
  const navigate = useCallback(
    (v: View) => {
      void confirmLeave().then((ok) => ok && setView(v));
    },
    [confirmLeave],
  );

  const refresh = useCallback(async () => {
    setDataVersion((v) => v + 1);
    const [s, o] = await Promise.allSettled([call('app.status', {}), call('org.tree', {})]);
    if (s.status === 'fulfilled') setStatus(s.value);
    if (o.status === 'fulfilled') setOrg(o.value);
  }, []);

  useEffect(() => {
    call('org.tree', {}).then(setOrg, () => undefined);
  }, []);

  const value = useMemo<AppStateValue>(
    () => ({ status, org, view, navigate, dataVersion, refresh, setStatus }),
    [status, org, view, navigate, dataVersion, refresh],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useAppState(): AppStateValue {
  const v = useContext(Ctx);
  if (!v) throw new Error('useAppState outside AppStateProvider');
  return v;
}
