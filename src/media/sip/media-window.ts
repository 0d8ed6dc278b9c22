import type { Simulator } from "../../../sim/simulator.ts"
import type { TimeNs } from "../../../sim/time.ts"
import type { SipSide } from "./message.ts"

/** Hears when each side's RTP stream may start and must stop, at that simulated time. */
export interface SipMediaObserver {
  /** `side` may start sending RTP to the other side, with `codec` (the answer's). */
  mediaStarted(side: SipSide, codec: string): void
  /** `side` must stop sending: it sent or received a BYE. */
  mediaStopped(side: SipSide): void
}

export const NO_MEDIA_OBSERVER: SipMediaObserver = { mediaStarted() {}, mediaStopped() {} }

/** When one side sends media: from the offer/answer exchange to the BYE; at most once per call. */
export class MediaWindow {
  startNs: TimeNs | undefined
  stopNs: TimeNs | undefined
  codec: string | undefined
  private closed = false

  constructor(
    private readonly sim: Simulator,
    readonly side: SipSide,
    private readonly observer: SipMediaObserver,
  ) {}

  start(codec: string): void {
    if (this.closed || this.startNs !== undefined) return
    this.startNs = this.sim.nowNs
    this.codec = codec
    this.observer.mediaStarted(this.side, codec)
  }

  /** Stops the stream, or keeps it from ever starting (a BYE before the answer). */
  stop(): void {
    if (this.closed) return
    this.closed = true
    if (this.startNs === undefined) return
    this.stopNs = this.sim.nowNs
    this.observer.mediaStopped(this.side)
  }
}
