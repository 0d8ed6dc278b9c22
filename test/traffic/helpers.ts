import { RandomSource } from "../../sim/random.ts"
import { Simulator } from "../../sim/simulator.ts"
import { Channel } from "../../src/network/channel.ts"
import { makeDelayModel } from "../../src/network/delay/make-delay-model.ts"
import { LinkDirection } from "../../src/network/link-direction.ts"
import { BernoulliLoss } from "../../src/network/loss/bernoulli.ts"
import { noLoss } from "../../src/network/loss/loss-model.ts"
import { Node } from "../../src/network/node.ts"
import type { PacketSink } from "../../src/network/packet.ts"
import { DropTailQueue } from "../../src/network/queues/drop-tail.ts"
import { FixedRateSerializer } from "../../src/network/serializers/fixed-rate.ts"
import type { DataPacket } from "../../src/traffic/data-packet.ts"
import type { FlowAttachPoint, TrafficSourceDeps } from "../../src/traffic/traffic-source.ts"

/** First hop that records each packet's send time and size, and optionally counts per window. */
export class Recorder implements PacketSink<DataPacket> {
  readonly timesNs: number[] = []
  readonly sizes: number[] = []
  constructor(
    private readonly keep = true,
    private readonly windowNs = 0,
    readonly counts: Float64Array = new Float64Array(0),
  ) {}
  receive(packet: DataPacket): void {
    if (this.keep) {
      this.timesNs.push(packet.sentNs)
      this.sizes.push(packet.sizeBytes)
    }
    if (this.windowNs > 0) {
      const w = Math.floor(packet.sentNs / this.windowNs)
      if (w < this.counts.length) this.counts[w]!++
    }
  }
}

export const nowhere: FlowAttachPoint = { attachFlow() {} }

/** Deps for a source whose packets go straight into `firstHop` (no network). */
export const directDeps = (sim: Simulator, firstHop: PacketSink<DataPacket>, seed = 1, name = "src"): TrafficSourceDeps => ({
  sim,
  rng: new RandomSource(seed).stream(name),
  firstHop,
  destination: 1,
  flow: 0,
  destinationNode: nowhere,
})

export interface PathOptions {
  readonly bandwidthBps: number
  readonly propagationNs: number
  readonly limitBytes: number
  readonly lossRate: number
  readonly seed: number
}

/** Node a (index 0) → one link direction (drop-tail queue, Bernoulli channel) → node b (index 1). */
export const makePath = (o: PathOptions) => {
  const sim = new Simulator()
  const random = new RandomSource(o.seed)
  const a = new Node<DataPacket>("a", 0)
  const b = new Node<DataPacket>("b", 1)
  const link = new LinkDirection<DataPacket>(
    sim,
    {
      linkId: "l",
      direction: "a->b",
      serializer: new FixedRateSerializer(o.bandwidthBps),
      queue: new DropTailQueue({ limitBytes: o.limitBytes, limitPackets: Infinity }),
      channel: new Channel({
        delay: makeDelayModel({ delayNs: o.propagationNs, jitterNs: 0, correlation: 0, distribution: "uniform" }, random.stream("delay")),
        loss: o.lossRate > 0 ? new BernoulliLoss(o.lossRate, random.stream("loss")) : noLoss,
        duplicateRate: 0,
        corruptRate: 0,
        keepOrder: false,
        rng: random.stream("channel"),
      }),
    },
    b,
  )
  a.setRoute(b.index, link)
  const deps: TrafficSourceDeps = { sim, rng: random.stream("bulk"), firstHop: a, destination: b.index, flow: 7, destinationNode: b }
  return { sim, link, a, b, deps }
}

export const mean = (xs: ArrayLike<number>): number => {
  let s = 0
  for (let i = 0; i < xs.length; i++) s += xs[i]!
  return s / xs.length
}

/** Sample variance (n − 1). */
export const variance = (xs: ArrayLike<number>): number => {
  const m = mean(xs)
  let s = 0
  for (let i = 0; i < xs.length; i++) s += (xs[i]! - m) ** 2
  return s / (xs.length - 1)
}

/** Least-squares slope of y on x. */
export const slope = (xs: readonly number[], ys: readonly number[]): number => {
  const mx = mean(xs)
  const my = mean(ys)
  let sxy = 0
  let sxx = 0
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i]! - my)
    sxx += (x - mx) ** 2
  })
  return sxy / sxx
}
