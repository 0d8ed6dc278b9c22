import { describe, expect, it } from "vitest"
import {
  CODEC_NAMES,
  CODECS,
  concealsLoss,
  findCodec,
  lookupCodec,
  packetsPerSecond,
  payloadBytes,
  ptimeAllowed,
  samplesPerPacket,
  spellingKey,
  type CodecName,
} from "../../src/media/codecs.ts"

const MS = 1_000_000
const codec = (name: CodecName) => findCodec(name)!

describe("the catalogue", () => {
  it("has one entry per name, in the order of CODEC_NAMES", () => {
    expect(CODECS.map((c) => c.name)).toEqual([...CODEC_NAMES])
  })

  it("no spelling names two codecs", () => {
    const owner = new Map<string, string>()
    for (const c of CODECS)
      for (const spelling of [c.name, ...c.aliases]) {
        const key = spellingKey(spelling)
        expect(owner.get(key) ?? c.name, `${spelling} is claimed twice`).toBe(c.name)
        owner.set(key, c.name)
      }
  })

  it("every entry names its sources", () => {
    for (const c of CODECS) expect(c.source, c.name).toMatch(/RFC \d+|3GPP TS|G\.7\d\d/)
  })

  it("allows only ptimes that are whole numbers of frames", () => {
    for (const c of CODECS)
      for (const ms of c.ptimesMs) {
        expect(Number.isInteger((ms * MS) / c.frameNs), `${c.name} ${ms} ms`).toBe(true)
        expect(ptimeAllowed(c, ms * MS)).toBe(true)
      }
    expect(ptimeAllowed(codec("G.729A"), 25 * MS)).toBe(false)
    expect(ptimeAllowed(codec("iLBC-30"), 20 * MS)).toBe(false)
  })

  it("frames hold the nominal bit rate, padded to at most one byte", () => {
    for (const c of CODECS) {
      const nominalBits = (c.bitrateBps * c.frameNs) / 1e9
      expect(c.payload.frameBits, c.name).toBeGreaterThanOrEqual(Math.round(nominalBits))
      expect(c.payload.frameBits - nominalBits, c.name).toBeLessThan(8)
    }
  })
})

describe("payload bytes and packet rates (RFC 3551, RFC 3952, RFC 4867, RFC 7587)", () => {
  it.each<[CodecName, number, number, number]>([
    ["G.711u", 20, 160, 50], // 1 byte per 8 kHz sample
    ["G.711a", 10, 80, 100],
    ["G.711u", 30, 240, 100 / 3],
    ["G.722", 20, 160, 50], // 64 kbit/s
    ["G.723.1-6.3", 30, 24, 100 / 3], // RFC 3551 §4.5.3: 24 octets per 30 ms frame
    ["G.723.1-5.3", 30, 20, 100 / 3], // 20 octets
    ["G.723.1-6.3", 60, 48, 50 / 3],
    ["G.726-32", 20, 80, 50], // 4 bits per sample
    ["G.728", 20, 40, 50], // 5 bytes per 2.5 ms
    ["G.729A", 10, 10, 100], // 10 bytes per 10 ms frame
    ["G.729A", 20, 20, 50],
    ["G.729B", 40, 40, 25],
    ["iLBC-20", 20, 38, 50], // RFC 3952: 38 bytes per 20 ms
    ["iLBC-20", 40, 76, 25],
    ["iLBC-30", 30, 50, 100 / 3], // 50 bytes per 30 ms
    ["GSM-FR", 20, 33, 50], // RFC 3551 §4.5.8: 33 octets
    ["AMR-12.2", 20, 1 + 1 + 31, 50], // CMR + ToC + 244 bits
    ["AMR-12.2", 40, 1 + 2 + 62, 25], // one CMR, one ToC per frame
    ["AMR-WB-12.65", 20, 1 + 1 + 32, 50], // CMR + ToC + 253 bits
    ["Opus-NB-12k", 20, 30, 50], // CBR: 12 kbit/s × 20 ms
    ["Opus-WB-20k", 60, 150, 50 / 3],
    ["Opus-FB-32k", 20, 80, 50],
  ])("%s, %d ms: %d bytes, %d packets/s", (name, ptimeMs, bytes, pps) => {
    expect(payloadBytes(codec(name), ptimeMs * MS)).toBe(bytes)
    expect(packetsPerSecond(ptimeMs * MS)).toBeCloseTo(pps, 12)
  })
})

describe("RTP clock and timestamp increments", () => {
  it.each<[CodecName, number, number]>([
    ["G.711u", 20, 160],
    ["G.729A", 20, 160],
    ["G.722", 20, 160], // RFC 3551 §4.5.2: 8000 Hz clock although G.722 samples at 16 kHz
    ["AMR-12.2", 20, 160],
    ["AMR-WB-12.65", 20, 320], // RFC 4867: 16000 Hz
    ["iLBC-30", 30, 240],
    ["Opus-NB-12k", 20, 960], // RFC 7587: 48000 Hz whatever the audio bandwidth
    ["Opus-FB-32k", 60, 2880],
  ])("%s, %d ms: +%d", (name, ptimeMs, increment) => {
    expect(samplesPerPacket(codec(name), ptimeMs * MS)).toBe(increment)
  })
})

describe("RTP payload types (RFC 3551 Table 4)", () => {
  it.each<[CodecName, number]>([
    ["G.711u", 0],
    ["GSM-FR", 3],
    ["G.723.1-6.3", 4],
    ["G.723.1-5.3", 4],
    ["G.711a", 8],
    ["G.722", 9],
    ["G.728", 15],
    ["G.729A", 18],
    ["G.729B", 18],
  ])("%s is static payload type %d", (name, pt) => {
    expect(codec(name).payloadType).toBe(pt)
    expect(codec(name).dynamicPayloadType).toBe(false)
  })

  it("the others are dynamic, with a default in 96–127", () => {
    const dynamic = CODECS.filter((c) => c.dynamicPayloadType).map((c) => c.name)
    expect(dynamic).toEqual([
      "G.726-32", "iLBC-20", "iLBC-30", "AMR-12.2", "AMR-WB-12.65", "Opus-NB-12k", "Opus-WB-20k", "Opus-SWB-24k", "Opus-FB-32k",
    ])
    for (const name of dynamic) expect(codec(name).payloadType).toBeGreaterThanOrEqual(96)
    for (const name of dynamic) expect(codec(name).payloadType).toBeLessThanOrEqual(127)
  })
})

describe("algorithmic delay = frame + lookahead", () => {
  it.each<[CodecName, number, number]>([
    ["G.729A", 10, 5], // G.729 §1
    ["G.723.1-6.3", 30, 7.5], // G.723.1 §1
    ["iLBC-20", 20, 5], // RFC 3951: 25 ms
    ["iLBC-30", 30, 10], // 40 ms
    ["AMR-12.2", 20, 5],
    ["AMR-WB-12.65", 20, 5],
    ["Opus-WB-20k", 20, 6.5], // 26.5 ms
    ["G.722", 0.125, 1.5],
  ])("%s: %d ms frame + %d ms lookahead", (name, frameMs, lookaheadMs) => {
    expect(codec(name).frameNs).toBe(frameMs * MS)
    expect(codec(name).lookaheadNs).toBe(lookaheadMs * MS)
  })
})

describe("bandwidth and silence", () => {
  it("wideband and wider codecs are flagged", () => {
    const wider = CODECS.filter((c) => c.bandwidth !== "narrowband").map((c) => c.name)
    expect(wider).toEqual(["G.722", "AMR-WB-12.65", "Opus-WB-20k", "Opus-SWB-24k", "Opus-FB-32k"])
    expect(codec("Opus-SWB-24k").bandwidth).toBe("super-wideband")
    expect(codec("Opus-FB-32k").bandwidth).toBe("fullband")
  })

  it.each<[CodecName, string | null, number | null]>([
    ["G.729B", "G.729 Annex B", 2], // RFC 3551 §4.5.6
    ["G.723.1-6.3", "G.723.1 Annex A", 4], // RFC 3551 §4.5.3
    ["AMR-12.2", "AMR SID", 7], // CMR + ToC + 39-bit SID
    ["AMR-WB-12.65", "AMR-WB SID", 7], // CMR + ToC + 40-bit SID
    ["G.711u", "RFC 3389", 1],
    ["G.722", "RFC 3389", 1],
    ["G.729A", null, null],
  ])("%s: %s silence descriptor of %d bytes", (name, scheme, sidBytes) => {
    const cn = codec(name).comfortNoise
    expect(cn?.scheme ?? null).toBe(scheme)
    expect(cn?.sidBytes ?? null).toBe(sidBytes)
  })

  it("the plc switch only matters where concealment is an add-on", () => {
    expect(concealsLoss(codec("G.711u"), false)).toBe(false)
    expect(concealsLoss(codec("G.711u"), true)).toBe(true)
    expect(concealsLoss(codec("G.729A"), false)).toBe(true)
  })
})

describe("names and aliases", () => {
  it.each<[string, CodecName]>([
    ["G.711u", "G.711u"],
    ["PCMU", "G.711u"],
    ["pcmu", "G.711u"],
    ["g711u", "G.711u"],
    ["G.711 µ-law", "G.711u"],
    ["G.711 μ-law", "G.711u"],
    ["g.711 mu-law", "G.711u"],
    ["PCMA", "G.711a"],
    ["G.711 A-law", "G.711a"],
    ["G722", "G.722"],
    ["g.722", "G.722"],
    ["G723", "G.723.1-6.3"],
    ["G.723.1", "G.723.1-6.3"],
    ["G.723.1 5.3", "G.723.1-5.3"],
    ["G726-32", "G.726-32"],
    ["G.721", "G.726-32"],
    ["G728", "G.728"],
    ["G729", "G.729A"],
    ["G.729", "G.729A"],
    ["g729a", "G.729A"],
    ["G.729a", "G.729A"],
    ["G729AB", "G.729B"],
    ["G.729 Annex B", "G.729B"],
    ["iLBC", "iLBC-30"], // RFC 3952: 30 ms mode unless mode=20
    ["ilbc 20", "iLBC-20"],
    ["GSM", "GSM-FR"],
    ["AMR", "AMR-12.2"],
    ["AMR-NB", "AMR-12.2"],
    ["amr-wb", "AMR-WB-12.65"],
    ["G.722.2", "AMR-WB-12.65"],
    ["opus", "Opus-FB-32k"],
    ["Opus NB", "Opus-NB-12k"],
    ["opus-wb-20k", "Opus-WB-20k"],
  ])("%s is %s", (spelling, name) => {
    expect(lookupCodec(spelling)?.name).toBe(name)
  })

  it.each(["G.711", "G.999", "", "AMR-WB+"])("%j names no codec", (spelling) => {
    expect(lookupCodec(spelling)).toBeUndefined()
  })
})
