import { describe, expect, it } from "vitest"
import { runCli } from "./run-cli.ts"

describe("voiplab run", () => {
  it("prints the default scenario's report as a table", () => {
    const r = runCli("run", "scenarios/default.yaml")
    expect(r.stderr).toBe("")
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/alice→bob/)
    expect(r.stdout).toMatch(/MOS/)
  })

  it("--json prints the report with the documented field names, --seed overrides the seed", () => {
    const r = runCli("run", "scenarios/default.yaml", "--json", "--seed", "7")
    expect(r.status).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(Object.keys(report)).toEqual(["scenario", "seed", "simulatedSeconds", "calls", "links", "traffic"])
    expect(report.seed).toBe(7)
    const stream = report.calls[0].streams[0]
    for (const key of [
      "packetsSent", "packetsReceived", "packetsLost", "packetsLate", "lossPercent", "jitterMs",
      "oneWayDelayMs", "jitterBufferDelayMs", "mouthToEarDelayMs", "rFactor", "mos",
    ])
      expect(stream).toHaveProperty(key)
    expect(Object.keys(stream.oneWayDelayMs)).toEqual(["mean", "p50", "p95", "p99", "max"])
    for (const key of ["id", "direction", "utilization", "packetsDropped", "queueDelayMs"]) expect(report.links[0]).toHaveProperty(key)
    expect(stream.mos).toBeGreaterThan(4)
  })

  it("validate accepts the default scenario", () => {
    const r = runCli("validate", "scenarios/default.yaml")
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/valid/)
  })
})
