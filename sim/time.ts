/**
 * Simulated time is an integer number of nanoseconds held in a JS number.
 * Integers are exact up to 2^53 ns (about 104 days), which bounds a run's length.
 */
export type TimeNs = number

export const NS_PER_US = 1_000
export const NS_PER_MS = 1_000_000
export const NS_PER_S = 1_000_000_000

/** Largest representable simulated time (2^53 - 1 ns). */
export const MAX_TIME_NS: TimeNs = Number.MAX_SAFE_INTEGER

export function usToNs(us: number): TimeNs {
  return Math.round(us * NS_PER_US)
}

export function msToNs(ms: number): TimeNs {
  return Math.round(ms * NS_PER_MS)
}

export function secondsToNs(s: number): TimeNs {
  return Math.round(s * NS_PER_S)
}

export function nsToUs(ns: TimeNs): number {
  return ns / NS_PER_US
}

export function nsToMs(ns: TimeNs): number {
  return ns / NS_PER_MS
}

export function nsToSeconds(ns: TimeNs): number {
  return ns / NS_PER_S
}

/** True when `timeNs` is usable as a simulated instant: a non-negative safe integer. */
export function isValidTimeNs(timeNs: number): boolean {
  return Number.isSafeInteger(timeNs) && timeNs >= 0
}
