import type { RandomStream } from "../../sim/random.ts"
import type { TimeNs } from "../../sim/time.ts"
import type { DelayModel } from "./delay/delay-model.ts"
import type { LossModel } from "./loss/loss-model.ts"

export interface ChannelConfig {
  readonly delay: DelayModel
  readonly loss: LossModel
  /** Probability that a packet arrives twice (netem `duplicate`). */
  readonly duplicateRate: number
  /** Probability that a packet arrives damaged and fails its checksum at the receiver (netem `corrupt`). */
  readonly corruptRate: number
  /** When true, a packet never overtakes the one sent before it (its delay is stretched instead). */
  readonly keepOrder: boolean
  /** Draws for duplication and corruption; delay and loss models own their streams. */
  readonly rng: RandomStream
}

/**
 * What happens to a packet between the transmitter and the far end: loss, corruption,
 * duplication and a random delay. Independent delays reorder packets, as netem's jitter does,
 * unless `keepOrder` is set.
 */
export class Channel {
  private lastArrivalNs: TimeNs = 0
  // The config's parts as fields of their own: these run for every packet on every hop.
  private readonly delay: DelayModel
  private readonly loss: LossModel
  private readonly duplicateRate: number
  private readonly corruptRate: number
  private readonly keepOrder: boolean
  private readonly rng: RandomStream

  constructor(config: ChannelConfig) {
    this.delay = config.delay
    this.loss = config.loss
    this.duplicateRate = config.duplicateRate
    this.corruptRate = config.corruptRate
    this.keepOrder = config.keepOrder
    this.rng = config.rng
  }

  /** Packets arrive in the order they were sent: the delay is constant, or order is kept. */
  get keepsOrder(): boolean {
    return this.keepOrder || this.delay.isConstant
  }

  isLost(): boolean {
    return this.loss.isLost()
  }

  isCorrupted(): boolean {
    return this.corruptRate > 0 && this.rng.chance(this.corruptRate)
  }

  isDuplicated(): boolean {
    return this.duplicateRate > 0 && this.rng.chance(this.duplicateRate)
  }

  /** The packet's arrival time at the far end if it left the transmitter at `nowNs`. */
  arrivalNs(nowNs: TimeNs): TimeNs {
    let arrivalNs = nowNs + this.delay.sampleNs()
    if (this.keepOrder && arrivalNs < this.lastArrivalNs) arrivalNs = this.lastArrivalNs
    this.lastArrivalNs = arrivalNs
    return arrivalNs
  }
}
