import { Alert, Button, Card, Form, Input, Radio, Select, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { itemCode, volumeCode } from '../../../shared/archiveCode';
import { dossierSettingsSchema, RETENTIONS, type DossierSettings } from '../../../shared/api/dossier';
import { parseTypedDate } from '../../../shared/typedDate';
import { call } from '../api/client';
import { useCall } from '../api/useCall';
import { useNotify } from '../util/notify';
import { thisYear } from '../app/today';

type Field = keyof DossierSettings;

/** antd rule from the shared zod schema: the same Chinese message as the CLI and the handler. */
const rule = (field: Field) => ({
  validator: (_: unknown, value: unknown) => {
    const r = dossierSettingsSchema.shape[field].safeParse(value ?? '');
    return r.success ? Promise.resolve() : Promise.reject(new Error(r.error.issues[0]?.message ?? '填写有误'));
  },
});

/**
 * 档案设置: 全宗号, 机构代码 and 保管期限 of new 档号, 立卷人 / 检查人 / 检查日期 printed on the cover,
 * the 备考表 and the county 案卷目录 (blank lines to sign by hand when empty), page-number style,
 * body font and how Word/WPS originals are printed. Numbers already assigned never change.
 */
export function ArchiveSettings() {
  const settings = useCall('dossier.settings.get', {}, 'settings');
  const fonts = useCall('dossier.fonts', {}, 'fonts');
  const [form] = Form.useForm<DossierSettings>();
  const [saving, setSaving] = useState(false);
  const { notifyError, success } = useNotify();
  const values = Form.useWatch([], form) as Partial<DossierSettings> | undefined;

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  if (!settings.data) return settings.error ? <Alert type="error" showIcon title={settings.error} /> : <Spin />;

  const save = async () => {
    let input: DossierSettings;
    try {
      input = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const saved = await call('dossier.settings.set', input);
      form.setFieldsValue(saved);
      success('档案设置已保存');
    } catch (err) {
      notifyError(err, '档案设置未保存');
    } finally {
      setSaving(false);
    }
  };

  const group = {
    fonds: values?.fonds || '全宗号',
    year: String(thisYear()),
    retention: values?.retention ?? '定期30年',
    org: values?.org || '机构',
  };
  const noFangSong = fonts.data !== undefined && fonts.data.fangSong === null;

  return (
    <Card size="small" style={{ maxWidth: 760 }}>
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ span: 6 }}
        wrapperCol={{ span: 16 }}
        data-testid="archive-settings"
        initialValues={settings.data}
      >
        <Form.Item label="全宗号" name="fonds" rules={[rule('fonds')]} extra="档案馆给本单位的全宗号，只能由数字和字母组成">
          <Input aria-label="全宗号" maxLength={20} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label="机构（问题）代码" name="org" rules={[rule('org')]} extra="如 ZZB（组织部）">
          <Input aria-label="机构代码" maxLength={10} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label="保管期限" name="retention" rules={[rule('retention')]}>
          <Select aria-label="保管期限" style={{ width: 200 }} options={RETENTIONS.map((r) => ({ value: r, label: r }))} />
        </Form.Item>
        <Form.Item label="档号示例">
          <Typography.Text type="secondary" data-testid="archive-code-example">
            案卷 {volumeCode(group, 1)}　文件 {itemCode(group, 1)}
          </Typography.Text>
          <div>
            <Typography.Text type="secondary">已编的档号不随设置改变；修改只影响以后新编的号。</Typography.Text>
          </div>
        </Form.Item>
        <Form.Item label="立卷人" name="compiler" rules={[rule('compiler')]} extra="留空则在封面和备考表上留出横线，由人工签名">
          <Input aria-label="立卷人" maxLength={30} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label="检查人" name="checker" rules={[rule('checker')]}>
          <Input aria-label="检查人" maxLength={30} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          label="检查日期"
          name="checkDate"
          rules={[rule('checkDate')]}
          extra="可输入 2026-01-05、2026年1月5日、2026/1/5 或 20260105；只在填写了检查人时打印"
        >
          <Input
            aria-label="检查日期"
            placeholder="例如 2026-01-05"
            maxLength={12}
            style={{ width: 200 }}
            onBlur={(e) => {
              // what people type ("2026年1月5日", "2026/1/5") is stored as the ISO date the schema takes
              const iso = parseTypedDate(e.target.value);
              if (iso && iso !== e.target.value) {
                form.setFieldValue('checkDate', iso);
                void form.validateFields(['checkDate']).catch(() => undefined);
              }
            }}
          />
        </Form.Item>
        <Form.Item label="页码样式" name="pageNumberStyle">
          <Radio.Group
            aria-label="页码样式"
            options={[
              { value: 'gbt9704', label: '“— 1 —”单页居右、双页居左' },
              { value: 'ofTotal', label: '“第 1 页 共 N 页”居中' },
            ]}
          />
        </Form.Item>
        <Form.Item
          label="正文字体"
          name="bodyFont"
          extra={noFangSong ? '本机未找到仿宋字体（如 simfang.ttf），只能使用内置宋体' : undefined}
        >
          <Radio.Group
            aria-label="正文字体"
            options={[
              { value: 'fangsong', label: '仿宋', disabled: noFangSong },
              { value: 'serif', label: '宋体' },
            ]}
          />
        </Form.Item>
        <Form.Item label="Word/WPS 原件" name="wordRendition">
          <Radio.Group
            aria-label="Word 原件"
            options={[
              { value: 'libreoffice', label: '本机装有 LibreOffice 时用其转换' },
              { value: 'engine', label: '由本软件排版' },
            ]}
          />
        </Form.Item>
        <Form.Item wrapperCol={{ offset: 6 }}>
          <Space>
            <Button type="primary" onClick={() => void save()} loading={saving} data-testid="archive-settings-save">
              保存
            </Button>
            <Button onClick={() => form.setFieldsValue(settings.data!)}>撤销修改</Button>
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}
