/** Number and list formats shared by the summary tables of the reports. */

export function seconds(value: number): string {
  return value < 10
    ? `${value.toFixed(2)} s`
    : value < 600
      ? `${value.toFixed(1)} s`
      : `${(value / 60).toFixed(1)} min`;
}

/** A figure rounded for reading (3 significant digits beyond the integer part). */
export function figure(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : String(Number(value.toPrecision(3)));
}

export const yearSpan = (startYear: number, years: number): string =>
  `${startYear}–${startYear + years - 1} (${years} year${years === 1 ? '' : 's'})`;

export const listOrNone = (items: string[]): string => (items.length ? items.join(', ') : 'none');
