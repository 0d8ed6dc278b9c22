import { describe, expect, it } from "vitest"
import { NETEQ_DEFAULTS } from "../../src/jitter/neteq.ts"
import { NetEqDelayManager } from "../../src/jitter/neteq-delay-manager.ts"

const MS = 1_000_000

describe("NetEq delay manager", () => {
  // The resampling stopwatch starts at the first update (t = 0). At 520 ms (> 500) the largest delay
  // of the interval, 90 ms, goes into the histogram: bucket ⌊90/20⌋ = 4, target (1 + 4)·20 = 100 ms.
  // The packet at 520 opens the next interval; at 1021 (501 ms later) its maximum, 0, gives bucket 0:
  // target 20 ms (the second sample still replaces the first: forget factor 0).
  it("starts at 80 ms, then takes the 95 % quantile of the resampled relative delays", () => {
    const dm = new NetEqDelayManager(NETEQ_DEFAULTS, 20 * MS)
    dm.update(30 * MS, false, 0)
    expect(dm.targetNs).toBe(80 * MS)
    dm.update(90 * MS, false, 300 * MS)
    dm.update(10 * MS, false, 500 * MS) // 500 − 0 is not more than 500
    expect(dm.targetNs).toBe(80 * MS)
    dm.update(0, false, 520 * MS)
    expect(dm.targetNs).toBe(100 * MS)
    dm.update(0, false, 1020 * MS)
    expect(dm.targetNs).toBe(100 * MS)
    dm.update(15 * MS, false, 1021 * MS)
    expect(dm.targetNs).toBe(20 * MS)
  })

  it("ignores reordered packets", () => {
    const dm = new NetEqDelayManager(NETEQ_DEFAULTS, 20 * MS)
    dm.update(0, false, 0)
    dm.update(500 * MS, true, 100 * MS)
    dm.update(0, false, 600 * MS)
    expect(dm.targetNs).toBe(20 * MS)
  })

  it("keeps the target within 3/4 of the packet buffer", () => {
    const dm = new NetEqDelayManager({ ...NETEQ_DEFAULTS, maxPacketsInBuffer: 4 }, 20 * MS)
    dm.update(0, false, 0)
    expect(dm.targetNs).toBe(60 * MS) // min(80, 3·4·20/4)
  })
})
