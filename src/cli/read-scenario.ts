import { Effect, FileSystem } from "effect"
import type { Scenario } from "../scenario/schema.ts"
import { parseScenario } from "../scenario/load.ts"
import { InputError } from "./input-error.ts"
import { traceFileReader } from "./trace-file-reader.ts"

/** Reads and validates a scenario file and its trace files; any problem becomes one InputError line naming the file. */
export const readScenario = (file: string): Effect.Effect<Scenario, InputError, FileSystem.FileSystem> =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const text = yield* fs
      .readFileString(file)
      .pipe(Effect.mapError((e) => new InputError({ message: `${file}: cannot read the scenario file (${reason(e)})` })))
    const result = parseScenario(text, file, { readFile: traceFileReader(file) })
    if (!result.ok) return yield* new InputError({ message: result.errors[0]!.format() })
    return result.scenario
  })

const reason = (e: { readonly message: string; readonly reason?: unknown }): string => {
  const tag = (e.reason as { _tag?: string } | undefined)?._tag
  return tag === "NotFound" ? "no such file" : tag === "PermissionDenied" ? "permission denied" : e.message
}
