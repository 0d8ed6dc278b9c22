import { DelayTrace } from "../src/engine/delay-trace.ts"
import { simulate } from "../src/engine/simulate.ts"
import { parseScenario } from "../src/scenario/load.ts"
import type { RunRequest, RunResponse } from "./protocol.ts"

// The same engine as the CLI, off the page's main thread.
self.onmessage = (event: MessageEvent<RunRequest>) => {
  const { text, fileName, streamIndex } = event.data
  const parsed = parseScenario(text, fileName)
  let response: RunResponse
  if (!parsed.ok) {
    response = { ok: false, error: parsed.errors[0]!.format() }
  } else {
    const trace = new DelayTrace()
    const report = simulate(parsed.scenario, { observerFor: (i) => (i === streamIndex ? trace : undefined) })
    response = { ok: true, report, trace: { sentMs: trace.sentMs, delayMs: trace.delayMs, late: trace.late } }
  }
  self.postMessage(response)
}
