import type { EventHandler, Simulator } from "../../sim/simulator.ts"
import type { TimeNs } from "../../sim/time.ts"
import type { PacketOwner, RoutedPacket } from "../network/packet.ts"
import type { DataPacket } from "./data-packet.ts"
import { FlowMeter } from "./flow-meter.ts"
import { PacketEmitter } from "./packet-emitter.ts"
import type { PacketSizeModel } from "./packet-size.ts"
import type { RateControlledSource, TrafficSourceDeps } from "./traffic-source.ts"

/** Event kinds shared by open-loop sources; subclasses number theirs from FIRST_OWN_EVENT. */
const START = 0
const STOP = 1
const SCALE = 2
export const FIRST_OWN_EVENT = 3
/** An EventId that is never pending (Simulator.cancel ignores it). */
export const NO_EVENT = -1

/** Settings every open-loop source takes. */
export interface OpenLoopSettings {
  readonly dscp: number
  readonly sizes: PacketSizeModel
  /** Mean rate (Poisson, CBR) or peak rate (on-off), bit/s, > 0. */
  readonly nominalRateBps: number
}

/**
 * What Poisson, CBR and on-off sources share: wiring, counters, drop accounting, and start, stop
 * and rate changes as scheduled events (so a ramp is a list of `setRateScale` calls made up front).
 */
export abstract class OpenLoopSource implements RateControlledSource, EventHandler, PacketOwner {
  abstract readonly kind: "poisson" | "cbr" | "on-off"
  readonly meter: FlowMeter
  readonly nominalRateBps: number
  packetsDropped = 0
  protected readonly sim: Simulator
  protected readonly emitter: PacketEmitter
  protected running = false
  private scale = 1

  constructor(deps: TrafficSourceDeps, settings: OpenLoopSettings) {
    if (!(settings.nominalRateBps > 0) || !Number.isFinite(settings.nominalRateBps)) {
      throw new RangeError(`rate must be finite and > 0 bit/s, got ${settings.nominalRateBps}`)
    }
    this.sim = deps.sim
    this.nominalRateBps = settings.nominalRateBps
    this.emitter = new PacketEmitter(deps.sim, deps.firstHop, deps.destination, deps.flow, settings.dscp, settings.sizes, deps.rng.split("size"), this)
    this.meter = new FlowMeter(deps.sim)
    deps.destinationNode.attachFlow(deps.flow, this.meter)
  }

  get packetsSent(): number {
    return this.emitter.packetsSent
  }

  get bytesSent(): number {
    return this.emitter.bytesSent
  }

  get rateScale(): number {
    return this.scale
  }

  abstract readonly meanRateBps: number

  start(atNs: TimeNs): void {
    this.sim.scheduleAt(atNs, this, START)
  }

  stop(atNs: TimeNs): void {
    this.sim.scheduleAt(atNs, this, STOP)
  }

  setRateScale(atNs: TimeNs, scale: number): void {
    if (!(scale >= 0) || !Number.isFinite(scale)) throw new RangeError(`rate scale must be finite and ≥ 0, got ${scale}`)
    this.sim.scheduleAt(atNs, this, SCALE, scale)
  }

  setRate(atNs: TimeNs, rateBps: number): void {
    this.setRateScale(atNs, rateBps / this.nominalRateBps)
  }

  packetDropped(packet: RoutedPacket): void {
    if (!(packet as DataPacket).isCopy) this.packetsDropped++
  }

  handleEvent(kind: number, ref: unknown): void {
    if (kind === START) {
      if (this.running) return
      this.running = true
      this.onStart()
    } else if (kind === STOP) {
      if (!this.running) return
      this.running = false
      this.onStop()
    } else if (kind === SCALE) {
      const oldScale = this.scale
      this.scale = ref as number
      if (this.running) this.onScale(oldScale)
    } else {
      this.onOwnEvent(kind)
    }
  }

  protected abstract onStart(): void
  /** Cancel every pending event of the source's own. */
  protected abstract onStop(): void
  /** The scale changed while running (the new one is `rateScale`). */
  protected abstract onScale(oldScale: number): void
  protected abstract onOwnEvent(kind: number): void
}

/** Time between packets, ns, for `meanBytes`-byte packets at `rateBps` (Infinity at rate 0). */
export const gapNsAt = (meanBytes: number, rateBps: number): number => (rateBps > 0 ? (meanBytes * 8e9) / rateBps : Infinity)
