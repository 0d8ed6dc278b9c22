import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { runCli } from "./run-cli.ts"

// A scenario in its own folder with a traces/ subfolder; the CLI runs from the repository root,
// so only a path resolved against the scenario's folder finds the trace.
const dir = mkdtempSync(join(tmpdir(), "voiplab-trace-"))
mkdirSync(join(dir, "traces"))
copyFileSync("scenarios/traces/synthetic-stall.trace", join(dir, "traces", "stall.trace"))
writeFileSync(join(dir, "traces", "bad.trace"), "0\n10\n1.5\n30\n")

/** Line 9, column 34 is the file name. */
const scenario = (name: string, traceFile: string): string => {
  const file = join(dir, name)
  writeFileSync(
    file,
    `name: lab
seed: 1
duration: 2s
nodes: [{ id: a, kind: phone }, { id: b, kind: phone }]
links:
  - id: ab
    between: [a, b]
    bandwidth: 10Mbit/s
    up: { capacityTrace: { file: ${traceFile} } }
calls:
  - { from: a, to: b, codec: G.711u, ptime: 20ms }
`,
  )
  return file
}

const expectOneLineError = (file: string, line: string) => {
  const r = runCli("run", file)
  expect(r.status).toBe(2)
  expect(r.stdout).toBe("")
  expect(r.stderr).toBe(`voiplab: ${line}\n`)
}

describe("voiplab with a capacity trace file", () => {
  it("reads the trace relative to the scenario file and replays it", () => {
    const r = runCli("run", scenario("lab.yaml", "traces/stall.trace"), "--json")
    expect(r.stderr).toBe("")
    expect(r.status).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(report.links.map((l: { bandwidthBps: number }) => l.bandwidthBps)).toEqual([2_412_000, 10_000_000])
    // Opportunities every 4 ms to 800 ms, then only at 1000 ms: the packet sent at 800 ms waits 200 ms.
    expect(report.calls[0].streams[0].oneWayDelayMs.max).toBe(200)
    expect(runCli("validate", join(dir, "lab.yaml")).status).toBe(0)
  })

  it("a missing trace file is one line naming the scenario file, the field and the path", () => {
    const file = scenario("missing.yaml", "traces/nope.trace")
    expectOneLineError(
      file,
      `${file}:9:34: links[0].up.capacityTrace.file: cannot read the trace file traces/nope.trace (a path is relative to the scenario file's folder)`,
    )
  })

  it("a bad line in the trace file names the trace file's line", () => {
    const file = scenario("bad.yaml", "traces/bad.trace")
    expectOneLineError(
      file,
      `${file}:9:34: links[0].up.capacityTrace.file: traces/bad.trace:3: expected a whole number of milliseconds ≥ 0, like 12, got "1.5"`,
    )
  })
})
