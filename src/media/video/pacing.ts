import { NS_PER_S } from "../../../sim/time.ts"

/**
 * When a frame's packets leave, relative to the frame's time. Offsets grow with the payload bytes
 * sent before the packet, and always stay below the window, so a frame is out before the next one.
 * - `burst`: all at once, at the frame time (window 0).
 * - `spread`: evenly over `windowFraction` of the frame interval, whatever the frame's size.
 * - `paced`: at `pacingFactor` × the target bitrate, as a pacer drains them; a frame too large to
 *   go at that rate within `maxWindowFraction` of the frame interval is sped up to just fit.
 */
export type VideoPacing =
  | { readonly kind: "burst" }
  | { readonly kind: "spread"; readonly windowFraction: number }
  | { readonly kind: "paced"; readonly pacingFactor: number; readonly maxWindowFraction: number }

/**
 * libwebrtc's pacer sends at 2.5 × the target rate (kDefaultPaceMultiplier, goog_cc_network_control.cc).
 * Its queue is shared across frames, so a key frame can spill into the next intervals; here the
 * window caps each frame at one interval instead.
 */
export const WEBRTC_PACING: VideoPacing = { kind: "paced", pacingFactor: 2.5, maxWindowFraction: 1 }

/** A pacing turned into numbers: a packet's offset is ⌊bytes before it × min(nsPerByte, windowNs / frame bytes)⌋. */
export interface PacingPlan {
  /** ns per payload byte at the pacing rate; Infinity when only the window counts. */
  readonly nsPerByte: number
  /** Integer ns; offsets are < windowNs (0 for a burst, where they are all 0). */
  readonly windowNs: number
}

function requireFraction(name: string, value: number): void {
  if (!(value > 0 && value <= 1)) throw new RangeError(`${name} must be in (0, 1], got ${value}`)
}

export function pacingPlan(pacing: VideoPacing, frameIntervalNs: number, targetBitrateBps: number): PacingPlan {
  switch (pacing.kind) {
    case "burst":
      return { nsPerByte: Infinity, windowNs: 0 }
    case "spread":
      requireFraction("windowFraction", pacing.windowFraction)
      // Floored: consecutive frame times differ by at least ⌊interval⌋ ns, so the window ends before the next frame.
      return { nsPerByte: Infinity, windowNs: Math.floor(pacing.windowFraction * frameIntervalNs) }
    case "paced":
      requireFraction("maxWindowFraction", pacing.maxWindowFraction)
      if (!(pacing.pacingFactor > 0) || !Number.isFinite(pacing.pacingFactor)) {
        throw new RangeError(`pacingFactor must be finite and > 0, got ${pacing.pacingFactor}`)
      }
      return { nsPerByte: (8 * NS_PER_S) / (pacing.pacingFactor * targetBitrateBps), windowNs: Math.floor(pacing.maxWindowFraction * frameIntervalNs) }
  }
}
