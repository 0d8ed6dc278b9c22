import { describe, expect, it } from "vitest"
import { CODEC_IMPAIRMENTS, narrowbandImpairment } from "../../src/quality/g113.ts"
import { G113_WIDEBAND_IMPAIRMENTS } from "../../src/quality/g113-wideband.ts"

describe("G.113 Appendix IV wideband impairments", () => {
  // G.722 at 64 kbit/s and G.722.2 (AMR-WB) at 12.65 kbit/s share Ie,wb 13 in Table IV.1: the
  // usual statement that AMR-WB 12.65 matches G.722 64.
  it.each([
    ["G.722-64", 13],
    ["G.722.2-12.65", 13],
  ] as const)("%s: Ie,wb %d (Table IV.1)", (codec, ieWb) => {
    expect(G113_WIDEBAND_IMPAIRMENTS[codec].ieWb).toBe(ieWb)
    expect(G113_WIDEBAND_IMPAIRMENTS[codec].source).toMatch(/G\.113 App\. IV Table IV\.1/)
  })

  it("catalogue rows keep them on the wideband scale, with no Bpl", () => {
    for (const key of ["G.722-64", "AMR-WB-12.65"]) {
      const row = CODEC_IMPAIRMENTS[key]!
      expect(row.scale).toBe("G.107.1")
      expect(row.ie).toBe(13)
      expect([row.bplWithPlc, row.bplNoPlc]).toEqual([null, null])
      expect(row.provisional).toEqual([])
    }
  })

  it("are never fed to the narrowband E-model", () => {
    const result = narrowbandImpairment("G.722-64", true)
    expect(result).toEqual({ missing: expect.stringMatching(/wideband scale \(ITU-T G\.107\.1\)/) })
  })
})
