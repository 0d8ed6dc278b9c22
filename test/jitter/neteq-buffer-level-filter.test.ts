import { describe, expect, it } from "vitest"
import { NetEqBufferLevelFilter } from "../../src/jitter/neteq-buffer-level-filter.ts"

describe("NetEq buffer-level filter", () => {
  // Target 20 ms: f = 251/256. From 0 with 40 ms buffered: 40·5/256 = 0.78125, then
  // 0.78125·251/256 + 0.78125 = 1.5472412109375.
  it("smooths the buffered span, the slower the longer the target", () => {
    const f = new NetEqBufferLevelFilter()
    f.setTargetLevel(20)
    f.update(40)
    expect(f.levelNs).toBe(0.78125)
    f.update(40)
    expect(f.levelNs).toBe(1.5472412109375)
    f.setTargetLevel(200) // f = 254/256
    f.update(0)
    expect(f.levelNs).toBe((1.5472412109375 * 254) / 256)
    f.set(60)
    expect(f.levelNs).toBe(60)
  })
})
