import { Tabs } from 'antd';
import { CountyBatch } from './CountyBatch';
import { SingleDossier } from './SingleDossier';

/** 档案打印: one cadre's dossier (preview, open, print) or the county's year-end batch. */
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
        ]}
      />
    </div>
  );
}
