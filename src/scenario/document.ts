/**
 * Text to a YAML document and its plain value, or syntax problems with their
 * offsets. JSON is YAML, so JSON files take the same road.
 */
import { isScalar, LineCounter, parseDocument, visit, type Document, type YAMLError } from "yaml"

export type ReadDocument =
  | { readonly ok: true; readonly doc: Document; readonly lines: LineCounter; readonly value: unknown }
  | { readonly ok: false; readonly lines: LineCounter; readonly problems: ReadonlyArray<{ readonly offset: number; readonly message: string }> }

/** `language` names the syntax in messages: "YAML", or "JSON" for .json files. */
export function readDocument(text: string, language: "YAML" | "JSON"): ReadDocument {
  const lines = new LineCounter()
  // logLevel "error": no console warnings from a library that also runs in a worker.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, logLevel: "error" })
  if (doc.errors.length > 0) {
    return { ok: false, lines, problems: doc.errors.map((e) => ({ offset: e.pos[0], message: `invalid ${language}: ${describe(doc, e)}` })) }
  }
  try {
    return { ok: true, doc, lines, value: doc.toJS() }
  } catch (e) {
    // Only aliases make toJS throw: unresolved, or too many (a "billion laughs").
    const message = `invalid ${language}: ${e instanceof Error ? e.message : String(e)}`
    return { ok: false, lines, problems: [{ offset: firstAliasOffset(doc), message }] }
  }
}

// YAML's own duplicate-key message does not say which key.
function describe(doc: Document, error: YAMLError): string {
  if (error.code !== "DUPLICATE_KEY") return error.message
  let key: unknown
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.range?.[0] === error.pos[0]) {
        key = pair.key.value
        return visit.BREAK
      }
      return undefined
    },
  })
  return key === undefined ? error.message : `duplicate key ${JSON.stringify(String(key))}; a key may appear only once in a mapping`
}

function firstAliasOffset(doc: Document): number {
  let offset = 0
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0] ?? 0
      return visit.BREAK
    },
  })
  return offset
}
