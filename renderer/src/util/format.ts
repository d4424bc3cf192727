
export const yearOf = (iso: string | null): number => (iso ? Number(iso.slice(0, 4)) : new Date().getFullYear());
