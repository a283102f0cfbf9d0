/** The sensitivity indices as aligned text tables, one per output, factors by importance. */
import type { SensitivityResult } from './sensitivityRun.js';

const fixed = (value: number, digits = 3) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  return rows
    .map((row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '))
    .join('\n');
}

export function formatSensitivityTables(result: SensitivityResult): string {
  const parts: string[] = [
    `${result.name}: ${result.method === 'morris' ? 'Morris elementary effects' : 'Sobol indices'}, ` +
      `${result.designPoints} design points x ${result.replications} replications\n`,
  ];
  for (const output of result.outputs) {
    parts.push(`\n${output.output}\n`);
    if (output.morris) {
      const rows = [...output.morris].sort((a, b) => b.muStar - a.muStar);
      parts.push(
        `${table([['factor', 'mu*', 'mu', 'sigma'], ...rows.map((r) => [r.name, fixed(r.muStar, 4), fixed(r.mu, 4), fixed(r.sigma, 4)])])}\n`,
      );
    }
    if (output.sobol) {
      const rows = [...output.sobol].sort((a, b) => b.st - a.st);
      parts.push(
        `${table([
          ['factor', 'S1', 'S1 95% interval', 'ST', 'ST 95% interval'],
          ...rows.map((r) => [
            r.name,
            fixed(r.s1),
            `[${fixed(r.s1Low)}, ${fixed(r.s1High)}]`,
            fixed(r.st),
            `[${fixed(r.stLow)}, ${fixed(r.stHigh)}]`,
          ]),
        ])}\n`,
      );
    }
  }
  return parts.join('');
}
