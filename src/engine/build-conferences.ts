import type { TimeNs } from "../../sim/time.ts"
import { FixedJitterBuffer } from "../jitter/fixed.ts"
import { ArrivalLog } from "../media/arrival-log.ts"
import { findCodec, payloadBytes, samplesPerPacket, type Codec } from "../media/codecs.ts"
import { rtpPacketBytes } from "../media/headers.ts"
import { RtpSender, RtpSenderClock } from "../media/rtp-sender.ts"
import { StreamReceiver } from "../media/stream-receiver.ts"
import { VoicePacketPool } from "../media/voice-packet.ts"
import { DSCP } from "../network/dscp.ts"
import type { LinkPacket } from "../network/link-direction.ts"
import type { RecordingSink } from "../network/packet.ts"
import type { Scenario } from "../scenario/schema.ts"
import type { MediaWiring } from "./build-media.ts"

export type ScenarioConference = NonNullable<Scenario["conferences"]>[number]

/** One voice stream of a conference: a participant's to the bridge, or the bridge's mix to a participant. */
export interface ConferenceLeg {
  readonly from: string
  readonly to: string
  readonly sender: RtpSender
  readonly receiver: StreamReceiver
}

export interface ConferenceParticipant {
  readonly id: string
  /** Participant → bridge: the participant's voice, played out of the bridge's jitter buffer into the mixer. */
  readonly uplink: ConferenceLeg
  /** Bridge → participant: the mix of the others. */
  readonly downlink: ConferenceLeg
}

export interface ConferenceModel {
  readonly conference: ScenarioConference
  readonly codec: Codec
  /** IP bytes of every packet of every leg: one codec and ptime throughout, the bridge re-packetizes at it. */
  readonly packetBytes: number
  readonly participants: readonly ConferenceParticipant[]
}

/**
 * Each participant sends its voice to the bridge node, and the bridge sends each one a stream of
 * its own: the mix of the others, re-packetized at the conference's codec and ptime, from the
 * conference's start on (a mixer sends even while the mix is silent: no voice-activity detection).
 * The bridge's receivers and the participants' are ordinary stream receivers with the
 * conference's fixed jitter buffer; what the mix sounds like is scored from their statistics
 * (conference-quality.ts). Flows are numbered from `firstFlow`, per participant uplink then
 * downlink; each leg draws from `conference/<id>/<from>-><to>/rtp`.
 */
export const buildConferences = (scenario: Scenario, w: MediaWiring): ConferenceModel[] => {
  const conferences = scenario.conferences ?? []
  const legs = 2 * conferences.reduce((n, c) => n + c.participants.length, 0)
  const arrivals = ArrivalLog.forReceivers(legs)
  const packets = new VoicePacketPool()
  const clock = new RtpSenderClock(w.sim)
  let flow = w.firstFlow

  const leg = (c: ScenarioConference, codec: Codec, from: string, to: string): ConferenceLeg => {
    const rng = w.random.stream(`conference/${c.id}/${from}->${to}/rtp`)
    const spp = samplesPerPacket(codec, c.ptimeNs)
    const packetCount = Math.floor(c.durationNs / c.ptimeNs)
    const initialSeq = rng.nextUint32() & 0xffff
    const initialTimestamp = rng.nextUint32()
    const destination = w.nodeOf(to)
    const sender = new RtpSender(
      w.sim,
      {
        flow,
        destination: destination.index,
        ptimeNs: c.ptimeNs,
        samplesPerPacket: spp,
        packetBytes: rtpPacketBytes(payloadBytes(codec, c.ptimeNs)),
        dscp: DSCP.ef,
        packetCount,
        initialSeq,
        initialTimestamp,
      },
      w.nodeOf(from),
      packets,
    )
    const receiver = new StreamReceiver(
      w.sim,
      { clockRateHz: codec.rtpClockRateHz, ptimeNs: c.ptimeNs, samplesPerPacket: spp, initialTimestamp, packetCount },
      new FixedJitterBuffer(c.jitterBuffer.delayNs, c.ptimeNs, spp),
      undefined,
      arrivals,
      packets,
    )
    destination.attachRecorder(flow, receiver as RecordingSink<LinkPacket>)
    clock.start(sender, c.startNs)
    flow++
    return { from, to, sender, receiver }
  }

  return conferences.map((c): ConferenceModel => {
    const codec = findCodec(c.codec)!
    return {
      conference: c,
      codec,
      packetBytes: rtpPacketBytes(payloadBytes(codec, c.ptimeNs)),
      participants: c.participants.map((id) => ({ id, uplink: leg(c, codec, id, c.bridge), downlink: leg(c, codec, c.bridge, id) })),
    }
  })
}

/** Brings every leg's receiver up to `endNs`. */
export const finishConferences = (conferences: readonly ConferenceModel[], endNs: TimeNs): void => {
  for (const c of conferences)
    for (const p of c.participants) {
      p.uplink.receiver.playUntil(endNs)
      p.downlink.receiver.playUntil(endNs)
    }
}
