/**
 * The bridge between a built dossier and the stored archive numbers (main/core/archive): the
 * volume's items become a number request (originals keyed by SHA-256, typeset records by
 * section and title), and the numbers that come back are written into the stamps, the
 * catalogue rows, the cover and the 备考表's gap notes. This file never writes the database;
 * the NumberAssigner it is given does.
 */
import type { VolumeNumberRequest, VolumeNumbers } from '../../core/archive/numbers';
import { dateLabel } from '../../../shared/dates';
import type { Item, Section } from '../typeset/model';

/** Request items in print order, and the model items they number (same order). */
export function numberRequestItems(
  sections: Section[],
  shaOfPath: Map<string, string>,
): { items: VolumeNumberRequest['items']; targets: Item[] } {
  const items: VolumeNumberRequest['items'] = [];
  const targets: Item[] = [];
  const seen = new Map<string, number>();
  for (const s of sections) {
    for (const it of s.items) {
      const sha = it.kind === 'typeset' ? undefined : shaOfPath.get(it.path);
      let key: string;
      if (sha) key = `blob:${sha}`;
      else {
        // a record typeset into this volume: its section and title; repeats get an occurrence index
        const base = `${s.title}/${it.catalogue.title}`;
        const k = (seen.get(base) ?? 0) + 1;
        seen.set(base, k);
        key = k === 1 ? base : `${base}#${k}`;
      }
      items.push({ key, title: it.catalogue.title, year: it.stamp.year });
      targets.push(it);
    }
  }
  return { items, targets };
}

/** Writes the assigned numbers into the items' stamps and catalogue rows. */
export function applyItemNumbers(targets: Item[], numbers: VolumeNumbers): void {
  numbers.items.forEach((n, i) => {
    const it = targets[i]!;
    it.stamp = { fonds: n.fonds, year: n.year, retention: n.retention, org: n.org, itemNo: n.itemNo };
    it.catalogue = { ...it.catalogue, archiveCode: n.code };
  });
}

/** 备考表 lines explaining numbers once printed in this volume and since taken out. */
export function gapNotes(numbers: VolumeNumbers): string[] {
  return numbers.gaps.map(
    (g) => `件号${g.code}（${g.title}）原列入本卷，${dateLabel(g.removedAt.slice(0, 10))}重新立卷时已不在本卷；该号保留，不再使用。`,
  );
}
