/**
 * SHA-256 of a string's UTF-8 bytes, as lower-case hex. Synchronous because
 * the pixel call must keep its place in order, and WebCrypto is async and
 * missing on plain-http pages.
 */
export function sha256(text: string): string {
  const bytes = Array.from(new TextEncoder().encode(text))
  const bits = bytes.length * 8
  bytes.push(0x80)
  while (bytes.length % 64 !== 56) bytes.push(0)
  // The high word of the bit length is 0 for any string under 512 MB.
  for (let shift = 56; shift >= 0; shift -= 8) {
    bytes.push(shift > 24 ? 0 : (bits >>> shift) & 255)
  }

  const [k, hash] = roundConstants()
  const w: number[] = []
  for (let block = 0; block < bytes.length; block += 64) {
    for (let t = 0; t < 64; t++) {
      if (t < 16) {
        const i = block + t * 4
        w[t] =
          (bytes[i]! << 24) |
          (bytes[i + 1]! << 16) |
          (bytes[i + 2]! << 8) |
          bytes[i + 3]!
      } else {
        const a = w[t - 15]!
        const b = w[t - 2]!
        w[t] =
          ((rotate(a, 7) ^ rotate(a, 18) ^ (a >>> 3)) +
            w[t - 7]! +
            (rotate(b, 17) ^ rotate(b, 19) ^ (b >>> 10)) +
            w[t - 16]!) |
          0
      }
    }
    // s contains a..h. Each round drops h and shifts the rest along by one.
    const s = hash.slice()
    for (let t = 0; t < 64; t++) {
      const [a, b, c, , e, f, g, h] = s as [
        number,
        number,
        number,
        number,
        number,
        number,
        number,
        number,
      ]
      const t1 =
        (h +
          (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) +
          ((e & f) ^ (~e & g)) +
          k[t]! +
          w[t]!) |
        0
      const t2 =
        ((rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) +
          ((a & b) ^ (a & c) ^ (b & c))) |
        0
      s.pop()
      s.unshift((t1 + t2) | 0)
      s[4] = (s[4]! + t1) | 0
    }
    for (let j = 0; j < 8; j++) hash[j] = (hash[j]! + s[j]!) | 0
  }
  return hash.map((word) => (word >>> 0).toString(16).padStart(8, '0')).join('')
}

function rotate(word: number, by: number): number {
  return (word >>> by) | (word << (32 - by))
}

/**
 * Computes the 64 round constants and the 8 initial hash words. They are
 * the first 32 bits of the fractional parts of the cube roots of the first
 * 64 primes, and of the square roots of the first 8.
 */
function roundConstants(): [number[], number[]] {
  const k: number[] = []
  const hash: number[] = []
  const fraction = (x: number) => ((x - Math.floor(x)) * 2 ** 32) | 0
  for (let n = 2; k.length < 64; n++) {
    let prime = true
    for (let d = 2; d * d <= n; d++) if (n % d === 0) prime = false
    if (!prime) continue
    if (hash.length < 8) hash.push(fraction(n ** 0.5))
    k.push(fraction(n ** (1 / 3)))
  }
  return [k, hash]
}
