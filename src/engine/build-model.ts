import { RandomSource } from "../../sim/random.ts"
import { Simulator } from "../../sim/simulator.ts"
import type { Codec } from "../media/codecs.ts"
import { findCodec, payloadBytes, samplesPerPacket } from "../media/codecs.ts"
import { voicePacketLayers } from "../media/overhead/index.ts"
import { ArrivalLog } from "../media/arrival-log.ts"
import { RtpSender, RtpSenderClock } from "../media/rtp-sender.ts"
import type { SipCall } from "../media/sip/index.ts"
import { StreamReceiver, type ArrivalObserver } from "../media/stream-receiver.ts"
import { ActivitySampler } from "../media/voice-activity/activity-sampler.ts"
import { Conversation, SIDE_A, SIDE_B } from "../media/voice-activity/conversation.ts"
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
import { expandLoads, type LoadModel } from "./expand-loads.ts"
import { buildNetwork, type NetworkOptions } from "./build-network.ts"
import { CallSignaling } from "./call-signaling.ts"
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
  /** The call's SIP signaling (both of its streams share it); absent without signaling. */
  readonly signaling?: SipCall
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
  /** The scenario's call loads, planned: their calls are among `streams`. */
  readonly loads: readonly LoadModel[]
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
  const sipCalls: { call: ScenarioCall; index: number }[] = []
  // A load's admitted calls are planned first and then built like the scenario's own.
  const loads = expandLoads(scenario.loads ?? [], random, scenario.durationNs)
  for (const call of [...scenario.calls, ...loads.flatMap((l) => l.calls)]) {
    const codec = findCodec(call.codec)!
    const stack = { ipVersion: call.ipVersion, srtpTagBytes: call.srtpTagBytes, ...(call.tunnel === undefined ? {} : { tunnel: call.tunnel }) }
    // Links add their framing (and cRTP) per packet; the packet itself is IP.
    const packetBytes = voicePacketLayers(payloadBytes(codec, call.ptimeNs), stack, { framing: "none" }).ipBytes
    const headerStack = voiceHeaderStack(call.ipVersion, call.tunnel)
    // Both directions follow one conversation; each side's sender and the far receiver read it apart.
    const conversation =
      call.vad === true ? new Conversation({}, random.stream(`call/${call.id}/voice-activity`), call.startNs) : undefined
    const sid = codec.comfortNoise
    // The scenario schema refuses VAD for codecs without a silence descriptor.
    if (conversation !== undefined && sid === null) throw new Error(`${call.id}: ${codec.name} has no silence descriptor for VAD`)
    const first = streams.length
    for (const [from, to] of [[call.from, call.to], [call.to, call.from]] as const) {
      const streamIndex = streams.length
      const rtpRandom = random.stream(`call/${call.id}/${from}->${to}/rtp`)
      const spp = samplesPerPacket(codec, call.ptimeNs)
      // With SIP the BYE ends the media; without, the call's duration does.
      const packetCount = call.sip === undefined ? Math.floor(call.durationNs / call.ptimeNs) : Infinity
      const initialSeq = rtpRandom.nextUint32() & 0xffff
      const initialTimestamp = rtpRandom.nextUint32()
      const side = streamIndex === first ? SIDE_A : SIDE_B
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
          ...(conversation === undefined || sid === null
            ? {}
            : {
                activity: new ActivitySampler(conversation.side(side)),
                sidPacketBytes: voicePacketLayers(sid.sidBytes, stack, { framing: "none" }).ipBytes,
              }),
        },
        nodeOf(from),
        packets,
      )
      const receiver = new StreamReceiver(
        sim,
        {
          clockRateHz: codec.rtpClockRateHz,
          ptimeNs: call.ptimeNs,
          samplesPerPacket: spp,
          initialTimestamp,
          packetCount,
          ...(conversation === undefined ? {} : { activity: new ActivitySampler(conversation.side(side)) }),
        },
        new FixedJitterBuffer(call.jitterBuffer.delayNs, call.ptimeNs, spp),
        observerFor(streamIndex),
        arrivals,
        packets,
      )
      // The flow id routes only this stream's voice packets to its receiver.
      nodeOf(to).attachRecorder(streamIndex, receiver as RecordingSink<LinkPacket>)
      // With SIP the call starts each sender when its media may start; it has an event of its own.
      if (call.sip === undefined) senderClock.start(sender, call.startNs)
      streams.push({ callId: call.id, from, to, codec, call, packetBytes, sender, receiver })
    }
    if (call.sip !== undefined) sipCalls.push({ call, index: first })
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
  // Signaling flows come after the traffic's, so the voice and traffic flow ids stay as they were.
  sipCalls.forEach(({ call, index }, i) => {
    const [out, back] = [streams[index]!, streams[index + 1]!]
    const sip = call.sip!
    const signaling = new CallSignaling(
      sim,
      {
        callId: call.id,
        callerCodecs: [call.codec],
        calleeCodecs: [call.codec],
        answerDelayNs: sip.ringTimeNs,
        mediaDurationNs: call.durationNs,
      },
      {
        caller: { node: nodeOf(call.from), sender: out.sender, receiver: out.receiver },
        callee: { node: nodeOf(call.to), sender: back.sender, receiver: back.receiver },
      },
      streams.length + traffic.length + i,
      sip.dscp,
    )
    signaling.call.start(call.startNs)
    streams[index] = { ...out, signaling: signaling.call }
    streams[index + 1] = { ...back, signaling: signaling.call }
  })
  // Video and conference flows come last of all.
  const media = buildMedia(scenario, { sim, random, nodeOf, firstFlow: streams.length + traffic.length + sipCalls.length })
  return { sim, links: network.directions, streams, traffic, loads, ...media }
}
