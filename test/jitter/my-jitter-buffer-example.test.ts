import { describe, expect, it } from "vitest"
import { WindowedMaxJitterBuffer } from "../../docs/examples/my-jitter-buffer.ts"
import { MS, playTrace, stream } from "./play-trace.ts"

// The example in docs/jitter-buffers.md: importing it here also makes `tsc` check it.
describe("the documented example of a user's own buffer", () => {
  // Delays 10, 30, 10, 30, … ms: packets arrive in pairs, 1 and 2 at 50, 3 and 4 at 90, …
  // First packet at 10: target = margin 10, playout from 20. 40: frame 1 missing, concealed.
  // 50: spread 20, target 30; frame 1 is late. 60 and 80: 20 ms held (frame 2) < 30: stretch.
  // From 100 the held media alternates 60 and 40 ms: within [30, 30 + 2·20): normal.
  it("implements the contract", () => {
    const jb = new WindowedMaxJitterBuffer({ frameNs: 20 * MS, samplesPerFrame: 160 })
    const r = playTrace(jb, stream(9, (k) => (k % 2 === 0 ? 10 : 30)), 20, 180)
    expect(jb.playoutStartNs).toBe(20 * MS)
    expect(r.inserts).toEqual(["0 accepted", "1 late", "2 accepted", "3 accepted", "4 accepted", "5 accepted", "6 accepted", "7 accepted", "8 accepted"])
    expect(r.ticks).toEqual([
      "20 normal 0",
      "40 expand -",
      "60 preemptive-expand -",
      "80 preemptive-expand -",
      "100 normal 2",
      "120 normal 3",
      "140 normal 4",
      "160 normal 5",
      "180 normal 6",
    ])
    expect(jb.snapshot().targetDelayNs).toBe(30 * MS)
  })
})
