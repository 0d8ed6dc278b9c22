import { exponential, type Distribution } from "../../sim/distributions.ts"
import type { RandomStream } from "../../sim/random.ts"
import type { EventHandler, EventId, Simulator } from "../../sim/simulator.ts"
import { NS_PER_S, type TimeNs } from "../../sim/time.ts"
import { TrunkGroup } from "./trunk-group.ts"

/** What the model tells about each call; the engine creates and ends media streams from it. */
export interface CallLoadListener {
  /** Call `callIndex` got `channel` at `startNs` and holds it for `holdingNs`. */
  onCallStart(callIndex: number, startNs: TimeNs, holdingNs: TimeNs, channel: number): void
  /** Call `callIndex` hung up at `endNs`; `channel` is free again. */
  onCallEnd(callIndex: number, endNs: TimeNs, channel: number): void
  /** Call `callIndex` found every channel busy at `timeNs` and was lost. */
  onCallBlocked?(callIndex: number, timeNs: TimeNs): void
}

export interface CallLoadSettings {
  /** Mean arrival rate of the Poisson process, calls per hour, > 0. */
  readonly callsPerHour: number
  /**
   * Holding time of each call in ns, sampled once per offered call: `exponential(meanNs)` for
   * the classic model, `constant(ns)` for a fixed one. Samples are rounded to whole ns.
   */
  readonly holdingNs: Distribution
  /** Channels of the trunk group: the PBX or SBC limit on simultaneous calls. */
  readonly channels: number
}

export interface CallLoadDeps {
  readonly sim: Simulator
  /** The model's own stream, split into "arrivals" and "holding" so the two are independent. */
  readonly rng: RandomStream
  readonly listener?: CallLoadListener
}

const NS_PER_HOUR = 3600 * NS_PER_S
const UNIT_EXPONENTIAL = exponential(1)
/** Event args: a channel index (≥ 0) ends the call on that channel; these negative ones are the rest. */
const ARRIVE = -1
const START = -2
const STOP = -3
/** An EventId that is never pending (Simulator.cancel ignores it). */
const NO_EVENT = -1
const NO_LISTENER: CallLoadListener = { onCallStart() {}, onCallEnd() {} }

/**
 * Calls arriving as a Poisson process, offered to a trunk group of N channels (blocked calls
 * cleared, the Erlang B model). An admitted call holds its channel for its holding time.
 *
 * Every offered call draws a holding time, admitted or not, so call k has the same arrival and
 * duration whatever N is: runs that differ only in N compare the same calls. Per call it
 * schedules one arrival and one end event and allocates nothing.
 */
export class CallLoad implements EventHandler {
  readonly trunks: TrunkGroup
  readonly callsPerHour: number
  private readonly sim: Simulator
  private readonly listener: CallLoadListener
  private readonly holding: Distribution
  private readonly arrivalRng: RandomStream
  private readonly holdingRng: RandomStream
  private readonly meanGapNs: number
  /** The call on each busy channel. */
  private readonly callOnChannel: Float64Array
  private nextCallIndex = 0
  /** Ideal (unrounded) time of the next arrival: rounding each time, not each gap, cannot drift. */
  private nextIdealNs = 0
  private pending: EventId = NO_EVENT
  private running = false

  constructor(deps: CallLoadDeps, settings: CallLoadSettings) {
    const { callsPerHour, holdingNs, channels } = settings
    if (!(callsPerHour > 0) || !Number.isFinite(callsPerHour)) throw new RangeError(`calls per hour must be finite and > 0, got ${callsPerHour}`)
    if (!(holdingNs.mean >= 0) || !Number.isFinite(holdingNs.mean)) {
      throw new RangeError(`the holding time's mean must be a finite number of ns ≥ 0, got ${holdingNs.mean}`)
    }
    this.sim = deps.sim
    this.listener = deps.listener ?? NO_LISTENER
    this.trunks = new TrunkGroup(channels, deps.sim.nowNs)
    this.callsPerHour = callsPerHour
    this.holding = holdingNs
    this.arrivalRng = deps.rng.split("arrivals")
    this.holdingRng = deps.rng.split("holding")
    this.meanGapNs = NS_PER_HOUR / callsPerHour
    this.callOnChannel = new Float64Array(channels)
  }

  /** Offered traffic in Erlangs: arrival rate × mean holding time. */
  get offeredErlangs(): number {
    // A = λ·h (ITU-T E.600, traffic intensity)
    return (this.callsPerHour * this.holding.mean) / NS_PER_HOUR
  }

  /** Calls offered so far, including any before a `resetStatistics` (the next call's index). */
  get callsOffered(): number {
    return this.nextCallIndex
  }

  /** Calls arrive from `atNs` on. */
  start(atNs: TimeNs): void {
    this.sim.scheduleAt(atNs, this, START)
  }

  /** No call arrives after `atNs`; calls in progress run to their end. */
  stop(atNs: TimeNs): void {
    this.sim.scheduleAt(atNs, this, STOP)
  }

  handleEvent(arg: number): void {
    if (arg >= 0) this.endCall(arg)
    else if (arg === ARRIVE) this.arrive()
    else if (arg === START) {
      if (this.running) return
      this.running = true
      this.nextIdealNs = this.sim.nowNs
      this.scheduleArrival()
    } else if (arg === STOP) {
      this.running = false
      this.sim.cancel(this.pending)
      this.pending = NO_EVENT
    }
  }

  private arrive(): void {
    const nowNs = this.sim.nowNs
    const callIndex = this.nextCallIndex++
    const holdingNs = this.drawHoldingNs()
    const channel = this.trunks.seize(nowNs)
    if (channel < 0) {
      this.listener.onCallBlocked?.(callIndex, nowNs)
    } else {
      this.callOnChannel[channel] = callIndex
      this.sim.scheduleAt(nowNs + holdingNs, this, channel)
      this.listener.onCallStart(callIndex, nowNs, holdingNs, channel)
    }
    this.scheduleArrival()
  }

  private endCall(channel: number): void {
    const nowNs = this.sim.nowNs
    this.trunks.release(channel, nowNs)
    this.listener.onCallEnd(this.callOnChannel[channel]!, nowNs, channel)
  }

  private drawHoldingNs(): TimeNs {
    const x = this.holding.sample(this.holdingRng)
    if (!(x >= 0) || !Number.isFinite(x)) throw new RangeError(`a holding time must be a finite number of ns ≥ 0, got ${x}`)
    return Math.round(x)
  }

  private scheduleArrival(): void {
    this.nextIdealNs += this.meanGapNs * UNIT_EXPONENTIAL.sample(this.arrivalRng)
    this.pending = this.sim.scheduleAt(Math.max(this.sim.nowNs, Math.round(this.nextIdealNs)), this, ARRIVE)
  }
}
