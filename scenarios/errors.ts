/**
 * Errors in what a user gave us (a file, a flag, a value). The CLI prints
 * `message` as one line and exits with code 2; the stack is shown only with --debug.
 */
export class UserInputError extends Error {
  override readonly name = 'UserInputError';
  constructor(message: string) {
    super(message.replace(/\s*\n\s*/g, ' '));
  }
}
