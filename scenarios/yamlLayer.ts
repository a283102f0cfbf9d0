/**
 * One YAML file as read for composition: its parsed document (for line numbers) and
 * plain value. A scenario is built from layers — the scenario file, the files it
 * `extends`, the policy files given with --policy — and an error is reported at the
 * line of the layer that wrote the offending value.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { UserInputError } from './errors.js';
import { messages } from './messages.js';
import { describeValue, type PathSegment } from './zodIssues.js';

/**
 * How YAML text is read. resolveKnownTags false: the YAML 1.1 tags (!!omap, !!set,
 * !!binary, !!timestamp) would give a Map, Set or Uint8Array, which the schema would
 * take as an empty mapping and ignore its content; untagged they are plain lists and
 * mappings and are checked like any other. logLevel 'error': yaml's warnings would go
 * to stderr beside our one-line error.
 */
export const YAML_OPTIONS = { resolveKnownTags: false, logLevel: 'error' } as const;

export interface YamlLayer {
  /** The file as the user named it (or as resolved), used in messages. */
  file: string;
  text: string;
  doc: Document;
  counter: LineCounter;
  /** The document as plain data: always a mapping. */
  raw: Record<string, unknown>;
}

/** Read `file` as a layer; `what` says what the file should be ("scenario", "policy"). */
export function readYamlFile(file: string, shownAs: string, what: string): YamlLayer {
  if (!existsSync(file)) throw new UserInputError(messages.fileNotFound(shownAs));
  if (statSync(file).isDirectory()) throw new UserInputError(messages.fileUnreadable(shownAs, 'it is a directory'));
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserInputError(messages.fileUnreadable(shownAs, (error as NodeJS.ErrnoException).code ?? 'unreadable'));
  }
  return parseYamlLayer(text, shownAs, what);
}

/** How composition reads a YAML file: readYamlFile, or a memoised reader (createLayerCache). */
export type LayerReader = (file: string, shownAs: string, what: string) => YamlLayer;

/**
 * A reader that parses each file once. Layers are never mutated (composition clones
 * what it merges), so one parsed layer can serve any number of compositions: a sweep
 * composes thousands of points from the same few files, and parsing is most of the
 * cost of loading a scenario.
 */
export function createLayerCache(): LayerReader {
  const layers = new Map<string, YamlLayer>();
  return (file, shownAs, what) => {
    const key = `${file}\0${shownAs}\0${what}`;
    let layer = layers.get(key);
    if (!layer) {
      layer = readYamlFile(file, shownAs, what);
      layers.set(key, layer);
    }
    return layer;
  };
}

export function parseYamlLayer(text: string, file: string, what: string): YamlLayer {
  const counter = new LineCounter();
  const doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    // Without prettyErrors yaml leaves linePos unset; the offset is always there.
    const line = first.linePos?.[0]?.line ?? (first.pos ? counter.linePos(first.pos[0]).line : undefined);
    const reason = first.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new UserInputError(messages.malformedYaml(locate(file, line), reason));
  }
  let raw: unknown;
  try {
    raw = doc.toJS();
  } catch (error) {
    // An alias to a missing anchor, or an alias explosion, is found only here.
    throw new UserInputError(messages.malformedYaml(file, (error as Error).message.split('\n')[0]));
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new UserInputError(messages.notAMapping(file, describeValue(raw), what));
  }
  return { file, text, doc, counter, raw: raw as Record<string, unknown> };
}

/** Whether the layer's document has a node at `path` (and, with `key`, that key in the mapping there). */
export function layerHas(layer: YamlLayer, path: readonly PathSegment[], key?: string): boolean {
  const node = path.length === 0 ? layer.doc.contents : layer.doc.getIn(path, true);
  if (node === undefined || node === null) return false;
  if (key === undefined) return true;
  return isMap(node) && node.items.some((item) => isScalar(item.key) && item.key.value === key);
}

/** The line of the node at `path` (of `key` in the mapping there), or of its nearest ancestor in the file. */
export function lineOf(layer: YamlLayer, path: readonly PathSegment[], key?: string): number | undefined {
  const { doc, counter } = layer;
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (!node || typeof node !== 'object' || !('range' in node) || !node.range) continue;
    if (key !== undefined && depth === path.length && isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
      if (pair && isScalar(pair.key) && pair.key.range) return counter.linePos(pair.key.range[0]).line;
    }
    return counter.linePos((node.range as [number, number, number])[0]).line;
  }
  return undefined;
}

export function locate(file: string, line: number | undefined): string {
  return line ? `${file}:${line}` : file;
}
