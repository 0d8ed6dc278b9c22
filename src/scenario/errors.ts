/**
 * The one error shape for everything wrong with a scenario file, from a YAML
 * syntax error to a call that outlives the scenario.
 */
import { Data } from "effect"

/** The path of problems with the whole document (syntax, empty file, not a mapping). */
export const DOCUMENT_PATH = "$"

export interface ScenarioErrorFields {
  readonly file: string
  /** 1-based. */
  readonly line?: number
  /** 1-based. */
  readonly column?: number
  /** Where in the scenario, like `links[0].loss`; DOCUMENT_PATH for the whole file. */
  readonly path: string
  readonly message: string
}

/**
 * `file:line:col: path: message` on one line. A plain function too, because
 * errors posted from the simulation worker arrive as plain objects.
 */
export function formatScenarioError(e: ScenarioErrorFields): string {
  const where = e.line === undefined ? e.file : `${e.file}:${e.line}:${e.column ?? 1}`
  const path = e.path === DOCUMENT_PATH ? "" : `${e.path}: `
  return `${where}: ${path}${e.message}`.replace(/\s*\n\s*/gu, " ")
}

export class ScenarioError implements ScenarioErrorFields {
  readonly file: string
  readonly line?: number
  readonly column?: number
  readonly path: string
  readonly message: string

  constructor(fields: ScenarioErrorFields) {
    this.file = fields.file
    if (fields.line !== undefined) this.line = fields.line
    if (fields.column !== undefined) this.column = fields.column
    this.path = fields.path
    this.message = fields.message
  }

  format(): string {
    return formatScenarioError(this)
  }

  toString(): string {
    return this.format()
  }
}

/** The failure of `loadScenario`: every error, with the first as the message. */
export class InvalidScenario extends Data.TaggedError("InvalidScenario")<{
  readonly errors: readonly [ScenarioError, ...Array<ScenarioError>]
  readonly message: string
}> {}

/** ["links", 0, "loss"] → `links[0].loss`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return DOCUMENT_PATH
  let text = ""
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`
    else if (typeof segment === "string" && /^[A-Za-z_$][\w$]*$/u.test(segment)) text += text === "" ? segment : `.${segment}`
    else text += `[${JSON.stringify(String(segment))}]`
  }
  return text
}
