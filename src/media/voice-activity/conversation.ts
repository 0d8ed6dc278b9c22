import { RandomStream } from "../../../sim/random.ts"
import { isValidTimeNs, NS_PER_MS, type TimeNs } from "../../../sim/time.ts"
import { exponentialNs } from "./exponential-ns.ts"
import type { TalkspurtSource } from "./talkspurt-source.ts"

export type Side = 0 | 1
export const SIDE_A = 0
export const SIDE_B = 1

/** Who is talking: bit 0 side A, bit 1 side B. */
export type Talkers = 0 | 1 | 2 | 3
export const MUTUAL_SILENCE = 0
export const A_TALKS = 1
export const B_TALKS = 2
export const DOUBLE_TALK = 3

/**
 * A two-party conversation as a four-state chain: single talk A, single talk B, double talk,
 * mutual silence. Single and double talk last an exponential time; mutual silence lasts
 * minMutualSilenceMs plus an exponential excess (a plain exponential when the minimum is 0).
 */
export interface ConversationConfig {
  /** Mean length of single talk (exactly one side talking). */
  readonly meanSingleTalkMs: number
  /** Mean length of double talk (both sides talking). */
  readonly meanDoubleTalkMs: number
  /** Mean length of mutual silence, minimum included; ≥ minMutualSilenceMs. */
  readonly meanMutualSilenceMs: number
  readonly minMutualSilenceMs: number
  /** P1: single talk is followed by double talk (the listener starts talking too), else by mutual silence. */
  readonly pDoubleTalkAfterSingleTalk: number
  /** P2: double talk is followed by single talk of the side that started it, else of the interrupted side. */
  readonly pInterrupterKeepsTalking: number
  /** P3: mutual silence is followed by single talk of the side that talked last, else of the other side. */
  readonly pLastTalkerResumes: number
}

/**
 * ITU-T P.59's model of conversational speech. With its 200 ms minimum of mutual silence a side
 * talks 38.7 % of the time (Table 1: 38.53 %); docs/voice-activity.md compares it with Table 1.
 */
export const P59_CONVERSATION: ConversationConfig = {
  meanSingleTalkMs: 854, // ITU-T P.59 (03/93) §3: single talk Tst = −0.854·ln(x) s
  meanDoubleTalkMs: 226, // ITU-T P.59 (03/93) §3: double talk Tdt = −0.226·ln(x) s
  meanMutualSilenceMs: 656, // ITU-T P.59 (03/93) §3: mutual silence Tms = −0.456·ln(x) s above a 200 ms minimum: 200 + 456
  minMutualSilenceMs: 200, // ITU-T P.59 (03/93) §3: mutual silences shorter than 200 ms are not generated
  pDoubleTalkAfterSingleTalk: 0.4, // ITU-T P.59 (03/93) §3: P1 = 0.4
  pInterrupterKeepsTalking: 0.5, // ITU-T P.59 (03/93) §3: P2 = 0.5, either side leaves double talk
  pLastTalkerResumes: 0.5, // ITU-T P.59 (03/93) §3: P3 = 0.5, either side ends mutual silence
}

const requirePositiveMs = (name: string, value: number): void => {
  if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`${name} must be finite and > 0 ms, got ${value}`)
}

const requireNonNegativeMs = (name: string, value: number): void => {
  if (!(value >= 0) || !Number.isFinite(value)) throw new RangeError(`${name} must be finite and ≥ 0 ms, got ${value}`)
}

const requireProbability = (name: string, value: number): void => {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} must be in [0, 1], got ${value}`)
}

/** P59_CONVERSATION with the given fields replaced, validated. */
export function resolveConversationConfig(config: Partial<ConversationConfig>): ConversationConfig {
  const c = { ...P59_CONVERSATION, ...config }
  requirePositiveMs("meanSingleTalkMs", c.meanSingleTalkMs)
  requirePositiveMs("meanDoubleTalkMs", c.meanDoubleTalkMs)
  requirePositiveMs("meanMutualSilenceMs", c.meanMutualSilenceMs)
  requireNonNegativeMs("minMutualSilenceMs", c.minMutualSilenceMs)
  if (c.meanMutualSilenceMs < c.minMutualSilenceMs) {
    throw new RangeError(`meanMutualSilenceMs (${c.meanMutualSilenceMs}) must not be below minMutualSilenceMs (${c.minMutualSilenceMs})`)
  }
  requireProbability("pDoubleTalkAfterSingleTalk", c.pDoubleTalkAfterSingleTalk)
  requireProbability("pInterrupterKeepsTalking", c.pInterrupterKeepsTalking)
  requireProbability("pLastTalkerResumes", c.pLastTalkerResumes)
  // The floor passes from A to B through double talk (P1 > 0, P2 > 0) or mutual silence (P1 < 1, P3 < 1).
  const p1 = c.pDoubleTalkAfterSingleTalk
  if (!((p1 > 0 && c.pInterrupterKeepsTalking > 0) || (p1 < 1 && c.pLastTalkerResumes < 1))) {
    throw new RangeError("with these probabilities the side that talks first never hands over the floor")
  }
  return c
}

/**
 * The recipe of one conversation: (config, random stream, start). Every reader it hands out
 * replays the same sequence of states on a private copy of the stream, so reading one side
 * never moves the other, whatever the order or distance between the times they are read at.
 * The constructor reads four words from `rng` (the copies' key) and never touches it again.
 * Missing fields of `config` take the P59_CONVERSATION values.
 */
export class Conversation {
  readonly config: ConversationConfig
  private readonly key = new Int32Array(4)

  constructor(
    config: Partial<ConversationConfig>,
    rng: RandomStream,
    readonly startNs: TimeNs,
  ) {
    if (!isValidTimeNs(startNs)) throw new RangeError(`startNs must be a safe integer ≥ 0, got ${startNs}`)
    this.config = resolveConversationConfig(config)
    for (let i = 0; i < 4; i++) this.key[i] = rng.nextUint32()
    // xoshiro must not start from the all-zero state.
    if ((this.key[0]! | this.key[1]! | this.key[2]! | this.key[3]!) === 0) this.key[0] = 1
  }

  /** The conversation's states from startNs, both sides at once. A new reader on each call. */
  cursor(): ConversationCursor {
    return new ConversationCursor(this.config, new RandomStream(this.key), this.startNs)
  }

  /** One side's talkspurts and pauses. A new reader on each call. */
  side(side: Side): ConversationSide {
    return new ConversationSide(this.cursor(), side)
  }
}

/**
 * Walks the conversation's states in time order. Brady's (1969) six states are the four
 * above with a memory of who interrupted (in double talk) and who talked last (in mutual
 * silence), which P2 and P3 read. The walk starts stationary: in each state with its long-run
 * share of time and for the remainder of a state already under way, so every stretch of a
 * call has the long-run activity on average.
 */
export class ConversationCursor {
  private state: Talkers
  /** Double talk: the side that started it. Mutual silence: the side that talked last. */
  private memo: Side
  private startNs: TimeNs
  private endNs: TimeNs
  private readonly singleTalkNs: number
  private readonly doubleTalkNs: number
  private readonly minSilenceNs: TimeNs
  private readonly silenceExcessNs: number
  private readonly p1: number
  private readonly p2: number
  private readonly p3: number

  constructor(
    config: ConversationConfig,
    private readonly rng: RandomStream,
    startNs: TimeNs,
  ) {
    this.singleTalkNs = config.meanSingleTalkMs * NS_PER_MS
    this.doubleTalkNs = config.meanDoubleTalkMs * NS_PER_MS
    this.minSilenceNs = Math.round(config.minMutualSilenceMs * NS_PER_MS)
    this.silenceExcessNs = (config.meanMutualSilenceMs - config.minMutualSilenceMs) * NS_PER_MS
    this.p1 = config.pDoubleTalkAfterSingleTalk
    this.p2 = config.pInterrupterKeepsTalking
    this.p3 = config.pLastTalkerResumes

    // Long-run shares of time ∝ the time each state takes per single-talk visit (docs/voice-activity.md).
    const silenceNs = config.meanMutualSilenceMs * NS_PER_MS
    const single = this.singleTalkNs
    const double = this.p1 * this.doubleTalkNs
    const silence = (1 - this.p1) * silenceNs
    const u = rng.nextFloat() * (single + double + silence)
    // By symmetry either side is equally likely in every role.
    this.memo = rng.nextFloat() < 0.5 ? SIDE_A : SIDE_B
    let remainingNs: TimeNs
    if (u < single) {
      this.state = this.memo === SIDE_A ? A_TALKS : B_TALKS
      remainingNs = exponentialNs(rng, this.singleTalkNs) // memoryless: the remainder is a fresh draw
    } else if (u < single + double) {
      this.state = DOUBLE_TALK
      remainingNs = exponentialNs(rng, this.doubleTalkNs)
    } else {
      this.state = MUTUAL_SILENCE
      // The remainder of min + Exp: with probability min/mean the minimum is not over yet, and what
      // is left of it is uniform; the exponential excess follows in full (memoryless).
      const age = rng.nextFloat() * silenceNs
      const minimumLeftNs = age < this.minSilenceNs ? Math.round(this.minSilenceNs - age) : 0
      remainingNs = Math.max(1, minimumLeftNs + this.silenceExcessDrawNs())
    }
    this.startNs = startNs
    this.endNs = startNs + remainingNs
  }

  /** Who is talking in the current state. */
  get talkers(): Talkers {
    return this.state
  }

  /** When the current state began (the conversation's start for the first one). */
  get sinceNs(): TimeNs {
    return this.startNs
  }

  /** When the current state ends and the next begins. */
  get untilNs(): TimeNs {
    return this.endNs
  }

  /** Moves to the next state, which begins at the current untilNs, and returns who talks in it. */
  next(): Talkers {
    const u = this.rng.nextFloat()
    let holdNs: TimeNs
    switch (this.state) {
      case MUTUAL_SILENCE: {
        const talker = u < this.p3 ? this.memo : ((1 - this.memo) as Side)
        this.state = talker === SIDE_A ? A_TALKS : B_TALKS
        holdNs = exponentialNs(this.rng, this.singleTalkNs)
        break
      }
      case DOUBLE_TALK: {
        const talker = u < this.p2 ? this.memo : ((1 - this.memo) as Side)
        this.state = talker === SIDE_A ? A_TALKS : B_TALKS
        holdNs = exponentialNs(this.rng, this.singleTalkNs)
        break
      }
      default: {
        const talker: Side = this.state === A_TALKS ? SIDE_A : SIDE_B
        if (u < this.p1) {
          this.state = DOUBLE_TALK
          this.memo = (1 - talker) as Side
          holdNs = exponentialNs(this.rng, this.doubleTalkNs)
        } else {
          this.state = MUTUAL_SILENCE
          this.memo = talker
          holdNs = Math.max(1, this.minSilenceNs + this.silenceExcessDrawNs())
        }
      }
    }
    this.startNs = this.endNs
    this.endNs += holdNs
    return this.state
  }

  private silenceExcessDrawNs(): TimeNs {
    return this.silenceExcessNs > 0 ? exponentialNs(this.rng, this.silenceExcessNs) : 0
  }
}

/**
 * One side of a conversation: its talkspurts (single talk of its own and double talk, run
 * together) and pauses (the other side's single talk and mutual silence, run together).
 */
export class ConversationSide implements TalkspurtSource {
  private readonly bit: number
  private isTalking: boolean
  private startNs: TimeNs
  private endNs: TimeNs

  constructor(
    private readonly cursor: ConversationCursor,
    readonly side: Side,
  ) {
    this.bit = 1 << side
    this.isTalking = (cursor.talkers & this.bit) !== 0
    this.startNs = cursor.sinceNs
    this.endNs = this.periodEnd()
  }

  get talking(): boolean {
    return this.isTalking
  }

  get periodStartNs(): TimeNs {
    return this.startNs
  }

  get periodEndNs(): TimeNs {
    return this.endNs
  }

  nextPeriod(): void {
    this.isTalking = !this.isTalking
    this.startNs = this.endNs
    this.endNs = this.periodEnd()
  }

  /** Walks the cursor to the first state that changes this side's talking, and returns its start. */
  private periodEnd(): TimeNs {
    const cursor = this.cursor
    const talking = this.isTalking
    while (((cursor.talkers & this.bit) !== 0) === talking) cursor.next()
    return cursor.sinceNs
  }
}
