/**
 * The ITU-T G.107 (06/2015) E-model: transmission rating R = Ro - Is - Id - Ie,eff + A (§7.1),
 * every term implemented (§7.2 Ro, §7.3 Is, §7.4 Id, §7.5 Ie,eff), with the MOS of Annex B.
 *
 * Units: loudness ratings, STMR, LSTR, TELR, WEPL, Ds, Dr, Bpl in dB; Nc, Nfor in dBm0p;
 * Ps, Pr in dB(A); delays T, Tr, Ta, mT in ms; Ppl in percent; qdu in units; A, Ie in R units.
 *
 * Runs per evaluation, not per packet; it allocates its result object.
 */
import { absoluteDelayIdd, echoRe, echoRoe, highSidetoneIdtes, listenerEchoIdle, listenerEchoRle, lowSidetoneTERVs, talkerEchoIdte, weightedEchoTERV } from "./emodel-id.ts"
import { effectiveEquipmentImpairment } from "./emodel-ie.ts"
import { loudnessImpairmentIolr, loudnessXolr, quantizingG, quantizingImpairmentIq, quantizingQ, quantizingY, quantizingZ, sidetoneImpairmentIst, sidetoneSTMRo } from "./emodel-is.ts"
import { basicSignalToNoiseRo, receiveNoiseFloorNfo, receiveRoomNoiseNor, receiveRoomNoisePre, sendRoomNoiseNos, totalNoiseNo } from "./emodel-ro.ts"
import { mosFromR } from "./mos.ts"

export { mosFromR, rFromMos, R_AT_MOS_1 } from "./mos.ts"
export { userSatisfaction } from "./user-satisfaction.ts"
export type { UserSatisfaction } from "./user-satisfaction.ts"

/** E-model input parameters, named as in ITU-T G.107 (06/2015) Table 3. */
export interface EModelInput {
  /** Send loudness rating, dB */
  SLR: number
  /** Receive loudness rating, dB */
  RLR: number
  /** Sidetone masking rating, dB */
  STMR: number
  /** Listener sidetone rating, dB (G.107: LSTR = STMR + Dr; derived that way when not given) */
  LSTR: number
  /** D-value of telephone, send side */
  Ds: number
  /** D-value of telephone, receive side */
  Dr: number
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
  /** Number of quantization distortion units */
  qdu: number
  /** Equipment impairment factor */
  Ie: number
  /** Packet-loss robustness factor */
  Bpl: number
  /** Packet-loss probability, percent */
  Ppl: number
  /** Burst ratio (1 = random loss) */
  BurstR: number
  /** Circuit noise referred to the 0 dBr point, dBm0p */
  Nc: number
  /** Noise floor at the receive side, dBmp */
  Nfor: number
  /** Room noise at the send side, dB(A) */
  Ps: number
  /** Room noise at the receive side, dB(A) */
  Pr: number
  /** Advantage factor */
  A: number
  /** Minimum perceivable delay of the delay-sensitivity class, ms (G.107 (06/2015) default class: 100) */
  mT: number
  /** Delay sensitivity of the delay-sensitivity class (G.107 (06/2015) default class: 1) */
  sT: number
}

/**
 * ITU-T G.107 (06/2015) Table 3 default values (and the default delay-sensitivity class
 * mT = 100 ms, sT = 1). LSTR 18 = STMR 15 + Dr 3.
 */
export const G107_DEFAULTS: Readonly<EModelInput> = Object.freeze({
  SLR: 8,
  RLR: 2,
  STMR: 15,
  LSTR: 18,
  Ds: 3,
  Dr: 3,
  TELR: 65,
  WEPL: 110,
  T: 0,
  Tr: 0,
  Ta: 0,
  qdu: 1,
  Ie: 0,
  Bpl: 4.3,
  Ppl: 0,
  BurstR: 1,
  Nc: -70,
  Nfor: -64,
  Ps: 35,
  Pr: 35,
  A: 0,
  mT: 100,
  sT: 1,
})

/** R, MOS and every intermediate term of the E-model, named as in G.107. */
export interface EModelResult {
  R: number
  MOS: number
  Ro: number
  Is: number
  Id: number
  IeEff: number
  A: number
  // §7.2
  No: number
  Nos: number
  Nor: number
  Nfo: number
  Pre: number
  OLR: number
  LSTR: number
  // §7.3
  Iolr: number
  Xolr: number
  Ist: number
  STMRo: number
  Iq: number
  Q: number
  G: number
  Y: number
  Z: number
  // §7.4
  Idte: number
  Roe: number
  Re: number
  TERV: number
  Idle: number
  Rle: number
  Idd: number
}

/** Evaluates the E-model; parameters not given take G107_DEFAULTS (LSTR: STMR + Dr). */
export function eModel(input: Partial<EModelInput> = {}): EModelResult {
  const p: EModelInput = { ...G107_DEFAULTS, ...input }
  // ITU-T G.107 (06/2015) §7.2 / Table 3: LSTR = STMR + Dr (defaults: 18 = 15 + 3)
  const LSTR = input.LSTR ?? p.STMR + p.Dr

  // §7.2 basic signal-to-noise ratio
  const OLR = p.SLR + p.RLR // ITU-T G.107 (06/2015) §7.2: OLR = SLR + RLR
  const Nos = sendRoomNoiseNos(p.Ps, p.SLR, p.Ds, OLR)
  const Pre = receiveRoomNoisePre(p.Pr, LSTR)
  const Nor = receiveRoomNoiseNor(p.RLR, Pre)
  const Nfo = receiveNoiseFloorNfo(p.Nfor, p.RLR)
  const No = totalNoiseNo(p.Nc, Nos, Nor, Nfo)
  const Ro = basicSignalToNoiseRo(p.SLR, No)

  // §7.3 simultaneous impairments
  const Xolr = loudnessXolr(OLR, No, p.RLR)
  const Iolr = loudnessImpairmentIolr(Xolr)
  const STMRo = sidetoneSTMRo(p.STMR, p.T, p.TELR)
  const Ist = sidetoneImpairmentIst(STMRo)
  const Q = quantizingQ(p.qdu)
  const G = quantizingG(Q)
  const Y = quantizingY(Ro, G)
  const Z = quantizingZ(G)
  const Iq = quantizingImpairmentIq(Y, Z)
  const Is = Iolr + Ist + Iq // ITU-T G.107 (06/2015) §7.3: Is = Iolr + Ist + Iq

  // §7.4 delay impairments
  const Roe = echoRoe(No, p.RLR)
  const baseTERV = weightedEchoTERV(p.TELR, p.T)
  const TERV = p.STMR < 9 ? lowSidetoneTERVs(baseTERV, Ist) : baseTERV
  const Re = echoRe(TERV)
  const talkerEcho = talkerEchoIdte(Roe, Re, p.T)
  const Idte = p.STMR > 20 ? highSidetoneIdtes(talkerEcho, Ist) : talkerEcho
  const Rle = listenerEchoRle(p.WEPL, p.Tr)
  const Idle = listenerEchoIdle(Ro, Rle)
  const Idd = absoluteDelayIdd(p.Ta, p.mT, p.sT)
  const Id = Idte + Idle + Idd // ITU-T G.107 (06/2015) §7.4: Id = Idte + Idle + Idd

  // §7.5 equipment impairment under packet loss
  const IeEff = effectiveEquipmentImpairment(p.Ie, p.Ppl, p.BurstR, p.Bpl)

  const R = Ro - Is - Id - IeEff + p.A // ITU-T G.107 (06/2015) §7.1: R = Ro - Is - Id - Ie,eff + A
  return {
    R,
    MOS: mosFromR(R),
    Ro,
    Is,
    Id,
    IeEff,
    A: p.A,
    No,
    Nos,
    Nor,
    Nfo,
    Pre,
    OLR,
    LSTR,
    Iolr,
    Xolr,
    Ist,
    STMRo,
    Iq,
    Q,
    G,
    Y,
    Z,
    Idte,
    Roe,
    Re,
    TERV,
    Idle,
    Rle,
    Idd,
  }
}
