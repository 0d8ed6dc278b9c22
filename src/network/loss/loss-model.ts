/** Decides, packet by packet, whether the channel loses it. Each model owns its random stream. */
export interface LossModel {
  isLost(): boolean
}

export const noLoss: LossModel = { isLost: () => false }
