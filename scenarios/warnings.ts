/**
 * Things in a valid scenario that are probably not what its author meant: a policy
 * never in force during the run, a product never available within it. Reported by
 * `clustersim validate` and `clustersim run` (on stderr); they do not stop a run.
 */
import type { ModelParams } from '../sim/params.js';

export function scenarioWarnings(params: ModelParams): string[] {
  const warnings: string[] = [];
  const firstYear = params.startYear;
  const endYear = params.startYear + params.years;
  params.policies.forEach((policy, i) => {
    if (policy.startYear >= endYear) {
      warnings.push(
        `policies[${i}].startYear: "${policy.name}" starts in ${policy.startYear}, when the run (${firstYear}-${endYear - 1}) is over; it is never in force`,
      );
    } else if (policy.endYear <= firstYear) {
      warnings.push(
        `policies[${i}].endYear: "${policy.name}" ends in ${policy.endYear}, before the run (${firstYear}-${endYear - 1}) starts; it is never in force`,
      );
    }
  });
  const late = params.products.filter((product) => product.frontierYear >= endYear);
  if (late.length > 0) {
    const first = late[0];
    warnings.push(
      `products: ${late.length} of ${params.products.length} products become available only after the run (${firstYear}-${endYear - 1}) ends (${first.name} in ${first.frontierYear}${late.length > 1 ? ', ...' : ''}); no firm can make them`,
    );
  }
  return warnings;
}
