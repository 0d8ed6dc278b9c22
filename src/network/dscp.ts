/** DSCP code points (RFC 2474, RFC 2597 AF, RFC 3246 EF, RFC 4594 class names). */
export const DSCP = {
  be: 0, // default forwarding
  cs1: 8,
  af11: 10,
  af12: 12,
  af13: 14,
  cs2: 16,
  af21: 18,
  af22: 20,
  af23: 22,
  cs3: 24, // call signaling in common practice (Cisco QoS baseline); RFC 4594 gives its Signaling class CS5
  af31: 26,
  af32: 28,
  af33: 30,
  cs4: 32,
  af41: 34,
  af42: 36,
  af43: 38,
  cs5: 40,
  ef: 46, // telephony (RFC 4594)
  cs6: 48,
  cs7: 56,
} as const

export type DscpName = keyof typeof DSCP

/** Strict-priority classes, highest first: EF and network control, then AF and CS3–CS5, then the rest. */
export const PRIORITY_CLASSES = ["ef", "af", "be"] as const
export type PriorityClass = (typeof PRIORITY_CLASSES)[number]

/** The priority class index (0 = highest) a code point is served in. */
export const priorityClassOf = (dscp: number): number => {
  if (dscp === DSCP.ef || dscp >= DSCP.cs6) return 0
  if (dscp >= DSCP.af11 && dscp !== DSCP.cs1) return 1
  return 2
}
