/**
 * Flag parsing on node:util's parseArgs (strict), with its errors turned into our
 * one-line messages, and typed checks of numeric flag values.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserInputError } from '../scenarios/errors.js';
import { messages } from '../scenarios/messages.js';
import { didYouMean } from '../scenarios/didYouMean.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/**
 * `--seed -1`: parseArgs takes `-1` for an option and calls the value ambiguous. A
 * negative number after an option that takes a value is that value, so the range
 * check can say what is wrong with it.
 */
function attachNegativeNumbers(args: readonly string[], options: OptionSpec): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--') return [...joined, ...args.slice(i)];
    const name = args[i].startsWith('--') ? args[i].slice(2) : undefined;
    const next = args[i + 1];
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && /^-\.?\d/.test(next)) {
      joined.push(`${args[i]}=${next}`);
      i++;
    } else {
      joined.push(args[i]);
    }
  }
  return joined;
}

export function parseFlags<T extends OptionSpec>(rawArgs: string[], options: T) {
  const args = attachNegativeNumbers(rawArgs, options);
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
      if (/argument missing/.test(text))
        throw new UserInputError(messages.badFlagValue(flag, 'a value after it', 'nothing'));
      if (/argument is ambiguous/.test(text)) {
        // `--seed --quiet`: the value is missing and the next word is another option.
        const next = args[args.indexOf(flag) + 1] ?? '';
        throw new UserInputError(messages.flagValueLooksLikeOption(flag, next));
      }
      throw new UserInputError(messages.badFlagValue(flag, 'no value', 'one'));
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
