import { RandomSource } from "../../sim/random.ts"
import { Simulator } from "../../sim/simulator.ts"
import type { Codec } from "../media/codecs.ts"
import { findCodec, payloadBytes, samplesPerPacket } from "../media/codecs.ts"
import { voicePacketLayers } from "../media/overhead/index.ts"
import { ArrivalLog } from "../media/arrival-log.ts"
import { RtpSender, RtpSenderClock } from "../media/rtp-sender.ts"
import { StreamReceiver, type ArrivalObserver } from "../media/stream-receiver.ts"
import { VoicePacketPool } from "../media/voice-packet.ts"
import { FixedJitterBuffer } from "../jitter/fixed.ts"
import { DSCP } from "../network/dscp.ts"
import type { LinkDirection, LinkPacket } from "../network/link-direction.ts"
import type { Node } from "../network/node.ts"
import type { RecordingSink } from "../network/packet.ts"
import type { Scenario } from "../scenario/schema.ts"
import { makeTrafficSource, scheduleTrafficSource } from "../traffic/make-traffic-source.ts"
import type { FlowAttachPoint, TrafficSource } from "../traffic/traffic-source.ts"
import { buildMedia, type MediaModel } from "./build-media.ts"
import { buildNetwork, type NetworkOptions } from "./build-network.ts"
import { ScenarioEvents } from "./schedule-events.ts"
import { voiceHeaderStack } from "./wire-framing.ts"

type ScenarioCall = Scenario["calls"][number]

export interface StreamModel {
  readonly callId: string
  readonly from: string
  readonly to: string
  readonly codec: Codec
  readonly call: ScenarioCall
  /** One voice packet at the IP layer, with every header of the call's stack (the outer packet when tunnelled). */
  readonly packetBytes: number
  readonly sender: RtpSender
  readonly receiver: StreamReceiver
}

export interface TrafficModel {
  readonly id: string
  readonly from: string
  readonly to: string
  readonly source: TrafficSource
}

export interface Model extends MediaModel {
  readonly sim: Simulator
  readonly links: readonly LinkDirection<LinkPacket>[]
  readonly streams: readonly StreamModel[]
  readonly traffic: readonly TrafficModel[]
}

/** Observers for chosen streams, by stream index (two per call: caller→callee, then back). */
export type ObserverFor = (streamIndex: number) => ArrivalObserver | undefined

/**
 * Wires a validated scenario into simulation objects. The models never learn how they were
 * assembled; every random stream is named after its owner, so adding a call or a link leaves the
 * randomness of the others unchanged.
 */
export const buildModel = (
  scenario: Scenario,
  seed: number,
  observerFor: ObserverFor = () => undefined,
  networkOptions: NetworkOptions = {},
): Model => {
  const sim = new Simulator()
  const random = new RandomSource(seed)
  const network = buildNetwork(sim, random, scenario, networkOptions)
  new ScenarioEvents(sim, random, network, scenario.events)
  const nodeOf = (id: string): Node<LinkPacket> => network.nodes.get(id)!

  const streams: StreamModel[] = []
  const packets = new VoicePacketPool() // shared by all streams: senders take, receivers give back
  const arrivals = ArrivalLog.forReceivers(2 * scenario.calls.length) // receivers process their arrivals in batches
  const senderClock = new RtpSenderClock(sim) // one event per tick for senders that start together
  for (const call of scenario.calls) {
    const codec = findCodec(call.codec)!
    const stack = { ipVersion: call.ipVersion, srtpTagBytes: call.srtpTagBytes, ...(call.tunnel === undefined ? {} : { tunnel: call.tunnel }) }
    // Links add their framing (and cRTP) per packet; the packet itself is IP.
    const packetBytes = voicePacketLayers(payloadBytes(codec, call.ptimeNs), stack, { framing: "none" }).ipBytes
    const headerStack = voiceHeaderStack(call.ipVersion, call.tunnel)
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
          packetBytes,
          headerStack,
          dscp: DSCP.ef,
          packetCount,
          initialSeq,
          initialTimestamp,
        },
        nodeOf(from),
        packets,
      )
      const receiver = new StreamReceiver(
        sim,
        { clockRateHz: codec.rtpClockRateHz, ptimeNs: call.ptimeNs, samplesPerPacket: spp, initialTimestamp, packetCount },
        new FixedJitterBuffer(call.jitterBuffer.delayNs, call.ptimeNs, spp),
        observerFor(streamIndex),
        arrivals,
        packets,
      )
      // The flow id routes only this stream's voice packets to its receiver.
      nodeOf(to).attachRecorder(streamIndex, receiver as RecordingSink<LinkPacket>)
      senderClock.start(sender, call.startNs)
      streams.push({ callId: call.id, from, to, codec, call, packetBytes, sender, receiver })
    }
  }
  // Traffic flows are numbered after the voice streams, so flow ids never clash at a node.
  const traffic = scenario.traffic.map((t, i): TrafficModel => {
    const destinationNode = nodeOf(t.to)
    const source = makeTrafficSource(t.config, {
      sim,
      rng: random.stream(`traffic/${t.id}`),
      firstHop: nodeOf(t.from),
      destination: destinationNode.index,
      flow: streams.length + i,
      destinationNode: destinationNode as FlowAttachPoint,
    })
    scheduleTrafficSource(source, t.config)
    return { id: t.id, from: t.from, to: t.to, source }
  })
  const media = buildMedia(scenario, { sim, random, nodeOf, firstFlow: streams.length + traffic.length })
  return { sim, links: network.directions, streams, traffic, ...media }
}
