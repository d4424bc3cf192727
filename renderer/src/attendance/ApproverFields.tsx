/**
 * Who approved a leave request and at which level (乡镇党委 / 县委组织部), chosen explicitly —
 * never defaulted to the level the days require — with the 越权审批 warning when the level
 * that approved is below the required one.
 */
import { Alert, Input, Select } from 'antd';
import { APPROVAL_LEVELS, approvedBeyondLevel, type ApprovalLevel } from '../../../shared/leave';

export function ApproverFields({
  approver,
  level,
  required,
  limitDays,
  onApprover,
  onLevel,
}: {
  approver: string;
  level: ApprovalLevel | undefined;
  required: ApprovalLevel;
  limitDays: number;
  onApprover: (v: string) => void;
  onLevel: (v: ApprovalLevel) => void;
}) {
  return (
    <>
      <div style={{ display: 'flex', gap: 8 }}>
        <Input
          value={approver}
          onChange={(e) => onApprover(e.target.value)}
          placeholder="审批人姓名"
          maxLength={30}
          aria-label="审批人"
          style={{ flex: 1 }}
        />
        <Select<ApprovalLevel>
          value={level}
          onChange={onLevel}
          placeholder="实际审批层级"
          options={APPROVAL_LEVELS.map((l) => ({ value: l, label: l }))}
          style={{ width: 150 }}
          aria-label="审批层级"
          data-testid="approver-level"
        />
      </div>
      {level && approvedBeyondLevel(level, required) && (
        <Alert
          type="error"
          showIcon
          data-testid="overreach"
          title={`请假超过${limitDays}天须由${required}审批，由${level}批准属越权审批，将列入“请假越权审批”预警`}
        />
      )}
    </>
  );
}
