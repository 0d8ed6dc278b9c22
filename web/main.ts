import * as d3 from "d3"
import defaultScenarioText from "../scenarios/default.yaml?raw"
import { drawDelayChart } from "./delay-chart.ts"
import type { RunRequest, RunResponse } from "./protocol.ts"

const STREAM_INDEX = 0 // the first call's caller-to-callee stream

const worker = new Worker(new URL("./simulation-worker.ts", import.meta.url), { type: "module" })

const show = (response: RunResponse): void => {
  if (!response.ok) {
    d3.select("#status").classed("error", true).text(response.error)
    return
  }
  const { report, trace } = response
  const call = report.calls[0]
  const stream = call?.streams[STREAM_INDEX]
  // Scenario names are user input: text only, never HTML.
  d3.select("#scenario-name").text(`${report.scenario} — seed ${report.seed}, ${report.simulatedSeconds} s simulated`)
  if (call === undefined || stream === undefined) {
    d3.select("#status").text("This scenario has no calls to show.")
  } else {
    // A stream that sent no voice (a failed call) has no score.
    d3.select("#mos").text(stream.mos?.toFixed(2) ?? "–").attr("data-mos", String(stream.mos))
    d3.select("#chart-title").text(`One-way delay per packet: ${call.id}, ${stream.from} → ${stream.to} (${call.codec}, ${call.ptimeMs} ms)`)
    const facts: [string, string][] = [
      ["R factor", stream.rFactor?.toFixed(1) ?? "–"],
      ["packets sent / received", `${stream.packetsSent} / ${stream.packetsReceived}`],
      ["lost / late", `${stream.packetsLost} / ${stream.packetsLate}`],
      ["RFC 3550 jitter", `${stream.jitterMs.toFixed(2)} ms`],
      ["mouth-to-ear delay", `${stream.mouthToEarDelayMs.toFixed(1)} ms`],
    ]
    d3.select("#stream-facts")
      .selectAll("div")
      .data(facts)
      .join("div")
      .style("display", "contents")
      .call((div) => {
        div.append("dt").text((d) => d[0])
        div.append("dd").text((d) => d[1])
      })
    drawDelayChart(document.querySelector<SVGSVGElement>("#delay-chart")!, trace)
  }
  document.body.dataset["ready"] = "1"
}

worker.onmessage = (event: MessageEvent<RunResponse>) => show(event.data)
const request: RunRequest = { text: defaultScenarioText, fileName: "scenarios/default.yaml", streamIndex: STREAM_INDEX }
worker.postMessage(request)
