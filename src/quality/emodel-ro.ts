/**
 * E-model basic signal-to-noise ratio Ro and its noise terms: ITU-T G.107 (06/2015) §7.2.
 * Levels in dB / dBm0p / dB(A) as in the Recommendation.
 */

// ITU-T G.107 (06/2015) §7.2: Ro = 15 - 1.5 (SLR + No)
export function basicSignalToNoiseRo(SLR: number, No: number): number {
  return 15 - 1.5 * (SLR + No)
}

// ITU-T G.107 (06/2015) §7.2: No = 10 log10(10^(Nc/10) + 10^(Nos/10) + 10^(Nor/10) + 10^(Nfo/10))
export function totalNoiseNo(Nc: number, Nos: number, Nor: number, Nfo: number): number {
  return 10 * Math.log10(10 ** (Nc / 10) + 10 ** (Nos / 10) + 10 ** (Nor / 10) + 10 ** (Nfo / 10))
}

// ITU-T G.107 (06/2015) §7.2: Nos = Ps - SLR - Ds - 100 + 0.004 (Ps - OLR - Ds - 14)^2
export function sendRoomNoiseNos(Ps: number, SLR: number, Ds: number, OLR: number): number {
  const x = Ps - OLR - Ds - 14
  return Ps - SLR - Ds - 100 + 0.004 * x * x
}

// ITU-T G.107 (06/2015) §7.2: Pre = Pr + 10 log10(1 + 10^((10 - LSTR)/10))
export function receiveRoomNoisePre(Pr: number, LSTR: number): number {
  return Pr + 10 * Math.log10(1 + 10 ** ((10 - LSTR) / 10))
}

// ITU-T G.107 (06/2015) §7.2: Nor = RLR - 121 + Pre + 0.008 (Pre - 35)^2
export function receiveRoomNoiseNor(RLR: number, Pre: number): number {
  const x = Pre - 35
  return RLR - 121 + Pre + 0.008 * x * x
}

// ITU-T G.107 (06/2015) §7.2: Nfo = Nfor + RLR
export function receiveNoiseFloorNfo(Nfor: number, RLR: number): number {
  return Nfor + RLR
}
