/** editDistance (Levenshtein, case-insensitive) and didYouMean (closest within a third of the length, at least 2). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from '../../scenarios/didYouMean.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['abc', 'abc', 0],
    ['kitten', 'sitting', 3],
    ['flaw', 'lawn', 2],
    ['years', 'yeers', 1],
    ['initalFirms', 'initialFirms', 1],
    ['--thread', '--threads', 1],
    ['Daska', 'daska', 0],
    ['YEARS', 'years', 0],
    ['ab', 'ba', 2],
    ['quitProbabilityPerMonh', 'quitProbabilityPerMonth', 1],
  ] as const)('editDistance(%j, %j) = %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
  });

  it('is a metric: zero only for equal words (ignoring case), symmetric, triangle inequality', () => {
    const word = fc.string({ maxLength: 12 });
    fc.assert(
      fc.property(word, word, word, (a, b, c) => {
        expect(editDistance(a, a)).toBe(0);
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, c)).toBeLessThanOrEqual(editDistance(a, b) + editDistance(b, c));
        expect(editDistance(a, b) === 0).toBe(a.toLowerCase() === b.toLowerCase());
      }),
    );
  });

  it('is between the length difference and the longer length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const distance = editDistance(a, b);
        expect(distance).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
        expect(distance).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
  });
});

describe('didYouMean', () => {
  const TOP = [
    'name',
    'description',
    'startYear',
    'years',
    'moneyUnit',
    'towns',
    'market',
    'labour',
    'capability',
    'entry',
    'exit',
  ];
  const TOWN = ['name', 'initialFirms', 'workersPerFirm', 'initialCapability', 'initialSkill', 'demand'];
  const FLAGS = ['--seed', '--threads', '--years', '--out', '--set', '--quiet', '--debug', '--help'];

  it.each([
    ['yeers', TOP, 'years'],
    ['labor', TOP, 'labour'],
    ['startyear', TOP, 'startYear'],
    ['Towns', TOP, 'towns'],
    ['initalFirms', TOWN, 'initialFirms'],
    ['workersPerFrim', TOWN, 'workersPerFirm'],
    ['--thread', FLAGS, '--threads'],
    ['--sed', FLAGS, '--seed'],
    ['--verison', ['--help', '--version'], '--version'],
    ['runn', ['run'], 'run'],
    ['Dasca', ['Daska', 'Lahore', 'Multan'], 'Daska'],
  ] as const)('didYouMean(%j) = %j', (word, candidates, expected) => {
    expect(didYouMean(word, candidates)).toBe(expected);
  });

  it.each([
    ['frobnicate', ['run']],
    ['xyz', TOP],
    ['completelyDifferent', TOWN],
    ['--frobnicate', FLAGS],
    ['anything', []],
  ] as const)('didYouMean(%j) has no suggestion', (word, candidates) => {
    expect(didYouMean(word, candidates)).toBeUndefined();
  });

  it('allows at most a third of the word length in edits (at least 2)', () => {
    expect(didYouMean('abcdefghi', ['abcdefXYZ'])).toBe('abcdefXYZ'); // 3 edits of 9
    expect(didYouMean('abcdefghi', ['abcdeWXYZ'])).toBeUndefined(); // 4 edits of 9
    expect(didYouMean('abcd', ['abXY'])).toBe('abXY'); // 2 edits, the floor
    expect(didYouMean('abcd', ['aXYZ'])).toBeUndefined(); // 3 edits of 4
  });

  it('takes the closest candidate, and the first of equally close ones', () => {
    expect(didYouMean('towns', ['town', 'towns'])).toBe('towns');
    expect(didYouMean('mix', ['min', 'max'])).toBe('min');
    expect(didYouMean('mix', ['max', 'min'])).toBe('max');
  });

  it('an exact match (ignoring case) is always its own suggestion', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 10 }), { minLength: 1, maxLength: 8 }),
        fc.nat(),
        (candidates, pick) => {
          const word = candidates[pick % candidates.length];
          const suggestion = didYouMean(word, candidates);
          expect(suggestion?.toLowerCase()).toBe(word.toLowerCase());
        },
      ),
    );
  });
});
