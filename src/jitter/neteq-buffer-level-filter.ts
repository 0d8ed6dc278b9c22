import type { TimeNs } from "../../sim/time.ts"

/**
 * NetEq's buffer-level filter (modules/audio_coding/neteq/buffer_level_filter.cc), in floating
 * point rather than Q8: level = f·level + (1 − f)·buffered, with f = 251, 252, 253 or 254 /256 for
 * target levels up to 20, 60, 140 ms and beyond (the longer the target, the slower the filter).
 */
export class NetEqBufferLevelFilter {
  levelNs = 0
  private factor = 253 / 256 // BufferLevelFilter::Reset

  /** BufferLevelFilter::SetTargetBufferLevel. */
  setTargetLevel(targetMs: number): void {
    this.factor = (targetMs <= 20 ? 251 : targetMs <= 60 ? 252 : targetMs <= 140 ? 253 : 254) / 256
  }

  /** BufferLevelFilter::Update, without its time-stretch correction (the buffered span already shows it here). */
  update(bufferedNs: TimeNs): void {
    this.levelNs = this.factor * this.levelNs + (1 - this.factor) * bufferedNs
  }

  /** BufferLevelFilter::SetFilteredBufferLevel (after a flush). */
  set(bufferedNs: TimeNs): void {
    this.levelNs = bufferedNs
  }
}
