/**
 * E-model delay impairment factor Id = Idte + Idle + Idd: ITU-T G.107 (06/2015) §7.4.
 * Delays T, Tr, Ta, mT in milliseconds.
 */

// ITU-T G.107 (06/2015) §7.4: Roe = -1.5 (No - RLR)
export function echoRoe(No: number, RLR: number): number {
  return -1.5 * (No - RLR)
}

// ITU-T G.107 (06/2015) §7.4: TERV = TELR - 40 log10((1 + T/10)/(1 + T/150)) + 6 e^(-0.3 T^2)
export function weightedEchoTERV(TELR: number, TMs: number): number {
  return TELR - 40 * Math.log10((1 + TMs / 10) / (1 + TMs / 150)) + 6 * Math.exp(-0.3 * TMs * TMs)
}

// ITU-T G.107 (06/2015) §7.4: for STMR < 9 dB, TERV is replaced by TERVs = TERV + Ist/2
export function lowSidetoneTERVs(TERV: number, Ist: number): number {
  return TERV + Ist / 2
}

// ITU-T G.107 (06/2015) §7.4: Re = 80 + 2.5 (TERV - 14)
export function echoRe(TERV: number): number {
  return 80 + 2.5 * (TERV - 14)
}

// ITU-T G.107 (06/2015) §7.4: Idte = [(Roe - Re)/2 + sqrt((Roe - Re)^2/4 + 100) - 1] (1 - e^(-T)),
// and Idte = 0 for T < 1 ms (talker echo that short is perceived as sidetone)
export function talkerEchoIdte(Roe: number, Re: number, TMs: number): number {
  if (TMs < 1) return 0
  const x = Roe - Re
  return (x / 2 + Math.sqrt((x * x) / 4 + 100) - 1) * (1 - Math.exp(-TMs))
}

// ITU-T G.107 (06/2015) §7.4: for STMR > 20 dB, Idte is replaced by Idtes = sqrt(Idte^2 + Ist^2)
export function highSidetoneIdtes(Idte: number, Ist: number): number {
  return Math.sqrt(Idte * Idte + Ist * Ist)
}

// ITU-T G.107 (06/2015) §7.4: Rle = 10.5 (WEPL + 7) (Tr + 1)^(-1/4)
export function listenerEchoRle(WEPL: number, TrMs: number): number {
  return 10.5 * (WEPL + 7) * (TrMs + 1) ** -0.25
}

// ITU-T G.107 (06/2015) §7.4: Idle = (Ro - Rle)/2 + sqrt((Ro - Rle)^2/4 + 169)
export function listenerEchoIdle(Ro: number, Rle: number): number {
  const x = Ro - Rle
  return x / 2 + Math.sqrt((x * x) / 4 + 169)
}

// ITU-T G.107 (06/2015) §7.4, eq. (7-28): X = log10(Ta/mT) / log10(2)
export function absoluteDelayX(TaMs: number, mTMs: number): number {
  return Math.log10(TaMs / mTMs) / Math.log10(2)
}

// ITU-T G.107 (06/2015) §7.4, eq. (7-27): Idd = 0 for Ta <= mT, otherwise
// Idd = 25 { (1 + X^(6 sT))^(1/(6 sT)) - 3 (1 + (X/3)^(6 sT))^(1/(6 sT)) + 2 }
// (default delay sensitivity mT = 100 ms, sT = 1 gives the classic exponent 6)
export function absoluteDelayIdd(TaMs: number, mTMs: number, sT: number): number {
  if (TaMs <= mTMs) return 0
  const X = absoluteDelayX(TaMs, mTMs)
  const e = 6 * sT
  return 25 * ((1 + X ** e) ** (1 / e) - 3 * (1 + (X / 3) ** e) ** (1 / e) + 2)
}
