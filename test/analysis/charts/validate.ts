/**
 * The two checks every chart spec must pass: it validates against Vega-Lite's JSON
 * schema (draft-07, the one vega-lite ships), and it compiles with no warning - a
 * warning is Vega-Lite dropping or changing something the spec asked for.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import { compile, type TopLevelSpec } from 'vega-lite';

let validator: ValidateFunction | undefined;

function schemaValidator(): ValidateFunction {
  if (!validator) {
    const path = createRequire(import.meta.url).resolve('vega-lite/vega-lite-schema.json');
    // The schema uses union types and keywords ajv's strict mode rejects; the check itself is unchanged.
    const ajv = new Ajv({ strict: false, allowUnionTypes: true, allErrors: true });
    // The schema's formats (ajv-formats is not a dependency): hex colours checked, URIs any string.
    ajv.addFormat('color-hex', /^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/);
    ajv.addFormat('uri', true);
    ajv.addFormat('uri-reference', true);
    validator = ajv.compile(JSON.parse(readFileSync(path, 'utf8')));
  }
  return validator;
}

/** Schema violations as `path: message` lines (empty when valid). */
export function schemaErrors(spec: unknown): string[] {
  const validate = schemaValidator();
  if (validate(spec)) return [];
  return (validate.errors ?? []).slice(0, 10).map((error) => `${error.instancePath || '/'}: ${error.message}`);
}

/** Warnings (and errors) Vega-Lite logs while compiling the spec. */
export function compileWarnings(spec: TopLevelSpec): string[] {
  const messages: string[] = [];
  const record = (...args: unknown[]) => {
    messages.push(args.map(String).join(' '));
    return logger;
  };
  const logger = {
    level: () => logger,
    warn: record,
    error: record,
    info: () => logger,
    debug: () => logger,
  };
  compile(spec, { logger: logger as never });
  return messages;
}
