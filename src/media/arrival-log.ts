import type { TimeNs } from "../../sim/time.ts"
import type { JitterPacket } from "../jitter/jitter-buffer.ts"

/** What a receiver learns of a packet that reached it: the RTP fields, when it was sent and when it arrived. */
export interface ArrivedPacket extends JitterPacket {
  readonly sentNs: TimeNs
}

/** What a receiver needs of a packet to record its arrival. */
export interface ArrivingPacket {
  readonly seq: number
  readonly rtpTimestamp: number
  readonly marker: boolean
  readonly sentNs: TimeNs
}

/** Processes the arrivals of one stream, in arrival order (a StreamReceiver). */
export interface ArrivalProcessor {
  /** `packet` is valid during the call only. */
  process(packet: ArrivedPacket): void
}

// A record: [receiver, seq, timestamp, marker, sent, arrival], six numbers in `records`.
const STRIDE = 6
const RECEIVER = 0
const SEQ = 1
const TIMESTAMP = 2
const MARKER = 3
const SENT = 4
const ARRIVAL = 5

/** Records between batches: about 16 per receiver, from 1,024 (a few calls) to 32,768 (a thousand calls, 1.5 MB). */
const RECORDS_PER_RECEIVER = 16
const MIN_CAPACITY = 1 << 10
const MAX_CAPACITY = 1 << 15

/**
 * The voice packets that reached their receivers, recorded as they arrive and handed to the
 * receivers in batches, grouped by receiver.
 *
 * Why: a trunk of a thousand calls has two thousand receivers, and processing one arrival touches
 * a receiver's RTP statistics, delay statistics and histograms and its jitter buffer: dozens of
 * cache lines, cold again by the stream's next packet 20 ms later. Appending to one log touches
 * one line; a receiver then processes its batch with its state loaded once. And a packet can be
 * recycled as soon as it is recorded, so few packets are alive and they stay in the cache.
 *
 * Exactness: receivers only observe (nothing in a run reads them or depends on them), and each
 * receiver still processes its own arrivals in arrival order with their arrival times, so every
 * result is the one of processing each packet on arrival. Whoever reads a receiver flushes first
 * (StreamReceiver.playUntil does). A receiver's arrivals are recorded in their order, but they
 * may be recorded before they happen (a last link hands packets over ahead, see RecordingSink),
 * so the log as a whole is not in time order.
 */
export class ArrivalLog {
  private readonly processors: ArrivalProcessor[] = []
  private records: Float64Array
  private count = 0
  /** Scratch for grouping: per receiver, then record order. */
  private firstOf = new Int32Array(0)
  private order: Int32Array
  /** Scratch for the records not yet due when flushing, allocated once (and on growth). */
  private later = new Float64Array(0)
  /** Handed to the receivers, refilled for each record. */
  private readonly view = { seq: 0, rtpTimestamp: 0, marker: false, sentNs: 0, arrivalNs: 0 }

  /** A log sized for `receivers` receivers (see RECORDS_PER_RECEIVER). */
  static forReceivers(receivers: number): ArrivalLog {
    return new ArrivalLog(Math.min(MAX_CAPACITY, Math.max(MIN_CAPACITY, RECORDS_PER_RECEIVER * receivers)))
  }

  constructor(private capacity: number) {
    if (!(Number.isInteger(capacity) && capacity >= 1)) throw new RangeError(`capacity must be an integer ≥ 1, got ${capacity}`)
    this.records = new Float64Array(STRIDE * capacity)
    this.order = new Int32Array(capacity)
  }

  /** Registers a receiver; its arrivals are recorded under the returned index. */
  register(processor: ArrivalProcessor): number {
    return this.processors.push(processor) - 1
  }

  /** Arrivals recorded and not yet processed. */
  get pending(): number {
    return this.count
  }

  /**
   * Records that `packet` reaches receiver `receiver` at `arrivalNs`, at or after `nowNs` (and
   * never before that receiver's earlier records).
   */
  record(receiver: number, packet: ArrivingPacket, arrivalNs: TimeNs, nowNs: TimeNs): void {
    if (this.count === this.capacity) this.makeRoom(nowNs)
    const records = this.records
    const at = STRIDE * this.count
    records[at + RECEIVER] = receiver
    records[at + SEQ] = packet.seq
    records[at + TIMESTAMP] = packet.rtpTimestamp
    records[at + MARKER] = packet.marker ? 1 : 0
    records[at + SENT] = packet.sentNs
    records[at + ARRIVAL] = arrivalNs
    this.count++
  }

  /** Processes what has arrived by `nowNs`; grows if most records are still on their way. */
  private makeRoom(nowNs: TimeNs): void {
    this.flush(nowNs)
    if (2 * this.count < this.capacity) return
    this.capacity *= 2
    const records = new Float64Array(STRIDE * this.capacity)
    records.set(this.records)
    this.records = records
    this.order = new Int32Array(this.capacity)
  }

  /** Hands every arrival at or before `endNs` to its receiver, each receiver's in arrival order. */
  flush(endNs: TimeNs): void {
    const due = this.collectDue(endNs)
    if (due === 0) return
    const order = this.groupByReceiver(due)
    const records = this.records
    const view = this.view
    for (let i = 0; i < due; i++) {
      const at = STRIDE * order[i]!
      view.seq = records[at + SEQ]!
      view.rtpTimestamp = records[at + TIMESTAMP]!
      view.marker = records[at + MARKER] === 1
      view.sentNs = records[at + SENT]!
      view.arrivalNs = records[at + ARRIVAL]!
      this.processors[records[at + RECEIVER]!]!.process(view)
    }
    records.copyWithin(0, STRIDE * due, STRIDE * this.count)
    this.count -= due
  }

  /** Moves the records due by `endNs` to the front, each part keeping its order; returns how many are due. */
  private collectDue(endNs: TimeNs): number {
    const records = this.records
    let due = 0
    while (due < this.count && records[STRIDE * due + ARRIVAL]! <= endNs) due++
    if (due === this.count) return due
    // Records handed over ahead are still on their way: set them aside, in order, behind the due ones.
    if (this.later.length < records.length) this.later = new Float64Array(records.length)
    const later = this.later
    let waiting = 0
    for (let i = due; i < this.count; i++) {
      const at = STRIDE * i
      if (records[at + ARRIVAL]! <= endNs) records.copyWithin(STRIDE * due++, at, at + STRIDE)
      else for (let k = 0, to = STRIDE * waiting++; k < STRIDE; k++) later[to + k] = records[at + k]!
    }
    records.set(later.subarray(0, STRIDE * waiting), STRIDE * due)
    return due
  }

  /** Records [0, n) ordered by receiver, in recording order within each (a counting sort). */
  private groupByReceiver(n: number): Int32Array {
    const receivers = this.processors.length
    if (this.firstOf.length < receivers + 1) this.firstOf = new Int32Array(receivers + 1)
    const firstOf = this.firstOf
    firstOf.fill(0, 0, receivers + 1)
    const records = this.records
    for (let i = 0; i < n; i++) firstOf[records[STRIDE * i + RECEIVER]! + 1]!++
    for (let r = 1; r <= receivers; r++) firstOf[r]! += firstOf[r - 1]!
    const order = this.order
    for (let i = 0; i < n; i++) order[firstOf[records[STRIDE * i + RECEIVER]!]!++] = i
    return order
  }
}
