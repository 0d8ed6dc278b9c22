import { describe, expect, it } from "vitest"
import { erlangB, serviceLevel } from "../../src/planning/erlang.ts"
import { runCli } from "./run-cli.ts"

/** `voiplab erlang … --json`, parsed; the command must succeed quietly. */
const erlang = (...args: string[]): Record<string, number | string | null> => {
  const r = runCli("erlang", ...args, "--json")
  expect(r.stderr).toBe("")
  expect(r.status).toBe(0)
  return JSON.parse(r.stdout)
}

const expectOneLineError = (args: string[], pattern: RegExp): void => {
  const r = runCli("erlang", ...args)
  expect(r.status).toBe(2)
  expect(r.stdout).toBe("")
  const lines = r.stderr.trimEnd().split("\n")
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(pattern)
}

// The published values below are those test/planning/erlang.test.ts pins, with their sources there
// and in docs/erlang.md.
describe("voiplab erlang b", () => {
  it("10 E on 15 trunks: B = 0.0365 (Erlang B tables)", () => {
    const result = erlang("b", "--traffic", "10", "--trunks", "15")
    expect(result["blocking"]).toBeCloseTo(0.0365, 4)
    expect(result).toMatchObject({ model: "Erlang B", trafficErlangs: 10, trunks: 15 })
    expect(result["carriedErlangs"]).toBeCloseTo(10 * (1 - (result["blocking"] as number)), 12)
  })

  it("trunks for 1 %: 10 E needs 18, 15.7 E needs 25 (Abstract Micro Systems: 24.49 fractional trunks)", () => {
    expect(erlang("b", "--traffic", "10", "--blocking", "1%")).toMatchObject({ trunks: 18, targetBlocking: 0.01 })
    expect(erlang("b", "--traffic", "15.7", "--blocking", "1%")["trunks"]).toBe(25)
  })

  it("busy-hour calls: 300 calls/h of 2 min are 10 E, so 18 trunks for 1 %; 1,000 calls of 36 s likewise", () => {
    expect(erlang("b", "--calls-per-hour", "300", "--holding", "2min", "--blocking", "1%")).toMatchObject({
      trafficErlangs: 10,
      callsPerHour: 300,
      holdingSeconds: 120,
      trunks: 18,
    })
    expect(erlang("b", "--calls-per-hour", "1000", "--holding", "36s", "--trunks", "15")["blocking"]).toBeCloseTo(0.0365, 4)
  })

  it("traffic N trunks carry: the 2 % column of the Erlang B tables (3 decimals) and Westbay's 15 lines at 1 % = 8.108 E", () => {
    for (const [trunks, erlangs] of [
      [10, 5.084],
      [30, 21.932],
      [100, 87.972],
    ] as const) {
      expect(Math.abs((erlang("b", "--trunks", `${trunks}`, "--blocking", "2%")["trafficErlangs"] as number) - erlangs)).toBeLessThan(0.0005)
    }
    expect(Math.abs((erlang("b", "--trunks", "15", "--blocking", "1%")["trafficErlangs"] as number) - 8.108)).toBeLessThan(0.0005)
  })

  it("5,000 trunks: finite and exact to the library; B(N, N) near √(2/(πN))", () => {
    const needed = erlang("b", "--traffic", "4900", "--blocking", "1%")
    const n = needed["trunks"] as number
    expect(n).toBeGreaterThan(4900)
    expect(erlangB(4900, n)).toBeLessThanOrEqual(0.01)
    expect(erlangB(4900, n - 1)).toBeGreaterThan(0.01)
    expect(needed["blocking"]).toBe(erlangB(4900, n))

    const full = erlang("b", "--traffic", "5000", "--trunks", "5000")["blocking"] as number
    expect(Math.abs(full / Math.sqrt(2 / (Math.PI * 5000)) - 1)).toBeLessThan(1 / Math.sqrt(5000))
    const light = erlang("b", "--traffic", "4500", "--trunks", "5000")["blocking"] as number
    expect(light).toBeGreaterThan(0)
    expect(light).toBeLessThan(1e-10)
  })

  it("prints the answer with the trunk below it", () => {
    const r = runCli("erlang", "b", "--traffic", "10", "--blocking", "1%")
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^Erlang B \(blocked calls cleared\): 10 E offered\n/)
    expect(r.stdout).toMatch(/trunks for ≤ 1% blocking\s+18\n/)
    expect(r.stdout).toMatch(/blocking on 18 trunks\s+0\.7142%\n/)
    expect(r.stdout).toMatch(/blocking on 17 trunks\s+1\.295%\n/)
    const busyHour = runCli("erlang", "b", "--calls-per-hour", "300", "--holding", "2min", "--trunks", "15").stdout
    expect(busyHour).toMatch(/^Erlang B \(blocked calls cleared\): 300 calls\/h × 2 min = 10 E offered to 15 trunks\n\nblocking\s+3\.65%\n/)
  })

  it("needs two of traffic, trunks and blocking", () => {
    expectOneLineError(["b", "--traffic", "10"], /give two of the traffic .*, --trunks and --blocking; the third is computed/)
    expectOneLineError(["b", "--traffic", "10", "--trunks", "15", "--blocking", "1%"], /give two of/)
    expectOneLineError(["b", "--calls-per-hour", "300", "--trunks", "15"], /--calls-per-hour: needs --holding/)
    expectOneLineError(["b", "--traffic", "10", "--blocking", "0%"], /--blocking: expected a percentage above 0% up to 100%/)
    expectOneLineError(["b", "--traffic", "10", "--blocking", "0.01"], /--blocking: expected a percentage with a unit, like 0\.5%/)
  })
})

describe("voiplab erlang c", () => {
  // Westbay Engineers' forum, "CCXLService": 57 calls of 1,110 s (17.575 E) on 21 agents answer
  // 80.7 % within 180 s; answering 80 % within 20 s needs 23 agents.
  it("Westbay's worked example: 80.7 % within 180 s on 21 agents; 21 agents for 80 % in 180 s, 23 for 80 % in 20 s", () => {
    const westbay = ["--calls-per-hour", "57", "--holding", "1110s"]
    const result = erlang("c", ...westbay, "--agents", "21", "--answer-within", "180s")
    expect(result["trafficErlangs"]).toBeCloseTo(17.575, 12)
    expect(Math.round((result["serviceLevel"] as number) * 1000) / 10).toBe(80.7)
    expect(erlang("c", ...westbay, "--answer-within", "180s", "--service-level", "80%")["agents"]).toBe(21)
    const twenty = erlang("c", ...westbay, "--answer-within", "20s", "--service-level", "80%")
    expect(twenty).toMatchObject({ agents: 23, agentsForServiceLevel: 23, targetServiceLevel: 0.8, answerWithinSeconds: 20 })
    expect(twenty["serviceLevel"]).toBeGreaterThanOrEqual(0.8)
    expect(serviceLevel(17.575, 22, 1110, 20)).toBeLessThan(0.8)
  })

  it("one agent is M/M/1: C = ρ, ASA = ρ·h/(1 − ρ), SL = 1 − ρ·e^(−(1−ρ)t/h)", () => {
    const result = erlang("c", "--traffic", "0.5", "--agents", "1", "--holding", "60s", "--answer-within", "30s")
    expect(result["probabilityOfWaiting"]).toBeCloseTo(0.5, 15)
    expect(result["averageSpeedOfAnswerSeconds"]).toBeCloseTo(60, 12)
    expect(result["serviceLevel"]).toBeCloseTo(1 - 0.5 * Math.exp(-0.25), 15)
    expect(result["occupancy"]).toBe(0.5)
  })

  it("17.5 E on 21 agents: waiting, average speed of answer, service level within 20 s and occupancy", () => {
    const result = erlang("c", "--traffic", "17.5", "--agents", "21", "--holding", "3min", "--answer-within", "20s")
    expect(Object.keys(result)).toEqual([
      "model", "trafficErlangs", "callsPerHour", "holdingSeconds", "agents", "probabilityOfWaiting", "averageSpeedOfAnswerSeconds",
      "answerWithinSeconds", "serviceLevel", "occupancy", "targetServiceLevel", "agentsForServiceLevel",
    ])
    expect(result["occupancy"]).toBeCloseTo(17.5 / 21, 15)
    expect(result["serviceLevel"]).toBe(serviceLevel(17.5, 21, 180, 20))
    const text = runCli("erlang", "c", "--traffic", "17.5", "--agents", "21", "--holding", "3min", "--answer-within", "20s").stdout
    expect(text).toMatch(/^Erlang C \(blocked calls wait\): 17\.5 E offered, 3 min mean handling time, 21 agents\n/)
    expect(text).toMatch(/probability of waiting\s+32\.74%\n/)
    expect(text).toMatch(/average speed of answer\s+16\.84 s\n/)
    expect(text).toMatch(/answered within 20 s\s+77\.81%\n/)
    expect(text).toMatch(/occupancy\s+83\.33%\n/)
  })

  it("5,000 agents: the agents for 80 % in 20 s are found in one pass", () => {
    const result = erlang("c", "--traffic", "4900", "--holding", "3min", "--answer-within", "20s", "--service-level", "80%")
    const n = result["agents"] as number
    expect(n).toBeGreaterThan(4900)
    expect(n).toBeLessThan(5000)
    expect(serviceLevel(4900, n, 180, 20)).toBeGreaterThanOrEqual(0.8)
    expect(serviceLevel(4900, n - 1, 180, 20)).toBeLessThan(0.8)
  })

  it("refuses an unstable queue and incomplete targets, in one line", () => {
    expectOneLineError(
      ["c", "--traffic", "17.5", "--agents", "17", "--holding", "3min"],
      /--agents: 17 agents cannot keep up with 17\.5 E, so the queue grows without bound; .*at least 18/,
    )
    expectOneLineError(["c", "--traffic", "17.5", "--holding", "3min", "--service-level", "80%"], /--service-level: needs --answer-within/)
    expectOneLineError(["c", "--traffic", "17.5", "--holding", "3min"], /give --agents, or --service-level with --answer-within/)
    expectOneLineError(["c", "--traffic", "17.5", "--agents", "21"], /holding/)
  })
})
