/**
 * One city leader (市委组织部领导班子成员): name, 职务 and the counties they contract (承包), each
 * for a period — a leader may hand a county over, so a contract ends rather than being deleted.
 * Counties may be the department's own or imported ones.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Form, Input, Modal, Popconfirm, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { CityLeader } from '../../../shared/leaders';
import { call } from '../api/client';
import { useAppState } from '../app/AppState';
import { DatePicker } from '../common/DatePicker';
import { useNotify } from '../util/notify';
import { useDialogSave } from '../common/useDialogSave';

interface ContractRow {
  countyId?: number;
  start?: Dayjs;
  end?: Dayjs | null;
}
interface Values {
  name: string;
  title: string;
  contracts: ContractRow[];
}

export function LeaderDialog(props: { open: boolean; leader: CityLeader | null; onClose: () => void; onSaved: () => void }) {
  const { open, leader, onClose, onSaved } = props;
  const { org } = useAppState();
  const { success } = useNotify();
  const [form] = Form.useForm<Values>();
  const { saving: busy, error, setError, runSave } = useDialogSave();

  const initial: Values = leader
    ? {
        name: leader.name,
        title: leader.title,
        contracts: leader.contracts.map((c) => ({ countyId: c.countyId, start: dayjs(c.start), end: c.end ? dayjs(c.end) : null })),
      }
    : { name: '', title: '', contracts: [{}] };

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    await runSave(async () => {
      await call('leaders.save', {
        ...(leader ? { id: leader.id } : {}),
        name: v.name,
        title: v.title,
        contracts: (v.contracts ?? []).map((c) => ({
          countyId: c.countyId ?? 0,
          start: c.start ? c.start.format('YYYY-MM-DD') : '',
          end: c.end ? c.end.format('YYYY-MM-DD') : null,
        })),
      });
      success(leader ? '已保存包县领导' : '已新增包县领导');
      onSaved();
    });
  };
  const remove = async () => {
    if (!leader) return;
    await runSave(async () => {
      await call('leaders.remove', { id: leader.id });
      success(`已删除${leader.name}`);
      onSaved();
    });
  };

  const counties = (org?.counties ?? []).map((c) => ({ value: c.id, label: c.origin ? `${c.name}（导入）` : c.name }));
  return (
    <Modal
      title={leader ? `包县领导：${leader.name}` : '新增包县领导'}
      open={open}
      width={640}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(o) => !o && setError(null)}
      footer={[
        leader && (
          <Popconfirm key="remove" title={`删除${leader.name}的记录？`} onConfirm={() => void remove()} okText="删除" cancelText="取消">
            <Button danger disabled={busy} style={{ float: 'left' }} data-testid="leader-remove">
              删除
            </Button>
          </Popconfirm>
        ),
        <Button key="cancel" onClick={onClose}>
          取消
        </Button>,
        <Button key="save" type="primary" loading={busy} onClick={() => void save()} data-testid="leader-save">
          保存
        </Button>,
      ]}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 10 }} data-testid="leader-error" />}
      <Form form={form} layout="vertical" requiredMark={false} initialValues={initial} data-testid="leader-form">
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item
              name="name"
              label="姓名"
              rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}
              style={{ marginBottom: 10 }}
            >
              <Input maxLength={30} aria-label="姓名" />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item
              name="title"
              label="职务"
              rules={[{ required: true, whitespace: true, message: '请填写职务' }]}
              style={{ marginBottom: 10 }}
            >
              <Input maxLength={50} placeholder="如：市委组织部副部长" aria-label="职务" />
            </Form.Item>
          </Col>
        </Row>
        <div className="ob-muted" style={{ marginBottom: 6 }}>
          承包的县（市、区）：不再承包时填写结束日期，保留记录
        </div>
        <Form.List name="contracts">
          {(fields, { add, remove: drop }) => (
            <>
              {fields.map((f, i) => (
                <Row gutter={8} key={f.key} align="top">
                  <Col span={9}>
                    <Form.Item
                      name={[f.name, 'countyId']}
                      rules={[{ required: true, message: '请选择县（市、区）' }]}
                      style={{ marginBottom: 8 }}
                    >
                      <Select options={counties} placeholder="县（市、区）" aria-label={`承包县${i + 1}`} />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item name={[f.name, 'start']} rules={[{ required: true, message: '请填写开始日期' }]} style={{ marginBottom: 8 }}>
                      <DatePicker style={{ width: '100%' }} placeholder="开始日期" aria-label={`承包开始日期${i + 1}`} />
                    </Form.Item>
                  </Col>
                  <Col span={7}>
                    <Form.Item name={[f.name, 'end']} style={{ marginBottom: 8 }}>
                      <DatePicker style={{ width: '100%' }} placeholder="结束日期（空为至今）" aria-label={`承包结束日期${i + 1}`} />
                    </Form.Item>
                  </Col>
                  <Col span={2}>
                    <Button icon={<DeleteOutlined />} onClick={() => drop(f.name)} aria-label={`删除承包记录${i + 1}`} />
                  </Col>
                </Row>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid="leader-add-contract">
                添加承包县
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
