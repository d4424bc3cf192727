/** A log entry's content as running text, as the import preview and the search hits show it. */
import type { LogEntryFields } from '../../../shared/worklog';

type Content = Pick<LogEntryFields, 'place' | 'persons' | 'situation' | 'difficulties' | 'followUp'>;

/**
 * The filled parts in table order, labelled (地点：…, 走访对象：…, 困难：…, 下步打算：…), joined by
 * `separator`; `place` is left out where the caller shows it on its own.
 */
export function entryText(e: Content, opts: { separator: string; place: boolean }): string {
  return [
    opts.place && e.place && `地点：${e.place}`,
    e.persons && `走访对象：${e.persons}`,
    e.situation,
    e.difficulties && `困难：${e.difficulties}`,
    e.followUp && `下步打算：${e.followUp}`,
  ]
    .filter(Boolean)
    .join(opts.separator);
}
