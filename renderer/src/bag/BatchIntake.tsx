import { UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useMemo, useRef } from 'react';
import { useCall } from '../api/useCall';
import { useAppState } from '../app/AppState';
import { useReadOnlyIndex } from '../common/useReadOnly';
import { IntakeDialog } from './IntakeDialog';
import { useIntake } from './useIntake';

/**
 * 批量归档: files for several cadres at once. Each file gets a row with a cadre picker defaulted
 * from a name in the file name (review copies are not offered), then the usual intake table.
 */
export function BatchIntake() {
  const { dataVersion, refresh } = useAppState();
  const readOnly = useReadOnlyIndex();
  const list = useCall('cadres.list', {}, `batch|${dataVersion}`);
  const cadres = useMemo(() => (list.data ?? []).filter((c) => !readOnly.cadreRow(c)), [list.data, readOnly]);
  const target = useMemo(() => ({ cadres }), [cadres]);
  const intake = useIntake(target);
  const picker = useRef<HTMLInputElement>(null);

  return (
    <>
      <Button
        icon={<UploadOutlined />}
        disabled={!list.data || cadres.length === 0}
        onClick={() => picker.current?.click()}
        data-testid="batch-intake"
      >
        批量归档
      </Button>
      <input
        ref={picker}
        type="file"
        multiple
        hidden
        data-testid="batch-file-input"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          void intake.addFiles(files);
        }}
      />
      <IntakeDialog title="批量归档到多名干部的资料袋" cadres={cadres} intake={intake} onFiled={() => void refresh()} />
    </>
  );
}
