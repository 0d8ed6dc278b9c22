import { execFileSync } from "node:child_process"

const CALLS = 1000

/** Runs bench/thousand-calls.child.ts in a fresh process (TypeScript through tsx) and returns what it printed. */
const child = <T>(mode: "time" | "rss", durationS: number): T =>
  JSON.parse(
    execFileSync(process.execPath, ["--import", "tsx", "bench/thousand-calls.child.ts", mode, String(CALLS), String(durationS)], {
      encoding: "utf8",
    }),
  ) as T

/** 1,000 calls for 60 s over three hops with a shared bottleneck and Poisson cross traffic. */
export const benchThousandCalls = async (): Promise<void> => {
  const { coldMs, meanMs, events } = child<{ coldMs: number; meanMs: number; events: number }>("time", 60)
  const wallS = meanMs / 1000
  console.log(
    `${CALLS} calls, 60 s simulated, ${(events / 1e6).toFixed(1)} M events: ${wallS.toFixed(2)} s wall (tinybench mean of 3 ` +
      `after a first run of ${(coldMs / 1000).toFixed(2)} s), ${(60 / wallS).toFixed(1)}× faster than real time ` +
      `(${((60 * 1000) / coldMs).toFixed(1)}× for the first run), ${(events / wallS / 1e6).toFixed(2)} M events/s`,
  )
  const rssMiB = (durationS: number) => child<{ maxRssKiB: number }>("rss", durationS).maxRssKiB / 1024
  console.log(`peak RSS: ${rssMiB(60).toFixed(0)} MiB for 60 s simulated, ${rssMiB(600).toFixed(0)} MiB for 600 s simulated`)
}
