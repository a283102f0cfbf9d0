/**
 * Validate a composed document against a zod schema and turn its first problem into
 * one line: where (file:line, or the flag that wrote the value), the field path, and
 * what was expected with what was found. An unknown key is reported first: a
 * misspelt key also makes the real one "missing", and did-you-mean on the
 * misspelling is the useful message.
 */
import type { z } from 'zod';
import { UserInputError } from './errors.js';
import { messages } from './messages.js';
import { didYouMean } from './didYouMean.js';
import { expectation, formatPath, knownKeysAt, valueAt, type PathSegment } from './zodIssues.js';

/** Where the value at `path` (or `key` in the mapping there) was written, e.g. "scenarios/x.yaml:12". */
export type Locator = (path: readonly PathSegment[], key?: string) => string;

/** How to choose the issue to report and list the keys a mapping may have; sweep files look through unions. */
export interface IssueReading {
  pick(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue;
  knownKeys(schema: z.ZodType, path: readonly PathSegment[], input: unknown): string[];
}

const SCENARIO_READING: IssueReading = {
  pick: (issues) => issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0],
  knownKeys: knownKeysAt,
};

export function checkAgainst<S extends z.ZodType>(
  schema: S,
  input: unknown,
  where: Locator,
  reading: IssueReading = SCENARIO_READING,
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = reading.pick(result.error.issues);
  const path = issue.path as PathSegment[];
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0];
    const known = reading.knownKeys(schema, path, input).filter((name) => name !== '$schema');
    const suggestion = didYouMean(key, known);
    throw new UserInputError(
      messages.invalidField(
        where(path, key),
        formatPath([...path, key]),
        `unknown key${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; expected one of: ${known.join(', ')}`,
      ),
    );
  }
  throw new UserInputError(
    messages.invalidField(where(path), formatPath(path), expectation(issue, valueAt(input, path))),
  );
}
