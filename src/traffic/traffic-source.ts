import type { RandomStream } from "../../sim/random.ts"
import type { Simulator } from "../../sim/simulator.ts"
import type { TimeNs } from "../../sim/time.ts"
import type { PacketSink } from "../network/packet.ts"
import type { DataPacket } from "./data-packet.ts"
import type { FlowMeter } from "./flow-meter.ts"

export type TrafficKind = "poisson" | "cbr" | "on-off" | "bulk"

/** Where a flow's receiving end attaches: the destination node (`Node.attachFlow`). */
export interface FlowAttachPoint {
  attachFlow(flow: number, sink: PacketSink<DataPacket>): void
}

/** What every source is wired to. */
export interface TrafficSourceDeps {
  readonly sim: Simulator
  /** The source's own stream; it splits it into child streams ("size", "gaps", …) per purpose. */
  readonly rng: RandomStream
  /** The first hop: usually the source's node, which routes each packet toward `destination`. */
  readonly firstHop: PacketSink<DataPacket>
  /** Node index of the receiver. */
  readonly destination: number
  /** Flow id at the destination node; unique there. */
  readonly flow: number
  /** The destination node: the source attaches its FlowMeter there for `flow`. */
  readonly destinationNode: FlowAttachPoint
}

/** A packet generator. start/stop/setRateScale take effect at the given simulated time (≥ now). */
export interface TrafficSource {
  readonly kind: TrafficKind
  readonly packetsSent: number
  readonly bytesSent: number
  /** Packets the network reported dropped (queue, channel, link down, corruption); copies excluded. */
  readonly packetsDropped: number
  /** The flow's receiving end at the destination: goodput and one-way delay. */
  readonly meter: FlowMeter
  start(atNs: TimeNs): void
  stop(atNs: TimeNs): void
  /** Open-loop sources only: multiply the configured rate by `scale` (≥ 0) from `atNs` on. */
  setRateScale?(atNs: TimeNs, scale: number): void
}

/** An open-loop source: its load follows a configured rate, which can change while it runs. */
export interface RateControlledSource extends TrafficSource {
  readonly kind: "poisson" | "cbr" | "on-off"
  /** The configured rate: mean rate (Poisson, CBR) or peak rate while on (on-off). */
  readonly nominalRateBps: number
  /** The current multiplier of the nominal rate. */
  readonly rateScale: number
  /** Long-run mean bit rate at the current scale, from the model's parameters. */
  readonly meanRateBps: number
  setRateScale(atNs: TimeNs, scale: number): void
  /** Sets the rate (in the sense of `nominalRateBps`) from `atNs` on: setRateScale(atNs, rateBps / nominalRateBps). */
  setRate(atNs: TimeNs, rateBps: number): void
}
