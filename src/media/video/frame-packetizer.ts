import { validatePayloadFormat, type VideoPayloadFormat } from "./payload-format.ts"

/**
 * Cuts a frame into RTP payloads of at most `maxPayloadBytes`: whole if it fits, else into the
 * fewest fragments, of near-equal size. Near-equal rather than full-then-remainder because that
 * is what libwebrtc does (RtpPacketizer::SplitAboutEqually): same packet count, but no runt last
 * packet, and every packet of a frame costs the same serialization time. As there, the last
 * `(bytes mod count)` fragments are the ones 1 byte larger.
 *
 * `plan(frameBytes)` then `payloadBytes(i)` for i < count: no allocation, the plan is three numbers.
 */
export class FramePacketizer {
  /** Packets of the planned frame. */
  count = 0
  /** Sum of the planned frame's RTP payloads. */
  totalPayloadBytes = 0
  private headerBytes = 0
  private smallBytes = 0
  private firstLargeIndex = 0
  private readonly fragmentCapacityBytes: number

  constructor(
    readonly maxPayloadBytes: number,
    readonly format: VideoPayloadFormat,
  ) {
    validatePayloadFormat(format)
    this.fragmentCapacityBytes = maxPayloadBytes - format.descriptorBytes - format.fragmentHeaderBytes
    if (!Number.isSafeInteger(maxPayloadBytes) || this.fragmentCapacityBytes < 1) {
      throw new RangeError(`maxPayloadBytes must be an integer that leaves room for the ${format.name} headers and 1 byte of data, got ${maxPayloadBytes}`)
    }
  }

  /** Plans a frame of `frameBytes` (an integer ≥ 1) and returns its packet count. */
  plan(frameBytes: number): number {
    const format = this.format
    if (frameBytes + format.descriptorBytes <= this.maxPayloadBytes) {
      this.count = 1
      this.headerBytes = format.descriptorBytes
      this.smallBytes = frameBytes
      this.firstLargeIndex = 1
    } else {
      const dataBytes = frameBytes - format.fragmentOmittedBytes
      const count = Math.ceil(dataBytes / this.fragmentCapacityBytes)
      this.count = count
      this.headerBytes = format.descriptorBytes + format.fragmentHeaderBytes
      this.smallBytes = Math.floor(dataBytes / count)
      this.firstLargeIndex = count - (dataBytes - this.smallBytes * count)
    }
    this.totalPayloadBytes = this.count * this.headerBytes + frameBytes - (this.count > 1 ? format.fragmentOmittedBytes : 0)
    return this.count
  }

  /** RTP payload bytes of packet `index` of the planned frame. */
  payloadBytes(index: number): number {
    return this.headerBytes + this.smallBytes + (index >= this.firstLargeIndex ? 1 : 0)
  }
}
