import { describe, expect, it } from "vitest"
import { eModel } from "../../src/quality/emodel.ts"
import { CODECS } from "../../src/media/codecs.ts"
import { CODEC_IMPAIRMENTS, G113_IMPAIRMENTS, g113Bpl, narrowbandImpairment } from "../../src/quality/g113.ts"
import type { CodecImpairment } from "../../src/quality/g113.ts"

describe("G.113 Appendix I codec impairments", () => {
  // Cross-checks against public sources quoting G.113 Appendix I:
  // - G.711 Bpl 4.3 / 25.1: wandnz/amplet2 src/tests/udpstream/mos.h ("loss robustness factors from
  //   Table I.3/G.113 in ITU-T G.113 App I"); OpenBACH voip_qoe etc/G.711.2.yml (Ie 0, Bpl 4.3, G.113 11/2007).
  // - G.729A Ie 11 / Bpl 19 and G.723.1 6.3 kbit/s Ie 15 / Bpl 16.1: OpenBACH etc/G.729.2.yml and
  //   etc/G.723.1.yml (G.113 11/2007); OPAL src/rtp/metrics.cxx ("according to ITU-T G.113").
  // - Ie G.729 10, G.729A 11, G.726-32 7, G.723.1 6.3 15: Mitel MiVoice MX-ONE planning guide,
  //   "Speech compression impairment factor Ie" table.
  // - Ie G.723.1 5.3 kbit/s 19: Nortel NN43001-563 Table 29 (from G.113 Ie values).
  it.each([
    ["G.711", 0, 25.1, 4.3],
    ["G.729A", 11, 19, undefined],
    ["G.723.1-6.3", 15, 16.1, undefined],
  ] as const)("%s: Ie %d, Bpl with PLC %d, without %s", (codec, ie, bplWithPlc, bplNoPlc) => {
    const row: CodecImpairment = G113_IMPAIRMENTS[codec]
    expect(row.ie).toBe(ie)
    expect(row.bplWithPlc).toBe(bplWithPlc)
    expect(row.bplNoPlc).toBe(bplNoPlc)
    expect(g113Bpl(codec, true)).toBe(bplWithPlc)
    expect(g113Bpl(codec, false)).toBe(bplNoPlc)
  })

  it.each([
    ["G.729", 10],
    ["G.726-32", 7],
    ["G.723.1-5.3", 19],
  ] as const)("%s: Ie %d", (codec, ie) => {
    expect(G113_IMPAIRMENTS[codec].ie).toBe(ie)
  })

  it("names a source for every row and keeps Ie within the R scale", () => {
    for (const [codec, row] of Object.entries(G113_IMPAIRMENTS)) {
      expect(row.source, codec).toMatch(/G\.113/)
      expect(row.ie).toBeGreaterThanOrEqual(0)
      expect(row.ie).toBeLessThan(95)
    }
  })

  it("feeds the E-model: G.729A alone costs its Ie, and 2 % loss brings Ie,eff to 19", () => {
    const { ie, bplWithPlc } = G113_IMPAIRMENTS["G.729A"]
    expect(eModel().R - eModel({ Ie: ie, Bpl: bplWithPlc }).R).toBeCloseTo(11, 12)
    // 11 + 84 * 2 / (2 + 19) = 19 (ICAO ACP WG-I Table B-1 lists Ie 19 at 2 % loss for G.729A + VAD)
    expect(eModel({ Ie: ie, Bpl: bplWithPlc, Ppl: 2 }).IeEff).toBeCloseTo(19, 12)
  })
})

describe("E-model values of the codec catalogue", () => {
  it("has a row for every catalogue codec", () => {
    for (const codec of CODECS) expect(CODEC_IMPAIRMENTS[codec.impairmentKey], codec.name).toBeDefined()
  })

  it.each([
    // key, Ie, Bpl with PLC, Bpl without, what is provisional
    ["G.711", 0, 25.1, 4.3, []],
    ["G.729A", 11, 19, null, []],
    ["G.723.1-6.3", 15, 16.1, null, []],
    ["G.723.1-5.3", 19, 16.1, null, ["bpl"]],
    ["G.726-32", 7, null, null, []],
    ["G.728-16", 7, null, null, []],
    ["GSM-FR", 20, null, null, []],
    ["AMR-12.2", 5, 10, null, []], // GSM-EFR's row
    ["iLBC-20", 11, 19, null, ["ie", "bpl"]],
    ["iLBC-30", 11, 19, null, ["ie", "bpl"]],
    ["Opus-NB-12k", 11, 19, null, ["ie", "bpl"]],
    ["Opus-FB-32k", null, null, null, []],
  ] as const)("%s: Ie %s, Bpl %s / %s, provisional %j", (key, ie, bplWithPlc, bplNoPlc, provisional) => {
    const row = CODEC_IMPAIRMENTS[key]!
    expect([row.ie, row.bplWithPlc, row.bplNoPlc, row.provisional]).toEqual([ie, bplWithPlc, bplNoPlc, provisional])
  })

  it("says in its source why a value is provisional", () => {
    for (const [key, row] of Object.entries(CODEC_IMPAIRMENTS))
      if (row.provisional.length > 0) expect(row.source, key).toMatch(/provisional/i)
  })

  it("gives the narrowband E-model Ie and Bpl, or says why not", () => {
    expect(narrowbandImpairment("G.711", false)).toEqual({ ie: 0, bpl: 4.3 })
    expect(narrowbandImpairment("G.729A", true)).toEqual({ ie: 11, bpl: 19 })
    expect(narrowbandImpairment("G.729A", false)).toEqual({ missing: expect.stringMatching(/without packet-loss concealment/) })
    expect(narrowbandImpairment("G.726-32", true)).toEqual({ missing: "ITU-T G.113 gives no Bpl for it" })
    expect(narrowbandImpairment("Opus-WB-20k", true)).toEqual({ missing: expect.stringMatching(/wideband scale/) })
    expect(narrowbandImpairment("nonesuch", true)).toHaveProperty("missing")
  })
})
