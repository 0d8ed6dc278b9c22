import { exponential } from "../sim/distributions.ts"
import { RandomSource } from "../sim/random.ts"
import { NS_PER_S } from "../sim/time.ts"
import { planCallLoad } from "../src/media/call-load-plan.ts"

/**
 * The issue-4 load: a busy hour at a PBX. Calls arrive as a Poisson process at `callsPerHour`
 * with exponential holding times (mean 3 min), offered to 300 trunks (planned with the Erlang
 * model before the run, as src/media/call-load-plan.ts does), each set up with SIP over a WAN and
 * sending with VAD (P.59 conversations). Written as a scenario file with one call per admitted
 * call, so it exercises the same path as users.
 */
export const busyHourScenarioText = (callsPerHour: number, hourS = 3600): { text: string; offered: number; blocked: number } => {
  const tailS = 30 // the last calls set up and hang up before the run ends
  const plan = planCallLoad(
    { callsPerHour, holdingNs: exponential(180 * NS_PER_S), channels: 300 },
    new RandomSource(4).stream("busy-hour"),
    0,
    hourS * NS_PER_S,
    hourS * NS_PER_S,
  )
  const calls = plan.calls.map((c) => {
    const startS = c.startNs / NS_PER_S
    const mediaS = Math.min(c.holdingNs / NS_PER_S, hourS + tailS - startS - 10) // SIP set-up and ringing come first
    return `  - { id: c${c.index}, from: pbx-a, to: pbx-b, codec: G.711u, ptime: 20ms, vad: true, signaling: sip, ringTime: 2s, start: ${startS.toFixed(6)}s, duration: ${mediaS.toFixed(6)}s }`
  })
  const text = `name: busy hour at a PBX
seed: 4
duration: ${hourS + tailS}s
nodes:
  - { id: pbx-a, kind: pbx }
  - { id: edge-a, kind: router }
  - { id: edge-b, kind: router }
  - { id: pbx-b, kind: pbx }
links:
  - { id: lan-a, between: [pbx-a, edge-a], bandwidth: 1Gbit/s, delay: 0.2ms, framing: ethernet }
  - id: wan
    between: [edge-a, edge-b]
    bandwidth: 50Mbit/s
    delay: 20ms
    jitter: 2ms
    loss: 0.1%
    queue: { discipline: priority, limit: 256KB }
  - { id: lan-b, between: [edge-b, pbx-b], bandwidth: 1Gbit/s, delay: 0.2ms, framing: ethernet }
calls:
${calls.join("\n")}
`
  return { text, offered: plan.offered, blocked: plan.blocked }
}
