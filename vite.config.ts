import { defineConfig } from "vite"

// The dashboard: web/ is the page; it imports the engine from ../sim and ../src and runs it in a worker.
export default defineConfig({
  root: "web",
  base: "./",
  build: { outDir: "../dist-web", emptyOutDir: true, target: "es2022" },
  worker: { format: "es" },
  server: { host: "127.0.0.1", fs: { allow: [".."] } },
  preview: { host: "127.0.0.1" },
})
