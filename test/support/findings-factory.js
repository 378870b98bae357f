// Deterministic generators of raw ECR findings, shaped as DescribeImageScanFindings returns them.
// The same arguments always give the same findings: a seeded generator, never Math.random.

const DEFAULT_SEED = 20240812
const DEFAULT_ACCOUNT_ID = '123456789012'
const DEFAULT_REPOSITORY = 'demo/web-api'
const DEFAULT_DIGEST = 'sha256:4f7d1c2b9a8e6d5c4b3a29180f7e6d5c4b3a291807f6e5d4c3b2a1908f7e6d5c'
const OBSERVED_FROM = Date.UTC(2024, 5, 1)
const DAY_MS = 86_400_000

// Weights of the default mix: most findings are medium or low, as in real images.
const RANKED_MIX = { CRITICAL: 1, HIGH: 4, MEDIUM: 8, LOW: 5, INFORMATIONAL: 2 }

const SCORE_RANGES = {
  CRITICAL: [9.0, 10.0],
  HIGH: [7.0, 8.9],
  MEDIUM: [4.0, 6.9],
  LOW: [0.1, 3.9]
}

// Debian bookworm packages as [source package, version, binary package].
const OS_PACKAGES = [
  ['glibc', '2.36-9+deb12u1', 'libc6'],
  ['openssl', '3.0.9-1', 'libssl3'],
  ['curl', '7.88.1-10+deb12u1', 'libcurl4'],
  ['openssh', '1:9.2p1-2+deb12u1', 'openssh-client'],
  ['zlib', '1:1.2.13.dfsg-1', 'zlib1g'],
  ['perl', '5.36.0-7', 'perl-base'],
  ['ncurses', '6.4-4', 'libtinfo6'],
  ['expat', '2.5.0-1', 'libexpat1'],
  ['gnutls28', '3.7.9-2', 'libgnutls30'],
  ['krb5', '1.20.1-2', 'libkrb5-3'],
  ['systemd', '252.12-1~deb12u1', 'libsystemd0'],
  ['util-linux', '2.38.1-5+b1', 'libmount1'],
  ['shadow', '1:4.13+dfsg1-1', 'passwd'],
  ['tar', '1.34+dfsg-1.2', 'tar'],
  ['coreutils', '9.1-1', 'coreutils']
]

// Language packages only Inspector (enhanced scanning) reports.
const LANGUAGE_PACKAGES = [
  ['express', '4.18.2', 'NPM', 'node_modules/express/package.json'],
  ['jsonwebtoken', '8.5.1', 'NPM', 'node_modules/jsonwebtoken/package.json'],
  ['semver', '7.5.1', 'NPM', 'node_modules/semver/package.json'],
  ['requests', '2.31.0', 'PYTHONPKG', 'usr/lib/python3/dist-packages/requests']
]

const WEAKNESSES = [
  'a heap-based buffer overflow',
  'an out-of-bounds read',
  'a use-after-free',
  'an integer overflow',
  'a NULL pointer dereference',
  'improper certificate validation'
]
const IMPACTS = [
  'execute arbitrary code',
  'cause a denial of service',
  'read sensitive memory',
  'bypass intended access restrictions'
]

/** mulberry32: tiny, fast and good enough to vary fixtures reproducibly. */
function seededRandom(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let mixed = state
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1)
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61)
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296
  }
}

function pick(random, items) {
  return items[Math.floor(random() * items.length)]
}

function hex(random, length) {
  let text = ''
  while (text.length < length) text += Math.floor(random() * 16).toString(16)
  return text
}

function scoreFor(random, severity) {
  const range = SCORE_RANGES[severity]
  if (!range) return undefined
  const [low, high] = range
  return Math.round((low + random() * (high - low)) * 10) / 10
}

function weightedSeverity(random, mix) {
  const entries = Object.entries(mix)
  let roll = random() * entries.reduce((sum, [, weight]) => sum + weight, 0)
  for (const [severity, weight] of entries) {
    roll -= weight
    if (roll < 0) return severity
  }
  return entries[entries.length - 1][0]
}

/** Exactly the requested counts, the rest drawn from the default mix, in a seeded order. */
function severityList(random, count, options, unrankedSeverity) {
  const explicit = Object.entries(options.severities ?? {}).flatMap(([severity, times]) =>
    Array.from({ length: times }, () => severity)
  )
  if (explicit.length > count) {
    throw new RangeError(`severities ask for ${explicit.length} findings but count is ${count}`)
  }
  const mix = options.includeUnranked ? { ...RANKED_MIX, [unrankedSeverity]: 1 } : RANKED_MIX
  const list = [
    ...explicit,
    ...Array.from({ length: count - explicit.length }, () => weightedSeverity(random, mix))
  ]
  for (let index = list.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1))
    ;[list[index], list[other]] = [list[other], list[index]]
  }
  return list
}

/** Unique per index, so thousands of findings never collide. */
function vulnerabilityId(index) {
  return `CVE-${2019 + (index % 6)}-${String(10000 + index).padStart(5, '0')}`
}

function cvssVector(random) {
  const attackVector = pick(random, ['N', 'N', 'L', 'A'])
  const impact = () => pick(random, ['H', 'L', 'N'])
  return `CVSS:3.1/AV:${attackVector}/AC:L/PR:N/UI:N/S:U/C:${impact()}/I:${impact()}/A:${impact()}`
}

function descriptionFor(random, packageName) {
  const weakness = pick(random, WEAKNESSES)
  return (
    `${weakness[0].toUpperCase()}${weakness.slice(1)} in ${packageName} allows a remote attacker ` +
    `to ${pick(random, IMPACTS)} via crafted input.`
  )
}

/**
 * Basic-scan findings (ImageScanFinding), the way ECR basic scanning words them.
 * @param {number} count
 * @param {import('./findings-factory.js').FindingsOptions} [options]
 */
export function basicFindings(count, options = {}) {
  const random = seededRandom(options.seed ?? DEFAULT_SEED)
  return severityList(random, count, options, 'UNDEFINED').map((severity, index) => {
    const id = vulnerabilityId(index)
    const [source, version] = pick(random, OS_PACKAGES)
    const score = scoreFor(random, severity)
    const attributes = [
      { key: 'package_version', value: version },
      { key: 'package_name', value: source }
    ]
    if (score !== undefined) {
      attributes.push(
        { key: 'CVSS3_VECTOR', value: cvssVector(random) },
        { key: 'CVSS3_SCORE', value: score.toFixed(1) }
      )
    }
    return {
      name: id,
      description: descriptionFor(random, source),
      uri: `https://security-tracker.debian.org/tracker/${id}`,
      severity,
      attributes
    }
  })
}

/** The Debian security update after `version`: deb12uN becomes deb12u(N+1). */
function nextSecurityRelease(version) {
  const update = /\+deb12u(\d+)$/.exec(version)
  if (!update) return `${version}+deb12u1`
  return `${version.slice(0, update.index)}+deb12u${Number(update[1]) + 1}`
}

function osPackage(random, severity) {
  const [source, fullVersion, binary] = pick(random, OS_PACKAGES)
  const [epochPart, rest] = fullVersion.includes(':')
    ? fullVersion.split(':')
    : [undefined, fullVersion]
  const dash = rest.lastIndexOf('-')
  const fixable = severity !== 'UNTRIAGED' && random() < 0.7
  return {
    vulnerableSource: source,
    fixable,
    package: {
      name: binary,
      version: dash === -1 ? rest : rest.slice(0, dash),
      release: dash === -1 ? undefined : rest.slice(dash + 1),
      epoch: epochPart === undefined ? 0 : Number(epochPart),
      arch: 'AMD64',
      packageManager: 'OS',
      sourceLayerHash: `sha256:${hex(random, 64)}`,
      fixedInVersion: fixable ? `${epochPart ?? 0}:${nextSecurityRelease(rest)}` : 'NotAvailable'
    }
  }
}

function languagePackage(random) {
  const [name, version, packageManager, filePath] = pick(random, LANGUAGE_PACKAGES)
  const [major, minor, patch] = version.split('.').map(Number)
  return {
    vulnerableSource: name,
    fixable: true,
    package: {
      name,
      version,
      epoch: 0,
      packageManager,
      filePath,
      fixedInVersion: `${major}.${minor}.${patch + 1}`
    }
  }
}

/**
 * Inspector findings (EnhancedImageScanFinding), as ECR returns them for enhanced scanning.
 * @param {number} count
 * @param {import('./findings-factory.js').EnhancedFindingsOptions} [options]
 */
export function enhancedFindings(count, options = {}) {
  const random = seededRandom(options.seed ?? DEFAULT_SEED)
  const accountId = options.accountId ?? DEFAULT_ACCOUNT_ID
  const repository = options.repository ?? DEFAULT_REPOSITORY
  const digest = options.digest ?? DEFAULT_DIGEST
  const region = options.region ?? 'us-east-1'
  return severityList(random, count, options, 'UNTRIAGED').map((severity, index) => {
    const id = vulnerabilityId(index)
    const isLanguage = random() < 0.2
    const affected = isLanguage ? languagePackage(random) : osPackage(random, severity)
    const score = scoreFor(random, severity)
    const vector = cvssVector(random)
    const firstObservedAt = new Date(OBSERVED_FROM + Math.floor(random() * 60) * DAY_MS)
    const lastObservedAt = new Date(firstObservedAt.getTime() + Math.floor(random() * 30) * DAY_MS)
    const sourceUrl = isLanguage
      ? `https://github.com/advisories?query=${id}`
      : `https://security-tracker.debian.org/tracker/${id}`
    return {
      awsAccountId: accountId,
      findingArn: `arn:aws:inspector2:${region}:${accountId}:finding/${hex(random, 32)}`,
      title: `${id} - ${affected.package.name}`,
      description: descriptionFor(random, affected.vulnerableSource),
      severity,
      score,
      status: 'ACTIVE',
      type: 'PACKAGE_VULNERABILITY',
      firstObservedAt,
      lastObservedAt,
      updatedAt: lastObservedAt,
      fixAvailable: affected.fixable ? 'YES' : 'NO',
      exploitAvailable: severity === 'CRITICAL' && random() < 0.5 ? 'YES' : 'NO',
      remediation: { recommendation: { text: 'None Provided' } },
      scoreDetails:
        score === undefined
          ? undefined
          : {
              cvss: {
                score,
                scoreSource: 'NVD',
                scoringVector: vector,
                version: '3.1',
                adjustments: []
              }
            },
      packageVulnerabilityDetails: {
        vulnerabilityId: id,
        source: isLanguage ? 'GITHUB' : 'DEBIAN_CVE',
        sourceUrl,
        cvss:
          score === undefined
            ? []
            : [{ baseScore: score, scoringVector: vector, source: 'NVD', version: '3.1' }],
        referenceUrls: [`https://nvd.nist.gov/vuln/detail/${id}`],
        vulnerablePackages: [affected.package]
      },
      resources: [
        {
          id: `arn:aws:ecr:${region}:${accountId}:repository/${repository}/${digest}`,
          type: 'AWS_ECR_CONTAINER_IMAGE',
          details: {
            awsEcrContainerImage: {
              architecture: 'amd64',
              imageHash: digest,
              platform: 'DEBIAN_12',
              pushedAt: new Date(OBSERVED_FROM),
              registry: accountId,
              repositoryName: repository
            }
          }
        }
      ]
    }
  })
}

// Exactly 5,000 characters with markup, a pipe and non-ASCII throughout.
const LONG_TEXT = 'A long line | <b>unclosed é '.repeat(200).slice(0, 5_000)

/** Payloads a renderer must neutralise, by what each one tries to do. */
export const HOSTILE_TEXT = {
  html: '<img src=x onerror=alert(1)>',
  closesTable: '</table>',
  opensDetails: '<details>',
  mention: '@org/team',
  scriptLink: '[x](javascript:alert(1))',
  backticks: '``` `rm -rf /` ```',
  pipes: 'a | b || c',
  newlines: 'line one\nline two\r\n\nline four',
  long: LONG_TEXT,
  nonAscii: 'Ünïcödé — 漢字 — 🚀 — \u202Ereversed\u202C'
}

const EVERY_PAYLOAD = Object.values(HOSTILE_TEXT)
  .filter(text => text !== LONG_TEXT)
  .join(' ')

/**
 * A finding whose every text field is hostile: markup, mentions, javascript: links, backticks,
 * pipes, newlines, a 5,000-character string and non-ASCII.
 * @param {'basic' | 'enhanced'} [source]
 */
export function hostileFinding(source = 'basic') {
  const id = `CVE-2024-0001 ${HOSTILE_TEXT.html}${HOSTILE_TEXT.closesTable}`
  const packageName = `pkg${HOSTILE_TEXT.pipes}${HOSTILE_TEXT.opensDetails}`
  const version = `1.0${HOSTILE_TEXT.backticks}\n2.0`
  const description = `${EVERY_PAYLOAD}\n${LONG_TEXT}`
  if (source === 'basic') {
    return {
      name: id,
      description,
      uri: 'javascript:alert(1)',
      severity: 'CRITICAL',
      attributes: [
        { key: 'package_name', value: packageName },
        { key: 'package_version', value: version },
        { key: 'CVSS3_SCORE', value: '9.8' }
      ]
    }
  }
  return {
    title: `${HOSTILE_TEXT.mention} ${HOSTILE_TEXT.scriptLink} ${HOSTILE_TEXT.nonAscii}`,
    description,
    severity: 'CRITICAL',
    score: 9.8,
    status: 'ACTIVE',
    type: 'PACKAGE_VULNERABILITY',
    fixAvailable: 'YES',
    exploitAvailable: 'YES',
    findingArn: `arn:aws:inspector2:us-east-1:${DEFAULT_ACCOUNT_ID}:finding/${HOSTILE_TEXT.html}`,
    remediation: { recommendation: { text: HOSTILE_TEXT.scriptLink, url: 'javascript:alert(1)' } },
    packageVulnerabilityDetails: {
      vulnerabilityId: id,
      sourceUrl: 'javascript:alert(1)',
      referenceUrls: ['data:text/html,<script>alert(1)</script>'],
      vulnerablePackages: [
        { name: packageName, version, fixedInVersion: HOSTILE_TEXT.newlines },
        { name: HOSTILE_TEXT.nonAscii, version: HOSTILE_TEXT.long }
      ]
    }
  }
}
