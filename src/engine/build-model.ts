import { normal, uniform, type Distribution } from "../../sim/distributions.ts"
import { RandomSource } from "../../sim/random.ts"
import { Simulator } from "../../sim/simulator.ts"
import type { Codec } from "../media/codecs.ts"
import { findCodec, payloadBytes, samplesPerPacket } from "../media/codecs.ts"
import { rtpPacketBytes } from "../media/headers.ts"
import { RtpSender } from "../media/rtp-sender.ts"
import { StreamReceiver, type ArrivalObserver } from "../media/stream-receiver.ts"
import type { VoicePacket } from "../media/voice-packet.ts"
import { FixedJitterBuffer } from "../jitter/fixed.ts"
import { Channel } from "../network/channel.ts"
import { DelayModel } from "../network/delay/delay-model.ts"
import { DSCP } from "../network/dscp.ts"
import { LinkDirection } from "../network/link-direction.ts"
import { BernoulliLoss } from "../network/loss/bernoulli.ts"
import { noLoss } from "../network/loss/loss-model.ts"
import { Node } from "../network/node.ts"
import { DropTailQueue } from "../network/queues/drop-tail.ts"
import type { Scenario } from "../scenario/schema.ts"

type ScenarioLink = Scenario["links"][number]
type ScenarioCall = Scenario["calls"][number]

export interface StreamModel {
  readonly callId: string
  readonly from: string
  readonly to: string
  readonly codec: Codec
  readonly call: ScenarioCall
  readonly sender: RtpSender
  readonly receiver: StreamReceiver
}

export interface Model {
  readonly sim: Simulator
  readonly links: readonly LinkDirection<VoicePacket>[]
  readonly streams: readonly StreamModel[]
}

/** Observers for chosen streams, by stream index (two per call: caller→callee, then back). */
export type ObserverFor = (streamIndex: number) => ArrivalObserver | undefined

/**
 * Wires a validated scenario into simulation objects. The models never learn how they were
 * assembled; every random stream is named after its owner, so adding a call or a link leaves the
 * randomness of the others unchanged.
 */
export const buildModel = (scenario: Scenario, seed: number, observerFor: ObserverFor = () => undefined): Model => {
  const sim = new Simulator()
  const random = new RandomSource(seed)
  const nodes = new Map(scenario.nodes.map((n, index) => [n.id, new Node<VoicePacket>(n.id, index)]))
  const nodeOf = (id: string): Node<VoicePacket> => nodes.get(id)!

  const links: LinkDirection<VoicePacket>[] = []
  for (const link of scenario.links) {
    const [a, b] = link.between
    for (const [from, to] of [[a, b], [b, a]] as const) {
      const name = `link/${link.id}/${from}->${to}`
      const direction = new LinkDirection<VoicePacket>(
        sim,
        {
          linkId: link.id,
          direction: `${from}->${to}`,
          bandwidthBps: link.bandwidthBps,
          queue: new DropTailQueue({ limitBytes: link.queue.limitBytes, limitPackets: Infinity }),
          channel: new Channel({
            delay: new DelayModel(link.delayNs, jitterOf(link), random.stream(`${name}/delay`)),
            loss: link.loss.rate > 0 ? new BernoulliLoss(link.loss.rate, random.stream(`${name}/loss`)) : noLoss,
            duplicateRate: 0,
            corruptRate: 0,
            keepOrder: false,
            rng: random.stream(`${name}/channel`),
          }),
        },
        nodeOf(to),
      )
      nodeOf(from).setRoute(nodeOf(to).index, direction)
      links.push(direction)
    }
  }

  const streams: StreamModel[] = []
  for (const call of scenario.calls) {
    const codec = findCodec(call.codec)!
    for (const [from, to] of [[call.from, call.to], [call.to, call.from]] as const) {
      const streamIndex = streams.length
      const rtpRandom = random.stream(`call/${call.id}/${from}->${to}/rtp`)
      const spp = samplesPerPacket(codec, call.ptimeNs)
      const packetCount = Math.floor(call.durationNs / call.ptimeNs)
      const initialSeq = rtpRandom.nextUint32() & 0xffff
      const initialTimestamp = rtpRandom.nextUint32()
      const sender = new RtpSender(
        sim,
        {
          flow: streamIndex,
          destination: nodeOf(to).index,
          ptimeNs: call.ptimeNs,
          samplesPerPacket: spp,
          packetBytes: rtpPacketBytes(payloadBytes(codec, call.ptimeNs)),
          dscp: DSCP.ef,
          packetCount,
          initialSeq,
          initialTimestamp,
        },
        nodeOf(from),
      )
      const receiver = new StreamReceiver(
        sim,
        { clockRateHz: codec.rtpClockRateHz, ptimeNs: call.ptimeNs, samplesPerPacket: spp, initialTimestamp, packetCount },
        new FixedJitterBuffer(call.jitterBuffer.delayNs, call.ptimeNs, spp),
        observerFor(streamIndex),
      )
      nodeOf(to).attachFlow(streamIndex, receiver)
      sender.start(call.startNs)
      streams.push({ callId: call.id, from, to, codec, call, sender, receiver })
    }
  }
  return { sim, links, streams }
}

const jitterOf = (link: ScenarioLink): Distribution | undefined => {
  const j = link.jitter
  if (j.distribution === "uniform") return uniform(-j.rangeNs, j.rangeNs)
  if (j.distribution === "normal") return normal(0, j.stddevNs)
  return undefined
}
