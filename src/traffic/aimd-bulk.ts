import type { EventHandler, Simulator } from "../../sim/simulator.ts"
import { RunningStats } from "../../sim/stats.ts"
import type { TimeNs } from "../../sim/time.ts"
import type { PacketOwner, RoutedPacket } from "../network/packet.ts"
import type { DataPacket } from "./data-packet.ts"
import { FlowMeter, type DeliveryListener } from "./flow-meter.ts"
import { PacketEmitter } from "./packet-emitter.ts"
import type { PacketSizeModel } from "./packet-size.ts"
import { RenoWindow } from "./reno-window.ts"
import { RtoEstimator, type RtoSettings } from "./rto-estimator.ts"
import type { TrafficSource, TrafficSourceDeps } from "./traffic-source.ts"

const START = 0
const STOP = 1
const ACK = 2
const RTO_TIMER = 3

export interface AimdBulkSettings {
  readonly dscp: number
  /** Each packet is one segment; its size on the wire plays the MSS. */
  readonly sizes: PacketSizeModel
  /** Destination → source time of an ACK. The ACK path is not simulated through the network: no queueing, no loss. */
  readonly ackDelayNs: TimeNs
  readonly initialCwndPackets: number
  /** Receive-window limit on cwnd, packets (Infinity: none). */
  readonly maxCwndPackets: number
  readonly rto: RtoSettings
}

/**
 * A saturating bulk transfer with a coarse TCP Reno model; the window is in packets and every
 * delivered packet is ACKed (no delayed ACKs). It sends new packets while packets in flight < cwnd.
 *
 * - ACKs: the destination's FlowMeter tells this source of each delivery; the ACK arrives
 *   `ackDelayNs` later. An ACK grows the window (RenoWindow.onAck) unless its packet was sent
 *   before the last reduction (Reno does not grow during fast recovery).
 * - Losses: the network reports each drop through PacketOwner.packetDropped, but the source acts
 *   on it only when an ACK of a later packet arrives, as the duplicate ACKs that packet would cause
 *   (one duplicate suffices here, not three). Then cwnd halves, at most once per window: only for
 *   a packet sent after the last reduction (NewReno's "recover" point, RFC 6582).
 * - Timeouts: if nothing is ACKed for an RTO (RFC 6298 estimator, min 1 s by default) while
 *   packets are in flight — every packet of a window lost, so no later ACK can reveal the losses —
 *   cwnd restarts from 1, the RTO backs off, and what was in flight is written off.
 * - Lost data is not retransmitted: a bulk transfer just keeps sending new data, so the sending
 *   rate, not the order of bytes, is what the model keeps.
 */
export class AimdBulkSource implements TrafficSource, EventHandler, PacketOwner, DeliveryListener {
  readonly kind = "bulk"
  readonly meter: FlowMeter
  readonly window: RenoWindow
  readonly rto: RtoEstimator
  /** RTT per ACKed packet: send → delivery → ACK back. */
  readonly rttNs = new RunningStats()
  /** cwnd just before each halving: the peaks of the sawtooth. */
  readonly cwndPeakPackets = new RunningStats()
  packetsDropped = 0
  packetsAcked = 0
  /** Halvings (fast recovery). */
  lossEvents = 0
  timeouts = 0
  private readonly sim: Simulator
  private readonly emitter: PacketEmitter
  private readonly ackDelayNs: TimeNs
  private running = false
  private inFlight = 0
  /** Seqs reported dropped and not yet revealed by a later ACK. */
  private readonly unrevealedLosses: number[] = []
  /** Losses of packets with a smaller seq belong to a window already halved. */
  private recoverSeq = 0
  /** Packets with a smaller seq were written off by a timeout; their ACKs and drops are ignored. */
  private writtenOffBelowSeq = 0
  private rtoDeadlineNs: TimeNs = 0
  private timerPending = false

  constructor(deps: TrafficSourceDeps, settings: AimdBulkSettings) {
    if (!Number.isSafeInteger(settings.ackDelayNs) || settings.ackDelayNs < 0) {
      throw new RangeError(`ackDelayNs must be a whole number of ns ≥ 0, got ${settings.ackDelayNs}`)
    }
    this.sim = deps.sim
    this.ackDelayNs = settings.ackDelayNs
    this.window = new RenoWindow(settings.initialCwndPackets, settings.maxCwndPackets)
    this.rto = new RtoEstimator(settings.rto)
    this.emitter = new PacketEmitter(deps.sim, deps.firstHop, deps.destination, deps.flow, settings.dscp, settings.sizes, deps.rng.split("size"), this)
    this.meter = new FlowMeter(deps.sim, this)
    deps.destinationNode.attachFlow(deps.flow, this.meter)
  }

  get packetsSent(): number {
    return this.emitter.packetsSent
  }

  get bytesSent(): number {
    return this.emitter.bytesSent
  }

  get cwndPackets(): number {
    return this.window.cwndPackets
  }

  /** Sent and neither ACKed, revealed lost nor written off. */
  get packetsInFlight(): number {
    return this.inFlight
  }

  start(atNs: TimeNs): void {
    this.sim.scheduleAt(atNs, this, START)
  }

  stop(atNs: TimeNs): void {
    this.sim.scheduleAt(atNs, this, STOP)
  }

  /** Called by the destination's meter: the ACK leaves now and arrives after the return delay. */
  delivered(packet: DataPacket): void {
    this.sim.scheduleIn(this.ackDelayNs, this, ACK, packet)
  }

  packetDropped(packet: RoutedPacket): void {
    const p = packet as DataPacket
    if (p.isCopy || p.seq < this.writtenOffBelowSeq) return
    this.packetsDropped++
    this.unrevealedLosses.push(p.seq)
  }

  handleEvent(kind: number, ref: unknown): void {
    if (kind === ACK) return this.onAck(ref as DataPacket)
    if (kind === RTO_TIMER) return this.onTimer()
    if (kind === START && !this.running) {
      this.running = true
      this.rtoDeadlineNs = this.sim.nowNs + Math.round(this.rto.rtoNs)
      this.sendWhileWindowOpen()
    } else if (kind === STOP) {
      this.running = false
    }
  }

  private onAck(packet: DataPacket): void {
    if (packet.seq < this.writtenOffBelowSeq) return
    const nowNs = this.sim.nowNs
    this.inFlight--
    this.packetsAcked++
    const rttNs = nowNs - packet.sentNs
    this.rttNs.add(rttNs)
    this.rto.addSample(rttNs)
    this.rtoDeadlineNs = nowNs + Math.round(this.rto.rtoNs) // RFC 6298 (5.3): restart on an ACK of new data
    if (this.unrevealedLosses.length > 0) this.revealLossesBefore(packet.seq)
    if (packet.seq >= this.recoverSeq) this.window.onAck()
    this.sendWhileWindowOpen()
  }

  /** The losses of packets sent before the ACKed one are now known; halve once per window. */
  private revealLossesBefore(ackedSeq: number): void {
    const losses = this.unrevealedLosses
    let kept = 0
    for (let i = 0; i < losses.length; i++) {
      const seq = losses[i]!
      if (seq >= ackedSeq) {
        losses[kept++] = seq
        continue
      }
      this.inFlight--
      if (seq >= this.recoverSeq) {
        this.cwndPeakPackets.add(this.window.cwndPackets)
        this.window.onLoss()
        this.lossEvents++
        this.recoverSeq = this.emitter.nextSeq
      }
    }
    losses.length = kept
  }

  private onTimer(): void {
    this.timerPending = false
    if (!this.running || this.inFlight === 0) return
    if (this.sim.nowNs < this.rtoDeadlineNs) return this.armTimer()
    this.timeouts++
    this.window.onTimeout()
    this.rto.backoff()
    this.writtenOffBelowSeq = this.emitter.nextSeq
    this.recoverSeq = this.emitter.nextSeq
    this.inFlight = 0
    this.unrevealedLosses.length = 0
    this.rtoDeadlineNs = this.sim.nowNs + Math.round(this.rto.rtoNs)
    this.sendWhileWindowOpen()
  }

  private sendWhileWindowOpen(): void {
    if (!this.running) return
    while (this.inFlight < this.window.cwndPackets) {
      this.inFlight++ // before the hand-off: a drop may be reported synchronously
      this.emitter.emit()
    }
    if (this.inFlight > 0) this.armTimer()
  }

  /** One pending timer event at most; it re-arms itself if the deadline moved on meanwhile. */
  private armTimer(): void {
    if (this.timerPending) return
    this.timerPending = true
    this.sim.scheduleAt(Math.max(this.sim.nowNs, this.rtoDeadlineNs), this, RTO_TIMER)
  }
}
