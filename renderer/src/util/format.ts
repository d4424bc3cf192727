import { thisYear } from '../app/today';

export const yearOf = (iso: string | null): number => (iso ? Number(iso.slice(0, 4)) : thisYear());
