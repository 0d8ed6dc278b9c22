/**
 * Finds where a path (["links", 0, "loss"]) is written in the parsed YAML,
 * so errors can say line:column. JSON files parse as YAML too, so this
 * serves both.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter } from "yaml"

export interface Position {
  readonly line: number
  readonly column: number
}

/**
 * The position of the value at `path` (or of its key, with `atKey`). A path
 * that is not written, such as a missing field, resolves to its nearest
 * written ancestor: the mapping that lacks the field.
 */
export function locate(doc: Document, lines: LineCounter, path: ReadonlyArray<PropertyKey>, atKey = false): Position {
  let node: unknown = doc.contents
  let offset = startOf(node) ?? 0
  for (const [i, segment] of path.entries()) {
    if (isAlias(node)) node = node.resolve(doc)
    let key: unknown
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment))
      if (pair === undefined) break
      key = pair.key
      node = pair.value
    } else if (isSeq(node) && typeof segment === "number" && segment < node.items.length) {
      node = node.items[segment]
    } else {
      break
    }
    const last = i === path.length - 1
    offset = (last && atKey ? startOf(key) : undefined) ?? startOf(node) ?? startOf(key) ?? offset
  }
  const { line, col } = lines.linePos(offset)
  return { line, column: col }
}

// An empty value (`loss:`) has a zero-width range, often at a trailing
// comment; undefined here makes the caller point at its key instead.
const startOf = (node: unknown): number | undefined => {
  const range = (node as { range?: unknown } | null | undefined)?.range
  if (!Array.isArray(range) || typeof range[0] !== "number" || range[0] === range[1]) return undefined
  return range[0]
}
