/** 当前操作员: asked at each start so the audit log records who worked; Enter keeps the last name. */
import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { AppStatus } from '../../../shared/domain';
import { call, errorMessage } from '../api/client';
import { settle } from '../util/settle';

export function OperatorPrompt({ status, onDone }: { status: AppStatus; onDone: (s: AppStatus) => void }) {
  const [name, setName] = useState(status.operator ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    const v = name.trim();
    if (!v) return setError('请填写操作员姓名');
    if (v.length > 30) return setError('操作员姓名不能超过30个字');
    setBusy(true);
    try {
      onDone(await call('app.setOperator', { operator: v }));
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title="当前操作员"
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      okText="确定"
      cancelButtonProps={{ style: { display: 'none' } }}
      confirmLoading={busy}
      onOk={settle(confirm)}
      width={380}
    >
      <p className="ob-muted" style={{ marginTop: 0 }}>
        本次使用期间的每一项改动都将以此姓名记入审计日志。
      </p>
      <Form.Item validateStatus={error ? 'error' : undefined} help={error} style={{ marginBottom: 0 }}>
        <Input
          autoFocus
          aria-label="当前操作员"
          value={name}
          maxLength={30}
          onChange={(e) => {
            setName(e.target.value);
            setError(null);
          }}
          onFocus={(e) => e.target.select()}
          onPressEnter={settle(confirm)}
        />
      </Form.Item>
    </Modal>
  );
}
