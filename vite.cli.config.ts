import { defineConfig } from "vite"

// Bundles the CLI into one ESM file so it starts in a fraction of a second without a TS loader.
export default defineConfig({
  build: {
    ssr: "src/cli/main.ts",
    outDir: "dist-cli",
    emptyOutDir: true,
    target: "node20",
    sourcemap: true,
    rollupOptions: { output: { entryFileNames: "cli.js", banner: "#!/usr/bin/env node" } },
  },
  ssr: { noExternal: true },
})
