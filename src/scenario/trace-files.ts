/**
 * How the loader reads the trace files a scenario names, without reading anything itself: the
 * CLI provides a reader relative to the scenario's folder; without one (the browser) a file
 * reference is an error that says so.
 */
import { Context } from "effect"

/** The text of the file at `path` as written in the scenario, or undefined when it cannot be read. */
export type ReadTraceFile = (path: string) => string | undefined

export const TraceFiles = Context.Reference<ReadTraceFile | undefined>("voiplab/scenario/TraceFiles", {
  defaultValue: () => undefined,
})
