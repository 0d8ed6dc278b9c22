import type { IpVersion } from "../media/headers.ts"
import { type LinkOverhead, linkOverheadBytes, type Tunnel, voicePacketLayers } from "../media/overhead/index.ts"
import type { WireFraming } from "../network/link-direction.ts"
import { HEADER_STACK, HEADER_STACK_COUNT, type HeaderStack } from "../network/packet.ts"

// A packet this large is never padded, so what a link adds to it is the per-packet constant.
const UNPADDED_BYTES = 1000

/**
 * A link direction's framing as per-packet numbers, read off src/media/overhead once: a constant
 * per header stack (the framing, less what cRTP saves on voice), and the smallest frame (Ethernet
 * pads short frames; for the others it is the bare framing, which never binds). A test checks that
 * max(minFrameBytes, ipBytes + bytesByStack[stack]) is `voicePacketLayers`' and
 * `linkOverheadBytes`' total for every size.
 */
export const wireFramingOf = (link: LinkOverhead): WireFraming => {
  const framing = linkOverheadBytes(UNPADDED_BYTES, link)
  const voiceOverhead = (ipVersion: IpVersion): number => {
    const voice = voicePacketLayers(UNPADDED_BYTES, { ipVersion }, link)
    return voice.totalBytes - voice.ipBytes
  }
  const bytesByStack = new Array<number>(HEADER_STACK_COUNT)
  bytesByStack[HEADER_STACK.ip] = framing
  bytesByStack[HEADER_STACK.rtpIpv4] = voiceOverhead(4)
  bytesByStack[HEADER_STACK.rtpIpv6] = voiceOverhead(6)
  return {
    name: link.framing,
    crtp: link.crtp !== undefined && link.crtp !== false,
    bytesByStack,
    minFrameBytes: linkOverheadBytes(0, link),
  }
}

/** The headers links see on a call's voice packets: a tunnel's are plain IP, its inner headers encrypted. */
export const voiceHeaderStack = (ipVersion: IpVersion, tunnel: Tunnel | undefined): HeaderStack =>
  tunnel !== undefined ? HEADER_STACK.ip : ipVersion === 4 ? HEADER_STACK.rtpIpv4 : HEADER_STACK.rtpIpv6
