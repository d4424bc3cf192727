import { PlusOutlined } from '@ant-design/icons';
import { Button, Select } from 'antd';
import { useState } from 'react';
import { call } from '../api/client';
import { useAppState } from '../app/AppState';
import { useNotify } from '../util/notify';
import { settle } from '../util/settle';

/** 派出单位 picker; a name not yet known can be added on the spot (as a 县级 unit). */
export function UnitSelect({ value, onChange }: { value?: number | null; onChange?: (v: number | null) => void }) {
  const { org, refresh } = useAppState();
  const { notifyError } = useNotify();
  const [search, setSearch] = useState('');
  const units = org?.units ?? [];
  const exists = units.some((u) => u.name === search.trim());

  const add = async () => {
    try {
      const { id } = await call('org.addUnit', { name: search.trim(), level: '县级' });
      await refresh();
      onChange?.(id);
      setSearch('');
    } catch (err) {
      notifyError(err, '未能添加派出单位');
    }
  };

  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label', onSearch: setSearch }}
      placeholder="选择或输入派出单位"
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={units.map((u) => ({ value: u.id, label: u.name, title: `${u.name}（${u.level}）` }))}
      popupRender={(menu) => (
        <>
          {menu}
          {search.trim() && !exists && (
            <Button type="link" icon={<PlusOutlined />} onClick={settle(add)} style={{ width: '100%', textAlign: 'left' }}>
              添加派出单位「{search.trim()}」
            </Button>
          )}
        </>
      )}
    />
  );
}
