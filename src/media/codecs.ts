import { NS_PER_MS, NS_PER_S, type TimeNs } from "../../sim/time.ts"

/**
 * The voice codec catalogue: what the media layer needs to packetize a codec and where its numbers
 * come from. The E-model values live in the quality layer (src/quality/g113.ts), keyed by
 * `impairmentKey`; docs/codecs.md is this file as a table.
 */

export const CODEC_NAMES = [
  "G.711u",
  "G.711a",
  "G.722",
  "G.723.1-6.3",
  "G.723.1-5.3",
  "G.726-32",
  "G.728",
  "G.729A",
  "G.729B",
  "iLBC-20",
  "iLBC-30",
  "GSM-FR",
  "AMR-12.2",
  "AMR-WB-12.65",
  "Opus-NB-12k",
  "Opus-WB-20k",
  "Opus-SWB-24k",
  "Opus-FB-32k",
] as const

export type CodecName = (typeof CODEC_NAMES)[number]

/** Audio bandwidth: 300–3400 Hz, 50–7000 Hz, up to 14 kHz, up to 20 kHz. */
export type AudioBandwidth = "narrowband" | "wideband" | "super-wideband" | "fullband"

/** How the RTP payload holds its frames; a packet always carries whole frames. */
export interface PayloadFormat {
  /** Bits of one coded frame. */
  readonly frameBits: number
  /** Each frame is padded to whole bytes (true), or frames are bit-packed and only the packet is. */
  readonly octetAlignedFrames: boolean
  /** Payload header bytes, once per packet (AMR's CMR byte). */
  readonly headerBytes: number
  /** Table-of-contents bytes per frame (AMR's ToC entries). */
  readonly tocBytesPerFrame: number
}

/** What a sender with voice activity detection sends during silence. */
export interface ComfortNoise {
  /** The codec's own silence descriptor, or RFC 3389 comfort noise (payload type 13) when it has none. */
  readonly scheme: string
  /** RTP payload bytes of one silence-descriptor packet. */
  readonly sidBytes: number
}

export interface Codec {
  readonly name: CodecName
  /** Other accepted spellings; case, spaces, dots, dashes and µ/μ/u do not matter (see `spellingKey`). */
  readonly aliases: readonly string[]
  /** Encoding name in SDP's a=rtpmap (RFC 3551 Table 4, or the payload format's RFC). */
  readonly rtpName: string
  readonly payloadType: number
  /** Dynamic (96–127, agreed in SDP): `payloadType` is then only a conventional default. */
  readonly dynamicPayloadType: boolean
  readonly rtpClockRateHz: number
  /** Nominal bit rate of the coded speech, without payload headers. */
  readonly bitrateBps: number
  /** Duration of one codec frame; packets carry a whole number of frames. */
  readonly frameNs: TimeNs
  /** Algorithmic delay added on top of packetization (lookahead). */
  readonly lookaheadNs: TimeNs
  readonly ptimesMs: readonly number[]
  readonly bandwidth: AudioBandwidth
  readonly payload: PayloadFormat
  /** Null when the codec defines no silence descriptor and RFC 3389 is not used with it. */
  readonly comfortNoise: ComfortNoise | null
  /**
   * "decoder": the standard decoder conceals lost frames itself, so there is nothing to switch off;
   * "add-on": concealment is a separate, optional algorithm (G.711 Appendix I, G.722 Appendix III).
   */
  readonly concealment: "decoder" | "add-on"
  /** The codec's row in the quality layer's impairment tables (src/quality/g113.ts). */
  readonly impairmentKey: string
  /** Where this entry's numbers come from. */
  readonly source: string
}

const MS = NS_PER_MS
const SAMPLE_8K_NS = 125_000 // one sample at 8000 Hz

// RFC 3389 §3: a comfort-noise payload is one noise-level byte, optionally followed by spectral
// parameters; the minimal packet is counted here.
const RFC3389: ComfortNoise = { scheme: "RFC 3389", sidBytes: 1 }

const format = (frameBits: number, octetAlignedFrames: boolean, headerBytes = 0, tocBytesPerFrame = 0): PayloadFormat => ({
  frameBits,
  octetAlignedFrames,
  headerBytes,
  tocBytesPerFrame,
})
const bitPacked = (frameBits: number): PayloadFormat => format(frameBits, false)
const wholeBytes = (frameBytes: number): PayloadFormat => format(8 * frameBytes, true)
// RFC 4867 §4.4 octet-aligned mode: a CMR byte, one ToC byte per frame, each frame padded to bytes.
const amrOctetAligned = (frameBits: number): PayloadFormat => format(frameBits, true, 1, 1)

const G711_SOURCE =
  "RFC 3551 §4.5.14 and Table 4 (PT 0/8, 8000 Hz, one byte per sample); Ie/Bpl: ITU-T G.113 App. I Tables I.1, I.3"

// RFC 3551 §4.5.14: PCMU/PCMA, payload types 0/8, 8000 Hz clock, 64 kbit/s.
const g711 = (name: "G.711u" | "G.711a", payloadType: number, rtpName: string, aliases: readonly string[]): Codec => ({
  name,
  aliases: [rtpName, ...aliases],
  rtpName,
  payloadType,
  dynamicPayloadType: false,
  rtpClockRateHz: 8000,
  bitrateBps: 64_000,
  frameNs: SAMPLE_8K_NS, // one sample: G.711 has no frame structure
  lookaheadNs: 0,
  ptimesMs: [10, 20, 30, 40],
  bandwidth: "narrowband",
  payload: wholeBytes(1),
  comfortNoise: RFC3389,
  concealment: "add-on",
  impairmentKey: "G.711",
  source: G711_SOURCE,
})

const g723 = (
  name: "G.723.1-6.3" | "G.723.1-5.3",
  bitrateBps: number,
  frameBytes: number,
  aliases: readonly string[],
): Codec => ({
  name,
  aliases,
  rtpName: "G723",
  payloadType: 4, // RFC 3551 Table 4
  dynamicPayloadType: false,
  rtpClockRateHz: 8000, // RFC 3551 Table 4
  bitrateBps,
  frameNs: 30 * MS, // G.723.1 §1: 30 ms frames
  lookaheadNs: 7.5 * MS, // G.723.1 §1: 7.5 ms lookahead
  ptimesMs: [30, 60, 90],
  bandwidth: "narrowband",
  payload: wholeBytes(frameBytes),
  comfortNoise: { scheme: "G.723.1 Annex A", sidBytes: 4 }, // RFC 3551 §4.5.3: 4-octet SID frames
  concealment: "decoder",
  impairmentKey: name,
  source:
    `G.723.1 §1 (30 ms frame, 7.5 ms lookahead); RFC 3551 §4.5.3 (${frameBytes}-octet frames, 4-octet SID), ` +
    "Table 4 (PT 4); Ie: ITU-T G.113 App. I Table I.1; Bpl: Table I.3 (measured at 6.3 kbit/s)",
})

// RFC 3951, RFC 3952: 20 ms mode 304 bits (38 bytes), 30 ms mode 400 bits (50 bytes).
const ilbc = (
  name: "iLBC-20" | "iLBC-30",
  frameMs: number,
  frameBytes: number,
  lookaheadMs: number,
  bitrateBps: number,
  aliases: readonly string[],
): Codec => ({
  name,
  aliases,
  rtpName: "iLBC",
  payloadType: 97, // dynamic (RFC 3952); 97 is a common default
  dynamicPayloadType: true,
  rtpClockRateHz: 8000, // RFC 3952
  bitrateBps,
  frameNs: frameMs * MS,
  lookaheadNs: lookaheadMs * MS,
  ptimesMs: [1, 2, 3].map((n) => n * frameMs),
  bandwidth: "narrowband",
  payload: wholeBytes(frameBytes),
  comfortNoise: RFC3389,
  concealment: "decoder",
  impairmentKey: name,
  source:
    `RFC 3951 (${frameMs} ms frames of ${frameBytes} bytes, ${frameMs + lookaheadMs} ms algorithmic delay); ` +
    `RFC 3952 (dynamic PT, 8000 Hz, mode=${frameMs}); Ie/Bpl: provisional (no ITU-T values)`,
})

// RFC 7587 §4.1: Opus always uses a 48000 Hz RTP clock, whatever the coded bandwidth.
// Bit rates: RFC 7587 §3.1.1 recommends 8–12 kbit/s for narrowband speech, 16–20 for wideband
// and 28–40 for fullband speech; 24 kbit/s sits between, for super-wideband. CBR: every 20 ms
// frame is bitrate × 20 ms.
const opus = (
  name: "Opus-NB-12k" | "Opus-WB-20k" | "Opus-SWB-24k" | "Opus-FB-32k",
  bandwidth: AudioBandwidth,
  bitrateBps: number,
  aliases: readonly string[],
): Codec => ({
  name,
  aliases,
  rtpName: "opus",
  payloadType: 111, // dynamic (RFC 7587 §4); 111 is WebRTC's conventional number
  dynamicPayloadType: true,
  rtpClockRateHz: 48_000, // RFC 7587 §4.1
  bitrateBps,
  frameNs: 20 * MS, // the default frame (RFC 6716 §2.1.4 allows 2.5–60 ms)
  lookaheadNs: 6.5 * MS, // RFC 6716: 6.5 ms lookahead, 26.5 ms algorithmic delay with 20 ms frames
  ptimesMs: [20, 40, 60],
  bandwidth,
  payload: wholeBytes((bitrateBps * 20 * MS) / (8 * NS_PER_S)),
  comfortNoise: null, // Opus DTX (RFC 7587 §3.1.3) sends ordinary low-rate frames, not a fixed-size SID
  concealment: "decoder",
  impairmentKey: name,
  source:
    `RFC 6716 (20 ms frame, 6.5 ms lookahead); RFC 7587 (48000 Hz clock, dynamic PT, bit rates §3.1.1), ` +
    `CBR ${bitrateBps / 1000} kbit/s; no ITU-T Ie/Bpl`,
})

export const CODECS: readonly Codec[] = [
  g711("G.711u", 0, "PCMU", ["G.711 µ-law", "G.711 mu-law", "u-law", "mu-law"]),
  g711("G.711a", 8, "PCMA", ["G.711 A-law", "A-law"]),
  {
    name: "G.722",
    aliases: ["G722", "G.722-64"],
    rtpName: "G722",
    payloadType: 9, // RFC 3551 Table 4
    dynamicPayloadType: false,
    // RFC 3551 §4.5.2: the RTP clock is 8000 Hz although G.722 samples at 16 kHz (a historical
    // error kept for compatibility), so 20 ms advances the timestamp by 160.
    rtpClockRateHz: 8000,
    bitrateBps: 64_000,
    frameNs: SAMPLE_8K_NS, // one byte per 125 µs (two 16 kHz samples): no frame structure
    // The transmit and receive QMFs (24 taps each at 16 kHz, G.722 §3.1 and §4.4) delay the signal
    // by about 1.5 ms, as the codec's delay is usually quoted.
    lookaheadNs: 1.5 * MS,
    ptimesMs: [10, 20, 30, 40],
    bandwidth: "wideband",
    payload: wholeBytes(1),
    comfortNoise: RFC3389,
    concealment: "add-on",
    impairmentKey: "G.722-64",
    source:
      "G.722 (64 kbit/s SB-ADPCM, QMF delay ≈ 1.5 ms); RFC 3551 §4.5.2 (8000 Hz RTP clock), Table 4 (PT 9); " +
      "Ie,wb: ITU-T G.113 App. IV Table IV.1",
  },
  g723("G.723.1-6.3", 6300, 24, ["G723", "G.723.1", "G.723"]),
  g723("G.723.1-5.3", 5300, 20, []),
  {
    name: "G.726-32",
    aliases: ["G726-32", "G.726", "G.721"],
    rtpName: "G726-32",
    payloadType: 112, // dynamic (RFC 3551 §4.5.4); 112 is an arbitrary default
    dynamicPayloadType: true,
    rtpClockRateHz: 8000, // RFC 3551 §4.5.4
    bitrateBps: 32_000,
    frameNs: SAMPLE_8K_NS,
    lookaheadNs: 0,
    ptimesMs: [10, 20, 30, 40],
    bandwidth: "narrowband",
    payload: bitPacked(4), // RFC 3551 §4.5.4: 4 bits per sample, packed
    comfortNoise: RFC3389,
    concealment: "add-on",
    impairmentKey: "G.726-32",
    source: "RFC 3551 §4.5.4 (G726-32: dynamic PT, 8000 Hz, 4 bits per sample); Ie: ITU-T G.113 App. I Table I.1",
  },
  {
    name: "G.728",
    aliases: ["G728", "G.728-16", "LD-CELP"],
    rtpName: "G728",
    payloadType: 15, // RFC 3551 Table 4
    dynamicPayloadType: false,
    rtpClockRateHz: 8000,
    bitrateBps: 16_000,
    frameNs: 2.5 * MS, // RFC 3551 §4.5.8: packed in units of four 0.625 ms codewords (40 bits)
    lookaheadNs: 0, // G.728: 0.625 ms algorithmic delay, within one packed frame
    ptimesMs: [10, 20, 30, 40],
    bandwidth: "narrowband",
    payload: wholeBytes(5),
    comfortNoise: RFC3389,
    concealment: "add-on", // G.728 Annex I
    impairmentKey: "G.728-16",
    source: "G.728 (16 kbit/s LD-CELP); RFC 3551 §4.5.8 (5 bytes per 2.5 ms), Table 4 (PT 15); Ie: ITU-T G.113 App. I Table I.1",
  },
  {
    name: "G.729A",
    aliases: ["G729", "G.729", "CS-ACELP"],
    rtpName: "G729",
    payloadType: 18, // RFC 3551 Table 4
    dynamicPayloadType: false,
    rtpClockRateHz: 8000,
    bitrateBps: 8000,
    frameNs: 10 * MS, // G.729 §1: 10 ms frames
    lookaheadNs: 5 * MS, // G.729 §1: 5 ms lookahead
    ptimesMs: [10, 20, 30, 40],
    bandwidth: "narrowband",
    payload: wholeBytes(10), // RFC 3551 §4.5.6: 10 octets per frame
    comfortNoise: null, // no VAD/DTX without Annex B: see G.729B
    concealment: "decoder", // G.729 §4.4
    impairmentKey: "G.729A",
    source:
      "G.729 §1 (10 ms frame, 5 ms lookahead); RFC 3551 §4.5.6 (10 octets per frame), Table 4 (PT 18); " +
      "Ie/Bpl: ITU-T G.113 App. I Tables I.1, I.3 (G.729A + VAD)",
  },
  {
    name: "G.729B",
    aliases: ["G729AB", "G.729AB", "G.729 Annex B"],
    rtpName: "G729", // Annex B is negotiated with a=fmtp annexb=yes (RFC 4856)
    payloadType: 18,
    dynamicPayloadType: false,
    rtpClockRateHz: 8000,
    bitrateBps: 8000,
    frameNs: 10 * MS,
    lookaheadNs: 5 * MS,
    ptimesMs: [10, 20, 30, 40],
    bandwidth: "narrowband",
    payload: wholeBytes(10),
    comfortNoise: { scheme: "G.729 Annex B", sidBytes: 2 }, // RFC 3551 §4.5.6: 2-octet SID frames
    concealment: "decoder",
    impairmentKey: "G.729A",
    source:
      "G.729 §1 and Annex B (VAD/DTX); RFC 3551 §4.5.6 (10-octet frames, 2-octet SID), Table 4 (PT 18); " +
      "Ie/Bpl: ITU-T G.113 App. I Tables I.1, I.3 (G.729A + VAD)",
  },
  ilbc("iLBC-20", 20, 38, 5, 15_200, ["iLBC 15.2k"]), // RFC 3951: 25 ms algorithmic delay
  // RFC 3952: without a mode parameter iLBC runs in 30 ms mode, so plain "iLBC" means this one.
  ilbc("iLBC-30", 30, 50, 10, 13_333, ["iLBC", "iLBC 13.33k"]), // RFC 3951: 40 ms algorithmic delay
  {
    name: "GSM-FR",
    aliases: ["GSM", "GSM 06.10", "GSM full rate"],
    rtpName: "GSM",
    payloadType: 3, // RFC 3551 Table 4
    dynamicPayloadType: false,
    rtpClockRateHz: 8000,
    bitrateBps: 13_000,
    frameNs: 20 * MS, // GSM 06.10: 20 ms frames, no lookahead
    lookaheadNs: 0,
    ptimesMs: [20, 40, 60],
    bandwidth: "narrowband",
    payload: wholeBytes(33), // RFC 3551 §4.5.8: 260 bits + 4-bit signature = 33 octets
    comfortNoise: { scheme: "GSM 06.12", sidBytes: 33 }, // a SID frame is a whole 33-octet frame
    concealment: "decoder", // GSM 06.11 substitution and muting
    impairmentKey: "GSM-FR",
    source:
      "GSM 06.10 (13 kbit/s RPE-LTP, 20 ms); RFC 3551 §4.5.8 (33 octets per frame), Table 4 (PT 3); " +
      "Ie: ITU-T G.113 App. I Table I.1",
  },
  {
    name: "AMR-12.2",
    aliases: ["AMR", "AMR-NB", "AMR 12.2k"],
    rtpName: "AMR",
    payloadType: 96, // dynamic (RFC 4867 §8.1); 96 is an arbitrary default
    dynamicPayloadType: true,
    rtpClockRateHz: 8000, // RFC 4867 §4.1
    bitrateBps: 12_200,
    frameNs: 20 * MS, // 3GPP TS 26.090: 20 ms frames, 5 ms lookahead
    lookaheadNs: 5 * MS,
    ptimesMs: [20, 40, 60],
    bandwidth: "narrowband",
    payload: amrOctetAligned(244), // 3GPP TS 26.101 Table 1a: 244 bits in the 12.2 kbit/s mode
    comfortNoise: { scheme: "AMR SID", sidBytes: 1 + 1 + 5 }, // CMR + ToC + 39-bit SID (TS 26.101 Table 1a)
    concealment: "decoder", // 3GPP TS 26.091
    impairmentKey: "AMR-12.2",
    source:
      "3GPP TS 26.090 (20 ms frame, 5 ms lookahead), TS 26.101 (244-bit frame, 39-bit SID); " +
      "RFC 4867 octet-aligned mode (CMR + ToC), 8000 Hz, dynamic PT; " +
      "Ie/Bpl: GSM-EFR's (ITU-T G.113 App. I), which the 12.2 kbit/s mode is",
  },
  {
    name: "AMR-WB-12.65",
    aliases: ["AMR-WB", "G.722.2", "G.722.2-12.65"],
    rtpName: "AMR-WB",
    payloadType: 98, // dynamic (RFC 4867 §8.2); 98 is an arbitrary default
    dynamicPayloadType: true,
    rtpClockRateHz: 16_000, // RFC 4867 §4.1
    bitrateBps: 12_650,
    frameNs: 20 * MS, // 3GPP TS 26.190: 20 ms frames, 5 ms lookahead
    lookaheadNs: 5 * MS,
    ptimesMs: [20, 40, 60],
    bandwidth: "wideband",
    payload: amrOctetAligned(253), // 3GPP TS 26.201: 253 bits in the 12.65 kbit/s mode
    comfortNoise: { scheme: "AMR-WB SID", sidBytes: 1 + 1 + 5 }, // CMR + ToC + 40-bit SID (TS 26.201)
    concealment: "decoder", // 3GPP TS 26.191
    impairmentKey: "AMR-WB-12.65",
    source:
      "3GPP TS 26.190 (20 ms frame, 5 ms lookahead), TS 26.201 (253-bit frame, 40-bit SID); " +
      "RFC 4867 octet-aligned mode, 16000 Hz, dynamic PT; Ie,wb: ITU-T G.113 App. IV Table IV.1 (G.722.2)",
  },
  opus("Opus-NB-12k", "narrowband", 12_000, ["Opus NB"]),
  opus("Opus-WB-20k", "wideband", 20_000, ["Opus WB"]),
  opus("Opus-SWB-24k", "super-wideband", 24_000, ["Opus SWB"]),
  // SDP names every Opus stream "opus/48000/2" and a receiver accepts fullband unless it says
  // otherwise (RFC 7587 §6.1, maxplaybackrate defaults to 48000), so the bare name means fullband.
  opus("Opus-FB-32k", "fullband", 32_000, ["Opus FB", "opus"]),
]

export const findCodec = (name: string): Codec | undefined => CODECS.find((c) => c.name === name)

/**
 * The key spellings are compared by: case, spaces, dots, dashes and the µ/μ/u spelling do not
 * matter, so "G.711 µ-law", "g711u" and "PCMU" name the same codec.
 */
export const spellingKey = (text: string): string =>
  text.toLowerCase().replace(/[µμ]/gu, "u").replace(/[\s._-]/gu, "")

const BY_SPELLING: ReadonlyMap<string, Codec> = new Map(
  CODECS.flatMap((codec) => [codec.name, ...codec.aliases].map((spelling) => [spellingKey(spelling), codec] as const)),
)

/** The codec a name or alias stands for, in any of its accepted spellings. */
export const lookupCodec = (text: string): Codec | undefined => BY_SPELLING.get(spellingKey(text))

/** Payload bytes of one packet carrying `ptimeNs` of audio (whole frames, as the payload format packs them). */
export const payloadBytes = (codec: Codec, ptimeNs: TimeNs): number => {
  const frames = Math.round(ptimeNs / codec.frameNs)
  const { frameBits, octetAlignedFrames, headerBytes, tocBytesPerFrame } = codec.payload
  const speechBytes = octetAlignedFrames ? frames * Math.ceil(frameBits / 8) : Math.ceil((frames * frameBits) / 8)
  return headerBytes + frames * tocBytesPerFrame + speechBytes
}

/** RTP timestamp increment of one packet (RFC 3550 §5.1: the RTP clock, not always the sampling rate). */
export const samplesPerPacket = (codec: Codec, ptimeNs: TimeNs): number =>
  Math.round((codec.rtpClockRateHz * ptimeNs) / NS_PER_S)

export const packetsPerSecond = (ptimeNs: TimeNs): number => NS_PER_S / ptimeNs

export const ptimeAllowed = (codec: Codec, ptimeNs: TimeNs): boolean =>
  codec.ptimesMs.some((ms) => ms * MS === ptimeNs)

/** Whether lost frames are concealed: always when the decoder does it, otherwise as the call sets it. */
export const concealsLoss = (codec: Codec, plc: boolean): boolean => plc || codec.concealment === "decoder"
