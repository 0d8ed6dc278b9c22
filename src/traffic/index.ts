export { DataPacket } from "./data-packet.ts"
export { fixedSize, makePacketSize, SIMPLE_IMIX, sizeMix, uniformSize } from "./packet-size.ts"
export type { PacketSizeConfig, PacketSizeModel, SizeWeight } from "./packet-size.ts"
export type { FlowAttachPoint, RateControlledSource, TrafficKind, TrafficSource, TrafficSourceDeps } from "./traffic-source.ts"
export { FlowMeter } from "./flow-meter.ts"
export type { DeliveryListener } from "./flow-meter.ts"
export { PoissonSource } from "./poisson.ts"
export type { PoissonSettings } from "./poisson.ts"
export { CbrSource } from "./cbr.ts"
export type { CbrSettings } from "./cbr.ts"
export { OnOffSource, paretoWithMean } from "./on-off.ts"
export type { OnOffSettings } from "./on-off.ts"
export { AimdBulkSource } from "./aimd-bulk.ts"
export type { AimdBulkSettings } from "./aimd-bulk.ts"
export { RenoWindow } from "./reno-window.ts"
export { RFC6298_RTO, RtoEstimator } from "./rto-estimator.ts"
export type { RtoSettings } from "./rto-estimator.ts"
export type {
  BulkTrafficConfig,
  CbrTrafficConfig,
  OnOffTrafficConfig,
  PoissonTrafficConfig,
  RateStep,
  TrafficConfig,
} from "./traffic-config.ts"
export { TRAFFIC_DEFAULTS } from "./traffic-config.ts"
export { makeTrafficSource, scheduleTrafficSource } from "./make-traffic-source.ts"
