// Days and months of the person's own calendar (the machine's time zone): "spend on Tuesday" means their Tuesday.
// Each function takes the zone as an offset function so tests and benchmarks pin it.

/** Minutes to add to UTC to get local time at `ms` (the negation of Date#getTimezoneOffset). */
export type ZoneOffset = (ms: number) => number;

export const localZone: ZoneOffset = (ms) => -new Date(ms).getTimezoneOffset();
export const utcZone: ZoneOffset = () => 0;

/** `YYYY-MM-DD` of the moment in the zone. */
export function dayOf(ms: number, zone: ZoneOffset = localZone): string {
  return new Date(ms + zone(ms) * 60_000).toISOString().slice(0, 10);
}

/** `YYYY-MM` of the moment in the zone. */
export function monthOf(ms: number, zone: ZoneOffset = localZone): string {
  return dayOf(ms, zone).slice(0, 7);
}

export function isMonth(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

/** The month `delta` months from `month` (`2026-12` + 1 = `2027-01`). */
export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + delta;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every day of the month, `YYYY-MM-DD`, in order. */
export function daysOfMonth(month: string): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const count = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}
