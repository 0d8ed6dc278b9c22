import { NS_PER_MS, type TimeNs } from "../../sim/time.ts"

/** What the media and quality layers need to know about a voice codec. */
export interface Codec {
  readonly name: string
  readonly payloadType: number
  readonly rtpClockRateHz: number
  readonly bitrateBps: number
  /** Duration of one codec frame; packets carry a whole number of frames. */
  readonly frameNs: TimeNs
  /** Algorithmic delay added on top of packetization (lookahead). */
  readonly lookaheadNs: TimeNs
  readonly ptimesMs: readonly number[]
  /** The codec's row in ITU-T G.113's impairment tables (the quality layer holds the values). */
  readonly g113Name: string
}

// RFC 3551 §4.5.14: PCMU/PCMA, payload types 0/8, 8000 Hz clock, 64 kbit/s.
const g711 = (name: string, payloadType: number): Codec => ({
  name,
  payloadType,
  rtpClockRateHz: 8000,
  bitrateBps: 64_000,
  frameNs: 125_000, // one sample: G.711 has no frame structure
  lookaheadNs: 0,
  ptimesMs: [10, 20, 30, 40],
  g113Name: "G.711",
})

export const CODECS: readonly Codec[] = [g711("G.711u", 0), g711("G.711a", 8)]

export const findCodec = (name: string): Codec | undefined => CODECS.find((c) => c.name === name)

/** Payload bytes of one packet carrying `ptimeNs` of audio. */
export const payloadBytes = (codec: Codec, ptimeNs: TimeNs): number =>
  Math.round((codec.bitrateBps * ptimeNs) / (8 * 1e9))

/** RTP timestamp increment of one packet (RFC 3550 §5.1: the sampling clock). */
export const samplesPerPacket = (codec: Codec, ptimeNs: TimeNs): number =>
  Math.round((codec.rtpClockRateHz * ptimeNs) / 1e9)

export const ptimeAllowed = (codec: Codec, ptimeNs: TimeNs): boolean =>
  codec.ptimesMs.some((ms) => ms * NS_PER_MS === ptimeNs)
