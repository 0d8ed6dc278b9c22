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

  constructor(private readonly config: ChannelConfig) {}

  isLost(): boolean {
    return this.config.loss.isLost()
  }

  isCorrupted(): boolean {
    return this.config.corruptRate > 0 && this.config.rng.nextFloat() < this.config.corruptRate
  }

  isDuplicated(): boolean {
    return this.config.duplicateRate > 0 && this.config.rng.nextFloat() < this.config.duplicateRate
  }

  /** The packet's arrival time at the far end if it left the transmitter at `nowNs`. */
  arrivalNs(nowNs: TimeNs): TimeNs {
    let arrivalNs = nowNs + this.config.delay.sampleNs()
    if (this.config.keepOrder && arrivalNs < this.lastArrivalNs) arrivalNs = this.lastArrivalNs
    this.lastArrivalNs = arrivalNs
    return arrivalNs
  }
}
