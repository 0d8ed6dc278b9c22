/**
 * Codec impairment factors for the E-model, from ITU-T G.113 Appendix I:
 * Table I.1 (equipment impairment factor Ie) and Table I.3 (packet-loss robustness factor Bpl,
 * random loss, measured at the packet size given). Narrowband codecs only (G.107, not G.107.1).
 *
 * Bpl is only defined for the codec / PLC combinations G.113 tabulates; for the others the
 * E-model cannot turn packet loss into Ie,eff and the caller must supply a Bpl of its own.
 * Each row's `source` says where the numbers come from and how they were cross-checked.
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
