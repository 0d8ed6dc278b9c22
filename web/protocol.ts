import type { Report } from "../src/report/schema.ts"

/** Messages between the page and the simulation worker. */
export interface RunRequest {
  readonly text: string
  readonly fileName: string
  /** Which stream's per-packet delays to trace (index over all calls' streams). */
  readonly streamIndex: number
}

export type RunResponse =
  | {
      readonly ok: true
      readonly report: Report
      readonly trace: { readonly sentMs: number[]; readonly delayMs: number[]; readonly late: boolean[] }
    }
  | { readonly ok: false; readonly error: string }
