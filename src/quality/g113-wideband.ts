/**
 * Wideband equipment impairment factors Ie,wb from ITU-T G.113 Appendix IV, Table IV.1 (monotic
 * listening: handset or one-ear headset). They sit on the wideband E-model's scale (G.107.1,
 * R up to 129), not on G.107's narrowband scale (R up to 93.2): an Ie,wb is no narrowband Ie.
 *
 * G.113 gives a wideband Bpl for a few codecs only, measured with diotic listening (Table IV.4);
 * mixing it with a monotic Ie,wb would mix two listening conditions, so none is kept here.
 */

export interface WidebandImpairment {
  /** Wideband equipment impairment factor Ie,wb (G.113 App. IV Table IV.1) */
  readonly ieWb: number
  readonly source: string
}

const T_IV1 = "ITU-T G.113 App. IV Table IV.1 (monotic)"

export const G113_WIDEBAND_IMPAIRMENTS = {
  "G.722-64": { ieWb: 13, source: `${T_IV1}: G.722 SB-ADPCM 64 kbit/s` },
  "G.722.2-12.65": { ieWb: 13, source: `${T_IV1}: G.722.2 (AMR-WB) 12.65 kbit/s` },
} as const satisfies Record<string, WidebandImpairment>

export type G113WidebandCodec = keyof typeof G113_WIDEBAND_IMPAIRMENTS
