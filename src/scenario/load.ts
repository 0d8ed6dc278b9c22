/**
 * Scenario text in, a validated Scenario or every error out. Takes the text
 * and its name and reads nothing itself, so the CLI and the browser worker
 * share it; trace files come through `readFile` when the caller has one.
 * YAML and JSON both go through the YAML parser (JSON is YAML), so
 * errors carry line:column for either; the name only picks the word used for
 * syntax errors ("invalid JSON" for *.json).
 */
import { Effect, Schema } from "effect"
import { DOCUMENT_PATH, formatPath, InvalidScenario, ScenarioError } from "./errors.ts"
import { readDocument } from "./document.ts"
import { ScenarioFile } from "./file.ts"
import { describeIssue, show } from "./issues.ts"
import { locate } from "./positions.ts"
import { Scenario, SCENARIO_PARSE_OPTIONS } from "./schema.ts"
import { TraceFiles, type ReadTraceFile } from "./trace-files.ts"

export type ScenarioErrors = readonly [ScenarioError, ...Array<ScenarioError>]

export type ScenarioResult =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly errors: ScenarioErrors }

export interface ParseOptions {
  /** Reads a `capacityTrace: { file }` (a path as written, relative to the scenario file). */
  readonly readFile?: ReadTraceFile
}

const decodeEffect = Schema.decodeUnknownEffect(Scenario)

const decode = (value: unknown, readFile: ReadTraceFile | undefined) =>
  Effect.runSync(Effect.result(decodeEffect(value, SCENARIO_PARSE_OPTIONS).pipe(Effect.provideService(TraceFiles, readFile))))

const EXPECTED_TOP = `a scenario: a mapping with ${Object.keys(ScenarioFile.fields).join(", ")}`

/** Never throws; errors are sorted by position in the file. */
export function parseScenario(text: string, fileName: string, options: ParseOptions = {}): ScenarioResult {
  const read = readDocument(text, /\.json$/iu.test(fileName) ? "JSON" : "YAML")
  const at = (offset: number, path: string, message: string) => {
    const { line, col } = read.lines.linePos(offset)
    return new ScenarioError({ file: fileName, line, column: col, path, message })
  }
  if (!read.ok) return failed(fileName, read.problems.map((p) => at(p.offset, DOCUMENT_PATH, p.message)))

  const { doc, lines, value } = read
  if (doc.contents === null) return failed(fileName, [at(0, DOCUMENT_PATH, `the file is empty; expected ${EXPECTED_TOP}`)])
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    const what = Array.isArray(value) ? "a list" : show(value)
    return failed(fileName, [at(doc.contents.range?.[0] ?? 0, DOCUMENT_PATH, `expected ${EXPECTED_TOP}; got ${what}`)])
  }

  const result = decode(value, options.readFile)
  if (result._tag === "Success") return { ok: true, scenario: result.success }
  return failed(
    fileName,
    describeIssue(result.failure.issue).map(({ path, message, atKey }) => {
      const { line, column } = locate(doc, lines, path, atKey)
      return new ScenarioError({ file: fileName, line, column, path: formatPath(path), message })
    }),
  )
}

/** parseScenario for Effect code: fails with every error, the first as the message. */
export const loadScenario = (text: string, fileName: string, options: ParseOptions = {}): Effect.Effect<Scenario, InvalidScenario> =>
  Effect.suspend(() => {
    const result = parseScenario(text, fileName, options)
    return result.ok
      ? Effect.succeed(result.scenario)
      : Effect.fail(new InvalidScenario({ errors: result.errors, message: result.errors[0].format() }))
  })

function failed(file: string, errors: ReadonlyArray<ScenarioError>): ScenarioResult {
  const unique = [...new Map(errors.map((e) => [e.format(), e])).values()]
  unique.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
  const [first, ...rest] = unique
  // describeIssue yields at least one problem per failure; this guards the type.
  return first === undefined
    ? { ok: false, errors: [new ScenarioError({ file, path: DOCUMENT_PATH, message: "invalid scenario" })] }
    : { ok: false, errors: [first, ...rest] }
}
