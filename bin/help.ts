/** Help texts. */
export const MAIN_HELP = `clustersim - agent-based simulation of small-firm industrial clusters

Usage:
  clustersim <command> [options]

Commands:
  run <scenario>     simulate a scenario and write timeseries.csv, summary.json,
                     events.jsonl, firms.csv, run.json and report.html (charts)
  validate <file...> check scenario and policy files without running them
  scenarios          list the bundled scenarios and policy files
  sweep <sweep-file> run a parameter sweep (grid, Latin hypercube, design file) on
                     worker threads; resumable; results merged to CSV, Parquet, DuckDB
  compare <scenario> --policy SPEC
                     baseline and policy arms on common random numbers: mean
                     differences with 95% intervals, variance reduction from pairing
  sensitivity <sweep-file> --method morris|sobol
                     Morris screening or Sobol indices of scenario outputs
  results <dir>      status of a sweep's results folder; --sql "QUERY" answers a
                     query on its merged results (DuckDB)
  worker --queue URL run queued sweep runs from Redis on this machine
  status --queue URL show the sweeps queued on a Redis

Options:
  -h, --help         show help (also: clustersim run --help)
  --version          print the version
  --debug            show stack traces for errors

Examples:
  clustersim run punjab-farm-equipment
  clustersim run scenarios/punjab-farm-equipment.yaml --seed 7 --threads 2 --years 20
  clustersim run bogra-railway-market --policy upgrading-package@Bogra:2000
  clustersim validate scenarios/*.yaml scenarios/policies/*.yaml
  clustersim sweep punjab-labour-mobility --workers 2
  clustersim compare punjab-farm-equipment --years 15 --policy training-centre
  clustersim sensitivity punjab-sensitivity --method morris
  clustersim results out/sweeps/punjab-labour-mobility --sql "SELECT count(*) FROM runs"

Scenarios live in scenarios/*.yaml; the model is described in docs/ODD.md.
`;

export const RUN_HELP = `clustersim run - simulate one scenario

Usage:
  clustersim run <scenario> [options]

<scenario> is a YAML file, or the name of one in clustersim's scenarios/ folder
(e.g. punjab-farm-equipment).

Options:
  --seed N           random seed, an integer from 0 to 4294967295 (default 1)
  --threads N        worker threads for one run, 1 to 256 (default 1); outputs are
                     byte-identical for every thread count
  --years N          override the scenario's horizon in years
  --out DIR          output folder (default out/<scenario-name>/)
  --policy SPEC      add the policies of a policy file; repeatable. SPEC is a file
                     or the name of one in scenarios/policies/ (clustersim
                     scenarios lists them), optionally placed by town and start
                     year (default: every town, from the scenario's first year):
                       --policy design-protection
                       --policy common-facility@Mian Channun:1985
                       --policy collateral-free-credit@Bogra+Dhaka:2000
  --set PATH=VALUE   override a scenario value; repeatable. PATH uses dots, list
                     items by index or by name:
                       --set labour.quitProbabilityPerMonth=0.02
                       --set towns.Daska.initialFirms=40
                       --set towns[0].demand.growthPerYear=0.05
  --quiet            no progress output
  --debug            show stack traces for errors
  -h, --help         show this help

Outputs (in the output folder):
  timeseries.csv     one row per month per town, plus an all-towns row (town = all)
  summary.json       final metrics, totals over the run, capability distribution
  events.jsonl       one JSON object per line per event (entry with parent and
                     founder, exit with age, cash and debt), in the order they happened
  firms.csv          yearly firm panel: one row per firm alive each December
                     (town, parent, birth year, age, head-count, skill,
                     capability, cash, sales, revenue, profit, effort)
  run.json           provenance: scenario hash, parameters, seed, threads, code
                     version, Node version, wall time
  report.html        the run's charts, summary and provenance in one page that opens
                     offline in any browser (vega, vega-lite, vega-embed inlined)
  charts/            each chart as <name>.vl.json (Vega-Lite spec with its data) and
                     <name>.svg (drawn in Node)

Exit codes: 0 success, 2 bad input (one-line message), 1 internal error.
`;

export const VALIDATE_HELP = `clustersim validate - check scenario and policy files without running them

Usage:
  clustersim validate <file...> [--policy SPEC ...]

Each <file> is a scenario (a YAML file or the name of a bundled one), a policy
file (in a policies/ folder, or with only description and policies) or a sweep
file (in a sweeps/ folder, or with a top-level factors key). A scenario is
checked as composed - the scenarios it extends, plus any --policy - including its
names (a policy in a town the scenario lacks, a product needing a missing process).
A policy file is checked on its own; to check its town and process names against
a scenario, validate the scenario with --policy <policy-file>. A sweep is checked
in full: every design point is composed into a scenario and what it keeps is
resolved; with a sensitivity section, every factor's min and max too.

Prints "ok <file> (...)" per valid file, one line "clustersim: error: FILE:LINE:
PATH: what was expected, got what" per invalid one, and warnings (a policy never
in force, a product never available) that do not fail validation.

Options:
  --policy SPEC      compose this policy file with every scenario checked; repeatable
  --quiet            print only errors and warnings
  -h, --help         show this help

Exit codes: 0 all valid, 2 any invalid, 1 internal error.
`;

export const SCENARIOS_HELP = `clustersim scenarios - list the bundled scenarios, policy files and sweeps

Usage:
  clustersim scenarios

One line per scenario (name, description, years, towns; a variant names the
scenario it varies) and per policy file (name, description). Run a scenario with
clustersim run NAME; add a policy with --policy NAME[@TOWN[+TOWN...]][:YEAR].
`;
