/** Number formatting shared by the console summary and the generated doc. */

/** 1234567.8 -> "1,234,568". */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** 9512345 -> "9.51 M" (rates in agent-ticks/s). */
export function formatMillions(value: number): string {
  return `${(value / 1e6).toFixed(2)} M`;
}

export function formatMiB(bytes: number): string {
  return `${Math.round(bytes / 2 ** 20)} MiB`;
}

/** "12.3x short" when the goal is not met, "met (0.8x of the budget)" when it is. */
export function formatShortfall(shortfallFactor: number): string {
  return shortfallFactor > 1
    ? `${shortfallFactor.toFixed(1)}x short`
    : `met (${shortfallFactor.toFixed(2)}x of the time budget)`;
}
