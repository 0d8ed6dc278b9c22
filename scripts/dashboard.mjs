// Builds the dashboard and serves it on 127.0.0.1 (`npm run dashboard -- --port 8080`).
import { build, preview } from "vite"

const portFlag = process.argv.indexOf("--port")
const port = portFlag >= 0 ? Number(process.argv[portFlag + 1]) : 5173
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`dashboard: --port: expected a port number 0–65535, got ${process.argv[portFlag + 1]}`)
  process.exit(2)
}
await build({ configFile: "vite.config.ts", logLevel: "warn" })
const server = await preview({ configFile: "vite.config.ts", preview: { host: "127.0.0.1", port, strictPort: true } })
console.log(`voiplab dashboard: ${server.resolvedUrls?.local[0]} (Ctrl-C to stop)`)
