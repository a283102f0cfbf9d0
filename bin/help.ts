/** Help texts. */
export const MAIN_HELP = `clustersim - agent-based simulation of small-firm industrial clusters

Usage:
  clustersim <command> [options]

Commands:
  run <scenario>     simulate a scenario and write timeseries.csv, summary.json,
                     events.jsonl, firms.csv, run.json

Options:
  -h, --help         show help (also: clustersim run --help)
  --version          print the version
  --debug            show stack traces for errors

Examples:
  clustersim run punjab-farm-equipment
  clustersim run scenarios/punjab-farm-equipment.yaml --seed 7 --threads 2 --years 20

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

Exit codes: 0 success, 2 bad input (one-line message), 1 internal error.
`;
