import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { codecImpairment } from "../../src/engine/stream-quality.ts"
import { CODECS, findCodec, type Codec } from "../../src/media/codecs.ts"
import {
  callQuality,
  type CallQuality,
  type CallQualityInput,
  DEFAULT_JITTER_BUFFER_MS,
  defaultPtimeMs,
  EMODEL_PARAMETERS,
  mouthToEarDelay,
  WIDEBAND_PARAMETERS,
} from "../../src/planning/call-quality.ts"
import { eModelWideband } from "../../src/quality/emodel-wideband.ts"
import { eModel, G107_DEFAULTS } from "../../src/quality/emodel.ts"
import { unsimulatedReason } from "../../src/scenario/codecs.ts"

const codec = (name: string): Codec => {
  const found = findCodec(name as Codec["name"])
  if (found === undefined) throw new Error(`no codec ${name}`)
  return found
}

const scored = (input: CallQualityInput): CallQuality => {
  const outcome = callQuality(input)
  if (!outcome.ok) throw new Error(outcome.message)
  return outcome.quality
}

describe("mouth-to-ear delay", () => {
  it("adds packetization, lookahead, network and jitter buffer", () => {
    expect(mouthToEarDelay({ codec: codec("G.729A"), ptimeMs: 40, networkDelayMs: 75.5, jitterBufferMs: 30 })).toEqual({
      packetizationMs: 40,
      lookaheadMs: 5,
      networkMs: 75.5,
      jitterBufferMs: 30,
      totalMs: 150.5,
    })
  })

  it("defaults to 20 ms packets and the scenarios' jitter buffer with a codec, to nothing without one", () => {
    expect(DEFAULT_JITTER_BUFFER_MS).toBe(60)
    expect(defaultPtimeMs(codec("G.711u"))).toBe(20)
    expect(defaultPtimeMs(codec("G.723.1-6.3"))).toBe(30)
    expect(defaultPtimeMs(codec("iLBC-30"))).toBe(30)
    expect(mouthToEarDelay({ codec: codec("G.711u") }).totalMs).toBe(80)
    expect(mouthToEarDelay({})).toEqual({ packetizationMs: 0, lookaheadMs: 0, networkMs: 0, jitterBufferMs: 0, totalMs: 0 })
    expect(mouthToEarDelay({ networkDelayMs: 120 }).totalMs).toBe(120)
  })
})

describe("call quality", () => {
  it("without a codec or delay is G.107 with every default", () => {
    const q = scored({})
    expect(q.model).toBe("G.107")
    expect(q.result).toEqual(eModel())
    expect(q.input).toEqual(G107_DEFAULTS)
    expect(q.codecValues).toBeNull()
    expect(q.userSatisfaction).toBe("very satisfied")
  })

  it("scores a narrowband call as the simulator does: Ta = T = mouth-to-ear, Tr = 2·Ta, the codec's Ie and Bpl", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CODECS.filter((c) => unsimulatedReason(c) === undefined)),
        fc.boolean(),
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        fc.double({ min: 1, max: 4, noNaN: true }),
        (c, plc, delay, loss, burst) => {
          const q = scored({ codec: c, networkDelayMs: delay, lossPercent: loss, burstRatio: burst, plc })
          const ta = q.delay.totalMs
          expect(ta).toBe(defaultPtimeMs(c) + c.lookaheadNs / 1e6 + delay + 60)
          const { ie, bpl } = codecImpairment(c, plc)
          expect(q.result).toEqual(eModel({ Ta: ta, T: ta, Tr: 2 * ta, Ie: ie, Bpl: bpl, Ppl: loss, BurstR: burst }))
        },
      ),
    )
  })

  it("raw inputs override what is derived", () => {
    const q = scored({ codec: codec("G.711u"), networkDelayMs: 300, lossPercent: 5, params: { Ta: 10, T: 10, Tr: 20, Ppl: 1, Ie: 3 } })
    expect(q.result).toEqual(eModel({ Ta: 10, T: 10, Tr: 20, Ie: 3, Bpl: 25.1, Ppl: 1, BurstR: 1 }))
    expect(q.input).toMatchObject({ Ta: 10, Ie: 3, Bpl: 25.1, Ppl: 1 })
  })

  it("uses G.107.1 for wideband codecs with an Ie,wb, the raw Ie as Ie,WB, and G.109 on Rwb / 1.29", () => {
    const q = scored({ codec: codec("G.722"), ptimeMs: 20, jitterBufferMs: 0, params: { Ie: 10 } })
    expect(q.model).toBe("G.107.1")
    expect(q.result).toEqual(eModelWideband({ Ta: 21.5, T: 21.5, Tr: 43, IeWB: 10, Ppl: 0, BurstR: 1 }))
    expect(q.rx).toBeCloseTo(q.R / 1.29, 12)
    expect(scored({ codec: codec("AMR-WB-12.65") }).input.A).toBe(0)
    expect(WIDEBAND_PARAMETERS).not.toContain("STMR")
    expect(WIDEBAND_PARAMETERS).toContain("Ie")
    expect(EMODEL_PARAMETERS).toEqual(Object.keys(G107_DEFAULTS))
  })

  it("says what is missing instead of guessing", () => {
    expect(callQuality({ codec: codec("G.722"), lossPercent: 1 })).toMatchObject({ ok: false, problem: "Bpl" })
    expect(callQuality({ codec: codec("G.722"), lossPercent: 1, params: { Bpl: 4.3 } }).ok).toBe(true)
    expect(callQuality({ codec: codec("G.726-32"), lossPercent: 0 }).ok).toBe(true) // no loss: Bpl does not enter
    expect(callQuality({ codec: codec("Opus-WB-20k") })).toMatchObject({ ok: false, problem: "Ie" })
    expect(callQuality({ codec: codec("Opus-FB-32k") })).toMatchObject({ ok: false, problem: "scale" })
    expect(callQuality({ codec: codec("G.722"), params: { STMR: 10 } })).toMatchObject({ ok: false, problem: "parameter" })
  })

  it("keeps G.711's add-on concealment switchable and a decoder's concealment on", () => {
    expect(scored({ codec: codec("G.711a"), plc: false }).input.Bpl).toBe(4.3)
    expect(scored({ codec: codec("G.711a"), plc: true }).input.Bpl).toBe(25.1)
    expect(scored({ codec: codec("G.729A"), plc: false }).input.Bpl).toBe(19)
  })
})
