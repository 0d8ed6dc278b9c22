import { describe, expect, it } from "vitest"
import { NO_IMPAIRMENT, type ImpairmentSpec } from "../../../src/network/impairment-spec.ts"
import { parseNetem } from "../../../src/network/netem/parse-netem.ts"

const NONE = {
  delay: { delayNs: 0, jitterNs: 0, correlation: 0, distribution: "uniform" },
  loss: { model: "none" },
  duplicate: { rate: 0, correlation: 0 },
  corrupt: { rate: 0, correlation: 0 },
  reorder: { rate: 0, correlation: 0, gapPackets: 1 },
} as const satisfies ImpairmentSpec

const ok = (text: string) => {
  const result = parseNetem(text)
  if (!result.ok) throw new Error(`"${text}" was refused: ${result.message}`)
  return result.spec
}

const error = (text: string) => {
  const result = parseNetem(text)
  if (result.ok) throw new Error(`"${text}" was accepted`)
  return result.message
}

describe("parseNetem: good strings", () => {
  it("delay with jitter and correlation, Gilbert–Elliott with netem's defaults for 1-h and 1-k", () => {
    expect(ok("delay 40ms 10ms 25% loss gemodel 1% 30%")).toEqual({
      ...NONE,
      delay: { delayNs: 40_000_000, jitterNs: 10_000_000, correlation: 0.25, distribution: "uniform" },
      loss: { model: "gilbert-elliott", p: 0.01, r: 0.3, lossInBad: 1, lossInGood: 0 },
    })
  })

  it("a named distribution", () => {
    expect(ok("delay 100ms 20ms distribution normal")).toEqual({
      ...NONE,
      delay: { delayNs: 100_000_000, jitterNs: 20_000_000, correlation: 0, distribution: "normal" },
    })
    expect(ok("distribution paretonormal delay 1s 500usec").delay).toEqual({
      delayNs: 1_000_000_000,
      jitterNs: 500_000,
      correlation: 0,
      distribution: "paretonormal",
    })
  })

  it("the 4-state model with all five probabilities", () => {
    expect(ok("loss state 1% 30% 1% 20% 0.1%")).toEqual({
      ...NONE,
      loss: { model: "markov4", p13: 0.01, p31: 0.3, p32: 0.01, p23: 0.2, p14: 0.001 },
    })
  })

  it("q_netem.c's defaults: state p31 = 1−p13, p32 = 0, p23 = 1, p14 = 0; gemodel r = 1−p, 1−h = 1, 1−k = 0", () => {
    expect(ok("loss state 2%").loss).toEqual({ model: "markov4", p13: 0.02, p31: 0.98, p32: 0, p23: 1, p14: 0 })
    expect(ok("loss state 2% 25% 5%").loss).toEqual({ model: "markov4", p13: 0.02, p31: 0.25, p32: 0.05, p23: 1, p14: 0 })
    expect(ok("loss gemodel 5%").loss).toEqual({ model: "gilbert-elliott", p: 0.05, r: 0.95, lossInBad: 1, lossInGood: 0 })
    expect(ok("loss gemodel 1% 10% 70% 0.1%").loss).toEqual({
      model: "gilbert-elliott",
      p: 0.01,
      r: 0.1,
      lossInBad: 0.7,
      lossInGood: 0.001,
    })
  })

  it("random loss, with or without the word random, and the alias drop", () => {
    expect(ok("loss random 0.5%").loss).toEqual({ model: "bernoulli", rate: 0.005, correlation: 0 })
    expect(ok("loss 1% 25%").loss).toEqual({ model: "bernoulli", rate: 0.01, correlation: 0.25 })
    expect(ok("drop 3%").loss).toEqual({ model: "bernoulli", rate: 0.03, correlation: 0 })
  })

  it("duplicate, corrupt and reorder with gap", () => {
    expect(ok("duplicate 1%")).toEqual({ ...NONE, duplicate: { rate: 0.01, correlation: 0 } })
    expect(ok("corrupt 0.1%")).toEqual({ ...NONE, corrupt: { rate: 0.001, correlation: 0 } })
    expect(ok("reorder 25% 50% gap 5")).toEqual({ ...NONE, reorder: { rate: 0.25, correlation: 0.5, gapPackets: 5 } })
    expect(ok("delay 10ms reorder 25%").reorder).toEqual({ rate: 0.25, correlation: 0, gapPackets: 1 })
  })

  it("times in every tc unit, case-insensitive; options in any order; a leading netem; the empty string", () => {
    expect(ok("latency 1.5MS 250us").delay).toMatchObject({ delayNs: 1_500_000, jitterNs: 250_000 })
    expect(ok("delay 2sec 3msecs").delay).toMatchObject({ delayNs: 2_000_000_000, jitterNs: 3_000_000 })
    expect(ok("delay 800ns 1usec").delay).toMatchObject({ delayNs: 800, jitterNs: 1000 })
    expect(ok("  netem  corrupt 5%   duplicate 2% 10%  delay 3ms ")).toEqual({
      ...NONE,
      delay: { delayNs: 3_000_000, jitterNs: 0, correlation: 0, distribution: "uniform" },
      duplicate: { rate: 0.02, correlation: 0.1 },
      corrupt: { rate: 0.05, correlation: 0 },
    })
    expect(ok("")).toEqual(NONE)
    expect(NO_IMPAIRMENT).toEqual(NONE)
  })
})

describe("parseNetem: bad strings", () => {
  const cases: readonly (readonly [string, string])[] = [
    ["loss gemodel x", `loss gemodel: expected a percentage after "gemodel", got "x"`],
    ["loss gemodel", `loss gemodel: expected a percentage after "gemodel", got nothing`],
    ["loss gemodel 1% 30% 5", `loss gemodel: expected a percentage after "30%", got "5" (write percentages with "%", e.g. "5%")`],
    ["loss state 150%", `loss state: expected a percentage between 0% and 100%, got "150%"`],
    ["loss state 70% 30% 0% 100% 40%", "loss state: p13 + p14 (leaving state 1) must not exceed 100%, got 70% + 40%"],
    ["loss state 7% 60% 50%", "loss state: p31 + p32 (leaving state 3) must not exceed 100%, got 60% + 50%"],
    ["loss", `loss: expected "random", "gemodel", "state" or a percentage after "loss", got nothing`],
    ["loss bursty 1%", `loss: expected "random", "gemodel", "state" or a percentage after "loss", got "bursty"`],
    ["loss random 1% 25", `loss random: expected a percentage after "1%", got "25" (write percentages with "%", e.g. "25%")`],
    [
      "delay 40",
      `delay: expected a time such as "40ms" after "delay", got "40": a bare number means µs to older tc and ns to newer tc, so write the unit (e.g. "40ms")`,
    ],
    ["delay 40ms 10 25%", `delay: expected a time such as "40ms" after "40ms", got "10": a bare number means µs to older tc and ns to newer tc, so write the unit (e.g. "10ms")`],
    ["delay 40 minutes", `delay: expected a time such as "40ms" after "delay", got "40": a bare number means µs to older tc and ns to newer tc, so write the unit (e.g. "40ms")`],
    ["delay 4min", `delay: expected a time such as "40ms" after "delay", got "4min" (units ns, us, ms, s)`],
    ["delay -5ms", `delay: expected a time such as "40ms" after "delay", got "-5ms" (units ns, us, ms, s)`],
    ["delay 10ms 5ms 125%", `delay: expected a percentage between 0% and 100%, got "125%"`],
    ["distribution normal", `distribution: needs a delay and a jitter, e.g. "delay 100ms 20ms distribution normal"`],
    ["delay 10ms distribution pareto", `distribution: needs a delay and a jitter, e.g. "delay 100ms 20ms distribution pareto"`],
    ["delay 10ms 2ms distribution experimental", `distribution: expected uniform, normal, pareto or paretonormal after "distribution", got "experimental"`],
    ["duplicate", `duplicate: expected a percentage after "duplicate", got nothing`],
    ["corrupt 0.1", `corrupt: expected a percentage after "corrupt", got "0.1" (write percentages with "%", e.g. "0.1%")`],
    ["reorder 25% gap 0", `gap: expected a whole number of packets ≥ 1 after "gap", got "0"`],
    ["reorder 25% gap 2.5", `gap: expected a whole number of packets ≥ 1 after "gap", got "2.5"`],
    ["delay 10ms gap 5", `gap: needs a reorder probability, e.g. "reorder 25% gap 5"`],
    ["delay 1ms loss 1% delay 2ms", "delay: given twice; each netem option may appear at most once"],
    ["delay 1ms latency 2ms", `latency: repeats "delay" (an alias); each netem option may appear at most once`],
    ["loss 1% drop 2%", `drop: repeats "loss" (an alias); each netem option may appear at most once`],
    ["delay 10ms 5ms distribution normal 25%", `unexpected value "25%" after "normal": values follow their option, e.g. "delay 100ms 20ms 25%"`],
    ["loss 1% 2% 3%", `unexpected value "3%" after "2%": values follow their option, e.g. "delay 100ms 20ms 25%"`],
    ["5ms", `unexpected value "5ms": values follow their option, e.g. "delay 100ms 20ms 25%"`],
    ["jitter 5ms", `unknown netem option "jitter"; expected delay, distribution, loss, duplicate, corrupt, reorder or gap`],
    ["dup 1%", `unknown netem option "dup" (write "duplicate" in full); expected delay, distribution, loss, duplicate, corrupt, reorder or gap`],
    ["corrupt 1% netem", `unknown netem option "netem"; expected delay, distribution, loss, duplicate, corrupt, reorder or gap`],
    ["rate 1mbit", `rate: netem's rate limit is not supported here; set the link's "bandwidth" field instead (e.g. bandwidth: 2Mbit/s)`],
    ["delay 5ms limit 100", `limit: netem's queue limit is not supported here; set the link's "queue" field instead (e.g. queue: { limit: 64KB })`],
    ["slot 10ms 20ms", `slot: netem's slotted delivery is not supported; model the link with its "bandwidth" and "queue" fields`],
    [
      "loss 1% ecn",
      `ecn: netem's ECN marking is not supported: voiplab's RTP streams are not ECN-capable, so netem would drop them anyway; remove "ecn" (queueing is set by the link's "queue" field)`,
    ],
  ]
  it.each(cases)("%s", (text, message) => {
    expect(error(text)).toBe(message)
  })
})
