/**
 * A link capacity trace in mahimahi's `mm-link` format (Netravali et al., "Mahimahi: Accurate
 * Record-and-Replay for HTTP", USENIX ATC 2015; ravinet/mahimahi src/frontend/link_queue.cc):
 * each entry is a delivery opportunity, a time in whole milliseconds from the trace's start at
 * which the link can deliver one MTU-sized packet. Times never decrease and may repeat; the trace
 * loops with the last time as its period.
 */

export interface CapacityTrace {
  /** Delivery opportunities in ms from the trace's start, non-decreasing; the last is the period. */
  readonly opportunitiesMs: readonly number[]
}

/** The bytes one opportunity carries: mahimahi's PACKET_SIZE, "default max TUN payload size" (link_queue.hh). */
export const OPPORTUNITY_BYTES = 1504

/**
 * mahimahi opens its TUN devices with IFF_TUN but not IFF_NO_PI (src/util/netdevice.cc), so every
 * packet it reads (packetshell.cc: read_packet(tun.read())) carries the kernel's 4-byte tun_pi
 * header: an opportunity holds one 1500-byte IP packet.
 */
export const TUN_HEADER_BYTES = 4

/** IP bits per opportunity when it carries one MTU-sized packet. */
const MTU_BITS = (OPPORTUNITY_BYTES - TUN_HEADER_BYTES) * 8

export const tracePeriodMs = (trace: CapacityTrace): number => trace.opportunitiesMs.at(-1) ?? 0

/** The trace's mean rate: 1500·8 bits per opportunity over the period. */
export const traceMeanRateBps = (trace: CapacityTrace): number =>
  (trace.opportunitiesMs.length * MTU_BITS * 1000) / tracePeriodMs(trace)

/** Two traces with the same opportunities (a scheduled change that leaves the trace alone). */
export const sameTrace = (a: CapacityTrace, b: CapacityTrace): boolean =>
  a === b ||
  (a.opportunitiesMs.length === b.opportunitiesMs.length && a.opportunitiesMs.every((ms, i) => ms === b.opportunitiesMs[i]))

/** What is wrong with a list of opportunities; `index` is undefined for the list as a whole. */
export interface TraceProblem {
  readonly index: number | undefined
  readonly message: string
}

export const WHOLE_MS_EXPECTED = "a whole number of milliseconds ≥ 0, like 12"

/** The rules mahimahi's LinkQueue constructor enforces (link_queue.cc), or undefined when all hold. */
export const checkOpportunities = (opportunitiesMs: readonly number[]): TraceProblem | undefined => {
  if (opportunitiesMs.length === 0) return { index: undefined, message: "the trace has no delivery opportunities" }
  for (const [index, ms] of opportunitiesMs.entries()) {
    if (!Number.isSafeInteger(ms) || ms < 0) return { index, message: `expected ${WHOLE_MS_EXPECTED}, got ${ms}` }
    const before = opportunitiesMs[index - 1]
    if (before !== undefined && ms < before)
      return { index, message: `${ms} ms comes after ${before} ms; the times of a trace never decrease` }
  }
  const last = opportunitiesMs.length - 1
  if (opportunitiesMs[last] === 0)
    return { index: last, message: "the trace must last longer than 0 ms: its last time is the period it repeats with" }
  return undefined
}
