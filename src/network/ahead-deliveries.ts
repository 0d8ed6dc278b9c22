import type { TimeNs } from "../../sim/time.ts"

/**
 * Arrival times of packets a link handed to their recording sinks before they arrived, in
 * arrival order, so that the link counts each as delivered only once the clock reaches it.
 */
export class AheadDeliveries {
  private times = new Float64Array(64)
  private head = 0
  private count = 0
  private arrived = 0

  /** Records a delivery at `arrivalNs` (never before the previous one), forgetting those due by `nowNs`. */
  push(arrivalNs: TimeNs, nowNs: TimeNs): void {
    this.settle(nowNs)
    if (this.count === this.times.length) this.grow()
    this.times[(this.head + this.count) & (this.times.length - 1)] = arrivalNs
    this.count++
  }

  /** Deliveries that have arrived by `nowNs`. */
  arrivedBy(nowNs: TimeNs): number {
    this.settle(nowNs)
    return this.arrived
  }

  private settle(nowNs: TimeNs): void {
    const times = this.times
    const mask = times.length - 1
    while (this.count > 0 && times[this.head]! <= nowNs) {
      this.head = (this.head + 1) & mask
      this.count--
      this.arrived++
    }
  }

  private grow(): void {
    const bigger = new Float64Array(this.times.length * 2)
    for (let i = 0; i < this.count; i++) bigger[i] = this.times[(this.head + i) & (this.times.length - 1)]!
    this.times = bigger
    this.head = 0
  }
}
