import { Console } from "effect"
import { CliOutput } from "effect/cli"

/**
 * A bad command line gets the same treatment as a bad file: one line on stderr saying what was
 * wrong and where to look, not the whole help text.
 */
export const oneLineErrors = CliOutput.layerPresenter({
  present: (event) =>
    event._tag === "InvalidInvocation"
      ? Console.error(
          `voiplab: ${event.errors[0]?.message.split("\n")[0] ?? "invalid command line"} (see: voiplab ${[...event.commandPath.slice(1), "--help"].join(" ")})`,
        )
      : CliOutput.defaultPresenter.present(event),
})
