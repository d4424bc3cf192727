import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { useEffect, useState } from 'react';
import type { AppStatus } from '../../../shared/domain';
import { call, errorMessage } from '../api/client';
import { Shell } from '../shell/Shell';
import { OperatorPrompt } from '../welcome/OperatorPrompt';
import { Welcome } from '../welcome/Welcome';
import { setUnexpectedFailureReporter } from '../util/settle';
import { AppStateProvider } from './AppState';
import { usePrefersReducedMotion } from './reducedMotion';
import { themeFor } from './theme';
import { learnToday } from './today';

/** Loads app.status, then shows the first-run welcome or the main shell. */
export function Root() {
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [justSetUp, setJustSetUp] = useState(false);
  const reduceMotion = usePrefersReducedMotion();

  useEffect(() => {
    call('app.status', {}).then(
      (s) => {
        learnToday(s.today);
        setStatus(s);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, []);

  let body;
  if (error) body = <Result status="error" title="无法启动 OneBag" subTitle={error} />;
  else if (!status) body = <Spin size="large" description="正在打开档案库…" fullscreen />;
  else if (status.firstRun)
    body = (
      <Welcome
        onDone={(s) => {
          setJustSetUp(true);
          setStatus(s);
        }}
      />
    );
  else if (!status.operatorConfirmed) body = <OperatorPrompt status={status} onDone={setStatus} />;
  else
    body = (
      <AppStateProvider initial={status}>
        <Shell justSetUp={justSetUp} />
      </AppStateProvider>
    );

  return (
    <ConfigProvider
      locale={zhCN}
      theme={themeFor(reduceMotion)}
      componentSize="middle"
      button={{ autoInsertSpace: false }}
      wave={{ disabled: reduceMotion }}
    >
      <AntApp style={{ height: '100%' }}>
        <FailureReporter />
        {body}
      </AntApp>
    </ConfigProvider>
  );
}

/** Lets util/settle.ts show a failure no handler caught, with antd's notification of this App. */
function FailureReporter() {
  const { notification } = AntApp.useApp();
  useEffect(
    () =>
      setUnexpectedFailureReporter((text) =>
        notification.error({ title: '操作未完成', description: text, placement: 'topRight', duration: 6 }),
      ),
    [notification],
  );
  return null;
}
