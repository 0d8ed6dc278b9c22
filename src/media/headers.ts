/** Bytes each protocol layer adds to a voice payload on the wire (L3 and above; link framing comes later). */
export const RTP_HEADER_BYTES = 12 // RFC 3550 §5.1: fixed header without CSRCs or extensions
export const UDP_HEADER_BYTES = 8 // RFC 768
export const IPV4_HEADER_BYTES = 20 // RFC 791: header without options

/** IP packet size of one RTP packet over UDP/IPv4. */
export const rtpPacketBytes = (payloadBytes: number): number =>
  payloadBytes + RTP_HEADER_BYTES + UDP_HEADER_BYTES + IPV4_HEADER_BYTES
