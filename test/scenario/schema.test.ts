import { readFileSync } from "node:fs"
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { stringify } from "yaml"
import { CODECS as MEDIA_CODECS } from "../../src/media/codecs.ts"
import { CODEC_NAMES, resolveCodec } from "../../src/scenario/codecs.ts"
import { parseScenario } from "../../src/scenario/load.ts"
import { Scenario, SCENARIO_PARSE_OPTIONS } from "../../src/scenario/schema.ts"

const fixture = (name: string): string => readFileSync(new URL(`fixtures/${name}`, import.meta.url), "utf8")

const parse = (text: string, file = "test.yaml"): Scenario => {
  const result = parseScenario(text, file)
  if (!result.ok) throw new Error(result.errors.map((e) => e.format()).join("\n"))
  return result.scenario
}

/** Two phones, one link, one call, with fields of the link and the call set or replaced. */
const twoPhones = (o: { link?: object; call?: object } = {}): string =>
  stringify({
    name: "t",
    seed: 1,
    duration: "60s",
    nodes: [
      { id: "a", kind: "phone" },
      { id: "b", kind: "phone" },
    ],
    links: [{ id: "ab", between: ["a", "b"], bandwidth: "1Mbit/s", ...o.link }],
    calls: [{ from: "a", to: "b", codec: "G.711u", ptime: "20ms", ...o.call }],
  })

/** A direction with every default but the fields given. */
const direction = (fields: Partial<Scenario["links"][number]["up"]>): Scenario["links"][number]["up"] => ({
  bandwidthBps: 1_000_000,
  delay: { delayNs: 0, jitterNs: 0, correlation: 0, distribution: "uniform" },
  loss: { model: "none" },
  duplicateRate: 0,
  corruptRate: 0,
  keepOrder: false,
  framing: "none",
  crtp: false,
  queue: { discipline: "fifo", limitBytes: 64_000, limitPackets: Infinity, shape: [], police: [] },
  ...fields,
})

const lanDirection = direction({
  bandwidthBps: 100_000_000,
  delay: { delayNs: 500_000, jitterNs: 200_000, correlation: 0, distribution: "uniform" },
  loss: { model: "bernoulli", rate: 0.001, correlation: 0 },
})

describe("the default scenario", () => {
  it("decodes to base units with unit-named keys", () => {
    const expected: Scenario = {
      name: "Two phones on a LAN",
      seed: 1,
      durationNs: 60_000_000_000,
      traffic: [],
      events: [],
      nodes: [
        { id: "alice", kind: "phone" },
        { id: "bob", kind: "phone" },
      ],
      links: [
        {
          id: "lan",
          between: ["alice", "bob"],
          cost: 1,
          up: lanDirection,
          down: lanDirection,
        },
      ],
      calls: [
        {
          id: "call-1",
          from: "alice",
          to: "bob",
          codec: "G.711u",
          ptimeNs: 20_000_000,
          jitterBuffer: { kind: "fixed", delayNs: 60_000_000 },
          plc: true,
          startNs: 0,
          durationNs: 60_000_000_000,
          ipVersion: 4,
          srtpTagBytes: 0,
        },
      ],
    }
    expect(parse(readFileSync("scenarios/default.yaml", "utf8"))).toStrictEqual(expected)
  })

  it("decodes with the schema alone, given the documented parse options", () => {
    const input = {
      name: "x",
      seed: 0,
      duration: "1s",
      nodes: [{ id: "a", kind: "phone" }],
      links: [],
      calls: [],
    }
    expect(Schema.decodeUnknownSync(Scenario)(input, SCENARIO_PARSE_OPTIONS).durationNs).toBe(1_000_000_000)
    expect(() => Schema.decodeUnknownSync(Scenario)({ ...input, typo: 1 }, SCENARIO_PARSE_OPTIONS)).toThrow()
  })
})

describe("defaults", () => {
  const expectedMinimal: Scenario = {
    name: "Minimal",
    seed: 7,
    traffic: [],
    durationNs: 10_000_000_000,
    events: [],
    nodes: [
      { id: "a", kind: "phone" },
      { id: "b", kind: "phone" },
    ],
    links: [
      { id: "ab", between: ["a", "b"], cost: 1, up: direction({}), down: direction({}) },
    ],
    calls: [
      {
        id: "call-1",
        from: "a",
        to: "b",
        codec: "G.711a",
        ptimeNs: 30_000_000,
        jitterBuffer: { kind: "fixed", delayNs: 60_000_000 },
        plc: true,
        startNs: 0,
        durationNs: 10_000_000_000,
        ipVersion: 4,
        srtpTagBytes: 0,
      },
      {
        id: "call-2",
        from: "b",
        to: "a",
        codec: "G.711u",
        ptimeNs: 10_000_000,
        jitterBuffer: { kind: "fixed", delayNs: 60_000_000 },
        plc: true,
        startNs: 4_000_000_000,
        durationNs: 6_000_000_000, // until the scenario ends
        ipVersion: 4,
        srtpTagBytes: 0,
      },
    ],
  }

  it("fills every optional field: no jitter, no loss, 64KB queue, no framing, 60ms fixed buffer, PLC on, IPv4 without SRTP, call-<n> ids, calls to the end", () => {
    expect(parse(fixture("minimal.yaml"))).toStrictEqual(expectedMinimal)
  })

  it("reads the same scenario from JSON", () => {
    expect(parse(fixture("minimal.json"), "minimal.json")).toStrictEqual(expectedMinimal)
  })
})

describe("shorthands and their long forms", () => {
  const link = (fields: object) => parse(twoPhones({ link: fields })).links[0]!.up
  const call = (fields: object) => parse(twoPhones({ call: fields })).calls[0]!

  it("jitter: a duration is uniform ± that much (netem's delay D J); the long forms say so explicitly", () => {
    const uniform = { delayNs: 0, jitterNs: 2_000_000, correlation: 0, distribution: "uniform" }
    expect(link({ jitter: "2ms" }).delay).toStrictEqual(uniform)
    expect(link({ jitter: { distribution: "uniform", range: "2ms" } }).delay).toStrictEqual(uniform)
    expect(link({ delay: "10ms", jitter: { distribution: "normal", stddev: "1ms", correlation: "25%" } }).delay).toStrictEqual({
      delayNs: 10_000_000, jitterNs: 1_000_000, correlation: 0.25, distribution: "normal" })
    expect(link({ jitter: { distribution: "paretonormal", stddev: "1ms" } }).delay.distribution).toBe("paretonormal")
    expect(link({ jitter: { distribution: "none" } }).delay.jitterNs).toBe(0)
  })

  it("loss: a percentage is Bernoulli; Gilbert–Elliott and 4-state take netem's defaults", () => {
    expect(link({ loss: "2%" }).loss).toStrictEqual({ model: "bernoulli", rate: 0.02, correlation: 0 })
    expect(link({ loss: { model: "bernoulli", rate: "2%" } }).loss).toStrictEqual({ model: "bernoulli", rate: 0.02, correlation: 0 })
    expect(link({ loss: "0%" }).loss).toStrictEqual({ model: "none" })
    expect(link({ loss: { model: "gilbert-elliott", p: "1%", r: "30%" } }).loss).toStrictEqual({
      model: "gilbert-elliott", p: 0.01, r: 0.3, lossInBad: 1, lossInGood: 0 })
    expect(link({ loss: { model: "gilbert-elliott", p: "1%" } }).loss).toMatchObject({ r: 0.99 })
    expect(link({ loss: { model: "markov4", p13: "2%" } }).loss).toStrictEqual({
      model: "markov4", p13: 0.02, p31: 0.98, p32: 0, p23: 1, p14: 0 })
  })

  it("impairment: a netem string sets delay, jitter, loss, duplication and corruption at once", () => {
    const l = link({ impairment: "delay 40ms 10ms 25% distribution normal loss gemodel 1% 30% duplicate 1% corrupt 0.1%" })
    expect(l.delay).toStrictEqual({ delayNs: 40_000_000, jitterNs: 10_000_000, correlation: 0.25, distribution: "normal" })
    expect(l.loss).toStrictEqual({ model: "gilbert-elliott", p: 0.01, r: 0.3, lossInBad: 1, lossInGood: 0 })
    expect(l.duplicateRate).toBe(0.01)
    expect(l.corruptRate).toBe(0.001)
  })

  it("queue limit in SI or binary bytes", () => {
    expect(link({ queue: { limit: "16KiB" } }).queue.limitBytes).toBe(16_384)
    expect(link({ queue: {} }).queue.limitBytes).toBe(64_000)
    expect(link({ queue: { limitPackets: 50 } }).queue).toMatchObject({ limitBytes: Infinity, limitPackets: 50 })
  })

  it("jitterBuffer: a duration is a fixed buffer that deep", () => {
    expect(call({ jitterBuffer: "40ms" }).jitterBuffer).toStrictEqual({ kind: "fixed", delayNs: 40_000_000 })
    expect(call({ jitterBuffer: { kind: "fixed", delay: "40ms" } }).jitterBuffer).toStrictEqual({ kind: "fixed", delayNs: 40_000_000 })
  })

  it("plc, start, duration and id as given", () => {
    const c = call({ id: "talk", plc: false, start: "1s", duration: "2s" })
    expect([c.id, c.plc, c.startNs, c.durationNs]).toStrictEqual(["talk", false, 1_000_000_000, 2_000_000_000])
  })

  it.each([10, 20, 30, 40])("G.711 accepts a ptime of %d ms", (ms) => {
    expect(call({ ptime: `${ms}ms` }).ptimeNs).toBe(ms * 1_000_000)
  })
})

describe("codec names", () => {
  it.each([
    ["G.711u", "G.711u"],
    ["g711u", "G.711u"],
    ["G711u", "G.711u"],
    ["PCMU", "G.711u"],
    ["pcmu", "G.711u"],
    ["G.711 µ-law", "G.711u"],
    ["G.711 μ-law", "G.711u"],
    ["g.711 mu-law", "G.711u"],
    ["G.711a", "G.711a"],
    ["g711a", "G.711a"],
    ["PCMA", "G.711a"],
    ["G.711 A-law", "G.711a"],
  ])("%s is %s", (spelling, name) => {
    expect(resolveCodec(spelling)).toBe(name)
    expect(parse(twoPhones({ call: { codec: spelling } })).calls[0]!.codec).toBe(name)
  })

  it("ambiguous or unknown spellings resolve to nothing", () => {
    expect(resolveCodec("G.711")).toBeUndefined()
    expect(resolveCodec("G.999")).toBeUndefined()
  })

  it("every codec a scenario can name is one the media layer implements", () => {
    for (const name of CODEC_NAMES) expect(MEDIA_CODECS.map((c) => c.name)).toContain(name)
  })
})
