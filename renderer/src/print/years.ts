/** Years offered for printing: this year and the five before, newest first. */
export function yearOptions(): number[] {
  const y = new Date().getFullYear();
  return Array.from({ length: 6 }, (_, i) => y - i);
}
