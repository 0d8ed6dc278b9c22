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
  /** ITU-T G.113 equipment impairment factor and packet-loss robustness (with / without PLC). */
  readonly ie: number
  readonly bplWithPlc: number
  readonly bplWithoutPlc: number
}

// RFC 3551 §4.5.14 (PCMU/PCMA: PT 0/8, 8000 Hz, 64 kbit/s); ITU-T G.113 Appendix I Table I.3 (G.711: Ie 0,
// Bpl 25.1 with PLC per G.711 Appendix I, 4.3 without PLC).
const g711 = (name: string, payloadType: number): Codec => ({
  name,
  payloadType,
  rtpClockRateHz: 8000,
  bitrateBps: 64_000,
  frameNs: 125_000, // one sample: G.711 has no frame structure
  lookaheadNs: 0,
  ptimesMs: [10, 20, 30, 40],
  ie: 0,
  bplWithPlc: 25.1,
  bplWithoutPlc: 4.3,
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
