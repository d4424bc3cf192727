/** Start the year's scheme from one of the shipped templates (蒲县, 五评, 群众评议30%). */
import { Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Scheme, TemplateKey } from '../../../shared/evaluation';
import { call } from '../api/client';
import { useCall } from '../api/useCall';
import { SaveDialog } from '../common/SaveDialog';
import { useBusyAction } from '../common/useBusyAction';

export function TemplatePicker({
  open,
  countyId,
  year,
  onClose,
  onCreated,
}: {
  open: boolean;
  countyId: number;
  year: number;
  onClose: () => void;
  onCreated: (s: Scheme) => void;
}) {
  const templates = useCall('evaluation.schemes.templates', open ? {} : null, `t:${open}`);
  const [choice, setChoice] = useState<TemplateKey>();
  const { busy, runBusy } = useBusyAction();

  const create = async () => {
    if (!choice) return;
    await runBusy(async () => {
      const s = await call('evaluation.schemes.createFromTemplate', { countyId, year, template: choice });
      // The caller says it (one toast for one new draft).
      onCreated(s);
    }, '方案未能新建');
  };

  return (
    <SaveDialog
      open={open}
      title={`从模板新建${year}年度考核方案`}
      okText="新建草稿"
      okButtonProps={{ disabled: !choice }}
      saving={busy}
      onSave={create}
      onClose={onClose}
      width={620}
    >
      <Radio.Group value={choice} onChange={(e) => setChoice(e.target.value as TemplateKey)} style={{ width: '100%' }}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {(templates.data ?? []).map((t) => (
            <Radio key={t.key} value={t.key} style={{ alignItems: 'flex-start' }}>
              <div>
                <strong>{t.name}</strong>
                <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                  {t.description}
                </Typography.Paragraph>
              </div>
            </Radio>
          ))}
        </Space>
      </Radio.Group>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        新建的是草稿，可修改权重、指标、分数线和优秀比例，确认后点“启用”。
      </Typography.Paragraph>
    </SaveDialog>
  );
}
