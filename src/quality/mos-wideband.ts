/**
 * Mapping between the wideband rating Rwb (ITU-T G.107.1 scale, up to 129) and the estimated
 * conversational MOS (MOS-CQE): ITU-T G.107.1 (06/2019) Annex A, and its numeric inverse.
 * Rwb is first brought to the narrowband scale, then G.107 Annex B's curve applies, so a wideband
 * and a narrowband MOS share one axis even though their R values do not.
 */
import { mosFromR, rFromMos } from "./mos.ts"

/** Width of the wideband R scale over the narrowband one: G.107.1 (06/2019) Annex A, eq.. */
export const RWB_PER_R = 1.29

// ITU-T G.107.1 (06/2019) Annex A, eqs. (A-1)/(A-2): Rx = Rwb / 1.29, then MOS = G.107 Annex B's MOS of Rx
export function mosFromRwb(Rwb: number): number {
  return mosFromR(Rwb / RWB_PER_R)
}

/**
 * Inverse of mosFromRwb on its increasing branch: 1.29 times rFromMos, so Rwb in
 * [1.29 R_AT_MOS_1, 129] (~8.40 to 129). NaN gives NaN.
 */
export function rwbFromMos(mos: number): number {
  return RWB_PER_R * rFromMos(mos)
}
