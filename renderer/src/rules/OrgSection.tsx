/**
 * 乡镇与村: the county's townships and villages, and adding one by hand. The roster import creates
 * the places cadres are posted to; this is for the others — a village without a dispatched cadre
 * whose collective income the county reports (the income import refuses villages it does not
 * know), a village formed by a merger, a county that has no roster yet. Names are checked by main
 * (blank or duplicate refused in Chinese); every addition is in the audit log. Review copies of
 * other departments' counties are read only.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { COUNTY_KINDS, type CountyKind, type OrgTree } from '../../../shared/domain';
import { call, errorMessage } from '../api/client';
import { useAppState } from '../app/AppState';
import { useNotify } from '../util/notify';
import { settle } from '../util/settle';

type County = OrgTree['counties'][number];
/** A name as main stores it (core/org: every space removed), for the toast. */
const stored = (name: string) => name.replace(/\s+/g, '');
type Township = County['townships'][number];

/** Runs an addition: a success toast and a fresh org tree, or the Chinese reason beside the form. */
function useAdd() {
  const { refresh } = useAppState();
  const { success } = useNotify();
  const [error, setError] = useState<string | null>(null);
  const add = async (run: () => Promise<unknown>, done: string): Promise<boolean> => {
    setError(null);
    try {
      await run();
      success(done);
      await refresh();
      return true;
    } catch (err) {
      setError(errorMessage(err));
      return false;
    }
  };
  return { add, error };
}

/** 新增县（市、区）: a button and its dialog. */
export function AddCountyButton({ onAdded }: { onAdded?: (countyId: number) => void }) {
  const { add, error } = useAdd();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<CountyKind>('县');
  const save = async () => {
    let added = 0;
    const run = async () => (added = (await call('org.addCounty', { name, kind })).id);
    if (await add(run, `已新增${stored(name)}`)) {
      setOpen(false);
      onAdded?.(added);
    }
  };
  return (
    <>
      <Button
        icon={<PlusOutlined />}
        onClick={() => {
          setName('');
          setOpen(true);
        }}
        data-testid="org-add-county"
      >
        新增县（市、区）
      </Button>
      <Modal title="新增县（市、区）" open={open} onCancel={() => setOpen(false)} onOk={settle(save)} okText="保存" destroyOnHidden>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="org-county-error" />}
        <Space>
          <Input
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              const last = e.target.value.trim().slice(-1);
              if ((COUNTY_KINDS as readonly string[]).includes(last)) setKind(last as CountyKind);
            }}
            onPressEnter={settle(save)}
            maxLength={50}
            placeholder="如：青山县"
            aria-label="县（市、区）名称"
            style={{ width: 220 }}
            autoFocus
          />
          <Select value={kind} onChange={setKind} options={COUNTY_KINDS.map((k) => ({ value: k, label: k }))} aria-label="类别" />
        </Space>
      </Modal>
    </>
  );
}

/** A name box with its add button, for a township of the county or a village of a township. */
function AddName({
  label,
  placeholder,
  testId,
  disabled,
  onAdd,
}: {
  label: string;
  placeholder: string;
  testId: string;
  disabled: boolean;
  onAdd: (name: string) => Promise<boolean>;
}) {
  const [name, setName] = useState('');
  const submit = async () => {
    if (await onAdd(name)) setName('');
  };
  return (
    <Space.Compact>
      <Input
        value={name}
        onChange={(e) => setName(e.target.value)}
        onPressEnter={settle(submit)}
        maxLength={50}
        placeholder={placeholder}
        aria-label={label}
        style={{ width: 150 }}
        disabled={disabled}
        data-testid={`${testId}-name`}
      />
      <Button onClick={settle(submit)} disabled={disabled} data-testid={testId}>
        {label.replace('名称', '')}
      </Button>
    </Space.Compact>
  );
}

export function OrgSection({
  county,
  readOnly,
  onCountyAdded,
}: {
  county: County;
  readOnly: boolean;
  onCountyAdded: (countyId: number) => void;
}) {
  const { add, error } = useAdd();
  const addTownship = (name: string) =>
    add(() => call('org.addTownship', { countyId: county.id, name }), `已在${county.name}新增乡镇“${stored(name)}”`);
  const addVillage = (t: Township, name: string) =>
    add(() => call('org.addVillage', { townshipId: t.id, name }), `已在${t.name}新增村“${stored(name)}”`);
  const villages = county.townships.reduce((n, t) => n + t.villages.length, 0);

  return (
    <div data-testid="org-section">
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', margin: '18px 0 8px' }}>
        <h4 style={{ margin: 0 }}>
          {county.name}的乡镇与村（{county.townships.length}个乡镇，{villages}个村）
        </h4>
        <div style={{ flex: 1 }} />
        <AddName label="新增乡镇名称" placeholder="乡镇名称" testId="org-add-township" disabled={readOnly} onAdd={addTownship} />
        <AddCountyButton onAdded={onCountyAdded} />
      </div>
      <div className="ob-muted" style={{ marginBottom: 8 }}>
        导入花名册时自动建立干部任职的乡镇和村；没有选派干部的村（如需登记村集体经济收入）、合并后新设的村在此添加。
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} data-testid="org-error" />}
      <Table<Township>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={county.townships}
        locale={{ emptyText: '尚无乡镇：导入花名册或在右上方新增' }}
        data-testid="org-townships"
        columns={[
          { title: '乡镇', dataIndex: 'name', width: 120 },
          {
            title: '村',
            key: 'villages',
            render: (_, t) =>
              t.villages.length === 0 ? (
                <span className="ob-muted">尚无村</span>
              ) : (
                t.villages.map((v) => (
                  <Tag key={v.id} style={{ marginBottom: 4 }}>
                    {v.name}
                  </Tag>
                ))
              ),
          },
          {
            title: '',
            key: 'add',
            width: 240,
            render: (_, t) => (
              <AddName
                label="新增村名称"
                placeholder="村名称"
                testId={`org-add-village-${t.id}`}
                disabled={readOnly}
                onAdd={(name) => addVillage(t, name)}
              />
            ),
          },
        ]}
      />
    </div>
  );
}
