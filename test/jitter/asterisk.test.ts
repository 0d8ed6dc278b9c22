import { describe, expect, it } from "vitest"
import { ASTERISK_DEFAULTS, AsteriskJitterBuffer } from "../../src/jitter/asterisk.ts"
import { MS, playTrace, stream } from "./play-trace.ts"

const timing = { frameNs: 20 * MS, samplesPerFrame: 160 }
const range = (from: number, to: number, line: (t: number) => string) => {
  const out: string[] = []
  for (let t = from; t <= to; t += 20) out.push(line(t))
  return out
}

const ticksFromIndex = (ticks: string[], first: string, count: number) => ticks.slice(ticks.indexOf(first), ticks.indexOf(first) + count)

describe("Asterisk adaptive jitter buffer", () => {
  it("has Asterisk's defaults", () => {
    expect(ASTERISK_DEFAULTS).toMatchObject({ historySize: 500, dropPercent: 3, targetExtraMs: 40, adjustDelayMs: 40, maxJitterBufferMs: 200, resyncThresholdMs: 1000, maxContiguousInterpolations: 10 })
  })

  // Constant delay: min = jitter = 0, so target = 40 ms; the first packet (at 10 ms) plays 40 ms
  // after it. Every arrival enters the history, copies too (Asterisk has no duplicate check): a
  // copy of frame 2 arriving at 55 has delay (55 − 10) − 40 = 5 ms, so at 70 jitter = 5, target =
  // 45 > current 40, and the last adjustment (none) is more than 40 ms ago: grow by one frame.
  it("starts target_extra after the first packet, and grows when a copy shows more delay", () => {
    const jb = new AsteriskJitterBuffer(timing)
    const trace = stream(4, () => 10)
    const r = playTrace(jb, [...trace, { ...trace[2]!, arrivalMs: 55 }], 20, 130)
    expect(jb.playoutStartNs).toBe(50 * MS)
    expect(r.inserts).toEqual(["0 accepted", "1 accepted", "2 accepted", "2 duplicate", "3 accepted"])
    expect(r.ticks).toEqual(["50 normal 0", "70 preemptive-expand -", "90 normal 1", "110 normal 2", "130 normal 3"])
    expect(jb.decision.targetDelayNs).toBe(45 * MS)
    expect(jb.currentDelayNs).toBe(60 * MS) // 15 ms above target: not enough to shrink (40 ms)
  })

  // Delay 0, then 60 ms from frame 10 (sent at 200 ms). First arrival at 0: frame k plays at 40 + 20k.
  // 240: frame 10 (arrives 260) missing, target still 40: interpolate (expand). 260: the same for 11.
  // 260: frame 10 arrives, behind the playout point: late. 280: the history holds ten 0s and one 60:
  // index ⌊11·3/100⌋ = 0, jitter 60, target 100 > current 40, and 40 ms since the last adjustment
  // (none): grow to 60. 300: diff 40 is more than the buffer holds (empty): grow to 80. 320: diff 20,
  // more than the span of the one frame held (0): grow to 100. 340: frame 12 plays, 100 ms after it was sent.
  it("grows by one frame per tick after a delay step up", () => {
    const jb = new AsteriskJitterBuffer(timing)
    const r = playTrace(jb, stream(16, (k) => (k < 10 ? 0 : 60)), 20, 360)
    expect(r.inserts.slice(10, 12)).toEqual(["10 late", "11 late"])
    expect(r.ticks.slice(9)).toEqual([
      "220 normal 9",
      "240 expand -",
      "260 expand -",
      "280 preemptive-expand -",
      "300 preemptive-expand -",
      "320 preemptive-expand -",
      "340 normal 12",
      "360 normal 13",
    ])
    expect(jb.currentDelayNs).toBe(100 * MS)
    expect(jb.decision.targetDelayNs).toBe(100 * MS) // jitter 60 + 40, min 0
  })

  // Delay 60 ms, then 0 from frame 10. Relative to the first packet the delays are 0 (ten of them)
  // then −60. The target is the 97th-percentile delay + 40 ms: 40 while the ten 0s are among the
  // top 3 %, i.e. until ⌊n·3/100⌋ reaches 10 at n = 334 packets. Frame 333 arrives at 6660, just
  // after that tick; at 6680 the target is −60 + 40 = −20, current 40 exceeds it by more than 40
  // and no adjustment was made in the last 500 ms: shrink. The frame due (329) is dropped and the
  // next (330) played in the same tick: accelerate. Current is then 20: 40 above target, no more.
  it("shrinks, dropping a frame, once the old delays leave the history's top 3 %", () => {
    const jb = new AsteriskJitterBuffer(timing)
    const r = playTrace(jb, stream(340, (k) => (k < 10 ? 60 : 0)), 20, 6720)
    expect(r.ticks.filter((t) => !t.includes("normal"))).toEqual(["6680 accelerate 330"])
    const at = r.ticks.indexOf("6660 normal 328")
    expect(r.ticks.slice(at, at + 4)).toEqual(["6660 normal 328", "6680 accelerate 330", "6700 normal 331", "6720 normal 332"])
    expect(jb.currentDelayNs).toBe(20 * MS)
    expect(jb.stats).toMatchObject({ accelerates: 1, framesDropped: 1, lateDiscards: 0 })
  })

  // Packet 50 alone is 100 ms late: it arrives at 1100, after its tick (1040): concealed, then late.
  // Its delay is in the history, but with 51 delays the index is ⌊51·3/100⌋ = 1: the single
  // outlier is dropped, jitter stays 0, target 40: the buffer does not grow.
  it("ignores a one-packet spike in its target", () => {
    const jb = new AsteriskJitterBuffer(timing)
    const r = playTrace(jb, stream(60, (k) => (k === 50 ? 100 : 0)), 20, 1220)
    expect(r.ticks.filter((t) => !t.includes("normal"))).toEqual(["1040 expand -", "1060 merge 51"])
    expect(ticksFromIndex(r.ticks, "1040 expand -", 3)).toEqual(["1040 expand -", "1060 merge 51", "1080 normal 52"])
    expect(r.inserts).toContain("50 late")
    expect(jb.decision.targetDelayNs).toBe(40 * MS)
  })

  // The sender restarts with timestamps 60 s ahead (frame k ≥ 5: timestamp 160k + 480 000).
  // Delay −60 000 ms: a jump beyond 2·0 + 1000 ms. Packets 5–7 are discarded; the 4th (8, at
  // 160 ms) resyncs: its delay becomes 0, so its frame index is 160/20 = 8, and it plays current
  // (40 ms) after its arrival, at 200; the playout point had moved on by concealing 5–7.
  it("resyncs after the fourth packet in a row with a delay jump", () => {
    const jb = new AsteriskJitterBuffer(timing)
    const trace = stream(11, () => 0).map((a, k) => (k < 5 ? a : { ...a, rtpTimestamp: a.rtpTimestamp + 480_000, marker: false }))
    const r = playTrace(jb, trace, 20, 240)
    expect(r.inserts).toEqual(["0 accepted", "1 accepted", "2 accepted", "3 accepted", "4 accepted", "5 discarded", "6 discarded", "7 discarded", "8 accepted", "9 accepted", "10 accepted"])
    expect(r.ticks.slice(4)).toEqual(["120 normal 4", "140 expand -", "160 expand -", "180 expand -", "200 merge 8", "220 normal 9", "240 normal 10"])
    expect(jb.stats).toMatchObject({ resyncs: 1, discarded: 3 })
  })

  // Frames 10–59 lost (a 1 s outage). After 10 interpolations (240–420) the gap counts as silence:
  // comfort noise. Frame 60 arrives at 1200; it starts at its time + target = 1200 + 40.
  it("takes a long gap for silence after 10 interpolations and restarts at time + target", () => {
    const jb = new AsteriskJitterBuffer(timing)
    const r = playTrace(jb, stream(62, (k) => (k >= 10 && k < 60 ? null : 0)), 20, 1260)
    expect(r.ticks.slice(10)).toEqual([
      ...range(240, 420, (t) => `${t} expand -`),
      ...range(440, 1220, (t) => `${t} comfort-noise -`),
      "1240 normal 60",
      "1260 normal 61",
    ])
    expect(jb.currentDelayNs).toBe(40 * MS)
  })

  // Timestamps and sequence numbers wrap; the third packet (seq 0) is 25 ms later than the others
  // and arrives after the fourth. Its delay enters the history: at 85, jitter 25, target 65 >
  // current 40: grow by a frame (to 60); at 145, 60 ms after that, current 60 is still below 65:
  // grow again (to 80). The frames play in timestamp order.
  it("orders by timestamp across both wrap-arounds", () => {
    const jb = new AsteriskJitterBuffer(timing)
    const trace = stream(5, (k) => (k === 2 ? 30 : 5), { seq: 65534, rtpTimestamp: 4_294_967_000 })
    const r = playTrace(jb, trace, 20, 165)
    expect(r.inserts).toEqual(["65534 accepted", "65535 accepted", "1 accepted", "0 accepted", "2 accepted"])
    expect(r.ticks).toEqual(["45 normal 65534", "65 normal 65535", "85 preemptive-expand -", "105 normal 0", "125 normal 1", "145 preemptive-expand -", "165 normal 2"])
    expect(jb.currentDelayNs).toBe(80 * MS)
  })
})
