import { Button, Popconfirm, Space, Tag, Tooltip } from 'antd';
import type { Material } from '../../../shared/domain';
import { REPORT_CATEGORY, type MaterialReportLink } from '../../../shared/worklog';
import { call } from '../api/client';
import { useCall } from '../api/useCall';
import { useNotify } from '../util/notify';
import { dateLabel } from '../../../shared/dates';

const REPORT_CATEGORIES: readonly string[] = Object.values(REPORT_CATEGORY);

const linkText = (l: MaterialReportLink) => `${l.periodLabel}${l.kind === '季度报告' ? '报告' : '总结'}`;

/**
 * On a 工作汇报/工作总结 material in the bag: the report period it answers. A link made when the
 * material was filed is 待确认 until the clerk confirms it; 取消关联 withdraws the submission (the
 * material stays in the bag). Without `editable` (review copies) only the tag is shown.
 */
export function ReportLinkTag({ material, editable }: { material: Material; editable: boolean }) {
  const isReport = REPORT_CATEGORIES.includes(material.category);
  const link = useCall(
    'reports.linkOfMaterial',
    isReport ? { materialId: material.id } : null,
    `${material.id}|${material.category}|${material.date ?? ''}`,
  );
  const { notifyError, success } = useNotify();
  if (!isReport || !link.data) return null;
  const l = link.data;
  const confirm = async () => {
    try {
      await call('reports.confirmLink', { cadreId: l.cadreId, period: l.period });
      success(`已确认《${material.title}》为${linkText(l)}`);
      link.reload();
    } catch (err) {
      notifyError(err);
    }
  };
  const unlink = async () => {
    try {
      await call('reports.unsubmit', { cadreId: l.cadreId, period: l.period });
      success(`已取消《${material.title}》与${linkText(l)}的关联`);
      link.reload();
    } catch (err) {
      notifyError(err);
    }
  };
  return (
    <Space size={4} data-testid="report-link">
      <Tooltip title={l.linkedAtIntake ? '归档时按材料日期自动关联到该期报告' : `${dateLabel(l.submittedOn)}登记提交`}>
        <Tag color={l.toConfirm ? 'orange' : 'green'} style={{ marginRight: 0 }}>
          {linkText(l)}
          {l.toConfirm ? '（待确认）' : l.linkedAtIntake ? '（已确认）' : ''}
        </Tag>
      </Tooltip>
      {editable && l.toConfirm ? (
        <Button size="small" type="link" onClick={() => void confirm()} data-testid="report-link-confirm">
          确认
        </Button>
      ) : null}
      {editable ? (
        <Popconfirm
          title={`取消与${linkText(l)}的关联？`}
          description="该期将不再计为已提交，材料仍留在档案袋中。"
          okText="取消关联"
          cancelText="保留"
          onConfirm={() => void unlink()}
        >
          <Button size="small" type="link" danger data-testid="report-link-undo">
            取消关联
          </Button>
        </Popconfirm>
      ) : null}
    </Space>
  );
}
