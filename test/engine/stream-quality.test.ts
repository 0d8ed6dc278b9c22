import { describe, expect, it } from "vitest"
import { codecImpairment } from "../../src/engine/stream-quality.ts"
import { findCodec } from "../../src/media/codecs.ts"
import { CODEC_NAMES } from "../../src/scenario/codecs.ts"

describe("codec impairments for the E-model", () => {
  it("G.711 takes G.113's Ie 0 and Bpl 25.1 with PLC, 4.3 without", () => {
    const g711 = findCodec("G.711a")!
    expect(codecImpairment(g711, true)).toEqual({ ie: 0, bpl: 25.1 })
    expect(codecImpairment(g711, false)).toEqual({ ie: 0, bpl: 4.3 })
  })

  it("every codec a scenario may use can be scored, with and without PLC", () => {
    for (const name of CODEC_NAMES) for (const plc of [true, false]) expect(() => codecImpairment(findCodec(name)!, plc)).not.toThrow()
  })
})
