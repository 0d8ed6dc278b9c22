import type { TimeNs } from "../../sim/time.ts"
import type { PacketSizeConfig } from "./packet-size.ts"

/**
 * Decoded traffic-source settings, every quantity in base units (bit/s, ns, bytes). The scenario
 * schema maps file syntax ("2Mbit/s", "100ms", "1500B") onto these; optional fields take the
 * defaults in `TRAFFIC_DEFAULTS`.
 */
export type TrafficConfig = PoissonTrafficConfig | CbrTrafficConfig | OnOffTrafficConfig | BulkTrafficConfig

interface TrafficCommon {
  /** DSCP code point on every packet (RFC 2474), e.g. DSCP.be = 0, DSCP.af11 = 10. */
  readonly dscp: number
  /** Size on the wire (whole IP packet) of each packet. */
  readonly packetSize: PacketSizeConfig
  /** When the source starts sending, ns. Default 0. */
  readonly startNs?: TimeNs
  /** When it stops sending, ns. Default: never (runs to the end). */
  readonly stopNs?: TimeNs
}

/** From `atNs` on, the source runs at `scale` × its configured rate (0 pauses it). */
export interface RateStep {
  readonly atNs: TimeNs
  readonly scale: number
}

interface OpenLoopCommon extends TrafficCommon {
  /** Load changes while running, in time order; a ramp is a staircase of steps. Default none. */
  readonly rateSchedule?: readonly RateStep[]
}

/** Poisson arrivals: exponential gaps with mean 8 · mean size / rateBps. */
export interface PoissonTrafficConfig extends OpenLoopCommon {
  readonly kind: "poisson"
  /** Mean bit rate, > 0. */
  readonly rateBps: number
}

/** Constant bit rate: one packet every 8 · mean size / rateBps, the first at startNs. */
export interface CbrTrafficConfig extends OpenLoopCommon {
  readonly kind: "cbr"
  /** Bit rate, > 0. */
  readonly rateBps: number
}

/** Pareto on periods at the peak rate, then silent off periods; mean rate = peak · E[on]/(E[on] + E[off]). */
export interface OnOffTrafficConfig extends OpenLoopCommon {
  readonly kind: "on-off"
  /** Rate while on, > 0 bit/s (CBR within the on period). */
  readonly peakRateBps: number
  /** Mean on period, > 0 ns. */
  readonly onMeanNs: TimeNs
  /** Pareto shape α of on periods, > 1; 1 < α < 2 (heavy tail, infinite variance) gives self-similar aggregates, H = (3 − α)/2. Default 1.5. */
  readonly paretoShape?: number
  /** Mean off period, > 0 ns. */
  readonly offMeanNs: TimeNs
  /** Distribution of off periods. Default "exponential". */
  readonly offDistribution?: "exponential" | "pareto"
  /** Pareto shape of off periods (offDistribution "pareto"), > 1. Default: paretoShape. */
  readonly offParetoShape?: number
}

/** Saturating TCP-Reno-like bulk transfer (closed loop; no rate settings). */
export interface BulkTrafficConfig extends TrafficCommon {
  readonly kind: "bulk"
  /** Time an ACK takes from the destination back to the source, ≥ 0 ns. Not simulated through the network. */
  readonly ackDelayNs: TimeNs
  /** Initial congestion window, packets, ≥ 1. Default 2 (RFC 5681 §3.1 allows 2–4 segments). */
  readonly initialCwndPackets?: number
  /** Receive-window cap on cwnd, packets. Default: no cap. */
  readonly maxCwndPackets?: number
  /** Retransmission-timeout floor, ns. Default 1 s (RFC 6298 (2.4)). */
  readonly minRtoNs?: TimeNs
  /** RTO before the first RTT sample, ns. Default 1 s (RFC 6298 (2.1)). */
  readonly initialRtoNs?: TimeNs
  /** RTO cap after backoffs, ns. Default 60 s (RFC 6298 (2.5)). */
  readonly maxRtoNs?: TimeNs
}

export const TRAFFIC_DEFAULTS = {
  startNs: 0,
  paretoShape: 1.5,
  offDistribution: "exponential",
  initialCwndPackets: 2,
  maxCwndPackets: Infinity,
  minRtoNs: 1e9,
  initialRtoNs: 1e9,
  maxRtoNs: 60e9,
} as const
