import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { checkOpportunities, traceMeanRateBps } from "../../src/network/trace/capacity-trace.ts"
import { parseTraceFile } from "../../src/network/trace/parse-trace-file.ts"

describe("mm-link trace files", () => {
  it("one whole number of ms per line; a final newline, CRLF and spaces are fine", () => {
    expect(parseTraceFile("0\n10\n10\n30\n")).toEqual({ ok: true, trace: { opportunitiesMs: [0, 10, 10, 30] } })
    expect(parseTraceFile("0\r\n 10 \r\n30")).toEqual({ ok: true, trace: { opportunitiesMs: [0, 10, 30] } })
  })

  it.each([
    ["a fraction", "0\n10\n1.5\n30\n", 3, 'expected a whole number of milliseconds ≥ 0, like 12, got "1.5"'],
    ["a word", "0\nten\n", 2, 'expected a whole number of milliseconds ≥ 0, like 12, got "ten"'],
    ["a negative time", "-5\n10\n", 1, 'expected a whole number of milliseconds ≥ 0, like 12, got "-5"'],
    ["an empty line", "0\n\n10\n", 2, "empty line; expected a whole number of milliseconds ≥ 0, like 12"],
    ["a decreasing time", "0\n10\n5\n30\n", 3, "5 ms comes after 10 ms; the times of a trace never decrease"],
    ["a period of 0", "0\n0\n", 2, "the trace must last longer than 0 ms: its last time is the period it repeats with"],
    ["an empty file", "", undefined, "the trace has no delivery opportunities"],
  ])("%s is an error at its line", (_, text, line, message) => {
    expect(parseTraceFile(text)).toEqual({ ok: false, line, message })
  })

  it("inline lists obey the same rules, by index", () => {
    expect(checkOpportunities([0, 10, 10, 30])).toBeUndefined()
    expect(checkOpportunities([0, 10, 2.5])).toEqual({ index: 2, message: "expected a whole number of milliseconds ≥ 0, like 12, got 2.5" })
    expect(checkOpportunities([])).toEqual({ index: undefined, message: "the trace has no delivery opportunities" })
  })

  it("the mean rate is 1500·8 bits per opportunity over the period", () => {
    expect(traceMeanRateBps({ opportunitiesMs: [0, 10, 10, 30] })).toBe(1_600_000) // 4 · 12 000 bits / 30 ms
    expect(traceMeanRateBps({ opportunitiesMs: [1] })).toBe(12_000_000) // one opportunity every ms
  })

  it("the bundled synthetic trace: 3 Mbit/s for 800 ms, a 200 ms stall, one opportunity at 1000 ms", () => {
    const parsed = parseTraceFile(readFileSync("scenarios/traces/synthetic-stall.trace", "utf8"))
    if (!parsed.ok) throw new Error(parsed.message)
    const ms = parsed.trace.opportunitiesMs
    expect(ms).toHaveLength(201)
    expect(ms.slice(0, 3)).toEqual([4, 8, 12])
    expect(ms.slice(-3)).toEqual([796, 800, 1000])
    expect(traceMeanRateBps(parsed.trace)).toBe(2_412_000) // 201 · 12 000 bits per second
  })
})
