import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { mosFromR, R_AT_MOS_1, rFromMos } from "../../src/quality/mos.ts"
import { userSatisfaction } from "../../src/quality/user-satisfaction.ts"

/**
 * G.107 Appendix I closed-form inverse of the Annex B curve (R from MOS-CQE):
 *   R = 20/3 (8 - sqrt(226) cos(h + pi/3)),
 *   h = 1/3 arctan2(18566 - 6750 MOS, 15 sqrt(-903522 + 1113960 MOS - 202500 MOS^2)),
 * where G.107's arctan2(x, y) is the angle of the point (x, y), i.e. Math.atan2(y, x).
 */
function rFromMosAppendixI(mos: number): number {
  const h = Math.atan2(15 * Math.sqrt(-903522 + 1113960 * mos - 202500 * mos * mos), 18566 - 6750 * mos) / 3
  return (20 / 3) * (8 - Math.sqrt(226) * Math.cos(h + Math.PI / 3))
}

describe("mosFromR (G.107 Annex B)", () => {
  it("clamps to 1 below R = 0 and to 4.5 above R = 100", () => {
    expect(mosFromR(-20)).toBe(1)
    expect(mosFromR(0)).toBe(1)
    expect(mosFromR(100)).toBeCloseTo(4.5, 12)
    expect(mosFromR(100.0001)).toBe(4.5)
    expect(mosFromR(250)).toBe(4.5)
  })

  it("gives the MOS lower limits of the G.107 Table B.1 / G.109 categories", () => {
    // G.107 Annex B Table B.1: R lower limits 90, 80, 70, 60, 50 <-> MOS-CQE 4.34, 4.03, 3.60, 3.10, 2.58
    // (the same thresholds appear in OpenBACH voip_qoe compute_mos.py estimate_user_satisfaction).
    // Hand-worked: R 90: 1 + 3.15 + 90*30*10*7e-6 = 4.339; R 80: 1 + 2.8 + 80*20*20*7e-6 = 4.024;
    //              R 70: 1 + 2.45 + 70*10*30*7e-6 = 3.597; R 60: 1 + 2.1 + 0 = 3.1;
    //              R 50: 1 + 1.75 - 50*10*50*7e-6 = 2.575
    // so the table's values are the polynomial rounded *up* to two decimals (4.024 -> 4.03).
    const table: ReadonlyArray<readonly [number, number]> = [
      [90, 4.34],
      [80, 4.03],
      [70, 3.6],
      [60, 3.1],
      [50, 2.58],
    ]
    for (const [R, mos] of table) {
      expect(mosFromR(R)).toBeLessThanOrEqual(mos + 1e-12)
      expect(mos - mosFromR(R)).toBeLessThan(0.01)
    }
  })

  it("maps the default R = 93.2 to 4.41", () => {
    // 1 + 3.262 + 93.2 * 33.2 * 6.8 * 7e-6 = 4.262 + 0.14729 = 4.4093
    expect(mosFromR(93.2)).toBeCloseTo(4.4093, 4)
  })

  it("dips just below 1 between R = 0 and R_AT_MOS_1 (the polynomial as written)", () => {
    // R = 3: 1 + 0.105 + 3 * (-57) * 97 * 7e-6 = 1.105 - 0.116109 = 0.988891
    expect(mosFromR(3)).toBeCloseTo(0.988891, 6)
    expect(R_AT_MOS_1).toBeCloseTo(6.5153, 4)
    expect(mosFromR(R_AT_MOS_1)).toBeCloseTo(1, 12)
  })
})

describe("rFromMos", () => {
  it("agrees with the G.107 Appendix I closed form over MOS 1..4.5", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 4.5, noNaN: true }), (mos) => {
        expect(rFromMos(mos)).toBeCloseTo(rFromMosAppendixI(mos), 7)
      }),
    )
  })

  it("gives the classic planning figures", () => {
    // MOS 4.41 <-> R ~ 93.2; MOS 4.0 <-> R ~ 80 (79.37); MOS 3.6 <-> R ~ 70 (70.06)
    expect(rFromMos(4.41)).toBeCloseTo(93.2, 0)
    expect(rFromMos(4.0)).toBeCloseTo(79.37, 2)
    expect(rFromMos(3.6)).toBeCloseTo(70.06, 2)
    expect(rFromMos(3.1)).toBeCloseTo(60, 6)
  })

  it("round-trips mosFromR on the increasing branch", () => {
    fc.assert(
      fc.property(fc.double({ min: R_AT_MOS_1, max: 100, noNaN: true }), (R) => {
        expect(rFromMos(mosFromR(R))).toBeCloseTo(R, 6)
      }),
    )
  })

  it("clamps outside 1..4.5 and passes NaN through", () => {
    expect(rFromMos(0.5)).toBe(R_AT_MOS_1)
    expect(rFromMos(1)).toBe(R_AT_MOS_1)
    expect(rFromMos(4.5)).toBe(100)
    expect(rFromMos(5)).toBe(100)
    expect(rFromMos(Number.NaN)).toBeNaN()
  })
})

describe("userSatisfaction (G.109 Table 1)", () => {
  it.each([
    [100, "very satisfied"],
    [90, "very satisfied"],
    [89.99, "satisfied"],
    [80, "satisfied"],
    [79.99, "some users dissatisfied"],
    [70, "some users dissatisfied"],
    [69.99, "many users dissatisfied"],
    [60, "many users dissatisfied"],
    [59.99, "nearly all users dissatisfied"],
    [50, "nearly all users dissatisfied"],
    [49.99, "not recommended"],
    [-10, "not recommended"],
  ])("R = %d -> %s", (R, category) => {
    expect(userSatisfaction(R)).toBe(category)
  })
})
