import { describe, expect, it } from "vitest"
import { RAMJEE_DEFAULTS, RamjeeJitterBuffer } from "../../src/jitter/ramjee.ts"
import { MS, playTrace, stream } from "./play-trace.ts"

const timing = { frameNs: 20 * MS, samplesPerFrame: 160 }

describe("Ramjee et al. playout buffer", () => {
  it("has the paper's constants", () => {
    expect(RAMJEE_DEFAULTS).toMatchObject({ alpha: 0.998002, variationFactor: 4, spikeAlpha: 0.875, spikeThresholdMs: 100, spikeEndMs: 7.875 })
  })

  // α = 0.5 to keep the arithmetic short; β = 4; 20 ms frames; t = 20·frame ms; n = arrival − t.
  // Talkspurt 1: frames 0–2, talkspurt 2: frames 6–7. In arrival order:
  //   f0 @100  n=100  d̂=100                              v̂=0          first packet: p = 0 + 100 + 0 = 100
  //   f2 @139  n=99   d̂=0.5·100 + 0.5·99 = 99.5          v̂=0.5·0 + 0.5·0.5 = 0.25      p = 40 + 100 = 140 ≥ 139: on time
  //   f1 @160  n=140  d̂=0.5·99.5 + 0.5·140 = 119.75     v̂=0.125 + 0.5·20.25 = 10.25  p = 20 + 100 = 120 < 160: late
  //   f6 @230  n=110  d̂=114.875                          v̂=5.125 + 0.5·4.875 = 7.5625  first of a talkspurt:
  //            p = 120 + 114.875 + 4·7.5625 = 265.125
  //   f7 @245  n=105  d̂=109.9375                         v̂=3.78125 + 2.46875 = 6.25   p = 140 + 145.125 = 285.125
  // Ticks from 100: f0; f1 missing: expand; f2 (after an expand: merge); frames 3, 4, 5, 6 not
  // held: expand (the talkspurt's end is not known yet); at 240 f6 is held but not due: the first
  // talkspurt is over, comfort noise until 265.125; f6 at 280 (first tick after), f7 at 300.
  it("moves the playout point at a talkspurt's first packet, and plays comfort noise between talkspurts", () => {
    const jb = new RamjeeJitterBuffer(timing, { alpha: 0.5 })
    const r = playTrace(
      jb,
      [
        { seq: 0, rtpTimestamp: 0, marker: true, arrivalMs: 100 },
        { seq: 2, rtpTimestamp: 320, arrivalMs: 139 },
        { seq: 1, rtpTimestamp: 160, arrivalMs: 160 },
        { seq: 6, rtpTimestamp: 960, marker: true, arrivalMs: 230 },
        { seq: 7, rtpTimestamp: 1120, arrivalMs: 245 },
      ],
      20,
      300,
    )
    expect(jb.playoutStartNs).toBe(100 * MS)
    expect(r.inserts).toEqual(["0 accepted", "2 accepted", "1 late", "6 accepted", "7 accepted"])
    expect(r.ticks).toEqual([
      "100 normal 0",
      "120 expand -",
      "140 merge 2",
      "160 expand -",
      "180 expand -",
      "200 expand -",
      "220 expand -",
      "240 comfort-noise -",
      "260 comfort-noise -",
      "280 normal 6",
      "300 normal 7",
    ])
    expect(jb.estimator.delayNs / MS).toBeCloseTo(109.9375, 9)
    expect(jb.estimator.variationNs / MS).toBeCloseTo(6.25, 9)
    expect(jb.decision.targetDelayNs / MS).toBeCloseTo(25, 9) // β·v̂
    expect(jb.stats).toMatchObject({ framesPlayed: 4, lateDiscards: 1, expands: 5, merges: 1, comfortNoises: 2 })
  })

  // A packet is late when it arrives after its playout time, even if its tick has not come (the paper's rule).
  it("calls a packet late when it arrives after p_i", () => {
    const jb = new RamjeeJitterBuffer(timing, { alpha: 0.5 })
    // f0 @100: p = 100. f1 @121: n = 101, p = 20 + 100 = 120 < 121.
    const r = playTrace(jb, [{ seq: 0, rtpTimestamp: 0, marker: true, arrivalMs: 100 }, { seq: 1, rtpTimestamp: 160, arrivalMs: 121 }], 20, 100)
    expect(r.inserts).toEqual(["0 accepted", "1 late"])
  })

  // Algorithm 4: a talkspurt that starts in a spike gets d̂ = the spike's delay. Delays 10, 10 ms,
  // then 210 ms for talkspurt 2's first packet: a spike (200 > 100); d̂ = 10 + 210 − 10 = 210,
  // v̂ = 0.125·0 + 0.875·0 = 0, so p = t + 210 = 310 for f5 (t = 100), its arrival: on time, and
  // played at the next tick (the tick at 310 runs before the arrival), after the concealment of the
  // frames the buffer did not know were silence. Algorithm 1 would schedule it at t + d̂ + 4v̂ with
  // d̂ ≈ 10.4: long before it came (late).
  it("with Algorithm 4, schedules a talkspurt that starts in a delay spike at the spike's delay", () => {
    const trace = [
      { seq: 0, rtpTimestamp: 0, marker: true, arrivalMs: 10 },
      { seq: 1, rtpTimestamp: 160, arrivalMs: 30 },
      { seq: 5, rtpTimestamp: 800, marker: true, arrivalMs: 310 },
    ]
    const spiky = new RamjeeJitterBuffer(timing, { algorithm: 4 })
    const r4 = playTrace(spiky, trace, 20, 330)
    expect(r4.inserts).toEqual(["0 accepted", "1 late", "5 accepted"]) // f1 arrives exactly at its tick: the tick runs first
    expect(r4.ticks.slice(-2)).toEqual(["310 expand -", "330 merge 5"])
    const plain = new RamjeeJitterBuffer(timing, { algorithm: 1 })
    expect(playTrace(plain, trace, 20, 310).inserts).toEqual(["0 accepted", "1 late", "5 late"])
  })

  // Timestamps near 2^32 and sequence numbers near 2^16 wrap inside the talkspurt; a copy of a
  // held packet is a duplicate, a copy of a played one is late; 3 and 2 arrive swapped.
  // α = 0.5: f0 @5 (n = 5, p = 5, v̂ = 0); every later packet has p = t + 5.
  it("handles duplicates, reordering and both wrap-arounds", () => {
    const jb = new RamjeeJitterBuffer(timing, { alpha: 0.5 })
    const ts = (k: number) => (4_294_967_136 + 160 * k) >>> 0
    const seq = (k: number) => (65534 + k) & 0xffff
    const r = playTrace(
      jb,
      [
        { seq: seq(0), rtpTimestamp: ts(0), marker: true, arrivalMs: 5 },
        { seq: seq(1), rtpTimestamp: ts(1), arrivalMs: 15 },
        { seq: seq(1), rtpTimestamp: ts(1), arrivalMs: 16 }, // duplicate of a held frame
        { seq: seq(0), rtpTimestamp: ts(0), marker: true, arrivalMs: 17 }, // copy of a played frame
        { seq: seq(3), rtpTimestamp: ts(3), arrivalMs: 50 },
        { seq: seq(2), rtpTimestamp: ts(2), arrivalMs: 44 },
      ],
      20,
      65,
    )
    expect(r.inserts).toEqual(["65534 accepted", "65535 accepted", "65535 duplicate", "65534 late", "0 accepted", "1 accepted"])
    expect(r.ticks).toEqual(["5 normal 65534", "25 normal 65535", "45 normal 0", "65 normal 1"])
    expect(jb.stats).toMatchObject({ duplicates: 1, lateDiscards: 1 })
  })

  // After the talkspurt ends the buffer conceals, one tick per frame, until the next talkspurt's
  // first packet is held: 10 s later, 500 frames on (more than the 256 it can hold ahead), yet
  // beside the playout point, which kept pace. α = 0.5, constant delay 10 ms: p = t + 10.
  it("resumes after a long silence", () => {
    const jb = new RamjeeJitterBuffer(timing, { alpha: 0.5 })
    const r = playTrace(
      jb,
      [
        { seq: 0, rtpTimestamp: 0, marker: true, arrivalMs: 10 },
        { seq: 1, rtpTimestamp: 80_000, marker: true, arrivalMs: 10_010 }, // frame 500
      ],
      20,
      10_030,
    )
    expect(r.inserts).toEqual(["0 accepted", "1 accepted"])
    // p = 10 000 + 10, a tick of the grid 10 + 20k, which runs before the arrival: played at the next one.
    expect(r.ticks.slice(-2)).toEqual(["10010 expand -", "10030 merge 1"])
    expect(jb.stats).toMatchObject({ expands: 500, framesPlayed: 2 }) // ticks 30 to 10 010
  })

  it("with the paper's defaults and one talkspurt, keeps the first packet's offset for good", () => {
    // Without silence suppression the playout point never moves: delay 10 ms, then 11 ms from packet 5.
    const jb = new RamjeeJitterBuffer(timing)
    const r = playTrace(jb, stream(10, (k) => (k < 5 ? 10 : 11)), 20, 200)
    expect(r.inserts.filter((s) => s.endsWith("late"))).toHaveLength(9) // 1–4 arrive at their ticks, 5–9 after
  })
})
