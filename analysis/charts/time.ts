/**
 * The time axis of series charts. Monthly (or quarterly) samples sit at year +
 * month/12, January at the year itself; series of Decembers only sit at the calendar
 * year they close, so "1979" is December 1979 and not a point 11/12 of the way into
 * it. Stored runs do not record their start year; without it the axis counts
 * simulated years from 0 (months) or from 1 (Decembers: the first year's December).
 */
export function decembersOnly(ticks: readonly number[]): boolean {
  return ticks.every((tick) => tick % 12 === 11);
}

export function timeAxisValue(ticks: readonly number[], startYear: number | undefined): (tick: number) => number {
  if (decembersOnly(ticks)) return (tick) => (startYear ?? 1) + Math.floor(tick / 12);
  return (tick) => (startYear ?? 0) + tick / 12;
}

export function timeAxisTitle(ticks: readonly number[], startYear: number | undefined): string {
  if (startYear !== undefined) return 'Year';
  return decembersOnly(ticks) ? 'Simulated year (1 = first)' : 'Simulated time (years)';
}
