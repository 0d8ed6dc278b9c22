import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { parseScenario } from "../../src/scenario/load.ts"
import type { ReadTraceFile } from "../../src/scenario/trace-files.ts"

// Line 9 is the up direction; counting columns on it:
//   `    up: { capacityTrace: { file: traces/lte.trace } }`
//    col 26 is the trace's `{`, col 34 the file name; in `{ opportunitiesMs: [0, 10, 1.5, 30] }`
//    the entries start at cols 46, 49, 53, 58.
const scenario = (up: string, o: { link?: string; events?: string } = {}): string => `name: t
seed: 1
duration: 10s
nodes: [{ id: a, kind: phone }, { id: b, kind: phone }]
links:
  - id: ab
    between: [a, b]
    ${o.link ?? "bandwidth: 1Mbit/s"}
    up: { capacityTrace: ${up} }
calls:
  - { from: a, to: b, codec: G.711u, ptime: 20ms }
${o.events ?? ""}`

const FILE = "{ file: traces/lte.trace }"

/** A reader over an in-memory folder, recording what it was asked for. */
const folder = (files: Record<string, string>) => {
  const asked: string[] = []
  const readFile: ReadTraceFile = (path) => (asked.push(path), files[path])
  return { readFile, asked }
}

const parse = (text: string, readFile?: ReadTraceFile) => {
  const r = parseScenario(text, "t.yaml", readFile === undefined ? {} : { readFile })
  if (!r.ok) throw new Error(r.errors.map((e) => e.format()).join("\n"))
  return r.scenario
}

const errorsOf = (text: string, readFile?: ReadTraceFile): string[] => {
  const r = parseScenario(text, "t.yaml", readFile === undefined ? {} : { readFile })
  if (r.ok) throw new Error("parsed, but should not have")
  return r.errors.map((e) => e.format())
}

describe("capacityTrace in a scenario file", () => {
  it("inline: the direction carries the trace and reports its mean rate as bandwidth", () => {
    const link = parse(scenario("{ opportunitiesMs: [0, 10, 10, 30] }")).links[0]!
    expect(link.up.capacityTrace).toEqual({ opportunitiesMs: [0, 10, 10, 30] })
    expect(link.up.bandwidthBps).toBe(1_600_000)
    expect(link.down.capacityTrace).toBeUndefined()
    expect(link.down.bandwidthBps).toBe(1_000_000)
  })

  it("from a file, read through the caller's reader with the path as written", () => {
    const { readFile, asked } = folder({ "traces/lte.trace": "0\n10\n10\n30\n" })
    const link = parse(scenario(FILE), readFile).links[0]!
    expect(asked).toEqual(["traces/lte.trace"])
    expect(link.up.capacityTrace).toEqual({ opportunitiesMs: [0, 10, 10, 30] })
    expect(link.up.bandwidthBps).toBe(1_600_000)
  })

  it("on the link for both directions; a later layer's bandwidth replaces it", () => {
    const link = parse(scenario("{ opportunitiesMs: [5, 10] }", { link: "capacityTrace: { opportunitiesMs: [0, 10, 10, 30] }" })).links[0]!
    expect(link.up.capacityTrace).toEqual({ opportunitiesMs: [5, 10] })
    expect(link.down.capacityTrace).toEqual({ opportunitiesMs: [0, 10, 10, 30] })
    const withRate = parse(scenario("{ opportunitiesMs: [5, 10] }").replace("up: { capacityTrace", "down: { bandwidth: 2Mbit/s }\n    up: { capacityTrace"))
    expect(withRate.links[0]!.down).not.toHaveProperty("capacityTrace")
    expect(withRate.links[0]!.down.bandwidthBps).toBe(2_000_000)
  })

  it("an event can switch a direction to a trace, or back to a rate", () => {
    const events = `events:
  - { at: 1s, link: ab, direction: down, set: { capacityTrace: { opportunitiesMs: [5, 10] } } }
  - { at: 2s, link: ab, direction: up, set: { bandwidth: 3Mbit/s } }`
    const s = parse(scenario("{ opportunitiesMs: [0, 10, 10, 30] }", { events }))
    expect(s.events[0]!.down).toMatchObject({ capacityTrace: { opportunitiesMs: [5, 10] }, bandwidthBps: 2_400_000 })
    expect(s.events[1]!.up).toMatchObject({ bandwidthBps: 3_000_000 })
    expect(s.events[1]!.up).not.toHaveProperty("capacityTrace")
  })
})

describe("capacityTrace mistakes: one line naming the scenario file, the field and the trace file's line", () => {
  const AT_FILE = "t.yaml:9:34: links[0].up.capacityTrace.file"

  it.each([
    ["a fraction", "0\n10\n1.5\n30\n", 'traces/lte.trace:3: expected a whole number of milliseconds ≥ 0, like 12, got "1.5"'],
    ["a decreasing time", "0\n10\n5\n30\n", "traces/lte.trace:3: 5 ms comes after 10 ms; the times of a trace never decrease"],
    ["an empty line", "0\n\n10\n", "traces/lte.trace:2: empty line; expected a whole number of milliseconds ≥ 0, like 12"],
    ["an empty file", "", "traces/lte.trace: the trace has no delivery opportunities"],
    ["a trace of 0 ms", "0\n", "traces/lte.trace:1: the trace must last longer than 0 ms: its last time is the period it repeats with"],
  ])("%s in the trace file", (_, text, message) => {
    expect(errorsOf(scenario(FILE), folder({ "traces/lte.trace": text }).readFile)).toEqual([`${AT_FILE}: ${message}`])
  })

  it("a missing or unreadable file", () => {
    expect(errorsOf(scenario(FILE), folder({}).readFile)).toEqual([
      `${AT_FILE}: cannot read the trace file traces/lte.trace (a path is relative to the scenario file's folder)`,
    ])
  })

  it("a file where nothing can be read (the browser)", () => {
    expect(errorsOf(scenario(FILE))).toEqual([`${AT_FILE}: trace files cannot be read here; give the trace inline as opportunitiesMs`])
  })

  it.each([
    ["a fraction", "[0, 10, 1.5, 30]", "9:53: links[0].up.capacityTrace.opportunitiesMs[2]: expected a whole number of milliseconds ≥ 0, like 12, got 1.5"],
    ["a decreasing time", "[0, 10, 5, 30]", "9:53: links[0].up.capacityTrace.opportunitiesMs[2]: 5 ms comes after 10 ms; the times of a trace never decrease"],
    ["text", "[0, 10, x, 30]", '9:53: links[0].up.capacityTrace.opportunitiesMs[2]: expected a time in whole milliseconds, like 12, got "x"'],
    ["an empty list", "[]", "9:45: links[0].up.capacityTrace.opportunitiesMs: the trace has no delivery opportunities"],
  ])("inline: %s", (_, list, expected) => {
    expect(errorsOf(scenario(`{ opportunitiesMs: ${list} }`))).toEqual([`t.yaml:${expected}`])
  })

  it.each([
    ["both forms", "{ file: a.trace, opportunitiesMs: [1] }", "9:26: links[0].up.capacityTrace: give file or opportunitiesMs, not both"],
    ["neither", "{}", "9:26: links[0].up.capacityTrace: a capacity trace needs file or opportunitiesMs"],
    ["a typo", "{ fiel: a.trace }", '9:28: links[0].up.capacityTrace.fiel: unknown field "fiel"; did you mean "file"?'],
    ["not a mapping", "traces/lte.trace", '9:26: links[0].up.capacityTrace: expected a capacity trace like { file: traces/lte.trace } or { opportunitiesMs: [0, 5, 5, 12] }, got "traces/lte.trace"'],
  ])("%s", (_, trace, expected) => {
    expect(errorsOf(scenario(trace))[0]).toBe(`t.yaml:${expected}`)
  })

  it("bandwidth and capacityTrace in the same place", () => {
    const text = scenario("{ opportunitiesMs: [5, 10] }").replace("up: { capacityTrace", "up: { bandwidth: 2Mbit/s, capacityTrace")
    expect(errorsOf(text)).toEqual(["t.yaml:9:46: links[0].up.capacityTrace: give bandwidth or capacityTrace, not both"])
    const events = "events:\n  - { at: 1s, link: ab, set: { bandwidth: 2Mbit/s, capacityTrace: { opportunitiesMs: [5, 10] } } }"
    expect(errorsOf(scenario(FILE, { events }), folder({ "traces/lte.trace": "1\n" }).readFile)).toEqual([
      "t.yaml:13:67: events[0].set.capacityTrace: give bandwidth or capacityTrace, not both",
    ])
  })

  it("never throws, whatever capacityTrace holds", () => {
    const { readFile } = folder({ "a.trace": "0\n10\n", "bad.trace": "x\n" })
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.record({ file: fc.constantFrom("a.trace", "bad.trace", "nope") })), (value) => {
        const r = parseScenario(scenario(JSON.stringify(value)), "t.yaml", { readFile })
        if (!r.ok) for (const e of r.errors) expect(e.format()).toMatch(/^t\.yaml:\d+:\d+: \S/)
      }),
      { numRuns: 200 },
    )
  })
})
