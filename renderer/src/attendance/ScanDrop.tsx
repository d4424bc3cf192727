/**
 * Drop a file here or pick one: it is staged (uploaded and inspected by main) at once, so a
 * refused file is named before the clerk presses the final button.
 */
import { CheckCircleFilled, InboxOutlined } from '@ant-design/icons';
import { Button, Spin } from 'antd';
import { useRef, useState, type DragEvent } from 'react';
import type { StagedFile } from '../../../shared/domain';
import { call, stageFile } from '../api/client';
import { formatSize } from '../../../shared/fileSize';
import { useDialogSave } from '../common/useDialogSave';

export function ScanDrop({
  value,
  onChange,
  hint,
  testId,
}: {
  value: StagedFile | null;
  onChange: (f: StagedFile | null) => void;
  hint: string;
  testId: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [active, setActive] = useState(false);
  const { saving: busy, error, setError, runSave } = useDialogSave();

  const take = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    await runSave(async () => {
      const staged = await stageFile(file, 'attachment');
      if (value) void call('staging.discard', { token: value.token }).catch(() => undefined);
      onChange(staged);
    });
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setActive(false);
    void take(e.dataTransfer.files[0]);
  };

  return (
    <div>
      <div
        className={`ob-att-dropzone${active ? ' active' : ''}`}
        onClick={() => input.current?.click()}
        onDragEnter={(e) => {
          e.preventDefault();
          setActive(true);
        }}
        onDragOver={(e) => e.preventDefault()}
        onDragLeave={() => setActive(false)}
        onDrop={onDrop}
        data-testid={testId}
      >
        <Spin spinning={busy}>
          {value ? (
            <div>
              <CheckCircleFilled style={{ color: '#16a34a', marginRight: 6 }} />
              {value.name}
              <span className="ob-muted">
                （{formatSize(value.size)}
                {value.pageCount ? `，${value.pageCount} 页` : ''}）
              </span>
              <Button
                type="link"
                size="small"
                onClick={(e) => {
                  e.stopPropagation();
                  input.current?.click();
                }}
              >
                更换
              </Button>
            </div>
          ) : (
            <div>
              <InboxOutlined style={{ fontSize: 24, color: '#6b7280' }} />
              <div>{hint}</div>
            </div>
          )}
        </Spin>
      </div>
      <input
        ref={input}
        type="file"
        accept=".pdf,.jpg,.jpeg,.png,.tif,.tiff,application/pdf,image/*"
        style={{ display: 'none' }}
        onChange={(e) => {
          void take(e.target.files?.[0]);
          e.target.value = '';
        }}
        data-testid={`${testId}-input`}
      />
      {error && (
        <div style={{ color: '#b42318', marginTop: 6 }} data-testid={`${testId}-error`}>
          {error}
        </div>
      )}
    </div>
  );
}
