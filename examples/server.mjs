// Runs the demo shop (`npm start`). Environment: PORT (default 8080, or a
// free port when 8080 is taken), WRITE_KEY, DATA_DIR (default .data).
import { resolve } from 'node:path'

import { DEFAULT_WRITE_KEY, startDemoServer } from './demo-server.mjs'

const PREFERRED_PORT = 8080

const options = {
  writeKey: process.env.WRITE_KEY || DEFAULT_WRITE_KEY,
  destinations: true,
  log: (line) => console.log(line),
}
if (process.env.DATA_DIR) options.dataDir = resolve(process.env.DATA_DIR)

const demo = await start()
console.log(`Demo shop: ${demo.url}`)
console.log(`Write key: ${options.writeKey}`)
console.log(`Received events are appended to ${demo.events.file}`)
console.log('Press Ctrl+C to stop.')

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.log('Stopping the demo server.')
    demo.close().then(
      () => process.exit(0),
      (error) => {
        console.error(`Failed to stop cleanly: ${error.message}`)
        process.exit(1)
      },
    )
  })
}

// An explicit PORT is used or the start fails. Without one, the server falls
// back to any free port, so a second demo or another service cannot block it.
async function start() {
  if (process.env.PORT) {
    const port = parsePort(process.env.PORT)
    try {
      return await startDemoServer({ ...options, port })
    } catch (error) {
      if (error.code !== 'EADDRINUSE') throw error
      console.error(
        `Port ${port} is in use: set PORT to a free port, or unset it to use 8080 or any free port.`,
      )
      process.exit(1)
    }
  }
  try {
    return await startDemoServer({ ...options, port: PREFERRED_PORT })
  } catch (error) {
    if (error.code !== 'EADDRINUSE') throw error
    console.log(`Port ${PREFERRED_PORT} is in use; using a free port instead.`)
    return startDemoServer({ ...options, port: 0 })
  }
}

function parsePort(text) {
  const port = Number(text)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Invalid PORT ${JSON.stringify(text)}: use 0 to 65535.`)
    process.exit(1)
  }
  return port
}
