import { Data } from "effect"

/** Bad input from the user (a file, a flag value): reported as one line, exit code 2. */
export class InputError extends Data.TaggedError("InputError")<{ readonly message: string }> {}
