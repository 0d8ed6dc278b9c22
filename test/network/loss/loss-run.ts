import type { LossModel } from "../../../src/network/loss/loss-model.ts"

/** What a run of `packets` loss decisions looked like: loss rate and runs of consecutive losses. */
export interface LossRun {
  readonly packets: number
  readonly losses: number
  readonly lossRate: number
  /** Maximal runs of consecutive losses. */
  readonly bursts: number
  readonly meanBurst: number
  /** burstsOfLength[k] = number of bursts exactly k packets long (index 0 unused). */
  readonly burstsOfLength: readonly number[]
  readonly pattern: readonly boolean[]
}

export function runLoss(model: LossModel, packets: number, keepPattern = false): LossRun {
  let losses = 0
  let bursts = 0
  let current = 0
  const burstsOfLength: number[] = []
  const pattern: boolean[] = []
  const endBurst = (): void => {
    if (current === 0) return
    bursts++
    burstsOfLength[current] = (burstsOfLength[current] ?? 0) + 1
    current = 0
  }
  for (let i = 0; i < packets; i++) {
    const lost = model.isLost()
    if (keepPattern) pattern.push(lost)
    if (lost) {
      losses++
      current++
    } else endBurst()
  }
  endBurst()
  return { packets, losses, lossRate: losses / packets, bursts, meanBurst: losses / bursts, burstsOfLength, pattern }
}
