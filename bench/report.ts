/** `npm run bench:report`: regenerate the generated sections of docs/BENCHMARKS.md from bench/results/. */
import { refreshBenchmarksDoc } from './benchmarksDoc.js';

const { path, resultFiles } = await refreshBenchmarksDoc();
console.log(`wrote ${path} from ${resultFiles} result file(s)`);
