/** Travel times between towns: resolved to a symmetric matrix; town names checked. */
import { describe, expect, it } from 'vitest';
import { loadScenario, parseScenarioText } from '../../scenarios/load.js';
import { UserInputError } from '../../scenarios/errors.js';

const SCENARIO = (travel: string) => `name: travel-test
startYear: 1960
years: 1
towns:
  - name: Daska
    initialFirms: 1
    workersPerFirm: { min: 1, max: 1 }
    demand: { unitsPerMonth: 1, growthPerYear: 0 }
  - name: Lahore
    initialFirms: 1
    workersPerFirm: { min: 1, max: 1 }
    demand: { unitsPerMonth: 1, growthPerYear: 0 }
  - name: Mian Channun
    initialFirms: 1
    workersPerFirm: { min: 1, max: 1 }
    demand: { unitsPerMonth: 1, growthPerYear: 0 }
${travel}`;

describe('travel times', () => {
  it('resolve to a symmetric matrix with listed pairs, the default elsewhere and 0 on the diagonal', () => {
    const { params } = parseScenarioText(
      SCENARIO(`travel:
  defaultHours: 5
  hours:
    - { between: [Daska, Lahore], hours: 2 }
`),
      'travel.yaml',
    );
    expect(params.travelHours).toEqual([
      [0, 2, 5],
      [2, 0, 5],
      [5, 5, 0],
    ]);
  });

  it('default to 4 hours between every pair when the scenario gives none', () => {
    const { params } = parseScenarioText(SCENARIO(''), 'travel.yaml');
    expect(params.travelHours[0][2]).toBe(4);
    expect(params.travelHours[1][1]).toBe(0);
  });

  it('reject a town name the scenario does not have, naming the line, the path and the towns', () => {
    const text = SCENARIO(`travel:
  hours:
    - { between: [Daska, Lahor], hours: 2 }
`);
    let message = '';
    try {
      parseScenarioText(text, 'travel.yaml');
    } catch (error) {
      expect(error).toBeInstanceOf(UserInputError);
      message = (error as Error).message;
    }
    expect(message).toBe(
      'travel.yaml:19: travel.hours[0].between[1]: expected a town of this scenario (did you mean "Lahore"?): Daska, Lahore, Mian Channun, got "Lahor"',
    );
  });
});

describe('travel times in the default scenario', () => {
  it('follow a --set of a listed pair, in both directions', () => {
    const { params } = loadScenario('punjab-farm-equipment', { set: ['travel.hours[0].hours=9'] });
    const [from, to] = params.travel.hours[0].between.map((name) =>
      params.towns.findIndex((town) => town.name === name),
    );
    expect(params.travelHours[from][to]).toBe(9);
    expect(params.travelHours[to][from]).toBe(9);
  });
});
