/**
 * A list's place filter: counties with their townships, all expanded; the value is "c:<id>" or
 * "t:<id>" (parseOrgFilter reads it), cleared means everywhere.
 */
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useAppState } from '../app/AppState';
import { orgFilterTree } from '../cadres/orgOptions';

export function OrgFilterSelect({
  value,
  onChange,
  placeholder,
  width,
  searchable = false,
  'aria-label': ariaLabel,
}: {
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  placeholder: string;
  width: number;
  /** Typing filters the tree by name. */
  searchable?: boolean;
  'aria-label'?: string;
}) {
  const { org } = useAppState();
  const tree = useMemo(() => orgFilterTree(org), [org]);
  return (
    <TreeSelect
      allowClear
      placeholder={placeholder}
      treeData={tree}
      value={value}
      onChange={onChange}
      style={{ width }}
      treeDefaultExpandAll
      {...(searchable ? { showSearch: { treeNodeFilterProp: 'title' } } : {})}
      {...(ariaLabel ? { 'aria-label': ariaLabel } : {})}
    />
  );
}
