/** Where clustersim is installed (works from source and from dist/). */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** The folder of scenario files shipped with clustersim. */
export function bundledScenarioDir(): string {
  return join(packageRoot(), 'scenarios');
}
