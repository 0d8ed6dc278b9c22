/**
 * The issue-4 load: a busy hour at a PBX. Calls arrive as a Poisson process at `callsPerHour`
 * with exponential holding times (mean 3 min), offered to 300 trunks, each set up with SIP over a
 * WAN and sending with VAD (P.59 conversations). Written as a scenario file with a `loads`
 * entry, so it exercises the same path as users.
 */
export const busyHourScenarioText = (callsPerHour: number, hourS = 3600): string => `name: busy hour at a PBX
seed: 4
duration: ${hourS + 30}s
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
loads:
  - id: busy-hour
    callsPerHour: ${callsPerHour}
    holding: 3min
    trunks: 300
    call: { from: pbx-a, to: pbx-b, codec: G.711u, ptime: 20ms, vad: true, signaling: sip, ringTime: 2s, duration: ${hourS}s }
`
