/**
 * SHA-256 (FIPS 180-4) of a string's UTF-8 bytes, as lower-case hex.
 * Synchronous because the pixel call must keep its place in order, and
 * WebCrypto is async and missing on plain-http pages. Written for size, not
 * speed: the pixel hashes a few short property values per event.
 */
export function sha256(text: string): string {
  // The message, a 1 bit and zeros, as big-endian words, in whole 64-byte
  // blocks. The last word is the length in bits, and the one before it
  // stays 0 for any string under 512 MB.
  const bytes = [...new TextEncoder().encode(text), 0x80]
  const words: number[] = Array(((bytes.length + 71) >> 6) * 16).fill(0)
  bytes.forEach((byte, i) => (words[i >> 2]! |= byte << (24 - (i % 4) * 8)))
  words[words.length - 1] = (bytes.length - 1) * 8

  // The round constants and initial hash words: the first 32 bits of the
  // fractional parts of the cube roots of the first 64 primes, and of the
  // square roots of the first 8.
  const k: number[] = []
  let hash: number[] = []
  const fraction = (x: number) => ((x % 1) * 2 ** 32) | 0
  for (let n = 2; k.length < 64; n++) {
    let divisor = 2
    while (n % divisor) divisor++
    if (divisor < n) continue
    if (hash.length < 8) hash.push(fraction(n ** 0.5))
    k.push(fraction(n ** (1 / 3)))
  }

  for (let block = 0; block < words.length; block += 16) {
    const w = words.slice(block, block + 16)
    // s contains the working variables a..h. Each round drops h and shifts
    // the rest along by one.
    const s = hash.slice()
    for (let t = 0; t < 64; t++) {
      const x = w[t - 15]!
      const y = w[t - 2]!
      if (t > 15)
        w[t] =
          ((rotate(x, 7, 18) ^ (x >>> 3)) +
            w[t - 7]! +
            (rotate(y, 17, 19) ^ (y >>> 10)) +
            w[t - 16]!) |
          0
      const [a, b, c, , e, f, g, h] = s as Eight
      const t1 = h + rotate(e, 6, 11, 25) + ((e & f) ^ (~e & g)) + k[t]! + w[t]!
      s.pop()
      s.unshift((t1 + rotate(a, 2, 13, 22) + ((a & b) ^ (a & c) ^ (b & c))) | 0)
      s[4] = (s[4]! + t1) | 0
    }
    hash = hash.map((word, j) => (word + s[j]!) | 0)
  }
  return hash.map((word) => (word >>> 0).toString(16).padStart(8, '0')).join('')
}

type Eight = [number, number, number, number, number, number, number, number]

/** XORs the word rotated right by each of the given bit counts. */
function rotate(word: number, ...counts: number[]): number {
  return counts.reduce(
    (mixed, count) => mixed ^ ((word >>> count) | (word << (32 - count))),
    0,
  )
}
