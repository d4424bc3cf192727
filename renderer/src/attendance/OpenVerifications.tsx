/**
 * The township's open register 核查 (待核查), above its month register: the secretary's
 * certification is under question until each is concluded.
 */
import { Alert, Button } from 'antd';
import { useCall } from '../api/useCall';
import { useAppState } from '../app/AppState';
import { dateLabel } from '../../../shared/dates';

export function OpenVerifications({ townshipId, version }: { townshipId: number; version: number }) {
  const { navigate } = useAppState();
  const open = useCall('verifications.list', { townshipId, state: '待核查' as const }, `${townshipId}|${version}`);
  const list = open.data ?? [];
  if (list.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 8 }}
      data-testid="open-verifications"
      title={`本乡镇有${list.length}起考勤登记不实待核查：${list
        .slice(0, 3)
        .map((v) => `${v.cadreName}${dateLabel(v.date)}（${v.secretaryName}认定为在岗）`)
        .join('；')}${list.length > 3 ? '等' : ''}`}
      action={
        <Button size="small" onClick={() => navigate({ kind: 'events', tab: 'verifications', year: Number(list[0]!.date.slice(0, 4)) })}>
          去核查
        </Button>
      }
    />
  );
}
