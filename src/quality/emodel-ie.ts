/**
 * E-model effective equipment impairment factor under packet loss: ITU-T G.107 (06/2015) §7.5.
 */

// ITU-T G.107 (06/2015) §7.5, eq. (7-29): Ie,eff = Ie + (95 - Ie) Ppl / (Ppl/BurstR + Bpl); Ppl in percent
export function effectiveEquipmentImpairment(Ie: number, PplPercent: number, BurstR: number, Bpl: number): number {
  if (PplPercent === 0) return Ie // no loss: the fraction is 0 (also avoids 0/0 when Bpl = 0)
  return Ie + ((95 - Ie) * PplPercent) / (PplPercent / BurstR + Bpl)
}
