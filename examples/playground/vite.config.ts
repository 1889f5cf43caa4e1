import { defineConfig } from 'vite'

export default defineConfig({
  base: './',
  build: { outDir: 'dist', chunkSizeWarningLimit: 4096 },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
})
