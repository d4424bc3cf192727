/** 从表格导入村集体经济收入: pick an .xlsx, see every row's change or error, then import (all or nothing). */
import { Alert, Button, Modal, Table, Tag } from 'antd';
import { useState } from 'react';
import type { IncomeImportPreview, IncomeImportRow } from '../../../shared/villageIncome';
import { yuan } from '../../../shared/work';
import { call, stageFile } from '../api/client';
import { SPREADSHEET_ACCEPT } from '../common/spreadsheetFormats';
import { useDialogSave } from '../common/useDialogSave';

const STATUS_COLOR: Record<string, string> = { 新增: 'blue', 修改: 'orange', 不变: 'default', 错误: 'red' };
const money = (f: number | null) => (f === null ? '—' : yuan(f));

export function IncomeImportDialog({
  open,
  countyId,
  year,
  onClose,
  onDone,
  onError,
}: {
  open: boolean;
  countyId: number;
  year: number;
  onClose: () => void;
  onDone: (saved: number) => void;
  onError: (err: unknown) => void;
}) {
  const [token, setToken] = useState<string | null>(null);
  const [preview, setPreview] = useState<IncomeImportPreview | null>(null);
  const { saving: busy, error, setError, runSave } = useDialogSave();

  const reset = () => {
    setToken(null);
    setPreview(null);
    setError(null);
  };
  const pick = async (file: File | undefined) => {
    reset();
    if (!file) return;
    await runSave(async () => {
      const staged = await stageFile(file, 'roster');
      setToken(staged.token);
      setPreview(await call('villages.income.previewImport', { token: staged.token, countyId, year }));
    });
  };
  const commit = async () => {
    if (!token) return;
    await runSave(async () => {
      const r = await call('villages.income.commitImport', { token, countyId, year });
      reset();
      onDone(r.saved);
    }, onError);
  };

  return (
    <Modal
      title={`从表格导入${year}年村集体经济收入`}
      open={open}
      width={820}
      onCancel={() => {
        reset();
        onClose();
      }}
      destroyOnHidden
      footer={[
        <Button
          key="cancel"
          onClick={() => {
            reset();
            onClose();
          }}
        >
          取消
        </Button>,
        <Button
          key="ok"
          type="primary"
          loading={busy}
          disabled={!preview || preview.errors > 0 || preview.changes === 0}
          onClick={() => void commit()}
          data-testid="income-import-commit"
        >
          {preview ? `导入${preview.changes}个村` : '导入'}
        </Button>,
      ]}
    >
      <p className="ob-muted" style={{ marginTop: 0 }}>
        表格（.xlsx、.xls 或 WPS .et）须有“乡镇”“村”“{year}
        年村集体经济收入（元）”三列（收入以万元计的，表头注明“万元”）；乡镇和村名须与本软件中的一致。确无收入的村填0（空壳村）。
      </p>
      <input type="file" accept={SPREADSHEET_ACCEPT} onChange={(e) => void pick(e.target.files?.[0])} data-testid="income-import-file" />
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="income-import-error" />}
      {preview && (
        <>
          <Alert
            style={{ marginTop: 12 }}
            type={preview.errors ? 'error' : 'info'}
            showIcon
            title={
              preview.errors
                ? `有${preview.errors}行有误，改正表格后重新选择文件；有误时不导入任何数据`
                : `工作表“${preview.sheetName}”，收入列“${preview.incomeColumn}”（单位：${preview.unit}）：${preview.changes}个村将新增或修改`
            }
          />
          <Table<IncomeImportRow>
            style={{ marginTop: 8 }}
            size="small"
            rowKey="row"
            pagination={false}
            scroll={{ y: 320 }}
            dataSource={[...preview.rows].sort((a, b) => Number(b.status === '错误') - Number(a.status === '错误') || a.row - b.row)}
            columns={[
              { title: '行', dataIndex: 'row', width: 50 },
              { title: '乡镇', dataIndex: 'township', width: 100 },
              { title: '村', dataIndex: 'village', width: 100 },
              { title: '原收入（元）', dataIndex: 'beforeFen', width: 120, align: 'right', render: money },
              { title: '导入收入（元）', dataIndex: 'incomeFen', width: 120, align: 'right', render: money },
              {
                title: '结果',
                key: 's',
                render: (_, r) => (
                  <>
                    <Tag color={STATUS_COLOR[r.status]}>{r.status}</Tag>
                    {r.error && <span style={{ color: '#cf1322' }}>{r.error}</span>}
                  </>
                ),
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
