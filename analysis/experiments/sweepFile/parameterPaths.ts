/**
 * A factor's `parameter` checked against the base scenario when the sweep file is
 * read, so a misspelt path is an error at the factor's line (with a did-you-mean)
 * rather than at the first run. A path is a --set path (scenarios/load.ts): keys
 * joined by dots, list items by index or by name; `*` stands for every item of a
 * list and is expanded here (towns.*.demand.growthPerYear -> towns.Daska.demand...,
 * towns.Lahore.demand..., in the scenario's order). Keys are checked against the
 * scenario schema, so a parameter the file leaves at its default is found too;
 * list items against the composed scenario (with the sweep's fixed policies).
 */
import { ScenarioSchema } from '../../../scenarios/schema.js';
import { didYouMean } from '../../../scenarios/didYouMean.js';
import {
  defaultAt,
  describeValue,
  formatPath,
  knownKeysAt,
  schemaAt,
  valueAt,
  type PathSegment,
} from '../../../scenarios/zodIssues.js';
import { splitSetPath } from '../../../scenarios/load.js';
import { defOf, isIntegerSchema, unwrap } from './zodDefs.js';

/** What a parameter takes, as far as a factor value's type can be checked before composing. */
export type LeafKind = 'number' | 'integer' | 'string' | 'boolean' | 'other';

export interface ParameterLeaf {
  /** The --set path, with list items by name where they have a unique one. */
  path: string;
  kind: LeafKind;
}

type Document = Record<string, unknown>;

function leafKind(path: readonly PathSegment[], doc: Document): LeafKind {
  const schema = schemaAt(ScenarioSchema, path, doc);
  if (!schema) return 'other';
  const type = defOf(unwrap(schema)).type;
  if (type === 'number') return isIntegerSchema(schema) ? 'integer' : 'number';
  if (type === 'string' || type === 'enum') return 'string';
  if (type === 'boolean') return 'boolean';
  return 'other';
}

/** How an item is written in a --set path: its name when that finds it unambiguously, else its index. */
function itemSegment(list: readonly unknown[], index: number): string {
  const name = (list[index] as { name?: unknown } | null)?.name;
  const usable =
    typeof name === 'string' &&
    name.length > 0 &&
    !/^\d+$/.test(name) &&
    !/[.[\]=]/.test(name) &&
    list.findIndex((item) => (item as { name?: unknown } | null)?.name === name) === index;
  return usable ? name : String(index);
}

/** The node at `path`: the document's, else the schema's default for it. */
function nodeAt(doc: Document, path: readonly PathSegment[]): unknown {
  const value = valueAt(doc, path);
  return value !== undefined ? value : defaultAt(ScenarioSchema, path, doc);
}

/** The leaves `pathText` names in `doc`, or the reason it names none (an expectation for the message). */
export function resolveParameter(doc: Document, pathText: string): ParameterLeaf[] | string {
  const segments = splitSetPath(pathText.trim());
  if (segments.length === 0 || pathText.includes('='))
    return `expected a --set path such as labour.quitProbabilityPerMonth, got "${pathText}"`;
  let partial: { resolved: PathSegment[]; written: string[] }[] = [{ resolved: [], written: [] }];
  for (const segment of segments) {
    const next: typeof partial = [];
    for (const { resolved, written } of partial) {
      const keys = knownKeysAt(ScenarioSchema, resolved, doc);
      const node = nodeAt(doc, resolved);
      const here = resolved.length === 0 ? 'the scenario' : formatPath(written);
      if (keys.length > 0) {
        if (segment === '*') return `${here} is a mapping; * stands for every item of a list`;
        if (!keys.includes(segment)) {
          const hint = didYouMean(segment, keys);
          return `${here} has no parameter "${segment}"${hint ? ` (did you mean "${hint}"?)` : ''}; expected one of: ${keys.join(', ')}`;
        }
        next.push({ resolved: [...resolved, segment], written: [...written, segment] });
      } else if (Array.isArray(node)) {
        if (segment === '*') {
          node.forEach((_, index) =>
            next.push({ resolved: [...resolved, index], written: [...written, itemSegment(node, index)] }),
          );
          continue;
        }
        const index = /^\d+$/.test(segment)
          ? Number(segment)
          : node.findIndex((item) => (item as { name?: unknown } | null)?.name === segment);
        if (index < 0 || index >= node.length) {
          const names = node
            .map((item) => (item as { name?: unknown } | null)?.name)
            .filter((name): name is string => typeof name === 'string');
          const hint = didYouMean(segment, names);
          return `${here} has no item "${segment}"${hint ? ` (did you mean "${hint}"?)` : ''}; expected an index below ${node.length}${names.length ? `, a name (${names.join(', ')})` : ''} or *`;
        }
        next.push({ resolved: [...resolved, index], written: [...written, itemSegment(node, index)] });
      } else {
        return `${here} is ${describeValue(node)}, not a mapping or list`;
      }
    }
    partial = next;
  }
  if (partial.length === 0) return `${pathText} names no parameter (a list it goes through is empty)`;
  return partial.map(({ resolved, written }) => ({ path: written.join('.'), kind: leafKind(resolved, doc) }));
}
