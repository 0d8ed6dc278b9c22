import { ipHeaderBytes, type IpVersion, RTP_HEADER_BYTES, UDP_HEADER_BYTES } from "../headers.ts"
import { checkLinkOverhead, CRTP_HEADER_BYTES, type CrtpSettings, type LinkOverhead, linkLayers } from "./link-framing.ts"
import { type PacketLayer, requireWholeBytes, sumBytes } from "./packet-layer.ts"
import { type Tunnel, tunnelLayers } from "./tunnels.ts"

/** How the endpoints send voice: end to end, the same on every link of the path. */
export interface VoiceStack {
  readonly ipVersion: IpVersion
  /** SRTP authentication tag on every packet (`SRTP_TAG_BYTES`); absent or 0 for plain RTP. */
  readonly srtpTagBytes?: number
  readonly tunnel?: Tunnel
}

export interface VoicePacketLayers {
  /** From the codec payload outwards, in the order the layers wrap it; link framing last. */
  readonly layers: readonly PacketLayer[]
  /** The IP packet handed to the link (the outer one when tunnelled), before any cRTP. */
  readonly ipBytes: number
  /** What the link serializes. */
  readonly totalBytes: number
}

/**
 * Size of a cRTP header. Without a stated size: 2 bytes over IPv4, as Cisco's per-call table
 * assumes (UDP checksums off), and 4 over IPv6, whose UDP checksum is mandatory (RFC 8200 §8.1)
 * and so travels in every compressed header.
 */
export const crtpHeaderBytes = (crtp: true | CrtpSettings, ipVersion: IpVersion): number =>
  crtp === true ? (ipVersion === 4 ? CRTP_HEADER_BYTES.withoutUdpChecksum : CRTP_HEADER_BYTES.withUdpChecksum) : crtp.headerBytes

/** The bytes of one voice packet of `payloadBytes` on a link, layer by layer. */
export function voicePacketLayers(payloadBytes: number, stack: VoiceStack, link: LinkOverhead): VoicePacketLayers {
  requireWholeBytes("payloadBytes", payloadBytes)
  const srtpTagBytes = stack.srtpTagBytes ?? 0
  requireWholeBytes("srtpTagBytes", srtpTagBytes)
  if (stack.ipVersion !== 4 && stack.ipVersion !== 6) throw new RangeError(`ipVersion must be 4 or 6, got ${String(stack.ipVersion)}`)
  checkLinkOverhead(link)

  const layers: PacketLayer[] = [{ name: "payload", bytes: payloadBytes }]
  if (srtpTagBytes > 0) layers.push({ name: "srtp-tag", bytes: srtpTagBytes }) // RFC 3711 §3.1: after the payload
  const headers: PacketLayer[] = [
    { name: "rtp", bytes: RTP_HEADER_BYTES },
    { name: "udp", bytes: UDP_HEADER_BYTES },
    { name: `ipv${stack.ipVersion}`, bytes: ipHeaderBytes(stack.ipVersion) },
  ]
  const voiceIpBytes = payloadBytes + srtpTagBytes + sumBytes(headers)
  // cRTP rewrites the headers it can read: inside a tunnel they are encrypted, so the link sends them whole.
  const crtp = link.crtp !== undefined && link.crtp !== false && stack.tunnel === undefined ? link.crtp : undefined
  if (crtp === undefined) layers.push(...headers)
  else layers.push({ name: "crtp", bytes: crtpHeaderBytes(crtp, stack.ipVersion) })

  let ipBytes = voiceIpBytes
  if (stack.tunnel !== undefined) {
    const tunnel = tunnelLayers(voiceIpBytes, stack.tunnel, stack.ipVersion)
    layers.push(...tunnel)
    ipBytes += sumBytes(tunnel)
  }
  const onLinkBytes = sumBytes(layers)
  layers.push(...linkLayers(onLinkBytes, link))
  return { layers, ipBytes, totalBytes: sumBytes(layers) }
}
