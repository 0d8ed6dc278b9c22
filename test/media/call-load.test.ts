import { describe, expect, it } from "vitest"
import { constant, exponential, lognormal, normal, type Distribution } from "../../sim/distributions.ts"
import { RandomSource } from "../../sim/random.ts"
import { Simulator } from "../../sim/simulator.ts"
import { CallLoad, type CallLoadListener } from "../../src/media/call-load.ts"
import { TrunkGroup } from "../../src/media/trunk-group.ts"
import { erlangB } from "../../src/planning/erlang.ts"

const S = 1e9
const H = 3600 * S

const newLoad = (seed: number, channels: number, holdingNs: Distribution, listener?: CallLoadListener, callsPerHour = 1000) => {
  const sim = new Simulator()
  const rng = new RandomSource(seed).stream("calls/trunk-1")
  const load = new CallLoad(listener === undefined ? { sim, rng } : { sim, rng, listener }, { callsPerHour, holdingNs, channels })
  return { sim, load }
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length
const standardError = (xs: readonly number[]) => {
  const m = mean(xs)
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1) / xs.length)
}

/**
 * 10 E (1,000 calls/h, mean holding 36 s) on 15 trunks: 1 h of warm-up from empty, then 20
 * batches of 25 h. Returns the whole run's estimates and the batch-means standard errors.
 */
function tenErlangsOnFifteenTrunks(holdingNs: Distribution, seed: number) {
  const { sim, load } = newLoad(seed, 15, holdingNs)
  const trunks = load.trunks
  load.start(0)
  sim.runUntil(1 * H)
  const batchBlocking: number[] = []
  const batchCarried: number[] = []
  let offered = 0
  let blocked = 0
  let busyChannelNs = 0
  for (let batch = 0; batch < 20; batch++) {
    trunks.resetStatistics(sim.nowNs)
    sim.runUntil(sim.nowNs + 25 * H)
    batchBlocking.push(trunks.blockingRatio)
    batchCarried.push(trunks.meanBusyChannels(sim.nowNs))
    offered += trunks.offered
    blocked += trunks.blocked
    busyChannelNs += trunks.meanBusyChannels(sim.nowNs) * 25 * H
  }
  return {
    offered,
    blocking: blocked / offered,
    carriedErlangs: busyChannelNs / (500 * H),
    blockingSe: standardError(batchBlocking),
    carriedSe: standardError(batchCarried),
  }
}

describe("call load over a trunk group", () => {
  // Tolerances from the run length. 500 h × 1,000 calls/h = 500,000 offered calls. Were blockings
  // independent, B̂ would have a standard error of √(B(1−B)/n) = 2.7e-4; they come in bursts (a
  // full group stays full for a while), which about doubles it: batch means measure 4–7e-4 over
  // seeds. 0.0025 (7 % of B) is ≥ 3.5 of those, and the test checks that the measured one is below
  // a third of it; one trunk more or less moves B by ≥ 0.014, far outside.
  // Carried traffic is a time average whose correlation time is the holding time τ = 36 s:
  // SE ≈ √(2·Var(busy)·τ/T) ≈ √(2 · 9 · 36 s / 1.8e6 s) ≈ 0.019 (batch means: 0.01–0.02); 0.08 is ≥ 4 of those.
  const B = erlangB(10, 15)
  const BLOCKING_TOLERANCE = 0.0025
  const CARRIED_TOLERANCE = 0.08

  it("10 E on 15 trunks with exponential holding: blocking ≈ Erlang B (0.0365), carried ≈ A(1 − B) = 9.635 E", () => {
    const run = tenErlangsOnFifteenTrunks(exponential(36 * S), 1)
    expect(Math.abs(run.offered / 500_000 - 1)).toBeLessThan(4 / Math.sqrt(500_000))
    expect(run.blockingSe).toBeLessThan(BLOCKING_TOLERANCE / 3)
    expect(Math.abs(run.blocking - B)).toBeLessThan(BLOCKING_TOLERANCE)
    expect(run.carriedSe).toBeLessThan(CARRIED_TOLERANCE / 3)
    expect(Math.abs(run.carriedErlangs - 10 * (1 - B))).toBeLessThan(CARRIED_TOLERANCE)
  })

  it("Erlang B is insensitive to the holding-time distribution: a fixed 36 s and a lognormal (CV 1.3) give the same blocking", () => {
    // Insensitivity of the loss system M/G/N/N (Sevastyanov 1957): only the mean holding time counts.
    const sigma = 1
    const holdings = [constant(36 * S), lognormal(Math.log(36 * S) - (sigma * sigma) / 2, sigma)]
    for (const holding of holdings) {
      expect(holding.mean).toBeCloseTo(36 * S, -1)
      const run = tenErlangsOnFifteenTrunks(holding, 2)
      expect(run.blockingSe).toBeLessThan(BLOCKING_TOLERANCE / 3)
      expect(Math.abs(run.blocking - B)).toBeLessThan(BLOCKING_TOLERANCE)
      expect(Math.abs(run.carriedErlangs - 10 * (1 - B))).toBeLessThan(CARRIED_TOLERANCE)
    }
  })

  /** Every listener call as numbers, in order: kind, call, time, holding or channel. */
  const record = (seed: number, holdingNs: Distribution, channels = 15) => {
    const log: number[] = []
    const listener: CallLoadListener = {
      onCallStart: (call, startNs, holdingNs, channel) => log.push(1, call, startNs, holdingNs, channel),
      onCallEnd: (call, endNs, channel) => log.push(2, call, endNs, channel),
      onCallBlocked: (call, timeNs) => log.push(3, call, timeNs),
    }
    const { sim, load } = newLoad(seed, channels, holdingNs, listener)
    load.start(0)
    sim.runUntil(20 * H)
    return { log, load }
  }

  it("is deterministic: the same seed gives the same calls, another seed other calls", () => {
    const a = record(7, exponential(36 * S))
    const b = record(7, exponential(36 * S))
    expect(a.log.length).toBeGreaterThan(50_000)
    expect(b.log).toEqual(a.log)
    expect(record(8, exponential(36 * S)).log).not.toEqual(a.log)
  })

  /** Per offered call: its arrival time and holding time (NaN where the listener did not say). */
  const callsOf = (seed: number, holdingNs: Distribution, channels: number) => {
    const arrivalNs: number[] = []
    const holdingOf: number[] = []
    const listener: CallLoadListener = {
      onCallStart: (call, startNs, holdingNs) => {
        arrivalNs[call] = startNs
        holdingOf[call] = holdingNs
      },
      onCallEnd: () => {},
      onCallBlocked: (call, timeNs) => {
        arrivalNs[call] = timeNs
        holdingOf[call] = Number.NaN
      },
    }
    const { sim, load } = newLoad(seed, channels, holdingNs, listener)
    load.start(0)
    sim.runUntil(10 * H)
    return { arrivalNs, holdingOf }
  }

  it("arrivals and holding times come from separate streams: neither the holding distribution nor N moves an arrival", () => {
    const base = callsOf(3, exponential(36 * S), 15)
    expect(callsOf(3, constant(36 * S), 15).arrivalNs).toEqual(base.arrivalNs)
    // Call k keeps its arrival and its duration whatever N is, so runs that differ in N compare the same calls.
    const wide = callsOf(3, exponential(36 * S), 1000)
    expect(wide.arrivalNs).toEqual(base.arrivalNs)
    let compared = 0
    base.holdingOf.forEach((h, k) => {
      if (Number.isNaN(h)) return
      expect(wide.holdingOf[k]).toBe(h)
      compared++
    })
    expect(compared).toBeGreaterThan(9000)
  })

  it("tells the listener a consistent story: free channels only, ends at start + holding, every call once", () => {
    const channels = 3
    const callOnChannel = new Int32Array(channels).fill(-1)
    const endDueNs = new Map<number, number>()
    const seen: number[] = []
    // Checked per event without expect(), which would dominate the run time; one expect at the end.
    const violations: string[] = []
    let starts = 0
    let ends = 0
    let blocks = 0
    const { sim, load } = newLoad(5, channels, exponential(36 * S), {
      onCallStart(call, startNs, holdingNs, channel) {
        if (callOnChannel[channel] !== -1) violations.push(`call ${call} got busy channel ${channel}`)
        if (startNs !== sim.nowNs) violations.push(`call ${call} starts at ${startNs}, not now`)
        if (!Number.isSafeInteger(holdingNs) || holdingNs < 0) violations.push(`call ${call} holds ${holdingNs} ns`)
        callOnChannel[channel] = call
        endDueNs.set(call, startNs + holdingNs)
        seen.push(call)
        starts++
      },
      onCallEnd(call, endNs, channel) {
        if (callOnChannel[channel] !== call) violations.push(`call ${call} ends on channel ${channel} it did not hold`)
        if (endNs !== endDueNs.get(call)) violations.push(`call ${call} ends at ${endNs}, not at start + holding`)
        endDueNs.delete(call)
        callOnChannel[channel] = -1
        ends++
      },
      onCallBlocked(call, timeNs) {
        if (timeNs !== sim.nowNs) violations.push(`call ${call} blocked at ${timeNs}, not now`)
        if (load.trunks.busyChannels !== channels) violations.push(`call ${call} blocked with a channel free`)
        seen.push(call)
        blocks++
      },
    })
    load.start(2 * S)
    load.stop(50 * H)
    sim.run()
    expect(violations).toEqual([])
    // 10 E on 3 trunks blocks B(10, 3) ≈ 0.73 of the calls.
    expect(blocks / (starts + blocks)).toBeCloseTo(erlangB(10, 3), 1)
    expect(seen).toEqual(Array.from({ length: starts + blocks }, (_, k) => k))
    expect(load.callsOffered).toBe(starts + blocks)
    expect(load.trunks.carried).toBe(starts)
    expect(load.trunks.blocked).toBe(blocks)
    // After the stop, calls in progress ran to their end and nothing else happened.
    expect(ends).toBe(starts)
    expect(load.trunks.busyChannels).toBe(0)
    expect(sim.pendingEvents).toBe(0)
    expect(sim.nowNs).toBeGreaterThanOrEqual(50 * H)
    expect(sim.nowNs).toBeLessThan(50 * H + 36 * S * 20)
  })

  it("with no channels every call is blocked and nothing is carried", () => {
    const { sim, load } = newLoad(1, 0, exponential(36 * S))
    load.start(0)
    sim.runUntil(1 * H)
    expect(load.trunks.offered).toBeGreaterThan(900)
    expect(load.trunks.blockingRatio).toBe(1)
    expect(load.trunks.meanBusyChannels(sim.nowNs)).toBe(0)
  })

  it("reports its offered traffic and rejects bad settings", () => {
    expect(newLoad(1, 15, exponential(36 * S)).load.offeredErlangs).toBeCloseTo(10, 12)
    expect(() => newLoad(1, 15, exponential(36 * S), undefined, 0)).toThrow(/calls per hour must be finite and > 0, got 0/)
    expect(() => newLoad(1, 2.5, exponential(36 * S))).toThrow(/channels must be an integer/)
    const { sim, load } = newLoad(1, 15, normal(S, 10 * S))
    load.start(0)
    expect(() => sim.runUntil(1 * H)).toThrow(/a holding time must be a finite number of ns ≥ 0/)
  })
})

describe("trunk group", () => {
  it("hands out channels 0, 1, 2, blocks the fourth call and reuses the last channel freed", () => {
    const group = new TrunkGroup(3)
    expect([group.seize(0), group.seize(0), group.seize(0), group.seize(0)]).toEqual([0, 1, 2, -1])
    group.release(1, 5)
    expect(group.seize(6)).toBe(1)
    expect([group.offered, group.carried, group.blocked, group.busyChannels]).toEqual([5, 4, 1, 3])
    expect(group.blockingRatio).toBeCloseTo(0.2, 15)
    group.release(1, 7)
    expect(() => group.release(1, 8)).toThrow(/channel 1 is not in use/)
  })

  it("integrates busy channels over time: 1 for 10 ns, 2 for 20 ns, 1 for 10 ns is a mean of 1.5", () => {
    const group = new TrunkGroup(2)
    group.seize(0)
    group.seize(10)
    group.release(1, 30)
    expect(group.meanBusyChannels(40)).toBeCloseTo(1.5, 15)
    // From a reset on, only what follows counts: 1 busy channel from 40 to 60.
    group.resetStatistics(40)
    expect(group.offered).toBe(0)
    expect(group.meanBusyChannels(60)).toBe(1)
    expect(group.meanBusyChannels(40)).toBe(1)
    expect(() => group.meanBusyChannels(20)).toThrow(RangeError)
  })
})
