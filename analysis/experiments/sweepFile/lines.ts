/**
 * Lines of a sweep file's fields, kept in the definition as plain data so that
 * errors found after reading (a factor value out of range, an unknown metric) can
 * still name file:line. A mapping's field is at the line of its key, a list item at
 * the line where it starts.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { formatPath, type PathSegment } from '../../../scenarios/zodIssues.js';
import { locate, type YamlLayer } from '../../../scenarios/yamlLayer.js';

export function fieldLines(layer: YamlLayer): Record<string, number> {
  const lines: Record<string, number> = {};
  const lineAt = (offset: number) => layer.counter.linePos(offset).line;
  const walk = (node: unknown, path: PathSegment[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key) || !pair.key.range) continue;
        const child = [...path, String(pair.key.value)];
        lines[formatPath(child)] = lineAt(pair.key.range[0]);
        walk(pair.value, child);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const child = [...path, index];
        const range = (item as Node | null)?.range;
        if (range) lines[formatPath(child)] = lineAt(range[0]);
        walk(item, child);
      });
    }
  };
  const root = layer.doc.contents as Node | null;
  if (root?.range) lines[formatPath([])] = lineAt(root.range[0]);
  walk(root, []);
  return lines;
}

/** file:line of the field at `path` (or `key` in the mapping there), else of its nearest written ancestor. */
export function locateField(
  file: string,
  lines: Record<string, number>,
  path: readonly PathSegment[],
  key?: string,
): string {
  const full = key === undefined ? path : [...path, key];
  for (let depth = full.length; depth >= 0; depth--) {
    const line = lines[formatPath(full.slice(0, depth))];
    if (line !== undefined) return locate(file, line);
  }
  return file;
}
