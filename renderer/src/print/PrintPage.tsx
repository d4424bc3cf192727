import { Tabs } from 'antd';
import { ArchiveSettings } from './ArchiveSettings';
import { CountyBatch } from './CountyBatch';
import { SingleDossier } from './SingleDossier';

/** 档案打印: one cadre's dossier (preview, open, print), the county's year-end batch, and the archive settings. */
export function PrintPage({ cadreId }: { cadreId?: number }) {
  return (
    <div style={{ padding: '12px 16px', height: '100%', overflow: 'auto' }}>
      <div className="ob-page-title">
        <h2>档案打印</h2>
      </div>
      <Tabs
        defaultActiveKey="single"
        items={[
          { key: 'single', label: '单人档案', children: <SingleDossier initialCadreId={cadreId} /> },
          { key: 'batch', label: '全县年度批量生成', children: <CountyBatch /> },
          { key: 'settings', label: '档案设置', children: <ArchiveSettings /> },
        ]}
      />
    </div>
  );
}
