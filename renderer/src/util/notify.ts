import { App } from 'antd';
import { useCallback } from 'react';
import { errorMessage } from '../api/client';

/** Shows a failed call's Chinese message; the caller keeps its form open. */
export function useNotify() {
  const { message, notification } = App.useApp();
  const notifyError = useCallback(
    (err: unknown, title = '操作未完成') => {
      notification.error({ title, description: errorMessage(err), placement: 'topRight', duration: 6 });
    },
    [notification],
  );
  const success = useCallback((text: string) => void message.success(text), [message]);
  return { notifyError, success, message };
}
