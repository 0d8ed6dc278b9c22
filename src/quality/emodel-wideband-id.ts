/**
 * The wideband delay-impairment terms of ITU-T G.107.1 (06/2019) §7.4 that differ from G.107's:
 * the talker-echo TERV,WB and Re,WB, and the absolute-delay Idd,WB. Delays T, Ta in ms.
 * Idte's form, Roe, Rle and Idle are G.107's (emodel-id.ts), used with Ro,WB where G.107 has Ro.
 */
import { absoluteDelayIdd, weightedEchoTERV } from "./emodel-id.ts"

// ITU-T G.107.1 (06/2019) §7.4, eqs. (7-9)/(7-10): K = 0.08 T + 10 for T < 100 ms, K = 18 from 100 ms on
export function widebandEchoK(TMs: number): number {
  return TMs < 100 ? 0.08 * TMs + 10 : 18
}

// ITU-T G.107.1 (06/2019) §7.4, eq. (7-8): TERV,WB = TELR + K - 40 log10((1 + T/10)/(1 + T/150)) + 6 e^(-0.3 T^2)
export function widebandWeightedEchoTERV(TELR: number, TMs: number): number {
  return weightedEchoTERV(TELR, TMs) + widebandEchoK(TMs)
}

// ITU-T G.107.1 (06/2019) §7.4, eq. (7-7): Re,WB = 80 + 3 (TERV,WB - 14)
export function widebandEchoRe(TERV: number): number {
  return 80 + 3 * (TERV - 14)
}

// ITU-T G.107.1 (06/2019) §7.4, eq. (7-13): Idd,WB = 1.29 Idd, Idd as G.107 eq. (7-27) with mT = 100 ms, sT = 1
export function widebandAbsoluteDelayIdd(TaMs: number): number {
  return 1.29 * absoluteDelayIdd(TaMs, 100, 1)
}
