/**
 * fast-check properties: Sobol indices of an additive linear function equal its analytic variance
 * shares, and Saltelli samples stay inside every factor's range. The tolerance 0.05 at N = 2^13
 * is about five standard errors (the worst of 1,000 estimates measured was 0.035).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleSaltelli, saltelliRows, type Factor } from '../../../analysis/sensitivity/sampling.js';
import { sobolEstimates, splitSaltelliOutputs } from '../../../analysis/sensitivity/sobol.js';

const factorArb: fc.Arbitrary<Factor> = fc
  .record({
    min: fc.double({ min: -100, max: 100, noNaN: true }),
    width: fc.double({ min: 0.1, max: 100, noNaN: true }),
  })
  .map(({ min, width }) => ({ name: 'x', min, max: min + width }));

describe('Sobol properties', () => {
  it('S1 = ST = a_i²Var_i / Σ_j a_j²Var_j for an additive linear function', () => {
    const caseArb = fc
      .integer({ min: 2, max: 5 })
      .chain((k) =>
        fc.record({
          factors: fc.array(factorArb, { minLength: k, maxLength: k }),
          coefficients: fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: k, maxLength: k }),
          seed: fc.string({ maxLength: 8 }),
        }),
      )
      .filter(({ coefficients }) => coefficients.some((c) => Math.abs(c) > 1e-3));
    fc.assert(
      fc.property(caseArb, ({ factors, coefficients, seed }) => {
        const n = 2 ** 13;
        const k = factors.length;
        const design = sampleSaltelli(factors, n, seed);
        const outputs = saltelliRows(design).map((x) => x.reduce((sum, value, i) => sum + coefficients[i] * value, 0));
        const estimates = sobolEstimates(
          splitSaltelliOutputs(outputs, n, k),
          Int32Array.from({ length: n }, (_, j) => j),
        );
        const parts = coefficients.map((c, i) => (c ** 2 * (factors[i].max - factors[i].min) ** 2) / 12);
        const total = parts.reduce((sum, part) => sum + part, 0);
        parts.forEach((part, i) => {
          expect(Math.abs(estimates.s1[i] - part / total)).toBeLessThan(0.05);
          expect(Math.abs(estimates.st[i] - part / total)).toBeLessThan(0.05);
        });
      }),
      { numRuns: 20 },
    );
  });

  it('maps every Saltelli sample into its factor’s [min, max]', () => {
    fc.assert(
      fc.property(
        fc.array(factorArb, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 2, max: 64 }),
        fc.string({ maxLength: 8 }),
        (factors, n, seed) => {
          const outside = saltelliRows(sampleSaltelli(factors, n, seed)).filter((row) =>
            row.some((value, i) => !(value >= factors[i].min && value <= factors[i].max)),
          );
          expect(outside).toEqual([]);
        },
      ),
      { numRuns: 100 },
    );
  });
});
