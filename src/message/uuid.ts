import { getCrypto } from '../global-scope'

const HEX: string[] = []
for (let i = 0; i < 256; i++) HEX.push((i + 0x100).toString(16).slice(1))

/**
 * Returns a uuid v4. `crypto.randomUUID` exists only in secure contexts, so
 * plain-http pages use `getRandomValues`, which every browser has.
 */
export function uuid(): string {
  const source = getCrypto()
  if (source?.randomUUID) return source.randomUUID()

  const bytes = new Uint8Array(16)
  if (source?.getRandomValues) source.getRandomValues(bytes)
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256)

  bytes[6] = (bytes[6]! & 0x0f) | 0x40
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const h = Array.from(bytes, (byte) => HEX[byte])
  return (
    h.slice(0, 4).join('') +
    '-' +
    h.slice(4, 6).join('') +
    '-' +
    h.slice(6, 8).join('') +
    '-' +
    h.slice(8, 10).join('') +
    '-' +
    h.slice(10, 16).join('')
  )
}
