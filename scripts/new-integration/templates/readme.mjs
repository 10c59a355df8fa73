// Writes integrations/<slug>/README.md with the sections of the bundled
// destinations' READMEs. The options and mappings sections are left empty
// between their markers, for the renderer of `npm run docs` to fill.
import { sectionMarkers } from '../../readme-sections.mjs'

/** The line width of the hand-written READMEs; Prettier keeps their breaks. */
const WIDTH = 76

/**
 * Breaks a paragraph into lines of at most WIDTH characters where it can,
 * between words and never inside a code span. `indent` starts each line
 * after the first, for the text of a list item.
 */
function wrap(text, indent = '') {
  const words = text.match(/(?:`[^`]*`|[^\s`])+/g) ?? []
  const lines = []
  let line = ''
  for (const word of words) {
    if (line && line.length + 1 + word.length > WIDTH) {
      lines.push(line)
      line = indent + word
    } else {
      line = line ? `${line} ${word}` : word
    }
  }
  if (line) lines.push(line)
  return lines.join('\n')
}

/** Returns the markers of one generated section, with nothing between them. */
function emptySection(section) {
  const { start, end } = sectionMarkers(section)
  return `${start}\n${end}`
}

export function readmeSource({ names, identifiers, vendor, testFile }) {
  const settings = JSON.stringify({
    integrations: { [names.name]: { apiKey: vendor.exampleKey } },
  })
  const api = `\`window.${vendor.global}\``
  return `# ${names.name}

Settings name: **\`${names.name}\`**. Slug: \`${names.slug}\`.

${wrap(`Loads the ${names.name} script and passes track, page, screen, identify, group and alias calls to its ${api} API.`)}

${wrap(`TODO: \`npm run new-integration\` wrote this destination around a placeholder vendor. Replace its script URL (\`${vendor.sdkUrl}\`) and its ${api} calls with the vendor's own, then this text.`)}

## Set-up

1. In ${names.name}, copy your API key.
2. Turn the destination on with it. With Segment-style settings:

   \`\`\`json
   ${settings}
   \`\`\`

   From npm, import only this destination:

   \`\`\`ts
   import { AnalyticsBrowser } from 'clickstream-analytics'
   import ${identifiers.importName} from 'clickstream-analytics/integrations/${names.slug}'

   AnalyticsBrowser.load({
     writeKey: 'YOUR_WRITE_KEY',
     plugins: [${identifiers.importName}({ apiKey: '${vendor.exampleKey}' })],
   })
   \`\`\`

${wrap(`3. With a Content-Security-Policy, allow \`https://${vendor.host}\` in \`script-src\`. The \`nonce\` load option reaches the injected script.`, '   ')}

## Options

${emptySection('options')}

${wrap('An invalid option, such as a missing `apiKey`, marks the destination failed, with one console error that names the option and the value; the other destinations go on.')}

## Mappings

${emptySection('mappings')}

## Not supported

- TODO: list the vendor features that no Segment call reaches.

## Tests

${wrap(`\`${testFile}\` loads the destination through the real core with a stand-in for the vendor's script, and checks the exact ${api} calls that each Segment call makes.`)}
`
}
