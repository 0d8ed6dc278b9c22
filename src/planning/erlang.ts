import { exp } from "../../sim/math/portable-math.ts"

/**
 * Teletraffic formulas for dimensioning trunk groups (Erlang B, blocked calls cleared) and
 * agent pools (Erlang C, blocked calls wait), with Poisson arrivals. Traffic is in Erlangs
 * (arrival rate × mean holding time), times in seconds. Everything is O(N) in the number of
 * trunks or agents and stable for tens of thousands of them: no factorials or powers.
 */

function requireTraffic(name: string, value: number): void {
  if (!(value >= 0) || !Number.isFinite(value)) throw new RangeError(`${name} must be a finite number of Erlangs ≥ 0, got ${value}`)
}

function requireCount(name: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`${name} must be an integer ≥ ${min}, got ${value}`)
}

function requirePositiveTime(name: string, value: number): void {
  if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`${name} must be a finite number of seconds > 0, got ${value}`)
}

function requireStable(trafficErlangs: number, agents: number): void {
  if (!(trafficErlangs < agents)) {
    throw new RangeError(`Erlang C needs traffic < agents (otherwise the queue grows without bound), got ${trafficErlangs} E on ${agents} agents`)
  }
}

/** One step of the recursion: B(A, n) from b = B(A, n − 1). */
function nextB(trafficErlangs: number, n: number, b: number): number {
  // B(A, n) = A·B(A, n−1) / (n + A·B(A, n−1)), B(A, 0) = 1 (Jagerman, "Some properties of the Erlang loss function", Bell Syst. Tech. J. 53, 1974)
  const ab = trafficErlangs * b
  return ab / (n + ab)
}

/**
 * Erlang B: probability that a call offered to `trunks` channels finds them all busy and is
 * lost, for `trafficErlangs` of Poisson traffic. Insensitive to the holding-time distribution
 * beyond its mean. B(A, 0) = 1, so B(0, 0) = 1 too.
 */
export function erlangB(trafficErlangs: number, trunks: number): number {
  requireTraffic("traffic", trafficErlangs)
  requireCount("trunks", trunks, 0)
  let b = 1
  // Once b underflows to 0 every later step stays 0: stop there.
  for (let n = 1; n <= trunks && b > 0; n++) b = nextB(trafficErlangs, n, b)
  return b
}

/**
 * The least number of trunks N with erlangB(trafficErlangs, N) ≤ `blocking` (the grade of
 * service, in (0, 1]). One pass of the recursion: each N costs one step.
 */
export function trunksForBlocking(trafficErlangs: number, blocking: number): number {
  requireTraffic("traffic", trafficErlangs)
  if (!(blocking > 0 && blocking <= 1)) throw new RangeError(`blocking must be a probability in (0, 1], got ${blocking}`)
  // B(A, n) falls strictly towards 0 as n grows, so the loop ends.
  let b = 1
  let n = 0
  while (b > blocking) b = nextB(trafficErlangs, ++n, b)
  return n
}

/**
 * The most traffic (Erlangs) that `trunks` channels carry with blocking ≤ `blocking` (in (0, 1)):
 * bisection on A, since B rises continuously from 0 to 1 as A goes from 0 to ∞.
 */
export function trafficForBlocking(trunks: number, blocking: number): number {
  requireCount("trunks", trunks, 1)
  if (!(blocking > 0 && blocking < 1)) throw new RangeError(`blocking must be a probability in (0, 1), got ${blocking}`)
  let lo = 0
  // Carried traffic A(1 − B) ≤ N gives B ≥ 1 − N/A, so B ≥ target at A = N/(1 − target).
  let hi = trunks / (1 - blocking)
  // Invariant: B(lo) ≤ target ≤ B(hi). Halving until the midpoint repeats an end reaches full precision.
  for (;;) {
    const mid = lo + (hi - lo) / 2
    if (mid <= lo || mid >= hi) return lo
    if (erlangB(mid, trunks) <= blocking) lo = mid
    else hi = mid
  }
}

/** C from B with N agents: the probability that a call has to wait. */
function erlangCFromB(trafficErlangs: number, agents: number, b: number): number {
  // C(A, N) = N·B / (N − A·(1 − B)) (Iversen, ITU-D Teletraffic Engineering Handbook, 2005, Erlang's C-formula from the B-formula)
  return (agents * b) / (agents - trafficErlangs * (1 - b))
}

/**
 * Erlang C: probability that a call offered to `agents` servers with an unlimited FIFO queue has
 * to wait. Defined for trafficErlangs < agents (a stable queue).
 */
export function erlangC(trafficErlangs: number, agents: number): number {
  requireTraffic("traffic", trafficErlangs)
  requireCount("agents", agents, 1)
  requireStable(trafficErlangs, agents)
  return erlangCFromB(trafficErlangs, agents, erlangB(trafficErlangs, agents))
}

/** Mean wait in the queue over all calls (answered at once or not), in seconds: the ASA. */
export function averageSpeedOfAnswer(trafficErlangs: number, agents: number, handlingTimeSeconds: number): number {
  requirePositiveTime("handling time", handlingTimeSeconds)
  const c = erlangC(trafficErlangs, agents)
  // W = C·h / (N − A): mean wait of M/M/N (Gross et al., Fundamentals of Queueing Theory, 4th ed., §2.3)
  return (c * handlingTimeSeconds) / (agents - trafficErlangs)
}

/** Service level at C = `c`: the fraction of calls answered within the target time. */
function serviceLevelFromC(c: number, trafficErlangs: number, agents: number, handlingTimeSeconds: number, targetAnswerSeconds: number): number {
  // P(W ≤ t) = 1 − C·e^(−(N − A)·t/h): M/M/N FIFO waiting-time distribution (Gross et al., Fundamentals of Queueing Theory, 4th ed., §2.3)
  return 1 - c * exp((-(agents - trafficErlangs) * targetAnswerSeconds) / handlingTimeSeconds)
}

function requireTargetAnswer(targetAnswerSeconds: number): void {
  if (!(targetAnswerSeconds >= 0) || !Number.isFinite(targetAnswerSeconds)) {
    throw new RangeError(`target answer time must be a finite number of seconds ≥ 0, got ${targetAnswerSeconds}`)
  }
}

/** Fraction of calls answered within `targetAnswerSeconds` (e.g. 0.8 for "80 % in 20 s"). */
export function serviceLevel(trafficErlangs: number, agents: number, handlingTimeSeconds: number, targetAnswerSeconds: number): number {
  requirePositiveTime("handling time", handlingTimeSeconds)
  requireTargetAnswer(targetAnswerSeconds)
  return serviceLevelFromC(erlangC(trafficErlangs, agents), trafficErlangs, agents, handlingTimeSeconds, targetAnswerSeconds)
}

/**
 * The least number of agents whose service level reaches `targetServiceLevel` (in [0, 1)) at
 * `targetAnswerSeconds`; always more agents than Erlangs. One pass of the B recursion.
 */
export function agentsForServiceLevel(
  trafficErlangs: number,
  handlingTimeSeconds: number,
  targetAnswerSeconds: number,
  targetServiceLevel: number,
): number {
  requireTraffic("traffic", trafficErlangs)
  requirePositiveTime("handling time", handlingTimeSeconds)
  requireTargetAnswer(targetAnswerSeconds)
  if (!(targetServiceLevel >= 0 && targetServiceLevel < 1)) {
    throw new RangeError(`target service level must be a fraction in [0, 1), got ${targetServiceLevel}`)
  }
  // The service level rises with N towards 1 (C → 0), so the loop ends.
  let b = 1
  for (let n = 1; ; n++) {
    b = nextB(trafficErlangs, n, b)
    if (n <= trafficErlangs) continue
    const c = erlangCFromB(trafficErlangs, n, b)
    if (serviceLevelFromC(c, trafficErlangs, n, handlingTimeSeconds, targetAnswerSeconds) >= targetServiceLevel) return n
  }
}

/** Fraction of time an agent is busy: A/N, for a stable queue (A < N), where all traffic is carried. */
export function occupancy(trafficErlangs: number, agents: number): number {
  requireTraffic("traffic", trafficErlangs)
  requireCount("agents", agents, 1)
  requireStable(trafficErlangs, agents)
  return trafficErlangs / agents
}

/** Offered traffic of the busy hour: calls per hour × mean holding time (the definition of the Erlang). */
export function busyHourErlangs(callsPerHour: number, holdingTimeSeconds: number): number {
  if (!(callsPerHour >= 0) || !Number.isFinite(callsPerHour)) throw new RangeError(`calls per hour must be finite and ≥ 0, got ${callsPerHour}`)
  if (!(holdingTimeSeconds >= 0) || !Number.isFinite(holdingTimeSeconds)) {
    throw new RangeError(`holding time must be a finite number of seconds ≥ 0, got ${holdingTimeSeconds}`)
  }
  // A = λ·h with λ in calls/s (ITU-T E.600, traffic intensity)
  return (callsPerHour * holdingTimeSeconds) / 3600
}
