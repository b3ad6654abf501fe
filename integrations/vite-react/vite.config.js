import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The sandbox's endpoints come from VITE_SANDBOX (the JSON line of `npm run sandbox -- --json`),
// read by the app through import.meta.env; the ports from the command line.
export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', strictPort: true },
  preview: { host: '127.0.0.1', strictPort: true },
})
