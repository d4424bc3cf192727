import { SearchOutlined } from '@ant-design/icons';
import { App } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useAppState } from '../app/AppState';
import { onCommand, type Command } from '../app/commands';
import { AlertsPage } from '../alerts/AlertsPage';
import { AttendancePage } from '../attendance/AttendancePage';
import { BagPage } from '../bag/BagPage';
import { EvaluationPage } from '../evaluation/EvaluationPage';
import { EventsPage } from '../events/EventsPage';
import { PrintPage } from '../print/PrintPage';
import { StatsPage } from '../stats/StatsPage';
import { WorkPage } from '../work/WorkPage';
import { WorklogPage } from '../worklog/WorklogPage';
import { ExchangePage } from '../exchange/ExchangePage';
import { ReadOnlyBanner } from '../exchange/ReadOnlyBanner';
import { IntegrityPage } from '../integrity/IntegrityPage';
import { AuditPage } from '../audit/AuditPage';
import { RulesPage } from '../rules/RulesPage';
import { CadreDetailPage } from '../cadres/CadreDetailPage';
import { CadreForm } from '../cadres/CadreForm';
import { CadreList } from '../cadres/CadreList';
import { RosterImport } from '../roster/RosterImport';
import { GlobalSearch } from '../search/GlobalSearch';
import { NavMenu } from './NavMenu';
import { ShortcutHelp } from './ShortcutHelp';
import { StatusBar } from './StatusBar';
import { useShortcuts } from './useShortcuts';

/** The frame: masthead, left navigation, the current screen, status bar and global dialogs. */
export function Shell({ justSetUp }: { justSetUp: boolean }) {
  const { view, navigate, refresh } = useAppState();
  const { message } = App.useApp();
  const [searchOpen, setSearchOpen] = useState(false);
  const [createOpen, setCreateOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);

  useEffect(() => {
    const offs = [
      onCommand('search', () => setSearchOpen(true)),
      onCommand('newCadre', () => setCreateOpen(true)),
      onCommand('importRoster', () => setImportOpen(true)),
    ];
    return () => offs.forEach((off) => off());
  }, []);

  const onUnhandled = useCallback(
    (cmd: Command) => {
      if (cmd === 'addMaterial') void message.info('请先打开一名干部的资料袋，再添加材料');
    },
    [message],
  );
  useShortcuts(onUnhandled);

  let screen;
  if (view.kind === 'cadre') screen = <CadreDetailPage key={view.id} id={view.id} tab={view.tab ?? 'info'} />;
  else if (view.kind === 'bag') screen = <BagPage cadreId={view.cadreId} />;
  else if (view.kind === 'attendance') screen = <AttendancePage townshipId={view.townshipId} month={view.month} leaveId={view.leaveId} />;
  else if (view.kind === 'events')
    screen = (
      <EventsPage
        key={`${view.tab ?? 'events'}|${view.year ?? ''}`}
        eventId={view.eventId}
        checkId={view.checkId}
        {...(view.tab ? { tab: view.tab } : {})}
        {...(view.year ? { year: view.year } : {})}
      />
    );
  else if (view.kind === 'alerts') screen = <AlertsPage />;
  else if (view.kind === 'print') screen = <PrintPage cadreId={view.cadreId} />;
  else if (view.kind === 'worklog') screen = <WorklogPage cadreId={view.cadreId} tab={view.tab} />;
  else if (view.kind === 'work') screen = <WorkPage {...view} />;
  else if (view.kind === 'stats') screen = <StatsPage year={view.year} />;
  else if (view.kind === 'evaluation') screen = <EvaluationPage year={view.year} cadreId={view.cadreId} />;
  else if (view.kind === 'exchange') screen = <ExchangePage />;
  else if (view.kind === 'integrity') screen = <IntegrityPage />;
  else if (view.kind === 'audit') screen = <AuditPage />;
  else if (view.kind === 'rules') screen = <RulesPage />;
  else screen = <CadreList justSetUp={justSetUp} />;

  return (
    <div className="ob-shell">
      <header className="ob-header">
        <div className="ob-brand">
          OneBag 一袋式档案<small>选派干部实绩档案管理</small>
        </div>
        <div style={{ flex: 1 }} />
        <button
          type="button"
          onClick={() => setSearchOpen(true)}
          data-testid="open-search"
          style={{
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            width: 280,
            height: 30,
            padding: '0 10px',
            border: '1px solid rgba(255,255,255,0.35)',
            borderRadius: 4,
            background: 'rgba(255,255,255,0.12)',
            color: 'rgba(255,255,255,0.9)',
            cursor: 'pointer',
            font: 'inherit',
          }}
        >
          <SearchOutlined />
          <span style={{ flex: 1, textAlign: 'left' }}>搜索干部、材料…</span>
          <kbd className="ob-kbd" style={{ color: '#374151' }}>
            Ctrl K
          </kbd>
        </button>
        <ShortcutHelp />
      </header>
      <ReadOnlyBanner />
      <div className="ob-body">
        <nav className="ob-nav">
          <NavMenu />
        </nav>
        <main className="ob-main">{screen}</main>
      </div>
      <StatusBar />
      <GlobalSearch open={searchOpen} onClose={() => setSearchOpen(false)} />
      <CadreForm
        open={createOpen}
        cadre={null}
        onClose={() => setCreateOpen(false)}
        onSaved={(c) => {
          setCreateOpen(false);
          void refresh();
          navigate({ kind: 'cadre', id: c.id });
        }}
      />
      <RosterImport
        open={importOpen}
        onClose={() => setImportOpen(false)}
        onImported={() => {
          void refresh();
          navigate({ kind: 'cadres' });
        }}
      />
    </div>
  );
}
