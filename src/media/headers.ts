/** Bytes each protocol layer adds to a voice payload on the wire (L3 and above; link framing is in `overhead/`). */
export const RTP_HEADER_BYTES = 12 // RFC 3550 §5.1: fixed header without CSRCs or extensions
export const UDP_HEADER_BYTES = 8 // RFC 768
export const IPV4_HEADER_BYTES = 20 // RFC 791 §3.1: header without options (IHL 5)
export const IPV6_HEADER_BYTES = 40 // RFC 8200 §3: fixed header, no extension headers

export type IpVersion = 4 | 6

export const ipHeaderBytes = (ipVersion: IpVersion): number => (ipVersion === 4 ? IPV4_HEADER_BYTES : IPV6_HEADER_BYTES)

/**
 * SRTP authentication tag per crypto suite (RFC 4568 §6.2 names). SRTP encrypts the payload in
 * place, so the tag (plus an MKI, which is optional and not counted) is all it adds (RFC 3711 §3.1).
 */
export const SRTP_TAG_BYTES = {
  AES_CM_128_HMAC_SHA1_80: 10, // RFC 4568 §6.2.1: 80-bit tag
  AES_CM_128_HMAC_SHA1_32: 4, // RFC 4568 §6.2.2: 32-bit tag
} as const

/** IP packet size of one RTP packet over UDP/IPv4. */
export const rtpPacketBytes = (payloadBytes: number): number =>
  payloadBytes + RTP_HEADER_BYTES + UDP_HEADER_BYTES + IPV4_HEADER_BYTES
