import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { eModel } from "../../src/quality/emodel.ts"
import { eModelWideband, G1071_DEFAULTS, IS_WB, RO_WB } from "../../src/quality/emodel-wideband.ts"
import type { EModelWidebandInput } from "../../src/quality/emodel-wideband.ts"
import { widebandAbsoluteDelayIdd, widebandEchoK } from "../../src/quality/emodel-wideband-id.ts"
import { mosFromRwb, rwbFromMos, RWB_PER_R } from "../../src/quality/mos-wideband.ts"
import { mosFromR, R_AT_MOS_1 } from "../../src/quality/mos.ts"

describe("wideband E-model with the G.107.1 Table 1 default values", () => {
  const r = eModelWideband()

  it("has Ro,WB = 129 and Is,WB = 0 (G.107.1 (06/2019) eqs. 7-2, 7-3)", () => {
    expect(RO_WB).toBe(129)
    expect(IS_WB).toBe(0)
    expect(r.Ro).toBe(129)
    expect(r.Is).toBe(0)
  })

  it("gives Rwb = 128.85: 129 less the residual listener echo at WEPL 110 dB", () => {
    // Hand-worked (T = Tr = Ta = 0, Ie,WB = 0, A = 0):
    //   Idte = 0 (T < 1 ms); Idd = 0 (Ta <= 100 ms); Ie,eff = 0 (Ppl = 0)
    //   Rle = 10.5 (110 + 7) (0 + 1)^-1/4 = 1228.5
    //   Idle = (129 - 1228.5)/2 + sqrt(1099.5^2/4 + 169) = -549.75 + 549.903685 = 0.153685
    //   Rwb = 129 - 0 - 0.153685 - 0 + 0 = 128.846315
    // The narrowband model keeps the same residual (its 93.2 includes Idle 0.149), so the
    // wideband defaults give 128.8, not exactly 129.
    expect(r.Idte).toBe(0)
    expect(r.Idd).toBe(0)
    expect(r.IeEff).toBe(0)
    expect(r.Rle).toBeCloseTo(1228.5, 9)
    expect(r.Idle).toBeCloseTo(0.153685, 6)
    expect(r.R).toBeCloseTo(128.846315, 6)
    expect(Math.round(r.R * 10) / 10).toBe(128.8)
  })

  it("gives MOS 4.4992 (Annex A: Rx = 128.846315 / 1.29 = 99.880865)", () => {
    // 1 + 0.035 * 99.880865 + 99.880865 * 39.880865 * 0.119135 * 7e-6 = 1 + 3.495830 + 0.003322 = 4.499152
    expect(r.Rx).toBeCloseTo(99.880865, 6)
    expect(r.MOS).toBeCloseTo(4.499152, 6)
  })

  it("computes No for Roe with the G.107 §7.2 summation and Nfor -96 dBmp", () => {
    // Nos = -75.744 and Nor = -83.357806 as in the narrowband defaults; Nfo = -96 + 2 = -94;
    //   No = 10 lg(1e-7 (1 + 10^-0.5744 + 10^-1.3357806 + 10^-2.4)) = 10 lg(1e-7 (1 + 0.266440 + 0.046155 + 0.003981))
    //      = 10 lg(1.316576e-7) = -68.8055;  Roe = -1.5 (-68.8055 - 2) = 106.2083
    expect(r.No).toBeCloseTo(-68.8055, 4)
    expect(r.Roe).toBeCloseTo(106.2083, 4)
  })

  it("takes the defaults for every missing field, and adds A directly to Rwb (eq. 7-1)", () => {
    expect(eModelWideband({}).R).toBe(eModelWideband({ ...G1071_DEFAULTS }).R)
    expect(eModelWideband({ A: 10 }).R - r.R).toBeCloseTo(10, 12)
    expect(eModelWideband({ IeWB: 20 }).R).toBeCloseTo(r.R - 20, 12)
  })
})

describe("G.722 at 64 kbit/s, no loss and no delay", () => {
  // Ie,WB = 13: ITU-T G.113 Appendix IV, Table IV.1 (monotic listening).
  const r = eModelWideband({ IeWB: 13 })

  it("gives Rwb = 116 (129 - 13, less the 0.15 residual listener echo)", () => {
    expect(r.IeEff).toBe(13)
    expect(r.R + r.Idle).toBe(116)
    expect(r.R).toBeCloseTo(115.846315, 6)
    expect(Math.round(r.R)).toBe(116)
  })

  it("gives MOS 4.33 (Rx = 89.803345)", () => {
    // 1 + 0.035 * 89.803345 + 89.803345 * 29.803345 * 10.196655 * 7e-6 = 1 + 3.143117 + 0.191035 = 4.334152
    expect(r.MOS).toBeCloseTo(4.334152, 6)
  })
})

describe("Rwb -> MOS (G.107.1 Annex A: the G.107 Annex B curve at Rx = Rwb / 1.29)", () => {
  it("maps Rwb 129 to the narrowband MOS of R 100, i.e. 4.5", () => {
    expect(RWB_PER_R).toBe(1.29)
    expect(mosFromRwb(129)).toBeCloseTo(mosFromR(100), 12)
    expect(mosFromRwb(129)).toBeCloseTo(4.5, 12)
  })

  it.each([
    // [Rwb, R on the narrowband scale, MOS hand-worked from Annex B]
    [116.1, 90, 4.339], // 1 + 3.15 + 90*30*10*7e-6
    [103.2, 80, 4.024], // 1 + 2.8 + 80*20*20*7e-6
    [77.4, 60, 3.1], //   1 + 2.1 + 0
    [64.5, 50, 2.575], // 1 + 1.75 - 50*10*50*7e-6
  ])("Rwb %d is R %d: MOS %d", (Rwb, R, mos) => {
    expect(mosFromRwb(Rwb)).toBeCloseTo(mosFromR(R), 12)
    expect(mosFromRwb(Rwb)).toBeCloseTo(mos, 12)
  })

  it("gives the narrowband default's MOS at Rwb = 1.29 x 93.206208", () => {
    expect(mosFromRwb(1.29 * eModel().R)).toBeCloseTo(eModel().MOS, 12)
  })

  it("clamps to 1 below Rwb = 0 and to 4.5 above Rwb = 129", () => {
    expect(mosFromRwb(-5)).toBe(1)
    expect(mosFromRwb(0)).toBe(1)
    expect(mosFromRwb(129.001)).toBe(4.5)
    expect(mosFromRwb(200)).toBe(4.5)
  })

  it("is not the narrowband mapping applied to Rwb", () => {
    // Rwb 100 is Rx 77.52: MOS 3.93, where mosFromR(100) would claim 4.5.
    expect(mosFromRwb(100)).toBeCloseTo(3.926893, 6)
  })

  it("is inverted by rwbFromMos on its increasing branch", () => {
    expect(rwbFromMos(4.5)).toBeCloseTo(129, 9)
    expect(rwbFromMos(1)).toBeCloseTo(1.29 * R_AT_MOS_1, 9)
    fc.assert(
      fc.property(fc.double({ min: 1.29 * R_AT_MOS_1, max: 129, noNaN: true }), (Rwb) => {
        expect(rwbFromMos(mosFromRwb(Rwb))).toBeCloseTo(Rwb, 6)
      }),
    )
  })
})

describe("Ie,eff,WB under packet loss (G.107.1 §7.5, eq. 7-15)", () => {
  // Ie,eff,WB = Ie,WB + (95 - Ie,WB) Ppl / (Ppl/BurstR + Bpl); BurstR = 1 is eq. 7-15 itself.
  it.each([
    // G.722 (Ie,WB 13) with Bpl 4.3, 2 % random loss: 13 + 82 * 2 / (2 + 4.3) = 13 + 164 / 6.3 = 39.031746
    //   (129 in place of 95 would give 13 + 116 * 2 / 6.3 = 49.825397)
    [13, 4.3, 2, 1, 39.031746],
    // G.722.2 at 12.65 kbit/s, diotic (G.113 Table IV.3 Ie,WB 20, Table IV.4 Bpl 4.3), 2 %:
    //   20 + 75 * 2 / 6.3 = 20 + 23.809524 = 43.809524
    [20, 4.3, 2, 1, 43.809524],
    // Ie,WB 0, Bpl 10, 1 %: 95 * 1 / (1 + 10) = 8.636364
    [0, 10, 1, 1, 8.636364],
    // bursty, BurstR 2: 13 + 82 * 2 / (2/2 + 4.3) = 13 + 164 / 5.3 = 13 + 30.943396 = 43.943396
    [13, 4.3, 2, 2, 43.943396],
    // 100 % loss: 13 + 82 * 100 / 104.3 = 13 + 78.619367 = 91.619367
    [13, 4.3, 100, 1, 91.619367],
  ])("Ie,WB %d, Bpl %d, Ppl %d %%, BurstR %d: %d", (IeWB, Bpl, Ppl, BurstR, expected) => {
    expect(eModelWideband({ IeWB, Bpl, Ppl, BurstR }).IeEff).toBeCloseTo(expected, 6)
  })

  it("gives Rwb and MOS for G.722 at 2 % random loss", () => {
    // Rwb = 129 - 0.153685 - 39.031746 = 89.814569;  Rx = 69.623697
    // MOS = 1 + 0.035 * 69.623697 + 69.623697 * 9.623697 * 30.376303 * 7e-6 = 1 + 2.436829 + 0.142473 = 3.579302
    const r = eModelWideband({ IeWB: 13, Bpl: 4.3, Ppl: 2 })
    expect(r.R).toBeCloseTo(89.814569, 6)
    expect(r.MOS).toBeCloseTo(3.579302, 6)
  })
})

describe("Id,WB: delay impairments (G.107.1 §7.4)", () => {
  // Idd,WB = 1.29 Idd, X = log2(Ta/100), Idd = 25 {(1 + X^6)^(1/6) - 3 (1 + (X/3)^6)^(1/6) + 2}:
  //   Ta 150: X = 0.584963, X^6 = 0.040065 -> 1.006569; (X/3)^6 = 5.4959e-5 -> 3.000027;
  //           Idd = 25 * 0.006541 = 0.163531; Idd,WB = 1.29 * 0.163531 = 0.210955
  //   Ta 300: X = 1.584963, X^6 = 15.853091 -> 16.853091^(1/6) = 1.601204; (X/3)^6 = 0.021746 -> 3.010776;
  //           Idd = 25 * 0.590428 = 14.760695; Idd,WB = 1.29 * 14.760695 = 19.041296
  it.each([
    [100, 0],
    [150, 0.210955],
    [300, 19.041296],
  ])("absolute delay alone, Ta = %d ms: Idd,WB = %d", (Ta, expected) => {
    const r = eModelWideband({ Ta })
    expect(r.Idd).toBeCloseTo(expected, 6)
    expect(r.Id).toBeCloseTo(r.Idd + r.Idle, 12)
    expect(r.Idd).toBeCloseTo(1.29 * eModel({ Ta }).Idd, 12)
  })

  // The engine's mapping of a one-way delay d: T = Ta = d, Tr = 2d; Roe = 106.208309 (defaults).
  //   d = 150: K = 18; TERV = 65 + 18 - 40 lg(16/2) + 6 e^-6750 = 83 - 36.123599 = 46.876401
  //            Re = 80 + 3 (46.876401 - 14) = 178.629202; x = Roe - Re = -72.420893
  //            Idte = (-36.210446 + sqrt(72.420893^2/4 + 100) - 1)(1 - e^-150) = -36.210446 + 37.565894 - 1 = 0.355448
  //            Rle = 1228.5 / 301^(1/4) = 1228.5 / 4.165255 = 294.939906
  //            Idle = (129 - 294.939906)/2 + sqrt(165.939906^2/4 + 169) = -82.969953 + 83.982219 = 1.012266
  //            Id = 0.355448 + 1.012266 + 0.210955 = 1.578669;  Rwb = 129 - 1.578669 = 127.421331
  //   d = 300: K = 18; TERV = 83 - 40 lg(31/3) = 83 - 40.569618 = 42.430382
  //            Re = 80 + 3 (42.430382 - 14) = 165.291147; x = -59.082838
  //            Idte = -29.541419 + sqrt(59.082838^2/4 + 100) - 1 = -29.541419 + 31.188066 - 1 = 0.646647
  //            Rle = 1228.5 / 601^(1/4) = 1228.5 / 4.951293 = 248.117012
  //            Idle = -59.558506 + sqrt(119.117012^2/4 + 169) = -59.558506 + 60.960771 = 1.402265
  //            Id = 0.646647 + 1.402265 + 19.041296 = 21.090208;  Rwb = 129 - 21.090208 = 107.909792
  // Cross-check: the Go implementation in github.com/bgrewell/loom (core/quality/emodel) pins
  // Idte 0.355448, Idle 1.012266, Idd 0.210955 and R = 129 - 5 - 1.578669 at d = 150 ms.
  it.each([
    [150, 18, 46.876401, 178.629202, 0.355448, 294.939906, 1.012266, 0.210955, 1.578669, 127.421331],
    [300, 18, 42.430382, 165.291147, 0.646647, 248.117012, 1.402265, 19.041296, 21.090208, 107.909792],
  ])("one-way delay d = %d ms (T = Ta = d, Tr = 2d)", (d, K, TERV, Re, Idte, Rle, Idle, Idd, Id, R) => {
    const r = eModelWideband({ T: d, Ta: d, Tr: 2 * d })
    expect(r.K).toBe(K)
    expect(r.TERV).toBeCloseTo(TERV, 6)
    expect(r.Re).toBeCloseTo(Re, 6)
    expect(r.Idte).toBeCloseTo(Idte, 6)
    expect(r.Rle).toBeCloseTo(Rle, 6)
    expect(r.Idle).toBeCloseTo(Idle, 6)
    expect(r.Idd).toBeCloseTo(Idd, 6)
    expect(r.Id).toBeCloseTo(Id, 6)
    expect(r.R).toBeCloseTo(R, 6)
  })

  it("uses K = 0.08 T + 10 below 100 ms (eq. 7-9), continuous with K = 18 at 100 ms (eq. 7-10)", () => {
    // T = 50: K = 14; TERV = 65 + 14 - 40 lg(6/(4/3)) = 79 - 26.128501 = 52.871499
    //   Re = 80 + 3 * 38.871499 = 196.614498; x = 106.208309 - 196.614498 = -90.406189
    //   Idte = -45.203095 + sqrt(90.406189^2/4 + 100) - 1 = 0.092907
    expect(widebandEchoK(0)).toBe(10)
    expect(widebandEchoK(50)).toBe(14)
    expect(widebandEchoK(99.999)).toBeCloseTo(18, 3)
    expect(widebandEchoK(100)).toBe(18)
    expect(widebandEchoK(1000)).toBe(18)
    const r = eModelWideband({ T: 50 })
    expect(r.TERV).toBeCloseTo(52.871499, 6)
    expect(r.Idte).toBeCloseTo(0.092907, 6)
  })

  it("keeps Idte = 0 for T < 1 ms, as G.107 does", () => {
    expect(eModelWideband({ T: 0.5 }).Idte).toBe(0)
  })

  it("approaches 1.29 times Idd's ceiling of 50", () => {
    expect(widebandAbsoluteDelayIdd(1e9)).toBeGreaterThan(1.29 * 49)
    expect(widebandAbsoluteDelayIdd(1e9)).toBeLessThan(1.29 * 50)
  })
})

describe("monotonicity (fast-check)", () => {
  const ROUNDING = 1e-9
  const rAt = (input: Partial<EModelWidebandInput>): number => eModelWideband(input).R
  const ordered = (lo: number, hi: number) =>
    fc
      .tuple(fc.double({ min: lo, max: hi, noNaN: true }), fc.double({ min: lo, max: hi, noNaN: true }))
      .map(([a, b]) => (a <= b ? ([a, b] as const) : ([b, a] as const)))

  it("Rwb never rises as the absolute delay Ta grows, and falls once Ta > 100 ms", () => {
    fc.assert(
      fc.property(ordered(0, 5000), ([a, b]) => {
        expect(rAt({ Ta: b })).toBeLessThanOrEqual(rAt({ Ta: a }) + ROUNDING)
        if (b > 110 && b - a > 0.01) expect(rAt({ Ta: b })).toBeLessThan(rAt({ Ta: a }))
      }),
    )
  })

  it("Rwb falls as the 4-wire loop delay Tr grows", () => {
    fc.assert(
      fc.property(ordered(0, 5000), ([a, b]) => {
        fc.pre(b - a > 1e-3)
        expect(rAt({ Tr: b })).toBeLessThan(rAt({ Tr: a }))
      }),
    )
  })

  it("Rwb and MOS never rise as a one-way delay d grows (T = Ta = d, Tr = 2d), for d >= 2.5 ms", () => {
    // Below that, as in G.107: Idte = 0 for T < 1 ms and slightly negative just above (TELR 65),
    // so Rwb steps up at 1 ms and creeps up to T ~ 2.3 ms.
    fc.assert(
      fc.property(ordered(2.5, 2000), ([a, b]) => {
        const ra = eModelWideband({ T: a, Ta: a, Tr: 2 * a })
        const rb = eModelWideband({ T: b, Ta: b, Tr: 2 * b })
        expect(rb.R).toBeLessThanOrEqual(ra.R + ROUNDING)
        expect(rb.MOS).toBeLessThanOrEqual(ra.MOS + ROUNDING)
      }),
    )
  })

  it("Rwb and MOS fall as the packet loss Ppl grows, for any codec and burst ratio", () => {
    fc.assert(
      fc.property(
        ordered(0, 100),
        fc.double({ min: 0, max: 60, noNaN: true }),
        fc.double({ min: 1, max: 40, noNaN: true }),
        fc.double({ min: 1, max: 10, noNaN: true }),
        ([a, b], IeWB, Bpl, BurstR) => {
          fc.pre(b - a > 1e-4)
          const ra = eModelWideband({ Ppl: a, IeWB, Bpl, BurstR })
          const rb = eModelWideband({ Ppl: b, IeWB, Bpl, BurstR })
          expect(rb.R).toBeLessThan(ra.R)
          // Annex B's curve rises only above R ~ 3.2, i.e. Rwb ~ 4.2 (see mos.ts)
          if (rb.R > 1.29 * 3.3) expect(rb.MOS).toBeLessThanOrEqual(ra.MOS)
        },
      ),
    )
  })

  it("Rwb falls as the burst ratio grows at a fixed loss", () => {
    fc.assert(
      fc.property(ordered(1, 20), fc.double({ min: 0.1, max: 20, noNaN: true }), ([a, b], Ppl) => {
        fc.pre(b - a > 1e-3)
        expect(rAt({ Ppl, BurstR: b })).toBeLessThan(rAt({ Ppl, BurstR: a }))
      }),
    )
  })
})
