import { useState } from 'react';

/** One person's line in a presence list: listed or not, present / absent / not yet marked, reason. */
export interface PresenceMark {
  included: boolean;
  present: boolean | null;
  reason: string;
}

/** The people a presence list is about: at least an id and a name. */
export interface PresencePerson {
  cadreId: number;
  name: string;
}

/** Earlier absences plus this record's, if the mark is an absence. */
export const absencesWith = (prior: number, m: PresenceMark) => prior + (m.included && m.present === false ? 1 : 0);

/**
 * Present / absent marks of a list of people, by cadre id. People without a stored mark read as
 * `fallback` (e.g. on a new record everyone listed and present; on a saved one, unlisted).
 */
export function usePresenceMarks(fallback: PresenceMark) {
  const [marks, setMarks] = useState<Map<number, PresenceMark>>(new Map());

  const markOf = (id: number): PresenceMark => marks.get(id) ?? fallback;
  const setMark = (id: number, patch: Partial<PresenceMark>) =>
    setMarks((prev) => new Map(prev).set(id, { ...markOf(id), ...prev.get(id), ...patch }));
  /** Replaces all marks, e.g. with a saved record's. */
  const load = (entries: Iterable<[number, PresenceMark]>) => setMarks(new Map(entries));
  /** The people listed, each with their mark. */
  const listed = <T extends PresencePerson>(rows: T[]) =>
    rows.flatMap((person) => {
      const mark = markOf(person.cadreId);
      return mark.included ? [{ person, mark }] : [];
    });
  /** How many are listed and how many of them are marked absent. */
  const tally = (rows: PresencePerson[]) => {
    const l = listed(rows);
    return { listed: l.length, absent: l.filter((x) => x.mark.present === false).length };
  };

  return { markOf, setMark, load, listed, tally };
}

export type PresenceMarks = ReturnType<typeof usePresenceMarks>;
