import './sourcemap-register.cjs';import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 7328:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/config/inputs.ts + 1 modules
var inputs = __nccwpck_require__(552);
// EXTERNAL MODULE: ./src/core/backoff.ts
var backoff = __nccwpck_require__(3915);
// EXTERNAL MODULE: ./src/model/text.ts
var model_text = __nccwpck_require__(5086);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
;// CONCATENATED MODULE: ./src/action/runner.ts

/*
 * The two pieces of the runner's protocol a step needs before it knows it will run: reading an
 * input and failing the step. They are written here rather than taken from @actions/core because
 * importing @actions/core loads its OIDC HTTP client (undici): on Node 24 that alone takes about
 * twice as long as starting Node, and a step with a wrong input should say so at once.
 * Both behave exactly as @actions/core's getInput (untrimmed) and setFailed; a test holds them to it.
 */
/**
 * Reads inputs as the runner passes them, `INPUT_<NAME>`, untrimmed so line numbers in inline
 * ignore rules match what the workflow shows.
 */
function actionInput(env) {
    return name => env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
}
/** An `::error::` annotation and exit code 1; the message is escaped so it cannot end the command. */
function failStep(message) {
    process.exitCode = 1;
    const data = message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    process.stdout.write(`::error::${data}${external_node_os_.EOL}`);
}

;// CONCATENATED MODULE: ./src/action/main.ts




const realSleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
/**
 * The whole step. Inputs are read before anything heavy loads, so a wrong input fails at once;
 * @actions/core, the AWS SDK and the reports come with the step itself.
 */
async function run(overrides = {}) {
    const options = {
        now: Date.now,
        sleep: realSleep,
        random: Math.random,
        backoff: backoff/* DEFAULT_BACKOFF */.VU,
        env: process.env,
        loadStep: () => Promise.all(/* import() */[__nccwpck_require__.e(421), __nccwpck_require__.e(925)]).then(__nccwpck_require__.bind(__nccwpck_require__, 925)),
        ...overrides
    };
    let config;
    try {
        config = (0,inputs/* readConfig */.Xg)(actionInput(options.env), options.env);
    }
    catch (error) {
        failStep((0,model_text/* errorMessage */.gJ)(error));
        return;
    }
    try {
        const { runStep } = await options.loadStep();
        await runStep(config, options);
    }
    catch (error) {
        // A broken bundle or a bug: still one line that fails the step, never a bare stack trace.
        failStep(`ecr-scan-findings stopped unexpectedly: ${(0,model_text/* errorMessage */.gJ)(error)}. Rerun the job; if it happens again, please report it with the run log.`);
    }
}


/***/ }),

/***/ 552:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  WA: () => (/* binding */ DIGEST_PATTERN),
  bO: () => (/* binding */ INPUT),
  dz: () => (/* binding */ InputError),
  aY: () => (/* binding */ REGION_PATTERN),
  TE: () => (/* binding */ REGISTRY_ID_PATTERN),
  G_: () => (/* binding */ REPOSITORY_PATTERN),
  A0: () => (/* binding */ TAG_PATTERN),
  Xg: () => (/* binding */ readConfig)
});

// UNUSED EXPORTS: parseDuration, parseMaxFindings

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./src/model/text.ts
var model_text = __nccwpck_require__(5086);
;// CONCATENATED MODULE: ./src/model/image-reference.ts


/** Host, repository (256), tag (300) and digest fit well inside this; longer is not a reference. */
const MAX_REFERENCE_LENGTH = 1024;
/** How much of an offending line a message quotes. */
const MAX_REPOSITORY_LENGTH = 256;
// Private ECR registry hosts, as AWS documents them: standard and FIPS
// (ACCOUNT.dkr.ecr[-fips].REGION.amazonaws.com), China (… .amazonaws.com.cn) and dual-stack
// (ACCOUNT.dkr-ecr[-fips].REGION.on.aws). The account is checked separately for a clearer message.
const ECR_HOST = /^(\d+)\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/;
const ECR_DUAL_STACK_HOST = /^(\d+)\.dkr-ecr(?:-fips)?\.([a-z0-9-]+)\.on\.aws$/;
const ECR_LOOK_ALIKE = /dkr[.-]ecr|amazonaws\.com|\.on\.aws$/;
const INVISIBLE_OR_CONTROL = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;
const NOT_ASCII = /[^\x20-\x7e]/u;
const OTHER_REGISTRIES = {
    'docker.io': 'Docker Hub',
    'index.docker.io': 'Docker Hub',
    'registry-1.docker.io': 'Docker Hub',
    'registry.hub.docker.com': 'Docker Hub',
    'ghcr.io': 'the GitHub Container Registry',
    'public.ecr.aws': 'Amazon ECR Public'
};
/** What is wrong with one reference; the caller adds the input name and the line. */
class ReferenceProblem extends Error {
}
function problem(message) {
    throw new ReferenceProblem(message);
}
function codePoint(char) {
    return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
/** Characters a reader cannot see or tell apart (look-alike letters) are named, not guessed at. */
function checkCharacters(text) {
    if (text.length > MAX_REFERENCE_LENGTH) {
        problem(`it is ${text.length} characters long; an image reference has at most ${MAX_REFERENCE_LENGTH}.`);
    }
    const chars = Array.from(text);
    const invisible = chars.findIndex(char => INVISIBLE_OR_CONTROL.test(char));
    if (invisible >= 0) {
        problem(`it contains the invisible or control character ${codePoint(chars[invisible] ?? '')} at column ${invisible + 1}; remove it.`);
    }
    const foreign = chars.findIndex(char => NOT_ASCII.test(char));
    if (foreign >= 0) {
        problem(`it contains the non-ASCII character ${codePoint(chars[foreign] ?? '')} at column ${foreign + 1}; image references are plain ASCII (was a look-alike letter pasted?).`);
    }
}
function checkDigest(digest) {
    if (digest === '')
        problem(`the digest after '@' is empty; write @sha256: and 64 hex digits.`);
    if (!digest.startsWith('sha256:')) {
        problem(`only sha256 digests are supported; write @sha256: and 64 lowercase hex digits.`);
    }
    if (!DIGEST_PATTERN.test(digest)) {
        const hex = digest.slice('sha256:'.length);
        const detail = /^[a-fA-F0-9]{64}$/.test(hex)
            ? 'in lowercase'
            : `exactly 64 hex digits (found ${hex.length} characters)`;
        problem(`the digest must be sha256: followed by ${detail}.`);
    }
    return digest;
}
function checkTag(tag) {
    if (tag === '')
        problem(`the tag after ':' is empty.`);
    if (tag.length > 300)
        problem(`the tag is ${tag.length} characters long; ECR allows at most 300.`);
    if (!TAG_PATTERN.test(tag)) {
        problem(`the tag may contain only letters, digits, and . _ - and must not start with . or -.`);
    }
    return tag;
}
function checkRepository(repository, hasHost) {
    if (repository === '')
        problem(`the repository name is missing; write repository:tag.`);
    if (!hasHost &&
        (ECR_HOST.test(repository) ||
            ECR_DUAL_STACK_HOST.test(repository) ||
            repository.includes('.dkr.ecr'))) {
        problem(`'${repository}' is a registry host, not a repository; add /REPOSITORY after it.`);
    }
    if (repository.length > MAX_REPOSITORY_LENGTH) {
        problem(`the repository name is ${repository.length} characters long; ECR allows at most ${MAX_REPOSITORY_LENGTH}.`);
    }
    if (/[A-Z]/.test(repository)) {
        problem(`the repository name must be lowercase; ECR repository names have no capital letters.`);
    }
    if (/[^a-z0-9._/-]/.test(repository)) {
        problem(`the repository name may contain only lowercase letters, digits, and . _ - / separators.`);
    }
    if (!REPOSITORY_PATTERN.test(repository)) {
        problem(`each part of the repository name must start and end with a letter or digit, with one . _ - or / between parts.`);
    }
    return repository;
}
const WRITE_INSTEAD = 'Write ACCOUNT.dkr.ecr.REGION.amazonaws.com/REPOSITORY:TAG, or REPOSITORY:TAG for the registry and region the action is configured with.';
/** The account and region of a private ECR registry host; anything else is refused with advice. */
function registryOf(host) {
    const lower = host.toLowerCase();
    const match = ECR_HOST.exec(lower) ?? ECR_DUAL_STACK_HOST.exec(lower);
    if (!match) {
        if (ECR_LOOK_ALIKE.test(lower)) {
            problem(`'${host}' is not a private ECR registry host; expected ACCOUNT.dkr.ecr.REGION.amazonaws.com (or its FIPS, China or dual-stack form).`);
        }
        const known = OTHER_REGISTRIES[lower];
        const label = known ?? 'a registry other than Amazon ECR';
        const dotted = !known && /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/.test(host)
            ? ` A repository whose first part contains a dot (such as '${host}/…') needs the full ECR URI.`
            : '';
        problem(`'${host}' is ${label}; only private Amazon ECR repositories are supported. ${WRITE_INSTEAD}${dotted}`);
    }
    const [, registryId = '', region = '', china] = match;
    if (!REGISTRY_ID_PATTERN.test(registryId)) {
        problem(`the account id in the registry host must be 12 digits, found ${registryId.length} ('${registryId}').`);
    }
    if (!REGION_PATTERN.test(region)) {
        problem(`'${region}' in the registry host is not an AWS region such as us-east-1.`);
    }
    if (Boolean(china) !== region.startsWith('cn-')) {
        problem(china
            ? `'${region}' is not a China region; only cn-* regions use amazonaws.com.cn.`
            : `the China region ${region} is served from amazonaws.com.cn, not amazonaws.com.`);
    }
    return { registryId, region };
}
/** One reference, already trimmed; a problem is thrown as a ReferenceProblem. */
function parseReference(reference) {
    checkCharacters(reference);
    let name = reference;
    let digest;
    const at = reference.indexOf('@');
    if (at >= 0) {
        if (reference.includes('@', at + 1)) {
            problem(`it has more than one '@'; write repository:tag@sha256:<digest>.`);
        }
        name = reference.slice(0, at);
        digest = checkDigest(reference.slice(at + 1));
    }
    // Docker's rule: a first part with a dot or a port (or localhost) is a registry host.
    let registry;
    const slash = name.indexOf('/');
    const first = slash >= 0 ? name.slice(0, slash) : '';
    if (/[.:]/.test(first) || first === 'localhost') {
        registry = registryOf(first);
        name = name.slice(slash + 1);
    }
    let tag;
    const colon = name.lastIndexOf(':');
    if (colon >= 0) {
        tag = name.slice(colon + 1);
        name = name.slice(0, colon);
        if (name.includes(':')) {
            problem(`it has more than one ':'; write one repository:tag per line.`);
        }
        checkTag(tag);
    }
    const repository = checkRepository(name, registry !== undefined);
    if (tag === undefined && digest === undefined) {
        problem(`it names no tag or digest; write repository:tag or repository@sha256:<digest> (latest is not assumed, so the action judges exactly the image that was pushed).`);
    }
    return {
        repository,
        ...(tag !== undefined && { tag }),
        ...(digest !== undefined && { digest }),
        ...registry,
        reference
    };
}
/** With a digest the digest alone picks the image; a tag is then only a label for it. */
function identity(spec) {
    const which = spec.digest ? `@${spec.digest}` : `:${spec.tag ?? ''}`;
    return `${spec.registryId ?? ''}/${spec.region ?? ''}/${spec.repository}${which}`;
}
/**
 * The `images` input: one reference per line (`repository:tag`, `repository@sha256:…`,
 * `repository:tag@sha256:…`, or the full private ECR URI of any of them). Blank lines and lines
 * starting with `#` are skipped. Blank text gives no images; text with only comments is an error.
 * Two lines naming the same image (after parsing, before any lookup) are an error.
 */
function parseImageReferences(text, inputName) {
    if (text.trim() === '')
        return [];
    const specs = [];
    const seen = new Map();
    text.split(/\r?\n/).forEach((raw, index) => {
        const line = index + 1;
        const reference = raw.trim();
        if (reference === '' || reference.startsWith('#'))
            return;
        const where = `Invalid input '${inputName}', line ${line} ('${(0,model_text/* printable */.g$)(reference)}')`;
        let spec;
        try {
            spec = parseReference(reference);
        }
        catch (error) {
            if (error instanceof ReferenceProblem)
                throw new InputError(`${where}: ${error.message}`);
            throw error;
        }
        const key = identity(spec);
        const earlier = seen.get(key);
        if (earlier) {
            throw new InputError(`${where}: it names the same image as line ${earlier.line} ('${(0,model_text/* printable */.g$)(earlier.reference)}'); list each image once.`);
        }
        seen.set(key, { line, reference });
        specs.push(spec);
    });
    if (specs.length === 0) {
        throw new InputError(`Invalid input '${inputName}': it has only comments; list at least one image reference, one per line.`);
    }
    return specs;
}
/**
 * The `baseline` input: a tag (`main`) or a digest (`sha256:…`) of the image's own repository, or
 * a reference of its own (`repository:tag`, a full URI). Undefined when blank. A bare word is a
 * tag: a repository without a tag or digest would not say which image to compare with.
 */
function parseBaselineReference(text, inputName) {
    const reference = text.trim();
    if (reference === '')
        return undefined;
    try {
        if (/[\r\n]/.test(reference))
            problem('give one image reference, on one line.');
        checkCharacters(reference);
        if (reference.startsWith('sha256:')) {
            return { kind: 'same-repository', digest: checkDigest(reference), reference };
        }
        if (!/[:/@]/.test(reference)) {
            return { kind: 'same-repository', tag: checkTag(reference), reference };
        }
        return { kind: 'image', image: parseReference(reference) };
    }
    catch (error) {
        if (error instanceof ReferenceProblem) {
            throw new InputError(`Invalid input '${inputName}' ('${(0,model_text/* printable */.g$)(reference)}'): ${error.message}`);
        }
        throw error;
    }
}

// EXTERNAL MODULE: ./src/model/severity.ts
var model_severity = __nccwpck_require__(1502);
// EXTERNAL MODULE: ./src/report/limits.ts
var limits = __nccwpck_require__(5356);
;// CONCATENATED MODULE: ./src/config/inputs.ts




/** Every input name, typed once: action.yml and the README document the same list. */
const INPUT = {
    repository: 'repository',
    imageTag: 'image-tag',
    imageDigest: 'image-digest',
    registryId: 'registry-id',
    region: 'region',
    timeout: 'timeout',
    startScan: 'start-scan',
    scanFailure: 'scan-failure',
    failOn: 'fail-on',
    maxFindings: 'max-findings',
    ignoreFile: 'ignore-file',
    ignore: 'ignore',
    onlyFixable: 'only-fixable',
    minCvss: 'min-cvss',
    failOnExploit: 'fail-on-exploit',
    jsonReport: 'json-report',
    sarifReport: 'sarif-report',
    dockerfile: 'dockerfile',
    comment: 'comment',
    commentKey: 'comment-key',
    commentMaxRows: 'comment-max-rows',
    prNumber: 'pr-number',
    githubToken: 'github-token',
    images: 'images',
    maxConcurrency: 'max-concurrency',
    baseline: 'baseline',
    onlyNew: 'only-new',
    settleInterval: 'settle-interval',
    enrich: 'enrich',
    failOnKev: 'fail-on-kev',
    minEpss: 'min-epss'
};
const DEFAULT_IGNORE_FILE = '.github/ecr-scan-ignore.yml';
const DEFAULT_TIMEOUT = '10m';
/**
 * Enhanced scan findings can still be arriving when the status settles: they are read again this
 * long after the first read, until two reads agree. 15 s is the longest poll interval, long
 * enough for Inspector to publish a batch already under way, and short next to an enhanced scan.
 */
const DEFAULT_SETTLE_INTERVAL = '15s';
/** ECR allows a few DescribeImageScanFindings calls a second; the SDK's retries absorb bursts. */
const DEFAULT_MAX_CONCURRENCY = 5;
/** An input the user must fix; the message names the input and what it accepts. */
class InputError extends Error {
    name = 'InputError';
}
// ECR's own naming rules (CreateRepository), so a typo fails here rather than at the API.
const REPOSITORY_PATTERN = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
const TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,299}$/;
const DIGEST_PATTERN = /^sha256:[a-f0-9]{64}$/;
const REGISTRY_ID_PATTERN = /^[0-9]{12}$/;
const REGION_PATTERN = /^[a-z]{2,4}(?:-[a-z]+)+-\d+$/;

// The key goes into the comment's hidden marker, which has a fixed budget in the comment.
const COMMENT_KEY_PATTERN = /^[^\r\n]{1,100}$/;
const DURATION_PART = /(\d+)(h|m|s)/g;
function optional(read, name) {
    const value = read(name).trim();
    return value === '' ? undefined : value;
}
/** As written, leading blank lines included, so rule problems name the lines the workflow shows. */
function inlineRules(read) {
    const text = read(INPUT.ignore);
    return text.trim() === '' ? undefined : text;
}
function matching(read, name, pattern, expected) {
    const value = optional(read, name);
    if (value !== undefined && !pattern.test(value)) {
        throw new InputError(`Invalid input '${name}': '${value}' is not ${expected}.`);
    }
    return value;
}
function oneOf(read, name, allowed, fallback) {
    const value = optional(read, name);
    if (value === undefined)
        return fallback;
    const match = allowed.find(option => option.toLowerCase() === value.toLowerCase());
    if (!match) {
        throw new InputError(`Invalid input '${name}': '${value}'. Possible options are: ${allowed.join(', ')}.`);
    }
    return match;
}
/** YAML 1.2 core booleans only, as core.getBooleanInput accepts: anything else is a mistake. */
function inputs_boolean(read, name, fallback) {
    const value = optional(read, name);
    if (value === undefined)
        return fallback;
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    throw new InputError(`Invalid input '${name}': '${value}'. Use true or false.`);
}
/** Plain seconds (`600`) or units (`30s`, `10m`, `1h`, `1m30s`). */
function parseDuration(text, name) {
    const value = text.trim();
    if (/^\d+$/.test(value))
        return Number(value) * 1000;
    const parts = [...value.matchAll(DURATION_PART)];
    const covered = parts.map(part => part[0]).join('');
    if (parts.length === 0 || covered !== value) {
        throw new InputError(`Invalid input '${name}': '${text}'. Use seconds (600) or a duration like 30s, 10m, 1h30m.`);
    }
    const unitMs = { h: 3_600_000, m: 60_000, s: 1000 };
    return parts.reduce((total, [, amount, unit]) => total + Number(amount) * unitMs[unit], 0);
}
function positiveDuration(read, name, fallback) {
    const ms = parseDuration(optional(read, name) ?? fallback, name);
    if (ms <= 0)
        throw new InputError(`Invalid input '${name}': it must be longer than zero.`);
    return ms;
}
/** `CRITICAL=0, HIGH=5` (commas or new lines; `=` or `:`), severity names in any case. */
function parseMaxFindings(text) {
    const limits = {};
    for (const entry of (text ?? '')
        .split(/[,\n]/)
        .map(part => part.trim())
        .filter(Boolean)) {
        const match = /^([A-Za-z_]+)\s*[=:]\s*(\S+)$/.exec(entry);
        const severity = match?.[1]?.toUpperCase();
        if (!match || !severity || !model_severity/* SEVERITIES */.oC.includes(severity)) {
            throw new InputError(`Invalid input '${INPUT.maxFindings}': '${entry}'. Write SEVERITY=COUNT with SEVERITY one of ${model_severity/* SEVERITIES */.oC.join(', ')}, e.g. CRITICAL=0, HIGH=5.`);
        }
        const count = match[2] ?? '';
        if (!/^\d+$/.test(count)) {
            throw new InputError(`Invalid input '${INPUT.maxFindings}': the count for ${severity} must be a whole number of 0 or more, got '${count}'.`);
        }
        if (limits[severity] !== undefined) {
            throw new InputError(`Invalid input '${INPUT.maxFindings}': ${severity} is given twice. Keep one limit per severity.`);
        }
        limits[severity] = Number(count);
    }
    return limits;
}
function failOn(read) {
    const choice = oneOf(read, INPUT.failOn, [...model_severity/* RANKED_SEVERITIES */.Kw, 'NONE'], 'HIGH');
    return choice === 'NONE' ? undefined : choice;
}
function minCvss(read) {
    const value = optional(read, INPUT.minCvss);
    if (value === undefined)
        return undefined;
    const score = Number(value);
    if (!Number.isFinite(score) || score < 0 || score > 10) {
        throw new InputError(`Invalid input '${INPUT.minCvss}': '${value}'. Use a CVSS score from 0 to 10, e.g. 7.0.`);
    }
    return score;
}
function minEpss(read) {
    const value = optional(read, INPUT.minEpss);
    if (value === undefined)
        return undefined;
    const score = Number(value);
    if (!/^(?:\d+(?:\.\d*)?|\.\d+)$/.test(value) || !Number.isFinite(score) || score > 1) {
        throw new InputError(`Invalid input '${INPUT.minEpss}': '${value}'. Use an EPSS probability from 0 to 1, e.g. 0.1 for a 10% chance of exploitation in the next 30 days.`);
    }
    return score;
}
/** `fail-on-kev` and `min-epss` judge by data only `enrich: inspector` fetches: alone they would do nothing. */
function requireEnrichment(config) {
    if (config.enrich === 'inspector')
        return;
    const needing = [
        ...(config.thresholds.failOnKev ? [`'${INPUT.failOnKev}: true'`] : []),
        ...(config.minEpss !== undefined ? [`'${INPUT.minEpss}'`] : [])
    ];
    if (needing.length === 0)
        return;
    throw new InputError(`${needing.join(' and ')} need${needing.length === 1 ? 's' : ''} EPSS and KEV data from Amazon Inspector: set the '${INPUT.enrich}' input to 'inspector' (enhanced scanning only), or remove ${needing.length === 1 ? 'it' : 'them'}.`);
}
function prNumber(read) {
    const value = optional(read, INPUT.prNumber);
    if (value === undefined)
        return undefined;
    if (!/^[1-9]\d*$/.test(value)) {
        throw new InputError(`Invalid input '${INPUT.prNumber}': '${value}'. Use the pull request's number, e.g. 42.`);
    }
    return Number(value);
}
function region(read, env, options) {
    const value = matching(read, INPUT.region, REGION_PATTERN, 'an AWS region such as us-east-1');
    // `||`, not `??`: an empty AWS_REGION must not hide AWS_DEFAULT_REGION.
    const fromEnv = env.AWS_REGION?.trim() ? 'AWS_REGION' : 'AWS_DEFAULT_REGION';
    const chosen = value || env[fromEnv]?.trim();
    const cli = options.surface === 'cli';
    if (!chosen) {
        throw new InputError(cli
            ? 'No AWS region: give --region, or set AWS_REGION or AWS_DEFAULT_REGION in the environment.'
            : `No AWS region: set the '${INPUT.region}' input, or AWS_REGION (aws-actions/configure-aws-credentials sets it from its aws-region input).`);
    }
    if (!REGION_PATTERN.test(chosen)) {
        throw new InputError(cli
            ? `Invalid ${fromEnv} '${chosen}': expected an AWS region such as us-east-1. Fix ${fromEnv} in the environment, or give --region.`
            : `Invalid ${fromEnv} '${chosen}': expected an AWS region such as us-east-1. Fix the aws-region given to configure-aws-credentials, or set the '${INPUT.region}' input.`);
    }
    return chosen;
}
function singleImage(read, env, options) {
    const repository = optional(read, INPUT.repository);
    if (!repository)
        throw new InputError(`Input required and not supplied: '${INPUT.repository}' (the ECR repository name, e.g. my-team/web-api), or '${INPUT.images}'.`);
    if (!REPOSITORY_PATTERN.test(repository) ||
        repository.length > 256 ||
        repository.includes('.dkr.ecr.')) {
        throw new InputError(`Invalid input '${INPUT.repository}': '${repository}' is not an ECR repository name (lowercase letters, digits, . _ - and / separators; the name only, not the registry URI; a full URI goes in '${INPUT.images}').`);
    }
    const imageTag = matching(read, INPUT.imageTag, TAG_PATTERN, 'a valid image tag');
    const imageDigest = matching(read, INPUT.imageDigest, DIGEST_PATTERN, 'an image digest (sha256: followed by 64 hex digits)');
    if (!imageTag && !imageDigest) {
        throw new InputError(`Set '${INPUT.imageTag}' or '${INPUT.imageDigest}' to say which image to check.`);
    }
    const reference = `${repository}${imageTag ? `:${imageTag}` : ''}${imageDigest ? `@${imageDigest}` : ''}`;
    return {
        reference,
        region: region(read, env, options),
        query: { repository, imageTag, imageDigest, registryId: registryId(read) }
    };
}
function registryId(read) {
    return matching(read, INPUT.registryId, REGISTRY_ID_PATTERN, 'a 12-digit AWS account id');
}
/** `images` or the single-image inputs, never both: a mix would leave one of them unjudged. */
function imageTargets(read, env, options) {
    const list = read(INPUT.images);
    if (list.trim() === '')
        return [singleImage(read, env, options)];
    const single = [INPUT.repository, INPUT.imageTag, INPUT.imageDigest].filter(name => optional(read, name));
    if (single.length > 0) {
        throw new InputError(`Set either '${INPUT.images}' or ${single.map(name => `'${name}'`).join(' and ')}, not both: put every image in '${INPUT.images}'.`);
    }
    // Only images without a region in their URI need one from the input or the environment.
    let fallbackRegion;
    const defaultRegion = () => (fallbackRegion ??= region(read, env, options));
    const defaultRegistry = registryId(read);
    return parseImageReferences(list, INPUT.images).map(spec => ({
        reference: spec.reference,
        region: spec.region ?? defaultRegion(),
        query: {
            repository: spec.repository,
            imageTag: spec.tag,
            imageDigest: spec.digest,
            registryId: spec.registryId ?? defaultRegistry
        }
    }));
}
function positiveInteger(read, name, fallback, max) {
    const value = optional(read, name);
    if (value === undefined)
        return fallback;
    const number = Number(value);
    if (!/^\d+$/.test(value) || number < 1 || number > max) {
        throw new InputError(`Invalid input '${name}': '${value}' is not a whole number from 1 to ${max}.`);
    }
    return number;
}
/** Reads and checks every input; nothing else in the action reads inputs. */
function readConfig(read, env, options = {}) {
    const config = readInputs(read, env, options);
    requireEnrichment(config);
    return config;
}
function readInputs(read, env, options) {
    const ignorePath = optional(read, INPUT.ignoreFile);
    return {
        images: imageTargets(read, env, options),
        maxConcurrency: positiveInteger(read, INPUT.maxConcurrency, DEFAULT_MAX_CONCURRENCY, 50),
        baseline: parseBaselineReference(read(INPUT.baseline), INPUT.baseline),
        onlyNew: inputs_boolean(read, INPUT.onlyNew, false),
        timeoutMs: positiveDuration(read, INPUT.timeout, DEFAULT_TIMEOUT),
        settleIntervalMs: parseDuration(optional(read, INPUT.settleInterval) ?? DEFAULT_SETTLE_INTERVAL, INPUT.settleInterval),
        startScan: inputs_boolean(read, INPUT.startScan, false),
        scanFailure: oneOf(read, INPUT.scanFailure, ['fail', 'warn'], 'fail'),
        thresholds: {
            failOn: failOn(read),
            maxCounts: parseMaxFindings(optional(read, INPUT.maxFindings)),
            failOnExploit: inputs_boolean(read, INPUT.failOnExploit, false),
            failOnKev: inputs_boolean(read, INPUT.failOnKev, false)
        },
        ignoreFile: {
            path: ignorePath ?? DEFAULT_IGNORE_FILE,
            // The runner passes action.yml's default as if it were given, so only another path is explicit.
            explicit: ignorePath !== undefined &&
                external_node_path_.posix.normalize(ignorePath.replace(/\\/g, '/')) !== DEFAULT_IGNORE_FILE
        },
        ignoreInline: inlineRules(read),
        onlyFixable: inputs_boolean(read, INPUT.onlyFixable, false),
        minCvss: minCvss(read),
        enrich: oneOf(read, INPUT.enrich, ['none', 'inspector'], 'none'),
        minEpss: minEpss(read),
        jsonReport: optional(read, INPUT.jsonReport),
        sarifReport: optional(read, INPUT.sarifReport),
        dockerfile: optional(read, INPUT.dockerfile) ?? 'Dockerfile',
        comment: oneOf(read, INPUT.comment, ['always', 'on-failure', 'never'], 'always'),
        commentKey: matching(read, INPUT.commentKey, COMMENT_KEY_PATTERN, 'a key of at most 100 characters on one line'),
        commentMaxRows: positiveInteger(read, INPUT.commentMaxRows, limits/* COMMENT_MAX_ROWS */.BC, 100),
        prNumber: prNumber(read),
        githubToken: optional(read, INPUT.githubToken)
    };
}


/***/ }),

/***/ 3915:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   EY: () => (/* binding */ backoffDelay),
/* harmony export */   VU: () => (/* binding */ DEFAULT_BACKOFF),
/* harmony export */   b_: () => (/* binding */ sleepBeforeDeadline)
/* harmony export */ });
/** Starts quickly so a finished scan is noticed soon, and caps low so a long scan is not overslept. */
const DEFAULT_BACKOFF = { initialMs: 3000, maxMs: 15000, factor: 2 };
/**
 * Delay before poll number `attempt` (0-based): exponential, capped, with "equal jitter"
 * (half fixed, half random) so parallel jobs spread out without ever polling back-to-back.
 */
function backoffDelay(attempt, options, random) {
    const ceiling = Math.min(options.maxMs, options.initialMs * options.factor ** attempt);
    return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
/** Never sleep past the deadline: the last poll happens right at it. */
function sleepBeforeDeadline(delayMs, nowMs, deadlineMs) {
    return Math.max(0, Math.min(delayMs, deadlineMs - nowMs));
}


/***/ }),

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _action_main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7328);

// The runner starts this file; everything else is in main.ts so tests can call run() directly.
await (0,_action_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 1502:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Kw: () => (/* binding */ RANKED_SEVERITIES),
/* harmony export */   Ot: () => (/* binding */ countBySeverity),
/* harmony export */   T_: () => (/* binding */ toSeverity),
/* harmony export */   W1: () => (/* binding */ emptyCounts),
/* harmony export */   e6: () => (/* binding */ totalOf),
/* harmony export */   oC: () => (/* binding */ SEVERITIES),
/* harmony export */   qs: () => (/* binding */ severityRank)
/* harmony export */ });
/* unused harmony export isSeverity */
/** Every severity ECR reports, most severe first: the order reports and tables use. */
const SEVERITIES = [
    'CRITICAL',
    'HIGH',
    'MEDIUM',
    'LOW',
    'INFORMATIONAL',
    'UNDEFINED',
    'UNTRIAGED'
];
/** Severities with a place on the scale, so "X or higher" has a meaning for them. */
const RANKED_SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'];
/** Higher is more severe; UNDEFINED and UNTRIAGED sit below the scale (0). */
function severityRank(severity) {
    const index = RANKED_SEVERITIES.indexOf(severity);
    return index === -1 ? 0 : RANKED_SEVERITIES.length - index;
}
function isSeverity(value) {
    return SEVERITIES.includes(value);
}
/** Maps ECR's spellings onto the model; anything unknown is kept visible as UNDEFINED. */
function toSeverity(value) {
    const upper = (value ?? '').trim().toUpperCase();
    return isSeverity(upper) ? upper : 'UNDEFINED';
}
function emptyCounts() {
    return Object.fromEntries(SEVERITIES.map(severity => [severity, 0]));
}
function countBySeverity(findings) {
    const counts = emptyCounts();
    for (const finding of findings)
        counts[finding.severity] += 1;
    return counts;
}
/** Findings of every severity. */
function totalOf(counts) {
    return SEVERITIES.reduce((total, severity) => total + counts[severity], 0);
}


/***/ }),

/***/ 5086:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   CA: () => (/* binding */ withoutWorkflowCommands),
/* harmony export */   DJ: () => (/* binding */ withoutControls),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   g$: () => (/* binding */ printable),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   uk: () => (/* binding */ clipChars)
/* harmony export */ });
/** Text from elsewhere (an error, AWS's description) as one line of a log or annotation. */
function oneLine(text) {
    return text.replace(/\s+/g, ' ').trim();
}
/** The message of anything thrown, on one line. */
function errorMessage(error) {
    return oneLine(error instanceof Error ? error.message : String(error));
}
/**
 * Text from outside quoted in a message: printable ASCII only (anything else as \u{…}, so no
 * control, invisible or look-alike character passes), capped at `maxChars`.
 */
function printable(text, maxChars = 80) {
    const chars = Array.from(text).map(char => /[\x20-\x7e]/.test(char) ? char : `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`);
    return chars.length > maxChars ? `${chars.slice(0, maxChars - 1).join('')}…` : chars.join('');
}
/**
 * Text from outside as the Actions runner must not obey it: `::` (a workflow command when it
 * starts a line) and `##[` (the older syntax, found anywhere in a line) get an invisible break.
 * A reader sees the same text.
 */
function withoutWorkflowCommands(text) {
    return text.replaceAll('::', ':\u200B:').replaceAll('##[', '##\u200B[');
}
/** Controls other than tab and line feed, bidi controls, and lone surrogates. */
const UNSAFE_CHARS = /(?![\t\n])\p{Cc}|[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\p{Cs}/gu;
/**
 * Text from outside with line breaks as line feeds and every control character, bidi control and
 * lone surrogate replaced by U+FFFD, so it is well-formed and reads as it holds.
 */
function withoutControls(text) {
    return text.replace(/\r\n?/g, '\n').replace(UNSAFE_CHARS, '\uFFFD');
}
/**
 * At most `maxChars` code points, the cut marked with "…" (counted among them): cut by code
 * points, never between the two halves of a surrogate pair (an emoji), which would leave a lone
 * surrogate.
 */
function clipChars(text, maxChars) {
    if (text.length <= maxChars)
        return text;
    const chars = Array.from(text);
    if (chars.length <= maxChars)
        return text;
    return `${chars.slice(0, Math.max(0, maxChars - 1)).join('')}…`;
}


/***/ }),

/***/ 5356:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ak: () => (/* binding */ SUMMARY_MAX_ROWS),
/* harmony export */   B6: () => (/* binding */ SUMMARY_TARGET_BYTES),
/* harmony export */   BC: () => (/* binding */ COMMENT_MAX_ROWS),
/* harmony export */   QW: () => (/* binding */ MAX_RESULTS_PER_RUN),
/* harmony export */   dN: () => (/* binding */ MAX_RUNS_PER_FILE),
/* harmony export */   jK: () => (/* binding */ COMMENT_MARKER_BUDGET),
/* harmony export */   le: () => (/* binding */ SUMMARY_MAX_PLATFORMS),
/* harmony export */   mq: () => (/* binding */ COMMENT_MAX_PLATFORMS),
/* harmony export */   tH: () => (/* binding */ countWithin),
/* harmony export */   tx: () => (/* binding */ COMMENT_BODY_LIMIT)
/* harmony export */ });
// Every size limit a report must respect, in one place.
// Code scanning's hard limits on an uploaded SARIF file, from GitHub's "SARIF results exceed one or
// more limits" page (docs.github.com/en/code-security/code-scanning/troubleshooting-sarif-uploads/
// results-exceed-limit): 20 runs per file, 25,000 results per run, 25,000 rules per run. Past
// them the whole upload is rejected ("rejecting SARIF, as there are more runs than allowed").
/** Code scanning rejects a SARIF file with more runs than this. */
const MAX_RUNS_PER_FILE = 20;
/** Code scanning rejects a run with more results than this; rules have the same limit. */
const MAX_RESULTS_PER_RUN = 25_000;
/** GitHub rejects issue comments longer than this. */
const COMMENT_BODY_LIMIT = 65_536;
/** Characters the renderer must leave for the marker and its line break; commentMarker keeps to it. */
const COMMENT_MARKER_BUDGET = 1_000;
/**
 * What the job summary stays under. GitHub rejects a step summary above 1 MiB (UTF-8 bytes), and
 * runners have been seen to drop summaries near that without an error, so this keeps well clear.
 */
const SUMMARY_TARGET_BYTES = 900 * 1024;
/**
 * Finding rows the job summary lists at most, over all severities of one image: more than a
 * person reads, well under the byte limit. The rest are counted, and the JSON report has them all.
 */
const SUMMARY_MAX_ROWS = 1_000;
/**
 * Platforms of an index the job summary's image section lists at most; the rest are counted, and
 * the JSON report has them all. More than a person reads, and at most some tens of KB per image.
 */
const SUMMARY_MAX_PLATFORMS = 100;
/** Rows the PR comment's "What fails the check" and "How to fix" list by default (`comment-max-rows`). */
const COMMENT_MAX_ROWS = 10;
/** Platforms of an index the PR comment's image details list; the rest are counted. */
const COMMENT_MAX_PLATFORMS = 20;
/** How many of the blocks, from the first, fit in `room` when each costs `measure(block)`. */
function countWithin(blocks, room, measure) {
    let used = 0;
    let count = 0;
    for (const block of blocks) {
        used += measure(block);
        if (used > room)
            break;
        count += 1;
    }
    return count;
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 2018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

//# sourceMappingURL=index.js.map