import { G113_WIDEBAND_IMPAIRMENTS, type G113WidebandCodec } from "./g113-wideband.ts"

/**
 * Codec impairment factors for the E-model, from ITU-T G.113 Appendix I:
 * Table I.1 (equipment impairment factor Ie) and Table I.3 (packet-loss robustness factor Bpl,
 * random loss, measured at the packet size given). Narrowband codecs only (G.107, not G.107.1).
 *
 * Bpl is only defined for the codec / PLC combinations G.113 tabulates; for the others the
 * E-model cannot turn packet loss into Ie,eff and the caller must supply a Bpl of its own.
 * Each row's `source` says where the numbers come from and how they were cross-checked.
 *
 * `CODEC_IMPAIRMENTS` (below) maps every catalogue codec to these rows, to the wideband rows of
 * Appendix IV (g113-wideband.ts), or to stand-ins marked provisional where no table has the codec.
 */

export interface CodecImpairment {
  /** Equipment impairment factor Ie (G.113 App. I Table I.1) */
  readonly ie: number
  /** Bpl with the codec's packet-loss concealment (G.113 App. I Table I.3), when tabulated */
  readonly bplWithPlc?: number
  /** Bpl without concealment (lost packets replaced by silence), when tabulated */
  readonly bplNoPlc?: number
  /** Packet size, in ms of speech, the Bpl values were measured with */
  readonly bplPacketMs?: number
  /** Where the values come from */
  readonly source: string
}

const T_I1 = "ITU-T G.113 (11/2007) App. I Table I.1"
const T_I3 = "Table I.3"

export const G113_IMPAIRMENTS = {
  "G.711": {
    ie: 0,
    bplNoPlc: 4.3,
    bplWithPlc: 25.1,
    bplPacketMs: 10,
    source: `${T_I1} (Ie 0); ${T_I3}: Bpl 4.3 without PLC, 25.1 with the PLC of G.711 App. I, 10 ms packets, random loss`,
  },
  "G.726-40": { ie: 2, source: `${T_I1}: ADPCM 40 kbit/s` },
  "G.726-32": { ie: 7, source: `${T_I1}: ADPCM 32 kbit/s` },
  "G.726-24": { ie: 25, source: `${T_I1}: ADPCM 24 kbit/s` },
  "G.726-16": { ie: 50, source: `${T_I1}: ADPCM 16 kbit/s` },
  "G.728-16": { ie: 7, source: `${T_I1}: LD-CELP 16 kbit/s` },
  "G.728-12.8": { ie: 20, source: `${T_I1}: LD-CELP 12.8 kbit/s` },
  "G.729": { ie: 10, source: `${T_I1}: CS-ACELP 8 kbit/s` },
  "G.729A": {
    ie: 11,
    bplWithPlc: 19,
    bplPacketMs: 20,
    source: `${T_I1} / ${T_I3}: G.729A + VAD 8 kbit/s, 2 x 10 ms frames per packet, codec-internal PLC`,
  },
  "G.723.1-6.3": {
    ie: 15,
    bplWithPlc: 16.1,
    bplPacketMs: 30,
    source: `${T_I1} / ${T_I3}: G.723.1 + VAD, MP-MLQ 6.3 kbit/s, 30 ms packets, codec-internal PLC`,
  },
  "G.723.1-5.3": { ie: 19, source: `${T_I1}: G.723.1 ACELP 5.3 kbit/s` },
  "GSM-FR": { ie: 20, source: `${T_I1}: GSM 06.10 RPE-LTP full rate 13 kbit/s` },
  "GSM-HR": { ie: 23, source: `${T_I1}: GSM 06.20 VSELP half rate 5.6 kbit/s` },
  "GSM-EFR": {
    ie: 5,
    bplWithPlc: 10,
    bplPacketMs: 20,
    source: `${T_I1} / ${T_I3}: GSM 06.60 ACELP enhanced full rate 12.2 kbit/s, 20 ms packets (Bpl not cross-checked)`,
  },
} as const satisfies Record<string, CodecImpairment>

export type G113Codec = keyof typeof G113_IMPAIRMENTS

/**
 * The G.113 Bpl for a codec, with or without packet-loss concealment; undefined when G.113
 * does not tabulate that combination.
 */
export function g113Bpl(codec: G113Codec, withPlc: boolean): number | undefined {
  const row: CodecImpairment = G113_IMPAIRMENTS[codec]
  return withPlc ? row.bplWithPlc : row.bplNoPlc
}

/**
 * The E-model scale a value belongs to: narrowband G.107 (R up to 93.2), wideband G.107.1 (up to
 * 129) or fullband G.107.2. Values from different scales are not interchangeable.
 */
export type RatingScale = "G.107" | "G.107.1" | "G.107.2"

/** What voiplab knows about one catalogue codec's E-model inputs (src/media/codecs.ts `impairmentKey`). */
export interface ImpairmentValues {
  readonly scale: RatingScale
  /** Ie (Ie,wb on the wideband scale); null where no value is known */
  readonly ie: number | null
  /** Bpl with the codec's packet-loss concealment; null where no value is known */
  readonly bplWithPlc: number | null
  /** Bpl with lost packets replaced by silence; null where no value is known */
  readonly bplNoPlc: number | null
  /** Packet size, in ms of speech, the Bpl was measured with */
  readonly bplPacketMs: number | null
  /** The values that are voiplab's stand-ins rather than a table's (the source says why) */
  readonly provisional: readonly ("ie" | "bpl")[]
  readonly source: string
}

const fromG113 = (codec: G113Codec): ImpairmentValues => {
  const row: CodecImpairment = G113_IMPAIRMENTS[codec]
  return {
    scale: "G.107",
    ie: row.ie,
    bplWithPlc: row.bplWithPlc ?? null,
    bplNoPlc: row.bplNoPlc ?? null,
    bplPacketMs: row.bplPacketMs ?? null,
    provisional: [],
    source: row.source,
  }
}

const fromG113Wideband = (codec: G113WidebandCodec): ImpairmentValues => ({
  scale: "G.107.1",
  ie: G113_WIDEBAND_IMPAIRMENTS[codec].ieWb,
  bplWithPlc: null,
  bplNoPlc: null,
  bplPacketMs: null,
  provisional: [],
  source: G113_WIDEBAND_IMPAIRMENTS[codec].source,
})

// No ITU-T table covers these narrowband codecs. G.729A's row stands in: a CELP-family codec of a
// similar bit rate whose decoder conceals lost frames itself, measured with 20 ms packets.
const G729A_STAND_IN = (codec: string, why: string): ImpairmentValues => ({
  ...fromG113("G.729A"),
  provisional: ["ie", "bpl"],
  source:
    `Provisional: no ITU-T table gives ${codec} values; G.729A's (${T_I1} / ${T_I3}: Ie 11, Bpl 19 at 20 ms) ` +
    `stand in. ${why}`,
})

const ILBC_NOTE = "RFC 3951 §1 says iLBC degrades under loss like G.711 with PLC, so this Bpl is likely pessimistic."

// G.113 has no Opus row on any scale, and no stand-in is assumed for the wideband ones.
const OPUS_UNRATED = (scale: RatingScale): ImpairmentValues => ({
  scale,
  ie: null,
  bplWithPlc: null,
  bplNoPlc: null,
  bplPacketMs: null,
  provisional: [],
  source: "No ITU-T Ie or Bpl for Opus (ITU-T G.113 has no Opus row); none assumed",
})

/** E-model inputs by catalogue `impairmentKey`. */
export const CODEC_IMPAIRMENTS: Readonly<Record<string, ImpairmentValues>> = {
  "G.711": fromG113("G.711"),
  "G.722-64": fromG113Wideband("G.722-64"),
  "G.723.1-6.3": fromG113("G.723.1-6.3"),
  "G.723.1-5.3": {
    ...fromG113("G.723.1-5.3"),
    bplWithPlc: G113_IMPAIRMENTS["G.723.1-6.3"].bplWithPlc,
    bplPacketMs: G113_IMPAIRMENTS["G.723.1-6.3"].bplPacketMs,
    provisional: ["bpl"],
    source:
      `${G113_IMPAIRMENTS["G.723.1-5.3"].source}; Bpl provisional: G.113 measured only the 6.3 kbit/s rate ` +
      `(${T_I3}: 16.1 at 30 ms), whose decoder and frame-erasure concealment the 5.3 kbit/s rate shares`,
  },
  "G.726-32": fromG113("G.726-32"),
  "G.728-16": fromG113("G.728-16"),
  "G.729A": fromG113("G.729A"),
  "GSM-FR": fromG113("GSM-FR"),
  "AMR-12.2": {
    ...fromG113("GSM-EFR"),
    source: `GSM-EFR's row, as AMR's 12.2 kbit/s mode is GSM-EFR (3GPP TS 26.071): ${G113_IMPAIRMENTS["GSM-EFR"].source}`,
  },
  "AMR-WB-12.65": fromG113Wideband("G.722.2-12.65"),
  "iLBC-20": G729A_STAND_IN("iLBC", ILBC_NOTE),
  "iLBC-30": G729A_STAND_IN("iLBC", `${ILBC_NOTE} Bpl was measured with 20 ms packets; a 30 ms packet loses more speech.`),
  "Opus-NB-12k": G729A_STAND_IN("Opus", "Opus at 12 kbit/s (RFC 7587 §3.1.1's top narrowband speech rate) is assumed no worse."),
  "Opus-WB-20k": OPUS_UNRATED("G.107.1"),
  "Opus-SWB-24k": OPUS_UNRATED("G.107.2"),
  "Opus-FB-32k": OPUS_UNRATED("G.107.2"),
}

const SCALE_NAMES: Readonly<Record<RatingScale, string>> = { "G.107": "narrowband", "G.107.1": "wideband", "G.107.2": "fullband" }

/**
 * Ie and Bpl for the narrowband E-model (G.107) of a catalogue codec, with lost frames concealed
 * or replaced by silence; or, when voiplab has no such values, why not.
 */
export function narrowbandImpairment(
  key: string,
  concealed: boolean,
): { readonly ie: number; readonly bpl: number } | { readonly missing: string } {
  const row = CODEC_IMPAIRMENTS[key]
  if (row === undefined) return { missing: `no impairment values are known for ${key}` }
  if (row.scale !== "G.107") {
    const scale = `the ${SCALE_NAMES[row.scale]} scale (ITU-T ${row.scale})`
    return { missing: `its E-model values are on ${scale}, and calls are scored on the narrowband one (G.107)` }
  }
  const bpl = concealed ? row.bplWithPlc : row.bplNoPlc
  if (row.ie === null || bpl === null) {
    const value = row.ie === null ? "Ie" : "Bpl"
    return { missing: `ITU-T G.113 gives no ${value} for it${concealed ? "" : " without packet-loss concealment"}` }
  }
  return { ie: row.ie, bpl }
}
