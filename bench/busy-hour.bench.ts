import { execFileSync } from "node:child_process"

const CALLS_PER_HOUR = 5000

/** A busy hour: 5,000 calls arriving at a PBX over an hour, with SIP and VAD, in a fresh process. */
export const benchBusyHour = async (): Promise<void> => {
  const out = execFileSync(process.execPath, ["--import", "tsx", "bench/busy-hour.child.ts", String(CALLS_PER_HOUR)], { encoding: "utf8" })
  const r = JSON.parse(out) as {
    simulatedS: number
    wallMs: number
    offered: number
    blocked: number
    setupFailures: number
    mosMean: number | null
    maxRssKiB: number
  }
  const wallS = r.wallMs / 1000
  console.log(
    `busy hour: ${r.offered} calls offered at ${CALLS_PER_HOUR}/h, ${r.blocked} blocked by 300 trunks, ` +
      `${r.setupFailures} SIP set-up failures, VAD on, mean MOS ${r.mosMean}; ` +
      `${r.simulatedS} s simulated in ${wallS.toFixed(1)} s wall: ${(r.simulatedS / wallS).toFixed(0)}× faster than real time; ` +
      `peak RSS ${(r.maxRssKiB / 1024).toFixed(0)} MiB`,
  )
}
