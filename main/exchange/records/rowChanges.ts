/**
 * How the import describes a row it changes or refuses to touch: the fields the preview lists
 * (values as short text), and the full before/after the audit log keeps.
 */
import type { PlanChange, PlanConflict, PlanField } from '../../../shared/api/exchange';

/** A row the walk added or updated: enough for the preview and for the audit entry. */
export interface RowChange {
  table: string;
  label: string;
  action: 'add' | 'update';
  key: string;
  /** Local id for tables with an integer id (negative placeholders while planning). */
  localId: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
}

const PREVIEW_CHARS = 200;

/** A value as the preview shows it: text, shortened to 200 characters. */
export function previewValue(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const s = typeof v === 'string' ? v : String(v);
  return s.length > PREVIEW_CHARS ? `${s.slice(0, PREVIEW_CHARS)}…（共 ${s.length} 个字符）` : s;
}

/** Added rows list every field; updated rows only those whose value changes. */
export function planChange(c: RowChange): PlanChange {
  const fields: PlanField[] = [];
  for (const [column, after] of Object.entries(c.after)) {
    const before = c.before ? c.before[column] : null;
    if (c.action === 'update' && before === after) continue;
    // A new row's local id is only known once written (planning uses placeholders): the key names it.
    if (c.action === 'add' && (after === null || column === 'id')) continue;
    fields.push({ column, before: previewValue(before), after: previewValue(after) });
  }
  return { table: c.table, label: c.label, action: c.action, key: c.key, fields };
}

/** Both sides of a conflict, field by field (every column the bundle carries). */
export function conflictFields(
  local: Record<string, unknown> | undefined,
  incoming: Record<string, unknown>,
  columns: string[],
): PlanConflict['fields'] {
  return columns.map((column) => ({ column, local: previewValue(local?.[column]), incoming: previewValue(incoming[column]) }));
}
