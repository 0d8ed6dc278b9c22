import type { ArrivedPacket } from "../media/arrival-log.ts"
import type { ArrivalObserver } from "../media/stream-receiver.ts"

/** Per-packet send time, one-way delay and lateness of one stream, for charts. Grows with the run: opt-in only. */
export class DelayTrace implements ArrivalObserver {
  readonly sentMs: number[] = []
  readonly delayMs: number[] = []
  readonly late: boolean[] = []

  arrived(packet: ArrivedPacket, late: boolean): void {
    this.sentMs.push(packet.sentNs / 1e6)
    this.delayMs.push((packet.arrivalNs - packet.sentNs) / 1e6)
    this.late.push(late)
  }
}
