import { readFileSync } from "node:fs"
import { dirname, resolve } from "node:path"
import type { ReadTraceFile } from "../scenario/trace-files.ts"

/** Reads the trace files a scenario names, relative to the scenario file's folder. */
export const traceFileReader =
  (scenarioFile: string): ReadTraceFile =>
  (path) => {
    try {
      return readFileSync(resolve(dirname(scenarioFile), path), "utf8")
    } catch {
      return undefined // the loader words the error, naming the field and the path as written
    }
  }
