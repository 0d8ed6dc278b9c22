/**
 * The ITU-T G.107.1 (06/2019) wideband E-model: Rwb = Ro,WB - Is,WB - Id,WB - Ie,eff,WB + A
 * (§7.1, eq. 7-1) on the wideband scale (Rwb up to 129), with the MOS of Annex A.
 *
 * G.107.1 (06/2019) does not model loudness, sidetone, room or circuit noise, or quantizing
 * distortion, so Ro,WB is the constant 129 and Is,WB is 0. The delay terms reuse G.107's formulas
 * with the wideband changes of §7.4; the noise parameters below only enter the talker-echo term,
 * through No in Roe (G.107 §7.2 summation; G.107.1 leaves a wideband No for further study).
 *
 * Units as in eModel (emodel.ts): loudness ratings, TELR, WEPL, Ds, LSTR in dB; Nc, Nfor in dBm0p /
 * dBmp; Ps, Pr in dB(A); T, Tr, Ta in ms; Ppl in percent; A, Ie,WB in wideband R units.
 */
import { echoRoe, listenerEchoIdle, listenerEchoRle, talkerEchoIdte } from "./emodel-id.ts"
import { effectiveEquipmentImpairment } from "./emodel-ie.ts"
import { receiveNoiseFloorNfo, receiveRoomNoiseNor, receiveRoomNoisePre, sendRoomNoiseNos, totalNoiseNo } from "./emodel-ro.ts"
import { widebandAbsoluteDelayIdd, widebandEchoK, widebandEchoRe, widebandWeightedEchoTERV } from "./emodel-wideband-id.ts"
import { mosFromRwb, RWB_PER_R } from "./mos-wideband.ts"

export * from "./emodel-wideband-id.ts"
export { mosFromRwb, rwbFromMos, RWB_PER_R } from "./mos-wideband.ts"

/** ITU-T G.107.1 (06/2019) §7.2, eq. (7-2): the basic signal-to-noise ratio is fixed. */
export const RO_WB = 129
/** ITU-T G.107.1 (06/2019) §7.3, eq. (7-3): no simultaneous impairments are modelled. */
export const IS_WB = 0

/** Wideband E-model input parameters, named as in ITU-T G.107.1 (06/2019) Table 1. */
export interface EModelWidebandInput {
  /** Send loudness rating, dB (enters only No, for Roe) */
  SLR: number
  /** Receive loudness rating, dB (enters No and Roe) */
  RLR: number
  /** Listener sidetone rating, dB (enters only No, through Pre) */
  LSTR: number
  /** D-value of telephone, send side (enters only No, through Nos) */
  Ds: number
  /** Talker echo loudness rating, dB */
  TELR: number
  /** Weighted echo path loss, dB */
  WEPL: number
  /** Mean one-way delay of the echo path, ms */
  T: number
  /** Round-trip delay in a 4-wire loop, ms */
  Tr: number
  /** Absolute delay in echo-free connections, ms */
  Ta: number
  /** Wideband equipment impairment factor Ie,WB (G.113 Appendix IV), wideband R units */
  IeWB: number
  /** Packet-loss robustness factor */
  Bpl: number
  /** Packet-loss probability, percent */
  Ppl: number
  /** Burst ratio (1 = random loss, the only case G.107.1 eq. 7-15 covers) */
  BurstR: number
  /** Circuit noise referred to the 0 dBr point, dBm0p (enters only No) */
  Nc: number
  /** Noise floor at the receive side, dBmp (enters only No) */
  Nfor: number
  /** Room noise at the send side, dB(A) (enters only No) */
  Ps: number
  /** Room noise at the receive side, dB(A) (enters only No) */
  Pr: number
  /** Advantage factor */
  A: number
}

/**
 * ITU-T G.107.1 (06/2019) Table 1 default values: G.107's, except Nfor -96 dBmp. Bpl 4.3 is
 * G.107 Table 3's default.
 */
export const G1071_DEFAULTS: Readonly<EModelWidebandInput> = Object.freeze({
  SLR: 8,
  RLR: 2,
  LSTR: 18,
  Ds: 3,
  TELR: 65,
  WEPL: 110,
  T: 0,
  Tr: 0,
  Ta: 0,
  IeWB: 0,
  Bpl: 4.3,
  Ppl: 0,
  BurstR: 1,
  Nc: -70,
  Nfor: -96,
  Ps: 35,
  Pr: 35,
  A: 0,
})

/** Rwb, its MOS and every intermediate term of the wideband E-model, named as in G.107.1. */
export interface EModelWidebandResult {
  /** Rwb, wideband scale (up to 129) */
  R: number
  MOS: number
  /** Rwb brought to the narrowband scale for the MOS: Rx = Rwb / 1.29 (Annex A) */
  Rx: number
  Ro: number
  Is: number
  Id: number
  IeEff: number
  A: number
  // §7.4 talker echo
  Idte: number
  No: number
  Roe: number
  K: number
  TERV: number
  Re: number
  // §7.4 listener echo and absolute delay
  Idle: number
  Rle: number
  Idd: number
}

/** Evaluates the wideband E-model; parameters not given take G1071_DEFAULTS. */
export function eModelWideband(input: Partial<EModelWidebandInput> = {}): EModelWidebandResult {
  const p: EModelWidebandInput = { ...G1071_DEFAULTS, ...input }

  // No for Roe only: ITU-T G.107 (06/2015) §7.2 summation (OLR = SLR + RLR)
  const Nos = sendRoomNoiseNos(p.Ps, p.SLR, p.Ds, p.SLR + p.RLR)
  const Nor = receiveRoomNoiseNor(p.RLR, receiveRoomNoisePre(p.Pr, p.LSTR))
  const No = totalNoiseNo(p.Nc, Nos, Nor, receiveNoiseFloorNfo(p.Nfor, p.RLR))

  // ITU-T G.107.1 (06/2019) §7.4, eqs. (7-5)-(7-10): talker echo; Roe = -1.5 (No - RLR) as eq. (7-6) of the 06/2019 text
  const Roe = echoRoe(No, p.RLR)
  const K = widebandEchoK(p.T)
  const TERV = widebandWeightedEchoTERV(p.TELR, p.T)
  const Re = widebandEchoRe(TERV)
  const Idte = talkerEchoIdte(Roe, Re, p.T)

  // ITU-T G.107.1 (06/2019) §7.4: listener echo is G.107's Idle with Ro,WB in place of Ro
  const Rle = listenerEchoRle(p.WEPL, p.Tr)
  const Idle = listenerEchoIdle(RO_WB, Rle)
  const Idd = widebandAbsoluteDelayIdd(p.Ta)
  const Id = Idte + Idle + Idd // ITU-T G.107.1 (06/2019) §7.4, eq. (7-4): Id,WB = Idte,WB + Idle,WB + Idd,WB

  // ITU-T G.107.1 (06/2019) §7.5, eq. (7-15): Ie,eff,WB = Ie,WB + (95 - Ie,WB) Ppl / (Ppl + Bpl);
  // BurstR enters as in G.107 eq. (7-29), which reduces to eq. (7-15) at BurstR = 1
  const IeEff = effectiveEquipmentImpairment(p.IeWB, p.Ppl, p.BurstR, p.Bpl)

  const R = RO_WB - IS_WB - Id - IeEff + p.A // ITU-T G.107.1 (06/2019) §7.1, eq. (7-1)
  return {
    R,
    MOS: mosFromRwb(R),
    Rx: R / RWB_PER_R,
    Ro: RO_WB,
    Is: IS_WB,
    Id,
    IeEff,
    A: p.A,
    Idte,
    No,
    Roe,
    K,
    TERV,
    Re,
    Idle,
    Rle,
    Idd,
  }
}
