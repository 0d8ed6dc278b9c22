import { describe, expect, it } from "vitest"
import { RandomSource } from "../../sim/random.ts"
import { RunningStats } from "../../sim/stats/running-stats.ts"
import {
  ActivitySampler,
  SILENCE_START,
  SILENT,
  TALKING,
  TALKSPURT_START,
  type Activity,
} from "../../src/media/voice-activity/activity-sampler.ts"
import {
  A_TALKS,
  B_TALKS,
  Conversation,
  DOUBLE_TALK,
  MUTUAL_SILENCE,
  P59_CONVERSATION,
  SIDE_A,
  SIDE_B,
  type ConversationConfig,
  type ConversationCursor,
  type Side,
} from "../../src/media/voice-activity/conversation.ts"
import { conversationStatistics, P59_TABLE_1 } from "../../src/media/voice-activity/conversation-statistics.ts"
import { OnOffTalker, onOffActivityFactor, onOffForActivity, P59_TALKER } from "../../src/media/voice-activity/on-off-talker.ts"
import type { TalkspurtSource } from "../../src/media/voice-activity/talkspurt-source.ts"

const MS = 1_000_000
const S = 1_000 * MS
const TICK_NS = 20 * MS
const stream = (seed: number) => new RandomSource(seed).stream("voice-activity")

/** |estimate − expected| < 5 standard errors: a false failure has probability < 6e-7. */
const expectWithin5Se = (estimate: number, expected: number, standardError: number) => {
  expect(Math.abs(estimate - expected)).toBeLessThan(5 * standardError)
}

/**
 * Walks `count` state changes. Rounds (a single-talk state and the state after it) are i.i.d.,
 * since their lengths do not depend on who talks, so a share of time estimated as
 * Σ time in the state / Σ round length has the delta-method standard error
 * sd(Y − f·L) / (√n · mean L), Y and L a round's time in the state and its length.
 */
function walkStates(cursor: ConversationCursor, count: number, expected: ReturnType<typeof conversationStatistics>) {
  const hold = { single: new RunningStats(), double: new RunningStats(), silence: new RunningStats() }
  const roundMs = new RunningStats()
  const residual = { single: new RunningStats(), double: new RunningStats(), silence: new RunningStats() }
  const share = { single: 0, double: 0, silence: 0 }
  let singleToDouble = 0
  let singles = 0
  let interrupterKeeps = 0
  let doubles = 0
  let lastResumes = 0
  let silences = 0
  let memo = -1 // the interrupter in double talk, the last talker in mutual silence; -1 unknown
  let roundSingleMs = -1
  let totalMs = 0
  for (let i = 0; i < count; i++) {
    const from = cursor.talkers
    const to = cursor.next()
    const lengthMs = (cursor.untilNs - cursor.sinceNs) / MS
    const talker = to === A_TALKS ? SIDE_A : SIDE_B
    if (from === A_TALKS || from === B_TALKS) {
      const fromTalker = from === A_TALKS ? SIDE_A : SIDE_B
      singles++
      if (to === DOUBLE_TALK) singleToDouble++
      memo = to === DOUBLE_TALK ? 1 - fromTalker : fromTalker
    } else if (memo >= 0) {
      if (from === DOUBLE_TALK) {
        doubles++
        if (talker === memo) interrupterKeeps++
      } else {
        silences++
        if (talker === memo) lastResumes++
      }
    }
    if (to === DOUBLE_TALK) hold.double.add(lengthMs)
    else if (to === MUTUAL_SILENCE) hold.silence.add(lengthMs)
    else hold.single.add(lengthMs)
    if (to === A_TALKS || to === B_TALKS) {
      roundSingleMs = lengthMs
    } else if (roundSingleMs >= 0) {
      const length = roundSingleMs + lengthMs
      const doubleMs = to === DOUBLE_TALK ? lengthMs : 0
      const silenceMs = to === MUTUAL_SILENCE ? lengthMs : 0
      roundMs.add(length)
      residual.single.add(roundSingleMs - expected.singleTalkFraction * length)
      residual.double.add(doubleMs - expected.doubleTalkFraction * length)
      residual.silence.add(silenceMs - expected.mutualSilenceFraction * length)
      share.single += roundSingleMs
      share.double += doubleMs
      share.silence += silenceMs
      totalMs += length
    }
  }
  const se = (r: RunningStats) => r.stddev / (Math.sqrt(r.count) * roundMs.mean)
  return {
    hold,
    fractions: { single: share.single / totalMs, double: share.double / totalMs, silence: share.silence / totalMs },
    fractionSe: { single: se(residual.single), double: se(residual.double), silence: se(residual.silence) },
    p1: singleToDouble / singles,
    singles,
    p2: interrupterKeeps / doubles,
    doubles,
    p3: lastResumes / silences,
    silences,
  }
}

/**
 * Reads `count` periods after the first (a remainder, longer on average: the inspection paradox).
 * The activity factor Σ talk / Σ (talk + pause) over (talkspurt, pause) pairs gets the
 * delta-method standard error sd(T − a·(T + P)) / (√n · mean(T + P)), treating pairs as
 * independent; in the conversation they are only weakly dependent through who talks next.
 */
function readPeriods(source: TalkspurtSource, count: number, expectedActivity: number) {
  const talk = new RunningStats()
  const pause = new RunningStats()
  const pairMs = new RunningStats()
  const residual = new RunningStats()
  let pairTalkMs = 0
  let pairedTalkMs = 0
  let pendingTalkMs = -1
  source.nextPeriod()
  for (let i = 0; i < count; i++) {
    const lengthMs = (source.periodEndNs - source.periodStartNs) / MS
    if (source.talking) {
      talk.add(lengthMs)
      pendingTalkMs = lengthMs
    } else {
      pause.add(lengthMs)
      if (pendingTalkMs >= 0) {
        pairMs.add(pendingTalkMs + lengthMs)
        residual.add(pendingTalkMs - expectedActivity * (pendingTalkMs + lengthMs))
        pairTalkMs += pendingTalkMs
        pairedTalkMs += pendingTalkMs + lengthMs
        pendingTalkMs = -1
      }
    }
    source.nextPeriod()
  }
  return {
    talk,
    pause,
    activity: pairTalkMs / pairedTalkMs,
    activitySe: residual.stddev / (Math.sqrt(residual.count) * pairMs.mean),
  }
}

/** A sampler's answers at ticks every 20 ms from `firstNs`. */
function sampleTicks(sampler: ActivitySampler, firstNs: number, ticks: number): Activity[] {
  const out: Activity[] = []
  for (let k = 0; k < ticks; k++) out.push(sampler.sample(firstNs + k * TICK_NS))
  return out
}

/** Checks a conversation against its closed forms: state lengths, transitions, shares of time and both sides' periods. */
function checkConversation(config: ConversationConfig, seed: number) {
  const expected = conversationStatistics(config)
  const conversation = new Conversation(config, stream(seed), 0)
  // 400k states ≈ 200k rounds, so each side has ≈ 100k talkspurts.
  const walk = walkStates(conversation.cursor(), 400_000, expected)

  // Exponential lengths: the standard error of a mean of n is mean/√n.
  expectWithin5Se(walk.hold.single.mean, config.meanSingleTalkMs, config.meanSingleTalkMs / Math.sqrt(walk.hold.single.count))
  expectWithin5Se(walk.hold.double.mean, config.meanDoubleTalkMs, config.meanDoubleTalkMs / Math.sqrt(walk.hold.double.count))
  // Mutual silence is the minimum plus an exponential excess of mean (mean − minimum).
  const excessMs = config.meanMutualSilenceMs - config.minMutualSilenceMs
  expectWithin5Se(walk.hold.silence.mean, config.meanMutualSilenceMs, excessMs / Math.sqrt(walk.hold.silence.count))
  expect(walk.hold.silence.min).toBeGreaterThanOrEqual(config.minMutualSilenceMs)

  // Each transition is a Bernoulli trial: standard error √(p(1 − p)/n).
  const bernoulliSe = (p: number, n: number) => Math.sqrt((p * (1 - p)) / n)
  expectWithin5Se(walk.p1, config.pDoubleTalkAfterSingleTalk, bernoulliSe(config.pDoubleTalkAfterSingleTalk, walk.singles))
  expectWithin5Se(walk.p2, config.pInterrupterKeepsTalking, bernoulliSe(config.pInterrupterKeepsTalking, walk.doubles))
  expectWithin5Se(walk.p3, config.pLastTalkerResumes, bernoulliSe(config.pLastTalkerResumes, walk.silences))

  expectWithin5Se(walk.fractions.single, expected.singleTalkFraction, walk.fractionSe.single)
  expectWithin5Se(walk.fractions.double, expected.doubleTalkFraction, walk.fractionSe.double)
  expectWithin5Se(walk.fractions.silence, expected.mutualSilenceFraction, walk.fractionSe.silence)

  for (const side of [SIDE_A, SIDE_B] as const) {
    const run = readPeriods(conversation.side(side), 200_000, expected.activityFactor)
    // Talkspurts and pauses are sums of a geometric number of state lengths, not exponential: use their sample sd.
    expectWithin5Se(run.talk.mean, expected.meanTalkspurtMs, run.talk.stddev / Math.sqrt(run.talk.count))
    expectWithin5Se(run.pause.mean, expected.meanPauseMs, run.pause.stddev / Math.sqrt(run.pause.count))
    expectWithin5Se(run.activity, expected.activityFactor, run.activitySe)
  }
}

describe("P.59 conversation model", () => {
  it("its closed forms reproduce P.59 Table 1 within the model's published fit", () => {
    const model = conversationStatistics(P59_CONVERSATION)
    // Mean talkspurt 1034.8 ms and pause 1641.2 ms against 1004 and 1587 ms: 3.1 % and 3.4 % above.
    expect(Math.abs(model.meanTalkspurtMs / P59_TABLE_1.meanTalkspurtMs - 1)).toBeLessThan(0.035)
    expect(Math.abs(model.meanPauseMs / P59_TABLE_1.meanPauseMs - 1)).toBeLessThan(0.035)
    // Activity 38.67 % against 38.53 %.
    expect(Math.abs(model.activityFactor - P59_TABLE_1.talkspurtRate)).toBeLessThan(0.002)
    // Double talk: 226 against 228 ms, 6.76 % of the time against 6.59 %.
    expect(Math.abs(model.meanDoubleTalkMs - P59_TABLE_1.meanDoubleTalkMs)).toBeLessThan(3)
    expect(Math.abs(model.doubleTalkFraction - P59_TABLE_1.doubleTalkRate)).toBeLessThan(0.002)
    // Mutual silence: Table 1's 22.48 % contradicts its own talkspurt and double-talk rates, which
    // imply 1 − 2·38.53 % + 6.59 % = 29.53 %; the model gives 29.42 %.
    const impliedSilence = 1 - 2 * P59_TABLE_1.talkspurtRate + P59_TABLE_1.doubleTalkRate
    expect(Math.abs(model.mutualSilenceFraction - impliedSilence)).toBeLessThan(0.002)
    expect(model.singleTalkFraction + model.doubleTalkFraction + model.mutualSilenceFraction).toBeCloseTo(1, 12)
  })

  it("without the 200 ms minimum of mutual silence a side would talk 42.5 % of the time, off Table 1's 38.53 %", () => {
    const plain = conversationStatistics({ ...P59_CONVERSATION, minMutualSilenceMs: 0, meanMutualSilenceMs: 456 })
    // (854/2 + 0.4·226) / (854 + 0.4·226 + 0.6·456) = 517.4 / 1218
    expect(plain.activityFactor).toBeCloseTo(517.4 / 1218, 12)
    expect(plain.activityFactor - P59_TABLE_1.talkspurtRate).toBeGreaterThan(0.03)
  })

  it("the defaults generate P.59's state lengths, transitions, shares of time, talkspurts and pauses", () => {
    checkConversation(P59_CONVERSATION, 1)
  })

  it("other parameters: uneven floor-passing (P2 = 0.8, P3 = 0.7) and no minimum of mutual silence", () => {
    checkConversation(
      {
        meanSingleTalkMs: 1500,
        meanDoubleTalkMs: 300,
        meanMutualSilenceMs: 800,
        minMutualSilenceMs: 0,
        pDoubleTalkAfterSingleTalk: 0.2,
        pInterrupterKeepsTalking: 0.8,
        pLastTalkerResumes: 0.7,
      },
      2,
    )
  })

  it("starts stationary: the state at the start and the remaining mutual silence follow the long-run law", () => {
    const expected = conversationStatistics(P59_CONVERSATION)
    const calls = 20_000
    const source = new RandomSource(3)
    let aTalks = 0
    let double = 0
    const silenceLeftMs = new RunningStats()
    for (let i = 0; i < calls; i++) {
      const cursor = new Conversation({}, source.stream(`call-${i}`), 5 * S).cursor()
      expect(cursor.sinceNs).toBe(5 * S)
      if ((cursor.talkers & 1) !== 0) aTalks++
      if (cursor.talkers === DOUBLE_TALK) double++
      if (cursor.talkers === MUTUAL_SILENCE) silenceLeftMs.add((cursor.untilNs - cursor.sinceNs) / MS)
    }
    // Bernoulli proportions over independent calls: standard error √(p(1 − p)/n).
    const p = (x: number) => Math.sqrt((x * (1 - x)) / calls)
    expectWithin5Se(aTalks / calls, expected.activityFactor, p(expected.activityFactor))
    expectWithin5Se(double / calls, expected.doubleTalkFraction, p(expected.doubleTalkFraction))
    expectWithin5Se(silenceLeftMs.count / calls, expected.mutualSilenceFraction, p(expected.mutualSilenceFraction))
    // Remaining length of a state seen at a random instant: E[X²] / (2·E[X]); for X = 200 ms + Exp(456 ms)
    // that is (200² + 2·200·456 + 2·456²) / (2·656) = 486.5 ms, where a fresh draw would average 656 ms.
    const f = 200
    const e = 456
    const residualMs = (f * f + 2 * f * e + 2 * e * e) / (2 * (f + e))
    expectWithin5Se(silenceLeftMs.mean, residualMs, silenceLeftMs.stddev / Math.sqrt(silenceLeftMs.count))
  })

  it("a side's periods are exactly the stretches where the conversation's states let it talk, or not", () => {
    const conversation = new Conversation({}, stream(4), 7 * MS)
    for (const side of [SIDE_A, SIDE_B] as const) {
      const cursor = conversation.cursor()
      const view = conversation.side(side)
      expect(view.periodStartNs).toBe(7 * MS)
      for (let period = 0; period < 5_000; period++) {
        expect(((cursor.talkers >> side) & 1) === 1).toBe(view.talking)
        expect(cursor.sinceNs).toBe(view.periodStartNs)
        while (((cursor.talkers >> side) & 1) === 1 === view.talking) cursor.next()
        expect(cursor.sinceNs).toBe(view.periodEndNs)
        expect(view.periodEndNs).toBeGreaterThan(view.periodStartNs)
        view.nextPeriod()
      }
    }
  })
})

describe("determinism and independence of the sides", () => {
  const changes = (conversation: Conversation, count: number) => {
    const cursor = conversation.cursor()
    const out: number[] = [cursor.talkers, cursor.untilNs]
    for (let i = 0; i < count; i++) out.push(cursor.next(), cursor.untilNs)
    return out
  }

  it("same (config, stream, start) ⇒ the same conversation; another seed or start ⇒ another one", () => {
    const a = changes(new Conversation({}, stream(10), 0), 2_000)
    expect(changes(new Conversation({}, stream(10), 0), 2_000)).toEqual(a)
    expect(changes(new Conversation({}, stream(11), 0), 2_000)).not.toEqual(a)
    const shifted = changes(new Conversation({}, stream(10), 3 * S), 2_000)
    // The start only shifts the times.
    expect(shifted.map((x, i) => (i % 2 === 1 ? x - 3 * S : x))).toEqual(a)
    const conversation = new Conversation({}, stream(12), 0)
    expect(changes(conversation, 500)).toEqual(changes(conversation, 500))
  })

  it("reading side A alone, both sides interleaved, or side B first gives each side the same pattern", () => {
    const ticks = 3 * 60 * 50 // 3 minutes of 20 ms ticks
    const bOffsetNs = 7 * MS // the other phone's packet clock runs 7 ms later
    const make = () => new Conversation({}, stream(20), 0)

    const aAlone = sampleTicks(new ActivitySampler(make().side(SIDE_A)), 0, ticks)

    const both = make()
    const a = new ActivitySampler(both.side(SIDE_A))
    const b = new ActivitySampler(both.side(SIDE_B))
    const aInterleaved: Activity[] = []
    const bInterleaved: Activity[] = []
    for (let k = 0; k < ticks; k++) {
      aInterleaved.push(a.sample(k * TICK_NS))
      bInterleaved.push(b.sample(k * TICK_NS + bOffsetNs))
    }

    const later = make()
    const bFirst = sampleTicks(new ActivitySampler(later.side(SIDE_B)), bOffsetNs, ticks)
    const aAfterB = sampleTicks(new ActivitySampler(later.side(SIDE_A)), 0, ticks)

    expect(aInterleaved).toEqual(aAlone)
    expect(aAfterB).toEqual(aAlone)
    expect(bFirst).toEqual(bInterleaved)
    // The sides are not copies of each other: they take turns.
    expect(bInterleaved).not.toEqual(aInterleaved)
    expect(aAlone.filter((x) => x === TALKSPURT_START).length).toBeGreaterThan(40)
  })
})

describe("ActivitySampler", () => {
  /**
   * Replays the true periods of `source` (a second reader of the same pattern) against the ticks:
   * every period holding at least one tick shows as its kind at those ticks, and its first tick
   * is flagged as a start exactly when the previous period holding a tick was of the other kind.
   */
  function expectedTicks(source: TalkspurtSource, firstNs: number, ticks: number): Activity[] {
    const out: Activity[] = []
    let lastTalking: boolean | undefined
    for (let k = 0; k < ticks; k++) {
      const tNs = firstNs + k * TICK_NS
      while (tNs >= source.periodEndNs) source.nextPeriod()
      const talking = source.talking
      const start = talking !== lastTalking
      out.push(talking ? (start ? TALKSPURT_START : TALKING) : start ? SILENCE_START : SILENT)
      lastTalking = talking
    }
    return out
  }

  /** Every run of equal talking state starts with exactly one start flag and has no other. */
  function expectOneStartPerRun(samples: Activity[]) {
    let talkspurts = 0
    const misflagged: number[] = []
    for (let k = 0; k < samples.length; k++) {
      const talking = (samples[k]! & 1) === 1
      const runStarts = k === 0 || talking !== ((samples[k - 1]! & 1) === 1)
      if (((samples[k]! & 2) === 2) !== runStarts) misflagged.push(k)
      if (runStarts && talking) talkspurts++
    }
    expect(misflagged).toEqual([])
    return talkspurts
  }

  it("flags each talkspurt's first packet once, for a P.59 conversation over an hour", () => {
    const conversation = new Conversation({}, stream(30), 0)
    const ticks = 3600 * 50
    for (const side of [SIDE_A, SIDE_B] as Side[]) {
      const samples = sampleTicks(new ActivitySampler(conversation.side(side)), 3 * MS, ticks)
      expect(samples).toEqual(expectedTicks(conversation.side(side), 3 * MS, ticks))
      // About 3600 s / (1.035 + 1.641) s ≈ 1345 talkspurts per side, a few merged across pauses shorter than a tick.
      const talkspurts = expectOneStartPerRun(samples)
      expect(talkspurts).toBeGreaterThan(1200)
      expect(talkspurts).toBeLessThan(1500)
    }
  })

  it("merges talkspurts across pauses that fall between two ticks, still flagging each run once", () => {
    // 30 ms talkspurts and 15 ms pauses: most pauses hold no tick.
    const talker = () => new OnOffTalker({ meanTalkspurtMs: 30, meanPauseMs: 15 }, stream(31), 0)
    const ticks = 50_000
    const samples = sampleTicks(new ActivitySampler(talker()), 0, ticks)
    expect(samples).toEqual(expectedTicks(talker(), 0, ticks))
    const runs = expectOneStartPerRun(samples)
    let trueTalkspurts = 0
    const truth = talker()
    while (truth.periodStartNs < ticks * TICK_NS) {
      if (truth.talking) trueTalkspurts++
      truth.nextPeriod()
    }
    expect(runs).toBeLessThan(trueTalkspurts / 2)
  })

  it("reports when the current period ends, so a sender can sleep through a pause", () => {
    const sampler = new ActivitySampler(new OnOffTalker({}, stream(32), 0))
    let tNs = 0
    for (let i = 0; i < 1_000; i++) {
      const activity = sampler.sample(tNs)
      const endNs = sampler.changeNs
      expect(endNs).toBeGreaterThan(tNs)
      // Just before the end nothing has changed; at the end the other kind starts, flagged.
      if (endNs - 1 > tNs) expect(sampler.sample(endNs - 1) & 1).toBe(activity & 1)
      const next = sampler.sample(endNs)
      expect(next & 1).toBe(1 - (activity & 1))
      expect(next & 2).toBe(2)
      tNs = endNs
    }
  })

  it("rejects samples that go back in time or precede the talker's start", () => {
    const sampler = new ActivitySampler(new OnOffTalker({}, stream(33), 10 * MS))
    expect(() => sampler.sample(5 * MS)).toThrow(RangeError)
    sampler.sample(30 * MS)
    sampler.sample(30 * MS)
    expect(() => sampler.sample(29 * MS)).toThrow(RangeError)
  })
})

describe("single talker (on-off)", () => {
  it("the P.59 talker's activity is 1004 / (1004 + 1587) = 38.7 %", () => {
    expect(onOffActivityFactor(P59_TALKER)).toBeCloseTo(1004 / 2591, 12)
  })

  it("mean talkspurt, mean pause and activity factor match the configured means", () => {
    const config = onOffForActivity(0.4, 400)
    expect(config.meanPauseMs).toBeCloseTo(600, 9)
    const run = readPeriods(new OnOffTalker(config, stream(40), 0), 400_000, 0.4)
    // Exponential periods: standard error mean/√n.
    expectWithin5Se(run.talk.mean, 400, 400 / Math.sqrt(run.talk.count))
    expectWithin5Se(run.pause.mean, 600, 600 / Math.sqrt(run.pause.count))
    // Pairs of independent periods: the ratio's delta-method standard error is exact to first order.
    expectWithin5Se(run.activity, onOffActivityFactor(config), run.activitySe)
  })

  it("starts talking with probability equal to its activity factor", () => {
    const calls = 20_000
    const source = new RandomSource(41)
    let talking = 0
    for (let i = 0; i < calls; i++) if (new OnOffTalker({}, source.stream(`call-${i}`), 0).talking) talking++
    const a = onOffActivityFactor(P59_TALKER)
    expectWithin5Se(talking / calls, a, Math.sqrt((a * (1 - a)) / calls))
  })

  it("is deterministic per stream", () => {
    const pattern = (seed: number) => sampleTicks(new ActivitySampler(new OnOffTalker({}, stream(seed), 0)), 0, 10_000)
    expect(pattern(42)).toEqual(pattern(42))
    expect(pattern(43)).not.toEqual(pattern(42))
  })
})

describe("configuration", () => {
  it("missing fields take the P.59 values", () => {
    expect(new Conversation({}, stream(50), 0).config).toEqual(P59_CONVERSATION)
    expect(new Conversation({ meanSingleTalkMs: 1000 }, stream(50), 0).config).toEqual({ ...P59_CONVERSATION, meanSingleTalkMs: 1000 })
    expect(new OnOffTalker({ meanPauseMs: 500 }, stream(50), 0).config).toEqual({ meanTalkspurtMs: 1004, meanPauseMs: 500 })
  })

  it("rejects impossible parameters", () => {
    const bad: Partial<ConversationConfig>[] = [
      { meanSingleTalkMs: 0 },
      { meanDoubleTalkMs: -1 },
      { meanMutualSilenceMs: Number.NaN },
      { meanMutualSilenceMs: 150 }, // below the 200 ms minimum
      { minMutualSilenceMs: -1 },
      { pDoubleTalkAfterSingleTalk: 1.5 },
      { pInterrupterKeepsTalking: -0.1 },
      // The first talker would keep the floor for ever.
      { pDoubleTalkAfterSingleTalk: 0, pLastTalkerResumes: 1 },
      { pDoubleTalkAfterSingleTalk: 1, pInterrupterKeepsTalking: 0 },
      { pInterrupterKeepsTalking: 0, pLastTalkerResumes: 1 },
    ]
    for (const config of bad) expect(() => new Conversation(config, stream(51), 0), JSON.stringify(config)).toThrow(RangeError)
    expect(() => new Conversation({}, stream(51), -1)).toThrow(RangeError)
    expect(() => new Conversation({}, stream(51), 0.5)).toThrow(RangeError)
    expect(() => new OnOffTalker({ meanTalkspurtMs: 0 }, stream(51), 0)).toThrow(RangeError)
    expect(() => onOffForActivity(1)).toThrow(RangeError)
    expect(() => onOffForActivity(0)).toThrow(RangeError)
  })

  it("a minimum equal to the mean makes mutual silence constant", () => {
    const cursor = new Conversation({ minMutualSilenceMs: 300, meanMutualSilenceMs: 300 }, stream(52), 0).cursor()
    let silences = 0
    for (let i = 0; i < 2_000; i++) {
      if (cursor.next() === MUTUAL_SILENCE) {
        expect(cursor.untilNs - cursor.sinceNs).toBe(300 * MS)
        silences++
      }
    }
    expect(silences).toBeGreaterThan(300)
  })
})
