// Writes integrations/<slug>/icon.svg: the destination's initials on a
// rounded square, a placeholder until the vendor's own icon replaces it.

/** Dark backgrounds on which white initials keep a contrast ratio above 4.5:1. */
const BACKGROUNDS = [
  '#2d3e50',
  '#1f5f8b',
  '#6b3fa0',
  '#8a3b12',
  '#245c3a',
  '#7a1f4c',
]

function escapeXml(text) {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

/** Returns the first letter or digit of the name's first two words, upper-cased. */
export function initials(name) {
  const words = name.match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu) ?? []
  return words
    .slice(0, 2)
    .map((word) => [...word][0].toUpperCase())
    .join('')
}

/** Picks a background from the slug, so each destination keeps its colour. */
function background(slug) {
  let hash = 0
  for (const character of slug) hash = (hash * 31 + character.charCodeAt(0)) | 0
  return BACKGROUNDS[Math.abs(hash) % BACKGROUNDS.length]
}

export function iconSource({ names }) {
  const label = escapeXml(names.name)
  const letters = escapeXml(initials(names.name))
  const fontSize = letters.length > 1 ? 26 : 32
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64" role="img" aria-label="${label}">
  <rect width="64" height="64" rx="12" fill="${background(names.slug)}"/>
  <text x="32" y="33" fill="#fff" font-family="Helvetica, Arial, sans-serif" font-size="${fontSize}" font-weight="700" text-anchor="middle" dominant-baseline="central">${letters}</text>
</svg>
`
}
