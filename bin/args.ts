/**
 * Flag parsing on node:util's parseArgs (strict), with its errors turned into our
 * one-line messages, and typed checks of numeric flag values.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserInputError } from '../scenarios/errors.js';
import { messages } from '../scenarios/messages.js';
import { didYouMean } from '../scenarios/didYouMean.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export function parseFlags<T extends OptionSpec>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true as const, allowPositionals: true as const });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const text = (error as Error).message;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const flag = /'([^']+)'/.exec(text)?.[1] ?? text;
      const known = Object.keys(options).map((name) => `--${name}`);
      throw new UserInputError(messages.unknownFlag(flag, didYouMean(flag, known)));
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const flag = /'(-[^ ']+)/.exec(text)?.[1] ?? 'option';
      const takesValue = /argument missing/.test(text);
      throw new UserInputError(
        takesValue ? messages.badFlagValue(flag, 'a value after it', 'nothing') : messages.badFlagValue(flag, 'no value', 'one'),
      );
    }
    throw new UserInputError(text.split('\n')[0]);
  }
}

export function integerFlag(flag: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = /^-?\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UserInputError(messages.badFlagValue(flag, `an integer from ${min} to ${max}`, `"${text}"`));
  }
  return value;
}
