import { type PacketLayer, requireWholeBytes, sumBytes } from "./packet-layer.ts"

/**
 * What a link puts around each IP packet it carries. Counting follows the per-call tables of
 * Cisco (document 7934, "Voice Over IP - Per Call Bandwidth Consumption"): Ethernet 18 bytes, and
 * 6 bytes + a 1-byte flag for PPP, MLPPP and Frame Relay FRF.12.
 */
export type LinkFraming = "none" | "ethernet" | "ethernet-vlan" | "ppp" | "mlppp" | "frame-relay" | "wifi"

export const LINK_FRAMINGS: readonly LinkFraming[] = ["none", "ethernet", "ethernet-vlan", "ppp", "mlppp", "frame-relay", "wifi"]

/** RFC 2508 compressed IP/UDP/RTP header: 2 bytes without a UDP checksum, 4 with one. */
export interface CrtpSettings {
  readonly headerBytes: 2 | 4
}

/** Per-link overhead settings: the framing, and what the link does to the packets it carries. */
export interface LinkOverhead {
  readonly framing: LinkFraming
  /**
   * cRTP header compression of the voice packets' IP/UDP/RTP headers on this link (RFC 2508; serial
   * framings only). `true` compresses to 2 bytes over IPv4 and 4 over IPv6 (see `crtpHeaderBytes`).
   */
  readonly crtp?: boolean | CrtpSettings
  /**
   * Ethernet only: also count line time that carries no frame bytes. `true`: preamble + SFD (8) and
   * the inter-frame gap (12); `"preamble"`: preamble + SFD only, as some vendor tables count.
   */
  readonly countPhysical?: boolean | "preamble"
  /** Wi-Fi only: WPA2/WPA3 CCMP protection of each frame. */
  readonly ccmp?: boolean
}

export const ETHERNET_HEADER_BYTES = 14 // IEEE 802.3 §3.1.1: destination 6 + source 6 + length/type 2
export const ETHERNET_FCS_BYTES = 4 // IEEE 802.3 §3.2.9: 32-bit CRC
export const VLAN_TAG_BYTES = 4 // IEEE 802.1Q §9.3: TPID 2 + TCI 2
export const ETHERNET_MIN_FRAME_BYTES = 64 // IEEE 802.3 §4.4.2: minFrameSize 512 bits, header to FCS; §3.2.8 pads up to it
export const PREAMBLE_SFD_BYTES = 8 // IEEE 802.3 §3.2.1–3.2.2: preamble 7 + start frame delimiter 1
export const INTER_FRAME_GAP_BYTES = 12 // IEEE 802.3 §4.4.2: interPacketGap 96 bit times

export const PPP_HEADER_BYTES = 4 // RFC 1662 §3.1: address 1 + control 1; RFC 1661 §2: protocol 2
export const PPP_FCS_BYTES = 2 // RFC 1662 §3.1: 16-bit FCS unless a 32-bit one is negotiated
export const HDLC_FLAG_BYTES = 1 // RFC 1662 §3.1: one flag between frames (a closing flag may open the next)
export const FRAME_RELAY_HEADER_BYTES = 4 // ITU-T Q.922 2-byte address + RFC 2427 §3 control 0x03 and NLPID
export const FRAME_RELAY_FCS_BYTES = 2 // ITU-T Q.922: 16-bit FCS

export const WIFI_QOS_DATA_HEADER_BYTES = 26 // IEEE 802.11-2020 §9.3.2.1: 24-byte data header + QoS Control 2
export const LLC_SNAP_BYTES = 8 // IEEE 802.2 LLC 3 + SNAP 5 (RFC 1042)
export const WIFI_FCS_BYTES = 4 // IEEE 802.11-2020 §9.2.4.8: 32-bit CRC
export const CCMP_HEADER_BYTES = 8 // IEEE 802.11-2020 §12.5.3.2: PN, key ID and reserved
export const CCMP_MIC_BYTES = 8 // IEEE 802.11-2020 §12.5.3.2: CCMP-128 MIC

export const CRTP_HEADER_BYTES = { withoutUdpChecksum: 2, withUdpChecksum: 4 } as const // RFC 2508 §2

const SERIAL_FRAMINGS: ReadonlySet<LinkFraming> = new Set(["ppp", "mlppp", "frame-relay"])

const isEthernet = (framing: LinkFraming): boolean => framing === "ethernet" || framing === "ethernet-vlan"

/**
 * Link-layer bytes of every frame, whatever it carries: headers, trailers and flag. Ethernet
 * padding of short frames, physical-layer time and Wi-Fi encryption come on top
 * (`linkOverheadBytes`).
 */
export const framingBytes = (framing: LinkFraming): number => sumBytes(framingLayers(framing))

function framingLayers(framing: LinkFraming): PacketLayer[] {
  switch (framing) {
    case "none":
      return []
    case "ethernet":
      return [{ name: "ethernet-header", bytes: ETHERNET_HEADER_BYTES }, { name: "ethernet-fcs", bytes: ETHERNET_FCS_BYTES }]
    case "ethernet-vlan":
      return [
        { name: "ethernet-header", bytes: ETHERNET_HEADER_BYTES },
        { name: "802.1q-tag", bytes: VLAN_TAG_BYTES },
        { name: "ethernet-fcs", bytes: ETHERNET_FCS_BYTES },
      ]
    // Cisco LFI sends voice between MLPPP fragments as plain PPP frames, without the RFC 1990
    // multilink header, so MLPPP voice costs what PPP voice does.
    case "ppp":
    case "mlppp":
      return [
        { name: "ppp-header", bytes: PPP_HEADER_BYTES },
        { name: "ppp-fcs", bytes: PPP_FCS_BYTES },
        { name: "hdlc-flag", bytes: HDLC_FLAG_BYTES },
      ]
    case "frame-relay":
      return [
        { name: "frame-relay-header", bytes: FRAME_RELAY_HEADER_BYTES },
        { name: "frame-relay-fcs", bytes: FRAME_RELAY_FCS_BYTES },
        { name: "hdlc-flag", bytes: HDLC_FLAG_BYTES },
      ]
    case "wifi":
      return [
        { name: "802.11-qos-header", bytes: WIFI_QOS_DATA_HEADER_BYTES },
        { name: "llc-snap", bytes: LLC_SNAP_BYTES },
        { name: "802.11-fcs", bytes: WIFI_FCS_BYTES },
      ]
  }
}

/** Rejects option combinations that no real link has. */
export function checkLinkOverhead(link: LinkOverhead): void {
  if (!LINK_FRAMINGS.includes(link.framing)) throw new RangeError(`unknown link framing "${String(link.framing)}"`)
  if (link.crtp !== undefined && link.crtp !== false) {
    // RFC 2508 needs the link layer to tell compressed packets apart (PPP: RFC 3544; Frame Relay: FRF.20).
    if (!SERIAL_FRAMINGS.has(link.framing)) throw new RangeError(`cRTP works on ppp, mlppp or frame-relay links, not on "${link.framing}"`)
    if (typeof link.crtp === "object" && link.crtp.headerBytes !== 2 && link.crtp.headerBytes !== 4) {
      throw new RangeError(`cRTP headerBytes must be 2 or 4, got ${String(link.crtp.headerBytes)}`)
    }
  }
  if (link.countPhysical !== undefined && link.countPhysical !== false && !isEthernet(link.framing)) {
    throw new RangeError(`countPhysical applies to Ethernet framings only, not to "${link.framing}"`)
  }
  if (link.ccmp === true && link.framing !== "wifi") throw new RangeError(`ccmp applies to wifi links only, not to "${link.framing}"`)
}

/**
 * Everything the link adds to a packet of `innerBytes` (an IP packet, or a cRTP-compressed one),
 * in wire order: headers, then padding and trailers, then physical-layer time.
 */
export function linkLayers(innerBytes: number, link: LinkOverhead): PacketLayer[] {
  requireWholeBytes("packet size", innerBytes)
  checkLinkOverhead(link)
  const layers = framingLayers(link.framing)
  if (link.ccmp === true) {
    layers.splice(1, 0, { name: "ccmp-header", bytes: CCMP_HEADER_BYTES })
    layers.splice(layers.length - 1, 0, { name: "ccmp-mic", bytes: CCMP_MIC_BYTES })
  }
  if (isEthernet(link.framing)) {
    const padBytes = Math.max(0, ETHERNET_MIN_FRAME_BYTES - innerBytes - sumBytes(layers))
    if (padBytes > 0) layers.splice(layers.length - 1, 0, { name: "ethernet-pad", bytes: padBytes })
    if (link.countPhysical === true || link.countPhysical === "preamble") layers.push({ name: "preamble-sfd", bytes: PREAMBLE_SFD_BYTES })
    if (link.countPhysical === true) layers.push({ name: "inter-frame-gap", bytes: INTER_FRAME_GAP_BYTES })
  }
  return layers
}

/**
 * Bytes the link adds to an IP packet of `ipPacketBytes`, so that it serializes
 * `ipPacketBytes + linkOverheadBytes(…)`. For any packet: cRTP, which only shrinks voice packets,
 * is left to `voicePacketLayers`.
 */
export const linkOverheadBytes = (ipPacketBytes: number, link: LinkOverhead): number => sumBytes(linkLayers(ipPacketBytes, link))
