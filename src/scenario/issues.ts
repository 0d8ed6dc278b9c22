/**
 * Turns an effect Schema issue tree into flat problems, one per failure, with
 * messages in the user's words ("unknown field", "expected a duration …")
 * rather than Schema's ("Expected no excess property", "Expected string").
 *
 * Our own transformations and filters already carry finished messages; this
 * module words the structural failures Schema finds by itself.
 */
import { SchemaAST, SchemaIssue } from "effect"
import { closest } from "./suggest.ts"

export interface Problem {
  readonly path: ReadonlyArray<PropertyKey>
  readonly message: string
  /** The problem is the key itself (an unknown field), not its value. */
  readonly atKey?: true
}

interface Found extends Problem {
  /** For an unknown field: the path of the field it is probably a typo of. */
  readonly meant?: ReadonlyArray<PropertyKey>
  readonly missing?: true
}

export function describeIssue(issue: SchemaIssue.Issue): Array<Problem> {
  const found = walk(issue, [], undefined, undefined)
  // `bandwith: …` also makes `bandwidth` missing; the typo alone says it all.
  const meant = new Set(found.flatMap((p) => (p.meant ? [pathKey(p.meant)] : [])))
  return found
    .filter((p) => !(p.missing && meant.has(pathKey(p.path))))
    .map(({ path, message, atKey }) => (atKey ? { path, message, atKey } : { path, message }))
}

const pathKey = (path: ReadonlyArray<PropertyKey>): string => JSON.stringify(path.map(String))

/**
 * `container` is the struct or tuple whose member is being visited, for the
 * issues (missing or unexpected keys) that are about the container.
 * `override` is a message set by an enclosing filter for everything below it.
 */
function walk(
  issue: SchemaIssue.Issue,
  path: ReadonlyArray<PropertyKey>,
  container: SchemaAST.AST | undefined,
  override: string | undefined,
): Array<Found> {
  switch (issue._tag) {
    case "Pointer":
      return walk(issue.issue, [...path, ...issue.path], container, override)
    case "Composite":
      return issue.issues.flatMap((child) => walk(child, path, issue.ast, override))
    case "Encoding":
      return walk(issue.issue, path, container, override)
    case "Filter":
      return walk(issue.issue, path, container, override ?? filterMessage(issue))
    case "AnyOf":
      if (issue.issues.length > 0) return issue.issues.flatMap((child) => walk(child, path, container, override))
      if (override !== undefined) return [{ path, message: override }]
      return [unionMismatch(issue, path)]
    case "UnexpectedKey":
      if (override !== undefined || !SchemaAST.isObjects(issue.ast)) {
        return [{ path, message: override ?? `too many items; expected ${expectedOf(issue.ast)}` }]
      }
      return [unknownField(issue.ast, path)]
    case "MissingKey":
      return [{ path, message: override ?? leafMessage(issue, path, container), missing: true }]
    default:
      return [{ path, message: override ?? leafMessage(issue, path, container) }]
  }
}

function leafMessage(
  issue: Exclude<SchemaIssue.Leaf, SchemaIssue.UnexpectedKey>,
  path: ReadonlyArray<PropertyKey>,
  container: SchemaAST.AST | undefined,
): string {
  switch (issue._tag) {
    case "InvalidType":
      return messageOf(issue.ast.annotations) ?? `expected ${expectedOf(issue.ast)}${got(issue)}`
    case "InvalidValue": {
      const expected = issue.annotations?.["expected"]
      return messageOf(issue.annotations) ?? (typeof expected === "string" ? `expected ${expected}${got(issue)}` : `invalid value${got(issue)}`)
    }
    case "MissingKey": {
      const custom = issue.annotations?.messageMissingKey
      if (typeof custom === "string") return custom
      if (container !== undefined && SchemaAST.isArrays(container)) return `too few items; expected ${expectedOf(container)}`
      return `missing required field ${JSON.stringify(String(path.at(-1) ?? ""))}`
    }
    case "Forbidden":
      return messageOf(issue.annotations) ?? "not allowed here"
    case "OneOf":
      return `ambiguous: matches more than one form of ${expectedOf(issue.ast)}`
  }
}

const messageOf = (annotations: { readonly message?: unknown } | undefined): string | undefined =>
  typeof annotations?.message === "string" ? annotations.message : undefined

// Filters name what they expect; the rejected value comes from the inner issue.
function filterMessage(issue: SchemaIssue.Filter): string | undefined {
  const annotations = issue.filter.annotations
  const own = messageOf(annotations)
  if (own !== undefined) return own
  if (issue.issue._tag !== "InvalidValue" || messageOf(issue.issue.annotations) !== undefined) return undefined
  const expected = annotations?.expected
  return typeof expected === "string" ? `expected ${expected}${got(issue)}` : undefined
}

function unknownField(struct: SchemaAST.Objects, path: ReadonlyArray<PropertyKey>): Found {
  const name = String(path.at(-1))
  const known = struct.propertySignatures.map((p) => String(p.name))
  const guess = closest(name, known)
  if (guess === undefined) return { path, atKey: true, message: `unknown field ${JSON.stringify(name)}; known fields: ${known.join(", ")}` }
  return { path, atKey: true, message: `unknown field ${JSON.stringify(name)}; did you mean "${guess}"?`, meant: [...path.slice(0, -1), guess] }
}

/**
 * No member of a union applies. For a mapping whose members are told apart by
 * a literal field ({ distribution: normal, … }), blame that field.
 */
function unionMismatch(issue: SchemaIssue.AnyOf, path: ReadonlyArray<PropertyKey>): Found {
  const input: unknown = SchemaIssue.hasInput(issue) ? issue.input : undefined
  const generic = { path, message: `expected ${expectedOf(issue.ast)}${got(issue)}` }
  if (typeof input !== "object" || input === null || Array.isArray(input)) return generic
  const shapes = issue.ast.types.filter(SchemaAST.isObjects)
  for (const field of shapes[0]?.propertySignatures ?? []) {
    const tags = shapes.map((shape) => shape.propertySignatures.find((p) => p.name === field.name)?.type)
    if (!tags.every((t) => t !== undefined && SchemaAST.isLiteral(t))) continue
    const allowed = tags.map((t) => JSON.stringify((t as SchemaAST.Literal).literal)).join(", ")
    const key = field.name
    if (!Object.hasOwn(input, key)) return { path, message: `missing required field ${JSON.stringify(String(key))}, one of ${allowed}` }
    return { path: [...path, key], message: `expected one of ${allowed}, got ${show((input as Record<PropertyKey, unknown>)[key])}` }
  }
  return generic
}

/** What a schema accepts, in the user's words. */
function expectedOf(ast: SchemaAST.AST): string {
  const expected = ast.annotations?.["expected"]
  if (typeof expected === "string") return expected
  switch (ast._tag) {
    case "String":
      return "text"
    case "Number":
      return "a number"
    case "Boolean":
      return "true or false"
    case "Null":
      return "an empty value"
    case "Literal":
      return typeof ast.literal === "bigint" ? String(ast.literal) : JSON.stringify(ast.literal)
    case "Union":
      return ast.types.map(expectedOf).join(" or ")
    case "Objects":
      return "a mapping of fields"
    case "Arrays":
      return "a list"
    default:
      return "a valid value"
  }
}

const got = (issue: SchemaIssue.Issue): string => (SchemaIssue.hasInput(issue) ? `, got ${show(issue.input)}` : "")

/** A rejected value, briefly: strings quoted and cut, collections named. */
export function show(value: unknown): string {
  if (value === undefined) return "nothing"
  if (value === null) return "an empty value"
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 59)}…` : value)
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value)
  if (Array.isArray(value)) return "a list"
  if (typeof value === "object") return "a mapping"
  return typeof value
}
