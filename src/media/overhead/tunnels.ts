import { ipHeaderBytes, type IpVersion, UDP_HEADER_BYTES } from "../headers.ts"
import type { PacketLayer } from "./packet-layer.ts"

/** IPsec ESP transforms, named with their integrity check value. */
export type EspCipher = "aes-cbc-hmac-sha1-96" | "aes-gcm-16"

/** IPsec ESP in tunnel mode (RFC 4303): the whole voice IP packet is encrypted inside a new one. */
export interface EspTunnel {
  readonly kind: "ipsec-esp"
  readonly cipher: EspCipher
  /** UDP encapsulation through NAT (RFC 3948), as remote workers behind home routers use. */
  readonly natTraversal?: boolean
  /** Defaults to the voice packet's IP version. */
  readonly outerIpVersion?: IpVersion
}

/** A WireGuard tunnel: the voice IP packet rides in a transport data message over UDP. */
export interface WireGuardTunnel {
  readonly kind: "wireguard"
  /** Defaults to the voice packet's IP version. */
  readonly outerIpVersion?: IpVersion
}

export type Tunnel = EspTunnel | WireGuardTunnel

export const ESP_HEADER_BYTES = 8 // RFC 4303 §2: SPI 4 + sequence number 4
export const ESP_TRAILER_BYTES = 2 // RFC 4303 §2.5–2.6: pad length 1 + next header 1
export const ESP_ALIGNMENT_BYTES = 4 // RFC 4303 §2.4: pad length and next header end on a 4-byte boundary
export const AES_BLOCK_BYTES = 16 // RFC 3602 §2.4: AES block of 128 bits, padding fills whole blocks
export const AES_CBC_IV_BYTES = 16 // RFC 3602 §3: explicit IV of one block
export const HMAC_SHA1_96_ICV_BYTES = 12 // RFC 2404 §2: HMAC-SHA-1 truncated to 96 bits
export const AES_GCM_IV_BYTES = 8 // RFC 4106 §3.1
export const AES_GCM_16_ICV_BYTES = 16 // RFC 4106 §6: 16-octet ICV (ENCR_AES_GCM_16)

export const WIREGUARD_DATA_HEADER_BYTES = 16 // WireGuard whitepaper §5.4.6: type 1 + reserved 3 + receiver 4 + counter 8
export const WIREGUARD_TAG_BYTES = 16 // WireGuard whitepaper §5.4.6: ChaCha20-Poly1305 tag (RFC 8439 §2.8)
export const WIREGUARD_PADDING_MULTIPLE = 16 // WireGuard whitepaper §5.4.6: plaintext zero-padded to a multiple of 16

const paddingTo = (bytes: number, multiple: number): number => (multiple - (bytes % multiple)) % multiple

const ESP_CIPHERS: Readonly<Record<EspCipher, { ivBytes: number; padMultiple: number; icvBytes: number }>> = {
  "aes-cbc-hmac-sha1-96": { ivBytes: AES_CBC_IV_BYTES, padMultiple: AES_BLOCK_BYTES, icvBytes: HMAC_SHA1_96_ICV_BYTES },
  // GCM is a counter mode: only ESP's own 4-byte alignment pads (RFC 4106 §7: at most 3 bytes).
  "aes-gcm-16": { ivBytes: AES_GCM_IV_BYTES, padMultiple: ESP_ALIGNMENT_BYTES, icvBytes: AES_GCM_16_ICV_BYTES },
}

/** What the tunnel adds around an inner IP packet of `innerIpBytes`, inner side first. */
export function tunnelLayers(innerIpBytes: number, tunnel: Tunnel, innerIpVersion: IpVersion): PacketLayer[] {
  const outerIpVersion = tunnel.outerIpVersion ?? innerIpVersion
  const outerIp: PacketLayer = { name: `outer-ipv${outerIpVersion}`, bytes: ipHeaderBytes(outerIpVersion) }
  switch (tunnel.kind) {
    case "ipsec-esp": {
      const cipher = ESP_CIPHERS[tunnel.cipher]
      if (cipher === undefined) throw new RangeError(`unknown ESP cipher "${String(tunnel.cipher)}"`)
      // RFC 4303 §2.4: the padding makes inner packet + padding + the 2-byte trailer a whole number of blocks.
      const padBytes = paddingTo(innerIpBytes + ESP_TRAILER_BYTES, cipher.padMultiple)
      const layers: PacketLayer[] = [
        { name: "esp-padding", bytes: padBytes },
        { name: "esp-trailer", bytes: ESP_TRAILER_BYTES },
        { name: "esp-icv", bytes: cipher.icvBytes },
        { name: "esp-iv", bytes: cipher.ivBytes },
        { name: "esp-header", bytes: ESP_HEADER_BYTES },
      ]
      if (tunnel.natTraversal === true) layers.push({ name: "nat-t-udp", bytes: UDP_HEADER_BYTES }) // RFC 3948 §2.1
      layers.push(outerIp)
      return layers
    }
    case "wireguard":
      // Implementations stop padding at the tunnel MTU, which a voice packet never comes near.
      return [
        { name: "wireguard-padding", bytes: paddingTo(innerIpBytes, WIREGUARD_PADDING_MULTIPLE) },
        { name: "wireguard-tag", bytes: WIREGUARD_TAG_BYTES },
        { name: "wireguard-header", bytes: WIREGUARD_DATA_HEADER_BYTES },
        { name: "outer-udp", bytes: UDP_HEADER_BYTES },
        outerIp,
      ]
    default:
      throw new RangeError(`unknown tunnel kind "${String((tunnel as { kind: unknown }).kind)}"`)
  }
}
