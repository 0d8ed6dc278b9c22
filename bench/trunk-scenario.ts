/**
 * The issue-3 load: N bidirectional G.711 calls between two PBXs over a three-hop path
 * (pbx-a — edge-a — edge-b — pbx-b) whose middle link is a shared 100 Mbit/s bottleneck with
 * Poisson cross traffic. Written as a scenario file, so it exercises the same path as users.
 */
export const trunkScenarioText = (calls: number, durationS: number): string => {
  const callLines = Array.from(
    { length: calls },
    (_, i) => `  - { id: c${i}, from: pbx-a, to: pbx-b, codec: G.711u, ptime: 20ms, start: ${(i % 50) * 0.4}ms }`,
  )
  return `name: ${calls} calls over a shared bottleneck
seed: 7
duration: ${durationS}s
nodes:
  - { id: pbx-a, kind: pbx }
  - { id: edge-a, kind: router }
  - { id: edge-b, kind: router }
  - { id: pbx-b, kind: pbx }
  - { id: cloud, kind: host }
links:
  - { id: lan-a, between: [pbx-a, edge-a], bandwidth: 1Gbit/s, delay: 0.2ms }
  - id: core
    between: [edge-a, edge-b]
    bandwidth: 100Mbit/s
    delay: 15ms
    jitter: 1ms
    loss: 0.05%
    queue: { discipline: priority, limit: 512KB }
  - { id: lan-b, between: [edge-b, pbx-b], bandwidth: 1Gbit/s, delay: 0.2ms }
  - { id: lan-c, between: [edge-b, cloud], bandwidth: 1Gbit/s, delay: 0.2ms }
calls:
${callLines.join("\n")}
traffic:
  - { id: web, kind: poisson, from: edge-a, to: cloud, rate: 10Mbit/s, packetSize: imix }
`
}
