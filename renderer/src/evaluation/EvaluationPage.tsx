import { Empty } from 'antd';

/** Placeholder: year-end evaluation. */
export function EvaluationPage(_props: { year?: number; cadreId?: number }) {
  return <Empty description="考核评价正在建设中" style={{ marginTop: 80 }} />;
}
