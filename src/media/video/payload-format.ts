/**
 * What an RTP payload format adds around a frame's bytes. A frame that fits one packet goes whole,
 * after the descriptor; a larger one is cut into fragments that each repeat the descriptor and a
 * fragment header, and that do not carry the frame's own leading header bytes.
 */
export interface VideoPayloadFormat {
  readonly name: string
  /** Bytes before the frame data in every packet, fragmented or not (0 for H.264). */
  readonly descriptorBytes: number
  /** Bytes each fragment adds after the descriptor. */
  readonly fragmentHeaderBytes: number
  /** Leading bytes of the frame that fragments leave out because the fragment header encodes them. */
  readonly fragmentOmittedBytes: number
}

/**
 * H.264 in packetization-mode 1, one NAL unit per frame. A NAL unit that fits goes as a single NAL
 * unit packet, which adds nothing (RFC 6184 §5.6); a larger one goes as FU-A fragments, each with an
 * FU indicator and an FU header (RFC 6184 §5.8). Those two octets convey the NAL unit's 1-byte
 * header (§5.3), so its payload is fragmented without it (§5.8).
 */
export const H264_FU_A: VideoPayloadFormat = {
  name: "H.264 (RFC 6184, FU-A)",
  descriptorBytes: 0,
  fragmentHeaderBytes: 2,
  fragmentOmittedBytes: 1,
}

/** No payload header at all: frames are cut into ⌈frame bytes / max payload⌉ plain pieces. */
export const BARE_PAYLOAD: VideoPayloadFormat = {
  name: "bare",
  descriptorBytes: 0,
  fragmentHeaderBytes: 0,
  fragmentOmittedBytes: 0,
}

/**
 * Throws unless the byte counts are integers ≥ 0 and a fragment header restores at least what it
 * omits: then a frame too large for one packet never fits one fragment either (RFC 6184 §5.8 forbids
 * an FU that both starts and ends a NAL unit).
 */
export function validatePayloadFormat(format: VideoPayloadFormat): void {
  for (const field of ["descriptorBytes", "fragmentHeaderBytes", "fragmentOmittedBytes"] as const) {
    const value = format[field]
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${format.name}: ${field} must be an integer ≥ 0, got ${value}`)
  }
  if (format.fragmentOmittedBytes > format.fragmentHeaderBytes) {
    throw new RangeError(`${format.name}: fragmentOmittedBytes (${format.fragmentOmittedBytes}) must not exceed fragmentHeaderBytes (${format.fragmentHeaderBytes})`)
  }
}
