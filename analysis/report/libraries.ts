/**
 * The browser builds of vega, vega-lite and vega-embed, read from node_modules so the
 * report can inline them and open offline. Found the way Node resolves packages
 * (node_modules in this package's folder or any folder above it), because the
 * packages' `exports` do not expose their build/ files to require.resolve.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { packageRoot } from '../../scenarios/paths.js';

/** In load order: vega-lite needs vega, vega-embed needs both. */
export const INLINED_LIBRARIES = [
  { name: 'vega', file: 'vega/build/vega.min.js', global: 'vega' },
  { name: 'vega-lite', file: 'vega-lite/build/vega-lite.min.js', global: 'vegaLite' },
  { name: 'vega-embed', file: 'vega-embed/build/vega-embed.min.js', global: 'vegaEmbed' },
] as const;

export interface InlinedLibrary {
  name: string;
  version: string;
  /** The minified source, made safe to place inside a <script> element. */
  scriptText: string;
}

function findInNodeModules(relativePath: string): string {
  for (let dir = packageRoot(); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', relativePath);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) break;
  }
  throw new Error(`report: cannot find node_modules/${relativePath} (run npm install)`);
}

/**
 * A script element ends at the first `</script` whatever the JavaScript around it
 * means, and `<!--` can switch the parser into an escaped state; `<\/` and `<\!--`
 * read the same inside strings, regular expressions and comments.
 */
export function scriptSafe(source: string): string {
  return source.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

let cached: InlinedLibrary[] | undefined;

export function inlinedLibraries(): InlinedLibrary[] {
  cached ??= INLINED_LIBRARIES.map(({ name, file }) => {
    const packageJson = JSON.parse(readFileSync(findInNodeModules(`${name}/package.json`), 'utf8')) as {
      version: string;
    };
    return {
      name,
      version: packageJson.version,
      scriptText: scriptSafe(readFileSync(findInNodeModules(file), 'utf8')),
    };
  });
  return cached;
}
