/**
 * The `capacityTrace` field of a link direction: `{ file: traces/lte.trace }` (an mm-link trace
 * file, read through TraceFiles) or `{ opportunitiesMs: [0, 5, 5, 12] }` inline. Either decodes
 * to a CapacityTrace; problems land at `file` (naming the trace file's line) or at the entry.
 */
import { Effect, Schema, SchemaGetter, SchemaIssue } from "effect"
import { checkOpportunities, type CapacityTrace } from "../network/trace/capacity-trace.ts"
import { parseTraceFile } from "../network/trace/parse-trace-file.ts"
import { TraceFiles } from "./trace-files.ts"

const EXPECTED = "a capacity trace like { file: traces/lte.trace } or { opportunitiesMs: [0, 5, 5, 12] }"

// One struct with two optional keys rather than a union, so a problem in one form is not
// reported again as a mismatch of the other.
const Written = Schema.Struct({
  file: Schema.optionalKey(Schema.String.annotate({ expected: "a trace file path, like traces/lte.trace" })),
  opportunitiesMs: Schema.optionalKey(
    Schema.Array(Schema.Number.annotate({ expected: "a time in whole milliseconds, like 12" })).annotate({
      expected: "a list of times in milliseconds, like [0, 5, 5, 12]",
    }),
  ),
}).annotate({ expected: EXPECTED })
type Written = typeof Written.Type

const at = (path: ReadonlyArray<PropertyKey>, message: string): SchemaIssue.Issue =>
  new SchemaIssue.Pointer(path, new SchemaIssue.InvalidValue({ message }))

const fromFile = (file: string) =>
  Effect.gen(function* () {
    const read = yield* TraceFiles
    if (read === undefined)
      return yield* Effect.fail(at(["file"], `trace files cannot be read here; give the trace inline as opportunitiesMs`))
    const text = read(file)
    if (text === undefined)
      return yield* Effect.fail(at(["file"], `cannot read the trace file ${file} (a path is relative to the scenario file's folder)`))
    const parsed = parseTraceFile(text)
    if (parsed.ok) return parsed.trace
    return yield* Effect.fail(at(["file"], `${file}${parsed.line === undefined ? "" : `:${parsed.line}`}: ${parsed.message}`))
  })

const decode = (written: Written): Effect.Effect<CapacityTrace, SchemaIssue.Issue> => {
  const { file, opportunitiesMs } = written
  if (file !== undefined && opportunitiesMs !== undefined)
    return Effect.fail(new SchemaIssue.InvalidValue({ message: "give file or opportunitiesMs, not both" }))
  if (file !== undefined) return fromFile(file)
  if (opportunitiesMs === undefined)
    return Effect.fail(new SchemaIssue.InvalidValue({ message: "a capacity trace needs file or opportunitiesMs" }))
  const problem = checkOpportunities(opportunitiesMs)
  if (problem === undefined) return Effect.succeed({ opportunitiesMs })
  return Effect.fail(at(problem.index === undefined ? ["opportunitiesMs"] : ["opportunitiesMs", problem.index], problem.message))
}

export const CapacityTraceField = Written.pipe(
  Schema.decodeTo(Schema.declare<CapacityTrace>((u): u is CapacityTrace => typeof u === "object" && u !== null), {
    decode: SchemaGetter.transformEffect(decode),
    encode: SchemaGetter.forbidden(() => "capacity traces are not written back"),
  }),
)
