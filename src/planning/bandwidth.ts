import { type LinkOverhead, type PacketLayer, type VoiceStack, voicePacketLayers } from "../media/overhead/index.ts"

/** Comfort noise while the talker is silent (RFC 3389): small SID packets at a low rate. */
export interface ComfortNoise {
  /** SID packets per second of silence; codecs send them when the noise changes, so use a mean. */
  readonly packetsPerSecond: number
  readonly payloadBytes: number
}

interface CallBandwidthCommon {
  /** Codec payload of one voice packet. */
  readonly payloadBytes: number
  readonly stack: VoiceStack
  readonly link: LinkOverhead
  /**
   * Share of the time the talker sends voice packets, in [0, 1]: 1 (the default) without voice
   * activity detection, about 0.35–0.6 with it in conversation.
   */
  readonly voiceActivity?: number
  /** Sent during the remaining 1 − voiceActivity of the time. */
  readonly comfortNoise?: ComfortNoise
  /** Simultaneous calls; default 1. */
  readonly calls?: number
}

/** Packets per second either directly or from the packetization time (1000 / ptimeMs). */
export type CallBandwidthInput = CallBandwidthCommon &
  ({ readonly packetsPerSecond: number; readonly ptimeMs?: never } | { readonly ptimeMs: number; readonly packetsPerSecond?: never })

/** Bandwidth of one direction of a call on one link. Plain JSON: numbers unrounded, in kbit/s of 1000 bit/s. */
export interface CallBandwidth {
  readonly calls: number
  /** Mean packets per second of one call: voice while talking plus SID while silent. */
  readonly packetsPerSecond: number
  /** One voice packet as the link serializes it. */
  readonly packetBytes: number
  /** One voice packet at the IP layer (the outer packet when tunnelled). */
  readonly ipPacketBytes: number
  /** The voice packet layer by layer, payload first (`voicePacketLayers`). */
  readonly layers: readonly PacketLayer[]
  readonly voiceActivity: number
  readonly comfortNoise?: { readonly packetsPerSecond: number; readonly packetBytes: number }
  /** Codec payload alone, one call: what the codec's bit rate promises. */
  readonly payloadKbps: number
  readonly perCallKbps: number
  readonly totalKbps: number
}

const BITS_PER_BYTE = 8
const BITS_PER_KBIT = 1000

function requirePositive(name: string, value: number): void {
  if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`${name} must be a finite number > 0, got ${value}`)
}

function packetRate(input: CallBandwidthInput): number {
  if (input.packetsPerSecond !== undefined && input.ptimeMs !== undefined) throw new RangeError("give packetsPerSecond or ptimeMs, not both")
  if (input.packetsPerSecond !== undefined) {
    requirePositive("packetsPerSecond", input.packetsPerSecond)
    return input.packetsPerSecond
  }
  if (input.ptimeMs === undefined) throw new RangeError("give packetsPerSecond or ptimeMs")
  requirePositive("ptimeMs", input.ptimeMs)
  return 1000 / input.ptimeMs
}

/** Per-direction bandwidth of `calls` voice calls on a link, with every header the link carries. */
export function callBandwidth(input: CallBandwidthInput): CallBandwidth {
  const voicePacketsPerSecond = packetRate(input)
  const voiceActivity = input.voiceActivity ?? 1
  if (!(voiceActivity >= 0 && voiceActivity <= 1)) throw new RangeError(`voiceActivity must be within [0, 1], got ${voiceActivity}`)
  const calls = input.calls ?? 1
  if (!Number.isSafeInteger(calls) || calls < 0) throw new RangeError(`calls must be an integer ≥ 0, got ${calls}`)

  const voice = voicePacketLayers(input.payloadBytes, input.stack, input.link)
  let packetsPerSecond = voicePacketsPerSecond * voiceActivity
  let wireBytesPerSecond = packetsPerSecond * voice.totalBytes
  let payloadBytesPerSecond = packetsPerSecond * input.payloadBytes

  let comfortNoise: CallBandwidth["comfortNoise"]
  if (input.comfortNoise !== undefined) {
    const { packetsPerSecond: sidPerSecond, payloadBytes: sidPayloadBytes } = input.comfortNoise
    if (!(sidPerSecond >= 0) || !Number.isFinite(sidPerSecond)) {
      throw new RangeError(`comfortNoise.packetsPerSecond must be a finite number ≥ 0, got ${sidPerSecond}`)
    }
    const sid = voicePacketLayers(sidPayloadBytes, input.stack, input.link)
    const silentSidPerSecond = sidPerSecond * (1 - voiceActivity)
    packetsPerSecond += silentSidPerSecond
    wireBytesPerSecond += silentSidPerSecond * sid.totalBytes
    payloadBytesPerSecond += silentSidPerSecond * sidPayloadBytes
    comfortNoise = { packetsPerSecond: sidPerSecond, packetBytes: sid.totalBytes }
  }

  const perCallKbps = (wireBytesPerSecond * BITS_PER_BYTE) / BITS_PER_KBIT
  return {
    calls,
    packetsPerSecond,
    packetBytes: voice.totalBytes,
    ipPacketBytes: voice.ipBytes,
    layers: voice.layers,
    voiceActivity,
    ...(comfortNoise === undefined ? {} : { comfortNoise }),
    payloadKbps: (payloadBytesPerSecond * BITS_PER_BYTE) / BITS_PER_KBIT,
    perCallKbps,
    totalKbps: perCallKbps * calls,
  }
}
