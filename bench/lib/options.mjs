// Command-line options of bench/run.mjs.

const USAGE = `Usage: node bench/run.mjs [options]

  --rounds N       rounds of every timed case (default 5); figures are medians
  --calls N        calls per dispatch case of clickstream (default 10000)
  --peer-calls N   calls per side-by-side case, all three SDKs (default 1000)
  --scale-calls N  largest call count of the flat-cost check (default 100000)
  --check          compare with bench/budgets.mjs; exit 1 when one breaks
  --help           print this text`

const DEFAULTS = {
  rounds: 5,
  calls: 10_000,
  peerCalls: 1000,
  scaleCalls: 100_000,
  check: false,
}

const COUNT_OPTIONS = {
  '--rounds': 'rounds',
  '--calls': 'calls',
  '--peer-calls': 'peerCalls',
  '--scale-calls': 'scaleCalls',
}

/**
 * Parses `argv` (without node and the script). Throws an Error naming the
 * option and the expected value when an option is unknown or invalid.
 */
export function parseOptions(argv) {
  const options = { ...DEFAULTS, help: false }
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]
    if (arg === '--help' || arg === '-h') options.help = true
    else if (arg === '--check') options.check = true
    else if (arg in COUNT_OPTIONS) {
      options[COUNT_OPTIONS[arg]] = parseCount(arg, argv[++index])
    } else {
      throw new Error(`Unknown option ${JSON.stringify(arg)}.\n\n${USAGE}`)
    }
  }
  return options
}

export { USAGE }

// Counts below 1,000 would cut the 1,000-call burst every case is built on,
// except for rounds.
function parseCount(name, text) {
  const value = Number(text)
  const minimum = name === '--rounds' ? 1 : 1000
  if (!Number.isInteger(value) || value < minimum) {
    throw new Error(
      `Invalid ${name} ${JSON.stringify(text ?? '')}: expected a whole number of at least ${minimum}.`,
    )
  }
  return value
}
