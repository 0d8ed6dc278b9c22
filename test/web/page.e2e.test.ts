import { existsSync, mkdirSync, mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { chromium, type BrowserContext } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { build, preview, type PreviewServer } from "vite"
import { runCli } from "../cli/run-cli.ts"

const CHROMIUM = "/usr/bin/chromium"
const haveChromium = existsSync(CHROMIUM)
if (!haveChromium) console.warn(`SKIPPED: browser test needs Debian's chromium at ${CHROMIUM} (apt-get install chromium)`)

describe.skipIf(!haveChromium)("dashboard page in headless Chromium", () => {
  let server: PreviewServer
  let context: BrowserContext

  beforeAll(async () => {
    await build({ configFile: "vite.config.ts", logLevel: "warn" })
    server = await preview({ configFile: "vite.config.ts", logLevel: "warn", preview: { host: "127.0.0.1", port: 0 } })
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "voiplab-chromium-")), {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"],
    })
  })

  afterAll(async () => {
    await context?.close()
    await server?.close()
  })

  it("runs the default scenario in a worker, draws the delay chart and shows the CLI's MOS", async () => {
    const page = await context.newPage()
    const errors: string[] = []
    page.on("pageerror", (e) => errors.push(e.message))
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()))
    await page.goto(server.resolvedUrls!.local[0]!)
    await page.waitForSelector("body[data-ready='1']", { timeout: 30_000 })

    const dots = await page.locator("#delay-chart circle").count()
    const mosShown = Number(await page.locator("#mos").getAttribute("data-mos"))
    mkdirSync("test-artifacts", { recursive: true })
    await page.screenshot({ path: "test-artifacts/dashboard-default.png", fullPage: true })

    const cli = JSON.parse(runCli("run", "scenarios/default.yaml", "--json").stdout)
    const stream = cli.calls[0].streams[0]
    expect(errors).toEqual([])
    expect(dots).toBe(stream.packetsReceived)
    expect(mosShown).toBe(stream.mos)
    expect(await page.locator("#scenario-name").textContent()).toContain(cli.scenario)
  })
})
