import type { TimeNs } from "../../sim/time.ts"
import type { InsertOutcome, JitterBuffer, JitterBufferSnapshot, JitterBufferStats, JitterPacket, PlayoutDecision } from "./jitter-buffer.ts"
import { PlayoutRecorder } from "./playout-recorder.ts"
import { RtpTimeline } from "./rtp-timeline.ts"

const SLOTS = 256 // power of two; holds up to 256 frames ahead of the playout point (5 s of 20 ms frames)
// A slot's copy of its packet, in `slots` at STRIDE · slot: arrival time (EMPTY when free), seq, timestamp, marker.
const STRIDE = 4
const ARRIVAL = 0
const SEQ = 1
const TIMESTAMP = 2
const MARKER = 3
const EMPTY = -1

/**
 * A fixed playout delay: the first packet plays `delayNs` after it arrives and every later packet
 * at the same offset from its RTP timestamp (frame k of the stream at first arrival + delay + k·frame).
 * A packet arriving after its playout time is late; a missing frame is concealed and given up.
 * Its target delay is `delayNs`, beyond the first packet's network delay.
 *
 * The simulator's default buffer, run for every frame of every call: it keeps its own ring of
 * four numbers per frame (it needs none of FrameStore's span tracking).
 */
export class FixedJitterBuffer implements JitterBuffer {
  private readonly slots = new Float64Array(STRIDE * SLOTS).fill(EMPTY)
  private readonly recorder = new PlayoutRecorder()
  private readonly timeline = new RtpTimeline()
  private startNs: TimeNs | undefined
  private nextFrame = 0 // index of the next frame to play, counted from the first packet
  private buffered = 0

  constructor(
    private readonly delayNs: TimeNs,
    private readonly frameNs: TimeNs,
    private readonly samplesPerFrame: number,
  ) {}

  get playoutStartNs(): TimeNs | undefined {
    return this.startNs
  }

  get decision(): PlayoutDecision {
    return this.recorder.decision
  }

  get stats(): JitterBufferStats {
    return this.recorder.stats
  }

  insert(packet: JitterPacket, nowNs: TimeNs): InsertOutcome {
    if (this.startNs === undefined) this.startNs = nowNs + this.delayNs
    const frame = Math.round(this.timeline.samplesOf(packet.rtpTimestamp) / this.samplesPerFrame)
    const r = this.recorder
    if (frame < this.nextFrame || nowNs > this.startNs + frame * this.frameNs) return r.inserted("late")
    if (frame >= this.nextFrame + SLOTS) return r.inserted("overflow")
    const at = STRIDE * (frame & (SLOTS - 1))
    const slots = this.slots
    if (slots[at + ARRIVAL] !== EMPTY) return r.inserted("duplicate")
    slots[at + ARRIVAL] = packet.arrivalNs
    slots[at + SEQ] = packet.seq
    slots[at + TIMESTAMP] = packet.rtpTimestamp
    slots[at + MARKER] = packet.marker ? 1 : 0
    this.buffered++
    return r.inserted("accepted")
  }

  pull(_nowNs: TimeNs): JitterPacket | null {
    const at = STRIDE * (this.nextFrame++ & (SLOTS - 1))
    const slots = this.slots
    const arrivalNs = slots[at + ARRIVAL]!
    if (arrivalNs === EMPTY) return this.recorder.expand(1, this.delayNs)
    slots[at + ARRIVAL] = EMPTY
    this.buffered--
    const played = this.recorder.playOwn(this.recorder.resumeKind, this.delayNs)
    played.arrivalNs = arrivalNs
    played.seq = slots[at + SEQ]!
    played.rtpTimestamp = slots[at + TIMESTAMP]!
    played.marker = slots[at + MARKER] === 1
    return played
  }

  snapshot(): JitterBufferSnapshot {
    return { bufferedPackets: this.buffered, targetDelayNs: this.delayNs }
  }
}
