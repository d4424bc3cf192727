import { Alert, Checkbox, Input, Radio, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { absencesWith, type PresenceMarks, type PresencePerson } from './usePresenceMarks';

export interface PresenceTableProps<T extends PresencePerson> {
  /** Bold heading above the table, e.g. 应到干部. */
  heading: string;
  /** Counts beside the heading, with its data-testid. */
  tally: ReactNode;
  tallyTestId: string;
  /** Right-aligned note on the heading line. */
  aside?: ReactNode;
  /** Messages shown above the table (nulls are skipped). */
  errors: Array<string | null | undefined>;
  rows: T[];
  marks: PresenceMarks;
  loading: boolean;
  emptyText: string;
  testId: string;
  scrollY: number;
  /** Where the person serves, for the 任职 column. */
  servesAt: (row: T) => ReactNode;
  /** The 应到 / 督查 checkbox column. */
  include: { title: string; aria: (name: string) => string };
  /** The present / absent buttons; `pending` replaces them while the record has not happened yet. */
  presence: { title: string; width: number; present: string; absent: string; aria: (name: string) => string; pending?: ReactNode };
  /** The reason input: always while listed, or only when absent. */
  reason: { title: string; aria: (name: string) => string; placeholder: string; whenPresent: boolean };
  /** The year's absences counting this record; `prior` is those before it. */
  count: { title: string; width: number; prior: (row: T) => number };
  /** Further columns at the end. */
  extraColumns?: ColumnsType<T>;
}

/**
 * People marked present or absent with a reason: listed (checkbox), name, post, 到/缺 (or
 * 在岗/不在岗), reason, and the year's count with this record; a heading with the tally above.
 */
export function PresenceTable<T extends PresencePerson>(props: PresenceTableProps<T>) {
  const { marks, include, presence, reason, count } = props;
  const columns: ColumnsType<T> = [
    {
      title: include.title,
      width: 56,
      align: 'center',
      render: (_, c) => (
        <Checkbox
          aria-label={include.aria(c.name)}
          checked={marks.markOf(c.cadreId).included}
          onChange={(e) => marks.setMark(c.cadreId, { included: e.target.checked })}
        />
      ),
    },
    { title: '姓名', dataIndex: 'name', width: 84 },
    { title: '任职', width: 108, ellipsis: true, render: (_, c) => props.servesAt(c) },
    {
      title: presence.title,
      width: presence.width,
      render: (_, c) => {
        if (presence.pending) return presence.pending;
        const m = marks.markOf(c.cadreId);
        return (
          <Radio.Group
            size="small"
            optionType="button"
            buttonStyle="solid"
            disabled={!m.included}
            value={m.present === null ? undefined : m.present ? 'y' : 'n'}
            onChange={(e) => marks.setMark(c.cadreId, { present: e.target.value === 'y' })}
            options={[
              { value: 'y', label: presence.present },
              { value: 'n', label: presence.absent },
            ]}
            aria-label={presence.aria(c.name)}
          />
        );
      },
    },
    {
      title: reason.title,
      render: (_, c) => {
        const m = marks.markOf(c.cadreId);
        const absent = m.present === false;
        if (!m.included || (!absent && !reason.whenPresent)) return null;
        return (
          <Input
            size="small"
            value={m.reason}
            maxLength={200}
            placeholder={absent ? reason.placeholder : ''}
            aria-label={reason.aria(c.name)}
            status={absent && !m.reason.trim() ? 'warning' : undefined}
            onChange={(e) => marks.setMark(c.cadreId, { reason: e.target.value })}
          />
        );
      },
    },
    {
      title: count.title,
      width: count.width,
      align: 'right',
      render: (_, c) => {
        const n = absencesWith(count.prior(c), marks.markOf(c.cadreId));
        return n > 0 ? <span style={{ color: '#b91c1c' }}>{n} 次</span> : <span className="ob-muted">0</span>;
      },
    },
    ...(props.extraColumns ?? []),
  ];

  return (
    <>
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 12, margin: '2px 0 6px' }}>
        <strong>{props.heading}</strong>
        <span className="ob-muted" data-testid={props.tallyTestId}>
          {props.tally}
        </span>
        {props.aside && (
          <span className="ob-muted" style={{ marginLeft: 'auto', fontSize: 12 }}>
            {props.aside}
          </span>
        )}
      </div>
      {props.errors.map((e, i) => (e ? <Alert key={i} type="error" showIcon title={e} style={{ marginBottom: 8 }} /> : null))}
      <Table<T>
        size="small"
        rowKey="cadreId"
        dataSource={props.rows}
        loading={props.loading}
        pagination={false}
        scroll={{ y: props.scrollY }}
        locale={{ emptyText: props.emptyText }}
        data-testid={props.testId}
        columns={columns}
      />
    </>
  );
}
