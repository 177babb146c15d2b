import { boot } from '../host/boot'

/** The local host on a seeded DATA_DIR, in its own process as `npm start` runs it, for bench-http.ts. */
async function main() {
  const [dataDir, staticDir] = process.argv.slice(2)
  const host = await boot({ dataDir, port: 0, staticDir, tickMs: 0, quiet: true })
  process.stdout.write(`READY ${host.url}\n`)
  process.on('SIGTERM', () => void host.close().then(() => process.exit(0)))
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e)
  process.exit(1)
})
