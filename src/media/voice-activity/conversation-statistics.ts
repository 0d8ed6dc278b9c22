import type { ConversationConfig } from "./conversation.ts"

/** Long-run figures of a conversation model, per side where it says so (both sides are alike). */
export interface ConversationStatistics {
  /** Shares of time in single talk (either side), double talk and mutual silence; they sum to 1. */
  readonly singleTalkFraction: number
  readonly doubleTalkFraction: number
  readonly mutualSilenceFraction: number
  /** Share of time one side talks: its talkspurts / (talkspurts + pauses). */
  readonly activityFactor: number
  /** One side's mean talkspurt (its single talk and the double talk run together). */
  readonly meanTalkspurtMs: number
  /** One side's mean pause (the other's single talk and mutual silence run together). */
  readonly meanPauseMs: number
  readonly meanDoubleTalkMs: number
  readonly meanMutualSilenceMs: number
}

/**
 * Closed forms by renewal–reward over a "round": one single-talk state and the double talk
 * (probability P1) or mutual silence (1 − P1) that follows it; every state belongs to exactly
 * one round. A round lasts R = S + P1·D + (1 − P1)·M on average (S, D, M the mean state lengths).
 * Per round a side starts half a talkspurt on average, by symmetry: in the rounds of the other
 * side's single talk (half of them) it interrupts with probability P1, and after a mutual silence
 * (probability 1 − P1) it takes the floor half the time. It talks S/2 + P1·D per round. Hence
 *   activity  = (S/2 + P1·D) / R
 *   talkspurt = (S/2 + P1·D) / (1/2) = S + 2·P1·D
 *   pause     = (R − S/2 − P1·D) / (1/2) = S + 2·(1 − P1)·M
 * P2 and P3 decide who talks next, so they shape the periods but not these means.
 */
export function conversationStatistics(config: ConversationConfig): ConversationStatistics {
  const s = config.meanSingleTalkMs
  const d = config.meanDoubleTalkMs
  const m = config.meanMutualSilenceMs
  const p1 = config.pDoubleTalkAfterSingleTalk
  const roundMs = s + p1 * d + (1 - p1) * m
  const talkPerRoundMs = s / 2 + p1 * d
  return {
    singleTalkFraction: s / roundMs,
    doubleTalkFraction: (p1 * d) / roundMs,
    mutualSilenceFraction: ((1 - p1) * m) / roundMs,
    activityFactor: talkPerRoundMs / roundMs,
    meanTalkspurtMs: s + 2 * p1 * d,
    meanPauseMs: s + 2 * (1 - p1) * m,
    meanDoubleTalkMs: d,
    meanMutualSilenceMs: m,
  }
}

/**
 * ITU-T P.59 (03/93) Table 1, temporal parameters measured in conversational speech: mean
 * durations and the share of time ("rate") of each event. As published they do not add up:
 * with two sides each talking 38.53 % of the time and both at once 6.59 %, mutual silence
 * would take 1 − 2·0.3853 + 0.0659 = 29.53 % of the time, not 22.48 %.
 */
export const P59_TABLE_1 = {
  meanTalkspurtMs: 1004, // ITU-T P.59 Table 1: talkspurt 1.004 s
  meanPauseMs: 1587, // ITU-T P.59 Table 1: pause 1.587 s
  meanDoubleTalkMs: 228, // ITU-T P.59 Table 1: double talk 0.228 s
  meanMutualSilenceMs: 508, // ITU-T P.59 Table 1: mutual silence 0.508 s
  talkspurtRate: 0.3853, // ITU-T P.59 Table 1: talkspurt rate 38.53 %
  pauseRate: 0.6147, // ITU-T P.59 Table 1: pause rate 61.47 %
  doubleTalkRate: 0.0659, // ITU-T P.59 Table 1: double talk rate 6.59 %
  mutualSilenceRate: 0.2248, // ITU-T P.59 Table 1: mutual silence rate 22.48 %
} as const
