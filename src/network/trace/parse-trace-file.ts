import { checkOpportunities, WHOLE_MS_EXPECTED, type CapacityTrace } from "./capacity-trace.ts"

export type ParsedTrace =
  | { readonly ok: true; readonly trace: CapacityTrace }
  /** `line` is 1-based, undefined for the file as a whole. */
  | { readonly ok: false; readonly line: number | undefined; readonly message: string }

/**
 * The text of an mm-link trace file: one whole number of ms per line, as mahimahi's LinkQueue
 * reads it (link_queue.cc: an empty line is an error). A final newline ends the last line, and
 * spaces around a number or a Windows line end are tolerated.
 */
export const parseTraceFile = (text: string): ParsedTrace => {
  const lines = text.split("\n")
  if (lines.at(-1) === "") lines.pop()
  const opportunitiesMs: number[] = []
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim()
    if (line === "") return { ok: false, line: index + 1, message: `empty line; expected ${WHOLE_MS_EXPECTED}` }
    if (!/^\d+$/u.test(line)) return { ok: false, line: index + 1, message: `expected ${WHOLE_MS_EXPECTED}, got ${JSON.stringify(line)}` }
    opportunitiesMs.push(Number(line))
  }
  const problem = checkOpportunities(opportunitiesMs)
  if (problem === undefined) return { ok: true, trace: { opportunitiesMs } }
  return { ok: false, line: problem.index === undefined ? undefined : problem.index + 1, message: problem.message }
}
