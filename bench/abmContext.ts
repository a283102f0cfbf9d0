/**
 * Published figures from the ABMFrameworksComparison project, quoted as context for
 * our own ratios. Copied by hand from the source named below (not measured here).
 */
import { markdownTable } from './docParts.js';

export const ABM_COMPARISON_SOURCE = {
  repository: 'https://github.com/JuliaDynamics/ABMFrameworksComparison',
  file: 'README.md, "Latest results"',
  commit: '83f46b5b8c8436ce45c0a02f1de172d49580e723',
  doi: '10.5281/zenodo.8016506',
  retrieved: '2026-11-24',
  versions: { agents: 'Agents.jl 5.15.3', mason: 'MASON 21.0', mesa: 'Mesa 1.2.1', netlogo: 'NetLogo 6.3.0' },
} as const;

/** Run time relative to Agents.jl (1 = Agents.jl; 74.7 = 74.7 times as long), median of 100 seeded runs. */
export const ABM_COMPARISON_RATIOS: readonly { model: string; mason: number; mesa: number; netlogo: number }[] = [
  { model: 'WolfSheep-small', mason: 74.7, mesa: 45.8, netlogo: 15.6 },
  { model: 'WolfSheep-large', mason: 23.8, mesa: 33.2, netlogo: 9.0 },
  { model: 'Flocking-small', mason: 19.3, mesa: 153.1, netlogo: 17.9 },
  { model: 'Flocking-large', mason: 3.0, mesa: 117.5, netlogo: 18.3 },
  { model: 'Schelling-small', mason: 256.7, mesa: 179.9, netlogo: 86.8 },
  { model: 'Schelling-large', mason: 43.3, mesa: 417.1, netlogo: 202.6 },
  { model: 'ForestFire-small', mason: 179.9, mesa: 237.5, netlogo: 24.7 },
  { model: 'ForestFire-large', mason: 40.7, mesa: 489.1, netlogo: 15.1 },
];

export function contextSection(): string {
  const s = ABM_COMPARISON_SOURCE;
  const times = (value: number) => `${value.toFixed(1)}x`;
  const rows = ABM_COMPARISON_RATIOS.map((r) => [r.model, '1', times(r.mason), times(r.mesa), times(r.netlogo)]);
  const range = (pick: (r: (typeof ABM_COMPARISON_RATIOS)[number]) => number) => {
    const values = ABM_COMPARISON_RATIOS.map(pick);
    return `${times(Math.min(...values))}–${times(Math.max(...values))}`;
  };
  return `## Context: published framework ratios (ABMFrameworksComparison)

The ABMFrameworksComparison project (${s.repository}, DOI ${s.doi}), kept by the Agents.jl developers, runs the same four models in Agents.jl, MASON, Mesa and NetLogo, each written as a typical user of that framework would, and publishes each framework's run time relative to Agents.jl (median of 100 seeded runs; its CI regenerates the table on every pull request).
The figures below are copied from its ${s.file} at commit \`${s.commit.slice(0, 10)}\` (${s.versions.agents}, ${s.versions.mason}, ${s.versions.mesa}, ${s.versions.netlogo}), retrieved ${s.retrieved}; the commit's own date was not available to us.
A later version of the same README (GitHub page as indexed, commit not known to us) compares Agents.jl 6.0.0 with MASON 21.0, NetLogo 6.4.0 and Mesa 2.1.4 and gives, for example, WolfSheep small 93.0x / 13.7x / 47.9x and large 16.7x / 7.2x / 29.0x (MASON / NetLogo / Mesa); we could not read its other rows, so check the source for current figures.

${markdownTable(['model', s.versions.agents, s.versions.mason, s.versions.mesa, s.versions.netlogo], rows)}

Across the eight rows, MASON takes ${range((r) => r.mason)}, Mesa ${range((r) => r.mesa)} and NetLogo ${range((r) => r.netlogo)} the time of Agents.jl.

**These are different models, not comparable with ours beyond the order of magnitude.** Wolf-Sheep, Flocking, Schelling and Forest Fire are spatial models (grids and continuous space, neighbour searches, agents added and removed), measured across languages and frameworks; our ratio (engine vs reference, above) compares two implementations of one non-spatial model in one language (TypeScript on Node), with the same equations and random streams. What the table does show is how far apart implementations of the same model can land, from one to more than two orders of magnitude through language, framework and data-layout overheads: the scale against which our engine-vs-reference ratio can be read, and no more.
`;
}
