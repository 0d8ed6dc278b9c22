import { describe, expect, it } from "vitest"
import { NETEQ_DEFAULTS, NetEqJitterBuffer } from "../../src/jitter/neteq.ts"
import { MS, playTrace, stream } from "./play-trace.ts"

const timing = { frameNs: 20 * MS, samplesPerFrame: 160 }
const range = (from: number, to: number, line: (t: number) => string) => {
  const out: string[] = []
  for (let t = from; t <= to; t += 20) out.push(line(t))
  return out
}
/** The ticks from the one at `fromMs` on, `count` of them. */
const ticksFrom = (ticks: string[], fromMs: number, count: number) => {
  const at = ticks.findIndex((t) => t.startsWith(`${fromMs} `))
  return ticks.slice(at, at + count)
}

describe("NetEq-like jitter buffer", () => {
  it("has NetEq's defaults", () => {
    expect(NETEQ_DEFAULTS).toMatchObject({ quantile: 0.95, forgetFactor: 0.983, startForgetWeight: 2, resampleIntervalMs: 500, histogramBucketMs: 20, startDelayMs: 80, maxPacketsInBuffer: 200 })
  })

  // Constant delay 10 ms. The first packet plays at once (10). Packet 1 arrives at 30 just after
  // the tick: nothing held, expand (waiting for it); 50: merge. Target 80 ms until the first
  // histogram sample: the stopwatch starts at the second packet (30) and samples at the first
  // arrival more than 500 ms later (550: packet 27); relative delay 0, bucket 0: target 20 ms
  // from the next tick. Meanwhile the filtered level (at most the 20 ms held) is below
  // low = max(¾·80, 80 − 85) = 60 ms: preemptive expands at the first ticks time-stretching allows,
  // 10 + 200 and 210 + 200. With target 20 (low 15, high 35) the extra 40 ms are accelerated away.
  it("settles a clean stream at a small target", () => {
    const jb = new NetEqJitterBuffer(timing)
    const r = playTrace(jb, stream(100, () => 10), 20, 2010)
    expect(r.ticks.slice(0, 4)).toEqual(["10 normal 0", "30 expand -", "50 merge 1", "70 normal 2"])
    expect(r.ticks.filter((t) => t.includes("preemptive"))).toEqual(["210 preemptive-expand -", "410 preemptive-expand -"])
    // Frame k plays at 70 + 20k after the two preemptive expands.
    expect(r.targetsMs[r.ticks.indexOf("550 normal 24")]).toBe(80)
    expect(r.targetsMs[r.ticks.indexOf("570 normal 25")]).toBe(20)
    expect(jb.stats).toMatchObject({ expands: 1, merges: 1, preemptiveExpands: 2, accelerates: 2, lateDiscards: 0, framesPlayed: 100 })
    expect(r.ticks.at(-1)).toBe("2010 normal 99") // frame k at 30 + 20k: one frame behind the start
  })

  // Delays by k mod 5: 0, 80, 60, 40, 20 ms: packets 5m+1 … 5m+5 arrive together at 100(m+1), in
  // order (never reordered). Relative delays are the same (the fastest have 0). The stopwatch
  // starts at 100 (second packet); the first arrival more than 500 ms later is at 700 (600 is
  // not more): the interval's largest, 80 ms, is bucket 4: target (1 + 4)·20 = 100 ms.
  it("settles a jittery stream at a larger target", () => {
    const jb = new NetEqJitterBuffer(timing)
    const delay = [0, 80, 60, 40, 20]
    const r = playTrace(jb, stream(150, (k) => delay[k % 5]!), 20, 3000)
    const tickAt = (ms: number) => r.ticks.findIndex((t) => t.startsWith(`${ms} `))
    expect(r.targetsMs[tickAt(700)]).toBe(80)
    expect(r.targetsMs[tickAt(720)]).toBe(100)
    expect(r.targetsMs.at(-1)).toBe(100)
    expect(jb.stats.lateDiscards).toBe(0)
  })

  // Clean stream (delay 10 ms) but frames 100–109 are held up and arrive together at 2210 with
  // frame 110. By then frame k plays at 30 + 20k, so frames 100… are missing from 2030: the buffer
  // expands, waiting, for ten ticks (nothing held: nothing lost), then merges frame 100 at 2230.
  // Level filter (target 20: f = 251/256 per 10 ms, f² = 0.96133 per tick): 15.07 ms after the
  // ten empty ticks, then with 11 frames (220 ms) held, + 220·(1 − f²) = +8.507 each tick:
  // 2230: 22.99, 2250: 30.61, 2270: 37.94 ≥ high = max(20, 15 + 20) = 35, and the last stretch
  // was long ago: accelerate (frames 102 and 103 in one tick). Then every 200 ms while above.
  // The spike reaches the histogram only at the end of its resampling interval, [2210, 2730]:
  // target (1 + ⌊200/20⌋)·20 = 220 ms from the tick after 2730.
  it("expands through a delay spike, then accelerates the backlog away", () => {
    const jb = new NetEqJitterBuffer(timing)
    const r = playTrace(jb, stream(200, (k) => (k >= 100 && k < 110 ? 2210 - 20 * k : 10)), 20, 4000)
    expect(ticksFrom(r.ticks, 2010, 15)).toEqual([
      "2010 normal 99",
      ...range(2030, 2210, (t) => `${t} expand -`),
      "2230 merge 100",
      "2250 normal 101",
      "2270 accelerate 102",
      "2290 normal 104",
    ])
    expect(ticksFrom(r.ticks, 2470, 1)).toEqual(["2470 accelerate 113"])
    const tickAt = (ms: number) => r.ticks.findIndex((t) => t.startsWith(`${ms} `))
    expect([r.targetsMs[tickAt(2730)], r.targetsMs[tickAt(2750)]]).toEqual([20, 220])
    expect(jb.stats.lateDiscards).toBe(0)
  })

  // Frames 100–109 lost. Ten expands while nothing is held (2030–2210); frame 110 is held at 2230:
  // a future packet after 10 expands (200 ms ≥ 100 ms wait): merge, jumping the gap (11 frames of
  // media in one tick). Frame 105, turning up at 2300, is behind the playout point: late.
  it("gives up a lost stretch with a merge that jumps it", () => {
    const jb = new NetEqJitterBuffer(timing)
    const trace = stream(120, (k) => (k >= 100 && k < 110 ? null : 10))
    const r = playTrace(jb, [...trace, { seq: 105, rtpTimestamp: 105 * 160, arrivalMs: 2300 }], 20, 2400)
    expect(ticksFrom(r.ticks, 2210, 3)).toEqual(["2210 expand -", "2230 merge 110", "2250 normal 111"])
    expect(r.inserts).toContain("105 late")
    const merge = new NetEqJitterBuffer(timing)
    playTrace(merge, trace.filter((a) => a.arrivalMs <= 2230), 20, 2230)
    expect(merge.decision).toMatchObject({ kind: "merge", framesConsumed: 11 })
  })

  // Frames 100–199 lost (2 s). The expands run from 2030 to 4010 (100 ticks); at 4030 frame 200 is
  // held, after more than 1 s of expands: restart there (a resync). The filtered level has sunk
  // during the silence: the next tick preemptively expands to build the buffer back up.
  it("restarts after more than a second of expands", () => {
    const jb = new NetEqJitterBuffer(timing)
    const r = playTrace(jb, stream(205, (k) => (k >= 100 && k < 200 ? null : 10)), 20, 4070)
    expect(ticksFrom(r.ticks, 4010, 4)).toEqual(["4010 expand -", "4030 merge 200", "4050 preemptive-expand -", "4070 normal 201"])
    expect(jb.stats).toMatchObject({ resyncs: 1, expands: 101 }) // 100 here and the one at the start
  })

  // Delay 5 ms, but the third packet (seq 0) 28 ms: it arrives at 68, after the fourth (65).
  // 5: the first plays. 25: the second arrives just after the tick: expand (wait). 45: merge it.
  // 65: nothing held (the fourth arrives just after): expand. 85: the third is next: merge; 105: the fourth.
  it("handles reordering, duplicates and both wrap-arounds", () => {
    const jb = new NetEqJitterBuffer(timing)
    const trace = stream(4, (k) => (k === 2 ? 28 : 5), { seq: 65534, rtpTimestamp: 4_294_967_000 })
    const r = playTrace(jb, [...trace, { ...trace[1]!, arrivalMs: 30 }], 20, 105)
    expect(r.inserts).toEqual(["65534 accepted", "65535 accepted", "65535 duplicate", "1 accepted", "0 accepted"])
    expect(r.ticks).toEqual(["5 normal 65534", "25 expand -", "45 merge 65535", "65 expand -", "85 merge 0", "105 normal 1"])
  })

  // PacketBuffer flushes when full (200 packets): the 201st arrival empties it and playout restarts there.
  it("flushes a full buffer and restarts at the next packet", () => {
    const jb = new NetEqJitterBuffer(timing)
    for (let k = 0; k <= 200; k++) jb.insert({ seq: k, rtpTimestamp: 160 * k, marker: false, arrivalNs: k * MS }, k * MS)
    expect(jb.stats).toMatchObject({ packetsAccepted: 201, overflowDiscards: 200, resyncs: 1 })
    expect(jb.pull(300 * MS)?.seq).toBe(200)
    expect(jb.snapshot().bufferedPackets).toBe(0)
  })
})
