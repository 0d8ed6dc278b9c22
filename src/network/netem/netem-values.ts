/**
 * Value tokens of the netem option syntax (iproute2 tc/q_netem.c), decoded exactly: the decimal
 * text is shifted by a power of ten and converted once, so "0.1%" is the double nearest 0.001.
 */

const DECIMAL = String.raw`(\d+(?:\.\d*)?|\.\d+)`
const PERCENT = new RegExp(`^${DECIMAL}%$`)
const TIME = new RegExp(`^${DECIMAL}([a-z]+)$`, "i")
const BARE_NUMBER = new RegExp(`^${DECIMAL}$`)

/** Units of tc's get_time64 (iproute2 lib/utils.c, case-insensitive) → power of ten to ns. */
const TIME_UNIT_EXPONENT: ReadonlyMap<string, number> = new Map([
  ...["s", "sec", "secs"].map((unit) => [unit, 9] as const),
  ...["ms", "msec", "msecs"].map((unit) => [unit, 6] as const),
  ...["us", "usec", "usecs"].map((unit) => [unit, 3] as const),
  ...["ns", "nsec", "nsecs"].map((unit) => [unit, 0] as const),
])

/** tc's NEXT_IS_NUMBER (a digit first), also allowing ".5": is `token` an optional value? */
export const looksLikeNumber = (token: string | undefined): boolean => token !== undefined && /^[0-9.]/.test(token)

export const isBareNumber = (token: string): boolean => BARE_NUMBER.test(token)

/** "12.5%" → 0.125; undefined unless a non-negative decimal followed by "%". */
export function parsePercent(token: string): number | undefined {
  const match = PERCENT.exec(token)
  return match === null ? undefined : Number(`${match[1]}e-2`)
}

/** "40ms" → 40000000 (ns, rounded); undefined without a known unit. */
export function parseTimeNs(token: string): number | undefined {
  const match = TIME.exec(token)
  if (match === null) return undefined
  const exponent = TIME_UNIT_EXPONENT.get(match[2]!.toLowerCase())
  return exponent === undefined ? undefined : Math.round(Number(`${match[1]}e${exponent}`))
}

/** "5" → 5; undefined unless a whole number of at most 2^32 − 1 (netem's u32 `gap`). */
export function parseCount(token: string): number | undefined {
  if (!/^\d+$/.test(token)) return undefined
  const count = Number(token)
  return count <= 0xffffffff ? count : undefined
}
