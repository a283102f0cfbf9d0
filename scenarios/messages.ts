/**
 * Every user-facing error and warning text, in one place (a vega-lite habit), so
 * wording stays consistent and tests can match on it.
 */
/** The commands, for the unknown-command message (bin/cli.ts dispatches them). */
export const COMMAND_NAMES = 'run, validate, scenarios, sweep, compare, sensitivity, results, worker, status';

export const messages = {
  fileNotFound: (file: string) =>
    `${file}: scenario file not found; expected a path to a YAML scenario (e.g. scenarios/punjab-farm-equipment.yaml) or the name of one in scenarios/`,
  fileUnreadable: (file: string, reason: string) => `${file}: cannot read file (${reason})`,
  malformedYaml: (location: string, reason: string) => `${location}: malformed YAML: ${reason}`,
  notAMapping: (file: string, got: string, what = 'scenario') =>
    `${file}: (root): expected a mapping of ${what} fields, got ${got}`,
  invalidField: (location: string, path: string, expectation: string) => `${location}: ${path}: ${expectation}`,
  badSetSyntax: (expression: string) =>
    `--set ${expression}: expected path=value, e.g. --set labour.quitProbabilityPerMonth=0.02 or --set towns.Daska.initialFirms=40`,
  badSetPath: (expression: string, path: string, reason: string) => `--set ${expression}: ${path}: ${reason}`,
  unknownFlag: (flag: string, suggestion: string | undefined) =>
    `unknown option ${flag}${suggestion ? ` (did you mean ${suggestion}?)` : ''}; see clustersim --help`,
  badFlagValue: (flag: string, expectation: string, got: string) => `${flag}: expected ${expectation}, got ${got}`,
  flagValueLooksLikeOption: (flag: string, next: string) =>
    `${flag}: expected a value after it, got the option ${next} (for a value that starts with a dash write ${flag}=VALUE)`,
  unknownCommand: (command: string, suggestion: string | undefined) =>
    `unknown command "${command}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; expected one of: ${COMMAND_NAMES}; see clustersim --help`,
  missingArgument: (command: string, what: string) => `${command}: missing ${what}; see clustersim ${command} --help`,
  outputNotDirectory: (path: string, fromFlag: boolean) =>
    `${fromFlag ? `--out ${path}` : `output folder ${path} (the default; choose another with --out)`}: expected a directory, but a file is in the way`,
  policyNotFound: (spec: string, names: readonly string[], suggestion: string | undefined) =>
    `--policy ${spec}: no policy file${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; expected a path to a YAML policy file or one of: ${names.join(', ')}`,
  badPolicyPlacement: (spec: string, reason: string) =>
    `--policy ${spec}: ${reason}; expected NAME, NAME@TOWN[+TOWN...], NAME:YEAR or NAME@TOWN:YEAR (e.g. --policy common-facility@Mian Channun:1985)`,
} as const;
