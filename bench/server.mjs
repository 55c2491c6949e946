import { spawn } from 'node:child_process'

/** Serves the built app (dist/) on a port of its own and resolves once it answers. */
export async function startPreview(port) {
  const base = `http://127.0.0.1:${port}`
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    stdio: 'ignore',
  })
  process.on('exit', () => server.kill())
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(base)).ok) return { base, stop: () => server.kill() }
    } catch {
      await new Promise((r) => setTimeout(r, 250))
    }
  }
  throw new Error(`vite preview did not answer on ${base}`)
}
