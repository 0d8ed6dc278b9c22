import "./jit-tuning.ts" // first: before any engine code gets optimized
import * as NodeServices from "@effect/platform-node/NodeServices"
import { Cause, Effect, Exit } from "effect"
import { Command } from "effect/cli"
import { voiplab, VERSION } from "./commands.ts"
import { InputError } from "./input-error.ts"
import { oneLineErrors } from "./presenter.ts"

/**
 * Entry point of the bundled CLI. Exit codes: 0 success, 2 bad input (one line on stderr, no
 * stack trace), 1 an internal error.
 */
const program = Command.run(voiplab, { version: VERSION }).pipe(
  Effect.provide(oneLineErrors),
  Effect.provide(NodeServices.layer),
)

const exit = await Effect.runPromiseExit(program)
if (Exit.isFailure(exit)) {
  const error = Cause.findErrorOption(exit.cause)
  if (error._tag === "Some" && error.value instanceof InputError) {
    process.stderr.write(`voiplab: ${error.value.message}\n`)
    process.exitCode = 2
  } else if (error._tag === "Some") {
    // Command-line parse errors: the presenter has already printed the one-line message.
    process.exitCode = 2
  } else {
    process.stderr.write(`voiplab: internal error: ${Cause.pretty(exit.cause).split("\n")[0]}\n`)
    process.exitCode = 1
  }
}
