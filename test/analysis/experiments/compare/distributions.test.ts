/** The t quantile against R's qt (and scipy's t.ppf), the CDF as its inverse, and the normal helpers. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  normalCdf,
  normalQuantile,
  regularizedIncompleteBeta,
  studentTCdf,
  studentTQuantile,
} from '../../../../analysis/experiments/compare/distributions.js';

describe('Student t quantile', () => {
  it.each([
    [0.975, 1, 12.7062047],
    [0.975, 2, 4.3026527],
    [0.975, 5, 2.5705818],
    [0.975, 9, 2.2621572],
    [0.975, 30, 2.0422725],
    [0.975, 1000, 1.9623391],
    // scipy.stats.t.ppf: a small p, a non-integer df, a far tail
    [0.6, 7, 0.2631668614],
    [0.975, 2.5, 3.574654842],
    [0.999999, 3, 103.2994678],
  ])('qt(%f, %f) = %f to 1e-6', (p, df, expected) => {
    expect(Math.abs(studentTQuantile(p, df) - expected)).toBeLessThan(1e-6);
  });

  it('is odd about p = 0.5 and tends to the normal quantile', () => {
    expect(studentTQuantile(0.025, 9)).toBeCloseTo(-2.2621572, 6);
    expect(studentTQuantile(0.5, 4)).toBe(0);
    expect(studentTQuantile(0.975, Infinity)).toBeCloseTo(1.959963985, 8);
    expect(studentTQuantile(0.975, 1e7)).toBeCloseTo(1.959963985, 5);
  });

  it('inverts the CDF', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.double({ min: 1, max: 500, noNaN: true }),
        (p, df) => {
          expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 9);
        },
      ),
    );
  });

  it('gives NaN outside its domain', () => {
    expect(studentTQuantile(1.2, 3)).toBeNaN();
    expect(studentTQuantile(0.5, 0)).toBeNaN();
  });
});

describe('incomplete beta and normal helpers', () => {
  it('I_x(a, b) matches closed forms', () => {
    // I_x(1, b) = 1 - (1 - x)^b; I_x(a, 1) = x^a
    expect(regularizedIncompleteBeta(0.3, 1, 4)).toBeCloseTo(1 - 0.7 ** 4, 12);
    expect(regularizedIncompleteBeta(0.8, 3, 1)).toBeCloseTo(0.8 ** 3, 12);
    expect(regularizedIncompleteBeta(0.5, 7, 7)).toBeCloseTo(0.5, 12);
  });

  it('normal quantile and CDF agree with tables and each other', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 8);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306, 8);
    expect(normalCdf(1.959963985)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655254, 6);
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), (p) => {
        expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6);
      }),
    );
  });
});
