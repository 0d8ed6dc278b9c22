/**
 * E-model simultaneous impairment factor Is = Iolr + Ist + Iq: ITU-T G.107 (06/2015) §7.3.
 */

// ITU-T G.107 (06/2015) §7.3: Xolr = OLR + 0.2 (64 + No - RLR)
export function loudnessXolr(OLR: number, No: number, RLR: number): number {
  return OLR + 0.2 * (64 + No - RLR)
}

// ITU-T G.107 (06/2015) §7.3: Iolr = 20 [ (1 + (Xolr/8)^8)^(1/8) - Xolr/8 ]
export function loudnessImpairmentIolr(Xolr: number): number {
  const x = Xolr / 8
  return 20 * ((1 + x ** 8) ** (1 / 8) - x)
}

// ITU-T G.107 (06/2015) §7.3: STMRo = -10 log10(10^(-STMR/10) + e^(-T/4) 10^(-TELR/10)); T in ms
export function sidetoneSTMRo(STMR: number, TMs: number, TELR: number): number {
  return -10 * Math.log10(10 ** (-STMR / 10) + Math.exp(-TMs / 4) * 10 ** (-TELR / 10))
}

// ITU-T G.107 (06/2015) §7.3: Ist = 12(1+((STMRo-13)/6)^8)^(1/8) - 28(1+((STMRo+1)/19.4)^35)^(1/35)
//                                   - 13(1+((STMRo-3)/33)^13)^(1/13) + 29
export function sidetoneImpairmentIst(STMRo: number): number {
  return (
    12 * (1 + ((STMRo - 13) / 6) ** 8) ** (1 / 8) -
    28 * (1 + ((STMRo + 1) / 19.4) ** 35) ** (1 / 35) -
    13 * (1 + ((STMRo - 3) / 33) ** 13) ** (1 / 13) +
    29
  )
}

// ITU-T G.107 (06/2015) §7.3: Q = 37 - 15 log10(qdu)
export function quantizingQ(qdu: number): number {
  return 37 - 15 * Math.log10(qdu)
}

// ITU-T G.107 (06/2015) §7.3: G = 1.07 + 0.258 Q + 0.0602 Q^2
export function quantizingG(Q: number): number {
  return 1.07 + 0.258 * Q + 0.0602 * Q * Q
}

// ITU-T G.107 (06/2015) §7.3: Y = (Ro - 100)/15 + 46/8.4 - G/9
export function quantizingY(Ro: number, G: number): number {
  return (Ro - 100) / 15 + 46 / 8.4 - G / 9
}

// ITU-T G.107 (06/2015) §7.3: Z = 46/30 - G/40
export function quantizingZ(G: number): number {
  return 46 / 30 - G / 40
}

// ITU-T G.107 (06/2015) §7.3: Iq = 15 log10(1 + 10^Y + 10^Z)
export function quantizingImpairmentIq(Y: number, Z: number): number {
  return 15 * Math.log10(1 + 10 ** Y + 10 ** Z)
}
