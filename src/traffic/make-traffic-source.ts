import { AimdBulkSource } from "./aimd-bulk.ts"
import { CbrSource } from "./cbr.ts"
import { OnOffSource } from "./on-off.ts"
import { makePacketSize } from "./packet-size.ts"
import { PoissonSource } from "./poisson.ts"
import { TRAFFIC_DEFAULTS, type TrafficConfig } from "./traffic-config.ts"
import type { TrafficSource, TrafficSourceDeps } from "./traffic-source.ts"

/** Builds the source a config describes and attaches its meter at the destination; it does not start it. */
export const makeTrafficSource = (config: TrafficConfig, deps: TrafficSourceDeps): TrafficSource => {
  const sizes = makePacketSize(config.packetSize)
  const d = TRAFFIC_DEFAULTS
  switch (config.kind) {
    case "poisson":
      return new PoissonSource(deps, { dscp: config.dscp, sizes, rateBps: config.rateBps })
    case "cbr":
      return new CbrSource(deps, { dscp: config.dscp, sizes, rateBps: config.rateBps })
    case "on-off": {
      const onShape = config.paretoShape ?? d.paretoShape
      return new OnOffSource(deps, {
        dscp: config.dscp,
        sizes,
        peakRateBps: config.peakRateBps,
        onMeanNs: config.onMeanNs,
        onShape,
        offMeanNs: config.offMeanNs,
        offDistribution: config.offDistribution ?? d.offDistribution,
        offShape: config.offParetoShape ?? onShape,
      })
    }
    case "bulk":
      return new AimdBulkSource(deps, {
        dscp: config.dscp,
        sizes,
        ackDelayNs: config.ackDelayNs,
        initialCwndPackets: config.initialCwndPackets ?? d.initialCwndPackets,
        maxCwndPackets: config.maxCwndPackets ?? d.maxCwndPackets,
        rto: {
          minRtoNs: config.minRtoNs ?? d.minRtoNs,
          initialRtoNs: config.initialRtoNs ?? d.initialRtoNs,
          maxRtoNs: config.maxRtoNs ?? d.maxRtoNs,
        },
      })
  }
}

/** Schedules what the config says about time: start, stop and the rate steps of open-loop sources. */
export const scheduleTrafficSource = (source: TrafficSource, config: TrafficConfig): void => {
  source.start(config.startNs ?? TRAFFIC_DEFAULTS.startNs)
  if (config.kind !== "bulk" && config.rateSchedule !== undefined) {
    for (const step of config.rateSchedule) source.setRateScale?.(step.atNs, step.scale)
  }
  if (config.stopNs !== undefined) source.stop(config.stopNs)
}
