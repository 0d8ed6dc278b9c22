import type { TimeNs } from "../../../sim/time.ts"
import type { Serializer } from "./serializer.ts"

/** Serialization time of `sizeBytes` at `bandwidthBps`, rounded to the nanosecond. */
export const serializationNs = (sizeBytes: number, bandwidthBps: number): TimeNs =>
  Math.round((sizeBytes * 8 * 1e9) / bandwidthBps)

/** A constant bit rate: a packet of S bytes takes S·8/bandwidth from the moment it is taken. */
export class FixedRateSerializer implements Serializer {
  private busyTotalNs = 0

  constructor(readonly bandwidthBps: number) {}

  departureNs(sizeBytes: number, nowNs: TimeNs): TimeNs {
    const durationNs = serializationNs(sizeBytes, this.bandwidthBps)
    this.busyTotalNs += durationNs
    return nowNs + durationNs
  }

  busyNs(): number {
    return this.busyTotalNs
  }

  cancel(): void {}
}
