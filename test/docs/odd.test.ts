/**
 * docs/ODD.md must list every model parameter of the scenario schema (the ODD
 * protocol's "every parameter with default, unit and source"), so a parameter added
 * to scenarios/schema.ts without documentation fails the suite.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ScenarioSchema } from '../../scenarios/schema.js';
import { REPO_ROOT } from '../helpers/cli.js';

interface JsonSchemaNode {
  type?: string;
  properties?: Record<string, JsonSchemaNode>;
}

/** `group.parameter` for every parameter of every top-level parameter group. */
function groupedParameters(): string[] {
  const root = z.toJSONSchema(ScenarioSchema, { io: 'input' }) as JsonSchemaNode;
  return Object.entries(root.properties ?? {}).flatMap(([group, node]) =>
    node.type === 'object' ? Object.keys(node.properties ?? {}).map((key) => `${group}.${key}`) : [],
  );
}

describe('docs/ODD.md', () => {
  const odd = readFileSync(join(REPO_ROOT, 'docs', 'ODD.md'), 'utf8');
  const table = odd.slice(odd.indexOf('## Parameters'));

  it('has a parameters table', () => {
    expect(table.startsWith('## Parameters')).toBe(true);
  });

  it.each(groupedParameters())('lists %s in its parameters table', (parameter) => {
    expect(table).toContain(`| \`${parameter}\``);
  });
});
