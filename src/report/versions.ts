/**
 * Orders package versions the way Debian's dpkg does (epoch, then runs of digits compared as
 * numbers and runs of other characters compared with `~` before everything, even the end), which
 * also orders the dotted versions of npm, PyPI, RPM and Alpine sensibly. Used only to pick the
 * highest of several fixed-in versions a scan gives for one package.
 */

function splitEpoch(version: string): [number, string] {
  const match = /^(\d+):(.*)$/.exec(version.trim())
  return match ? [Number(match[1]), match[2] ?? ''] : [0, version.trim()]
}

/** dpkg's character order: `~` first, then the end of a part, then letters, then the rest. */
function order(char: string | undefined): number {
  if (char === undefined) return 0
  if (char === '~') return -1
  if (/[A-Za-z]/.test(char)) return char.charCodeAt(0)
  return char.charCodeAt(0) + 256
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9'
}

/** dpkg's verrevcmp, over the whole version after the epoch. */
function compareParts(a: string, b: string): number {
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    while ((i < a.length && !isDigit(a[i])) || (j < b.length && !isDigit(b[j]))) {
      const difference =
        order(isDigit(a[i]) ? undefined : a[i]) - order(isDigit(b[j]) ? undefined : b[j])
      if (difference !== 0) return Math.sign(difference)
      i += 1
      j += 1
    }
    while (a[i] === '0') i += 1
    while (b[j] === '0') j += 1
    const startA = i
    const startB = j
    while (isDigit(a[i])) i += 1
    while (isDigit(b[j])) j += 1
    const digitsA = a.slice(startA, i)
    const digitsB = b.slice(startB, j)
    if (digitsA.length !== digitsB.length) return Math.sign(digitsA.length - digitsB.length)
    if (digitsA !== digitsB) return digitsA < digitsB ? -1 : 1
  }
  return 0
}

/** Negative when `a` is the older version, positive when it is the newer, 0 when they are equal. */
export function compareVersions(a: string, b: string): number {
  const [epochA, restA] = splitEpoch(a)
  const [epochB, restB] = splitEpoch(b)
  return Math.sign(epochA - epochB) || compareParts(restA, restB)
}

/** The newest of the versions; undefined for none. */
export function highestVersion(versions: Iterable<string>): string | undefined {
  let highest: string | undefined
  for (const version of versions) {
    if (highest === undefined || compareVersions(version, highest) > 0) highest = version
  }
  return highest
}
