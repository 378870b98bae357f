#!/usr/bin/env node
import './sourcemap-register.cjs';import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 486:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(517);

// `ecr-scan-findings` (package.json bin) and `node dist/cli.js` start here; main() takes its
// arguments, environment and streams as parameters so tests run it in-process.
process.exitCode = await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .main */ .i)(process.argv.slice(2), process.env, {
    stdout: process.stdout,
    stderr: process.stderr
});

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 517:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main)
});

// UNUSED EXPORTS: EXIT

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
;// CONCATENATED MODULE: ./src/io/files.ts
// The report files and the ignore file are plain files named by workflow inputs. A symbolic link
// in their place could make the step read or overwrite some other file (on a self-hosted runner,
// anything the runner's account may touch), so the last component of the path must not be a link.
// Links in parent directories are allowed: they are how the workspace is laid out (on macOS, /tmp
// itself is a link), and whoever can plant one there already controls the checkout.



/** Thrown for a path that is not a plain file; other failures keep Node's own errors. */
class PlainFileError extends Error {
    path;
    problem;
    name = 'PlainFileError';
    constructor(path, problem, message) {
        super(message);
        this.path = path;
        this.problem = problem;
    }
}
// O_NOFOLLOW makes open itself refuse a final symbolic link, so there is no gap between a check
// and the open. Windows has no such flag (it is undefined there); see checkSameFile.
const NO_FOLLOW = external_node_fs_.constants.O_NOFOLLOW;
// A FIFO would block open (and read) forever; non-blocking, open returns and fstat refuses it.
const NON_BLOCK = external_node_fs_.constants.O_NONBLOCK ?? 0;
// Duck-typed: Node's own errors need not be instances of this realm's Error (jest's sandbox).
function errorCode(error) {
    const code = typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined;
    return typeof code === 'string' ? code : undefined;
}
async function linkError(path, verb) {
    const target = await (0,promises_.readlink)(path).catch(() => undefined);
    return new PlainFileError(path, 'symbolic-link', `${path} is a symbolic link${target === undefined ? '' : ` (to ${target})`}; ` +
        `ecr-scan-findings refuses to ${verb} through links, point the input at the real file.`);
}
function notAFileError(path, stats, verb) {
    const kind = stats.isDirectory() ? 'a directory' : 'not a regular file';
    return new PlainFileError(path, 'not-a-file', `${path} is ${kind}; ecr-scan-findings can only ${verb} a plain file, point the input at one.`);
}
// With O_NOFOLLOW a final link fails with ELOOP (EMLINK on FreeBSD). ELOOP also means a loop of
// links among the parent directories, so lstat tells the two apart.
async function openPlain(path, flags, verb) {
    try {
        return await (0,promises_.open)(path, flags | (NO_FOLLOW ?? 0) | NON_BLOCK, 0o666);
    }
    catch (error) {
        const code = errorCode(error);
        if (code === 'ELOOP' || code === 'EMLINK') {
            const stats = await (0,promises_.lstat)(path).catch(() => undefined);
            if (stats?.isSymbolicLink())
                throw await linkError(path, verb);
        }
        throw error;
    }
}
// Without O_NOFOLLOW (Windows) open follows links, so compare what was opened with what lstat
// sees at the path: a link, or a file swapped in between, shows as a different file.
async function checkSameFile(path, opened, verb) {
    if (NO_FOLLOW !== undefined)
        return;
    const atPath = await (0,promises_.lstat)(path);
    if (atPath.isSymbolicLink())
        throw await linkError(path, verb);
    if (atPath.dev !== opened.dev || atPath.ino !== opened.ino) {
        throw new PlainFileError(path, 'symbolic-link', `${path} changed while it was opened; ecr-scan-findings refuses to ${verb} through links, point the input at the real file.`);
    }
}
async function checkedHandle(path, flags, verb) {
    const handle = await openPlain(path, flags, verb);
    try {
        const stats = await handle.stat();
        if (!stats.isFile())
            throw notAFileError(path, stats, verb);
        await checkSameFile(path, stats, verb);
        return handle;
    }
    catch (error) {
        await handle.close();
        throw error;
    }
}
/**
 * Reads a plain file as UTF-8. Returns undefined when nothing is at the path (ENOENT), so the
 * caller decides whether a missing file is an error; throws PlainFileError for a symbolic link or
 * anything that is not a regular file, and Node's error for everything else.
 */
async function readPlainFile(path) {
    let handle;
    try {
        // A directory cannot be opened for reading on every platform; fstat then names it.
        handle = await checkedHandle(path, external_node_fs_.constants.O_RDONLY, 'read');
    }
    catch (error) {
        if (errorCode(error) === 'ENOENT')
            return undefined;
        if (errorCode(error) === 'EISDIR')
            throw notAFileError(path, await (0,promises_.lstat)(path), 'read');
        throw error;
    }
    try {
        return await handle.readFile('utf8');
    }
    finally {
        await handle.close();
    }
}
/**
 * Writes text to a plain file, creating it and its parent directories as needed and replacing
 * what was there. Throws PlainFileError for a symbolic link at the path (dangling or not) or for
 * anything that is not a regular file; nothing is written then.
 */
async function writePlainFile(path, text) {
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
    let handle;
    try {
        // No O_TRUNC: the file is emptied only once it is known to be a plain file.
        handle = await checkedHandle(path, external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_CREAT, 'write');
    }
    catch (error) {
        if (errorCode(error) === 'EISDIR')
            throw notAFileError(path, await (0,promises_.lstat)(path), 'write');
        throw error;
    }
    try {
        await handle.truncate(0);
        await handle.writeFile(text, 'utf8');
    }
    finally {
        await handle.close();
    }
}

// EXTERNAL MODULE: ./src/model/text.ts
var model_text = __nccwpck_require__(5086);
;// CONCATENATED MODULE: ./src/aws/errors.ts

function errorName(error) {
    if (error && typeof error === 'object') {
        const { name, code } = error;
        // Node's system and validation codes: ECONNREFUSED, ERR_INVALID_URL.
        if (typeof code === 'string' && /^E[A-Z_]+$/.test(code))
            return code;
        if (typeof name === 'string')
            return name;
    }
    return '';
}
function registry(context) {
    return context.registryId
        ? `registry ${context.registryId} in ${context.region}`
        : `your registry in ${context.region}`;
}
/**
 * Turns an AWS error into one line: what happened and what to do. Matched by name so this
 * module needs no SDK import; unknown errors keep their own name and message.
 */
function explainAwsError(error, context) {
    const name = errorName(error);
    const detail = (0,model_text/* errorMessage */.gJ)(error);
    switch (name) {
        case 'CredentialsProviderError':
            return `No AWS credentials found (${detail}). Add aws-actions/configure-aws-credentials before this step, with 'permissions: id-token: write' for OIDC.`;
        case 'UnrecognizedClientException':
        case 'InvalidSignatureException':
        case 'InvalidClientTokenId':
            return `AWS rejected the credentials (${name}: ${detail}). Check the role or keys configure-aws-credentials used, and that the region ${context.region} is enabled for the account.`;
        case 'ExpiredTokenException':
        case 'ExpiredToken':
            return `The AWS credentials have expired (${detail}). Configure credentials closer to this step or raise role-duration-seconds.`;
        case 'AccessDeniedException':
            return `AWS denied access (${detail}). Grant ecr:DescribeImages, ecr:DescribeImageScanFindings and ecr:BatchGetImage (and ecr:StartImageScan with start-scan) on the repository; see the IAM policy in the README.`;
        case 'RepositoryNotFoundException':
            return `Repository '${context.repository}' was not found in ${registry(context)}. Check the 'repository' input (the name, not the URI), the region, and 'registry-id' for a registry in another account.`;
        case 'ImageNotFoundException':
            return `Image ${context.image ?? ''} was not found in repository '${context.repository}' (${context.region}): ${detail} Check the tag or digest, and that the push step ran before this one.`;
        case 'ThrottlingException':
            return `ECR kept throttling requests after several retries (${detail}). Retry the job later, or run fewer scans at once.`;
        case 'ENOTFOUND':
        case 'ECONNREFUSED':
        case 'ECONNRESET':
        case 'ETIMEDOUT':
        case 'TimeoutError':
            return `Could not reach ECR in ${context.region} (${name}: ${detail}). Check the region, any AWS_ENDPOINT_URL_ECR setting and the runner's network or proxy.`;
        case 'AbortError':
            return `The step's timeout ran out while waiting for ECR in ${context.region} to answer (${detail}). Raise 'timeout', or check that ECR is reachable from the runner.`;
        case 'ERR_INVALID_URL':
            return `An endpoint setting is not a valid URL (${detail}). Check AWS_ENDPOINT_URL_ECR and AWS_ENDPOINT_URL, or remove them to use ECR's public endpoint.`;
        case 'ManifestError':
        case 'ImageMismatchError':
        case 'EcrAnswerError':
            return detail;
    }
    // Every answer from AWS carries $metadata; anything else is this action's own failure.
    if (!(error && typeof error === 'object' && '$metadata' in error)) {
        return `Unexpected error (${name || 'error'}: ${detail}). Please report this with the run log.`;
    }
    return `ECR request failed (${name || 'error'}: ${detail}).`;
}

// EXTERNAL MODULE: ./src/model/findings.ts
var model_findings = __nccwpck_require__(3843);
// EXTERNAL MODULE: ./src/model/manifest.ts
var manifest = __nccwpck_require__(9452);
;// CONCATENATED MODULE: ./src/model/image.ts

/** A multi-platform index: ECR scans the image of each platform, not the index itself. */
function isImageIndex(image) {
    return (0,manifest/* isImageIndexMediaType */.su)(image.manifestMediaType);
}
/** `repository:tag@sha256:…`, the form logged and shown in reports. */
function formatImage(image) {
    const tag = image.tag ? `:${image.tag}` : '';
    return `${image.repository}${tag}@${image.digest}`;
}
/** The first 12 hex digits of the digest, as `docker images` shows it. */
function shortDigest(digest) {
    const [algorithm, hex] = digest.includes(':') ? digest.split(':', 2) : ['', digest];
    return algorithm ? `${algorithm}:${(hex ?? '').slice(0, 12)}` : digest.slice(0, 12);
}

// EXTERNAL MODULE: ./src/model/severity.ts
var model_severity = __nccwpck_require__(1502);
;// CONCATENATED MODULE: ./src/policy/baseline.ts

function diffBaseline(findings, baselineFindings, baseline) {
    const baselineKeys = new Set(baselineFindings.map(model_findings/* findingKey */.fl));
    const imageKeys = new Set(findings.map(model_findings/* findingKey */.fl));
    const unchangedKeys = new Set([...imageKeys].filter(key => baselineKeys.has(key)));
    const unchangedCount = findings.filter(finding => unchangedKeys.has((0,model_findings/* findingKey */.fl)(finding))).length;
    return {
        ...baseline,
        unchangedKeys,
        newCount: findings.length - unchangedCount,
        unchangedCount,
        fixed: baselineFindings.filter(finding => !imageKeys.has((0,model_findings/* findingKey */.fl)(finding)))
    };
}
function changeOf(diff, finding) {
    return diff.unchangedKeys.has((0,model_findings/* findingKey */.fl)(finding)) ? 'unchanged' : 'new';
}
/** The findings the baseline has too, looked up once, for sorting new findings first. */
function unchangedFindings(findings, diff) {
    return new Set(diff ? findings.filter(finding => changeOf(diff, finding) === 'unchanged') : []);
}

// EXTERNAL MODULE: ./src/core/enrichment.ts
var enrichment = __nccwpck_require__(9674);
;// CONCATENATED MODULE: ./src/policy/policy.ts


function evaluatePolicy(findings, thresholds) {
    const counts = (0,model_severity/* countBySeverity */.Ot)(findings);
    const breaches = [];
    const { failOn, maxCounts } = thresholds;
    if (failOn) {
        const atOrAbove = model_severity/* SEVERITIES */.oC.filter(severity => (0,model_severity/* severityRank */.qs)(severity) >= (0,model_severity/* severityRank */.qs)(failOn));
        const exempt = atOrAbove.filter(severity => maxCounts[severity] !== undefined);
        const count = atOrAbove
            .filter(severity => !exempt.includes(severity))
            .reduce((total, severity) => total + counts[severity], 0);
        if (count > 0)
            breaches.push({ rule: 'fail-on', severity: failOn, count, exempt });
    }
    for (const severity of model_severity/* SEVERITIES */.oC) {
        const limit = thresholds.maxCounts[severity];
        if (limit !== undefined && counts[severity] > limit) {
            breaches.push({ rule: 'max-count', severity, count: counts[severity], limit });
        }
    }
    if (thresholds.failOnExploit) {
        const count = findings.filter(finding => finding.exploitAvailable === 'YES').length;
        if (count > 0)
            breaches.push({ rule: 'exploit', count });
    }
    if (thresholds.failOnKev) {
        const count = (0,enrichment/* failOnKev */.Cr)(findings).length;
        if (count > 0)
            breaches.push({ rule: 'kev', count });
    }
    return { passed: breaches.length === 0, breaches, counts };
}
function plural(count, noun) {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
/** One sentence per breach, naming the rule, the count and the limit. */
function describeBreach(breach) {
    switch (breach.rule) {
        case 'fail-on': {
            const rule = `fail-on: ${breach.severity}, allowed: 0`;
            if (breach.exempt.length === 0)
                return `${plural(breach.count, 'finding')} at ${breach.severity} or higher (${rule})`;
            const counted = model_severity/* RANKED_SEVERITIES */.Kw.filter(severity => (0,model_severity/* severityRank */.qs)(severity) >= (0,model_severity/* severityRank */.qs)(breach.severity) &&
                !breach.exempt.includes(severity));
            return `${plural(breach.count, `${counted.join(' or ')} finding`)} (${rule}, ${breach.exempt.join(', ')} left to max-findings)`;
        }
        case 'max-count':
            return `${plural(breach.count, `${breach.severity} finding`)} (max-findings allows ${breach.limit})`;
        case 'exploit':
            return `${plural(breach.count, 'finding')} with a known exploit (fail-on-exploit: true, allowed: 0)`;
        case 'kev':
            return `${plural(breach.count, 'finding')} on the CISA Known Exploited Vulnerabilities list (fail-on-kev: true, allowed: 0)`;
    }
}
/** The limit a severity has under these thresholds, for the counts table; undefined = no limit. */
function limitFor(severity, thresholds) {
    const maxCount = thresholds.maxCounts[severity];
    if (maxCount !== undefined)
        return maxCount;
    const { failOn } = thresholds;
    return failOn && (0,model_severity/* severityRank */.qs)(severity) >= (0,model_severity/* severityRank */.qs)(failOn) ? 0 : undefined;
}

;// CONCATENATED MODULE: ./src/policy/triage.ts


/** `YYYY-MM-DD` of the day in UTC, the clock GitHub runners keep. */
function utcDay(date) {
    return date.toISOString().slice(0, 10);
}
/** The expiry day itself still applies; the rule lapses the day after. */
function isExpired(rule, today) {
    return rule.expires !== undefined && utcDay(today) > rule.expires;
}
function packageNames(finding) {
    return (finding.packageName ?? '').split(',').map(name => name.trim());
}
function ruleMatches(rule, finding) {
    if (rule.id.toLowerCase() !== finding.id.trim().toLowerCase())
        return false;
    return rule.package === undefined || packageNames(finding).includes(rule.package);
}
function formatScore(score) {
    return Number.isInteger(score) ? score.toFixed(1) : String(score);
}
function activeFilters(filters) {
    const active = [];
    if (filters.onlyFixable) {
        // Basic scans never say whether a fix exists (UNKNOWN); dropping those would hide them.
        active.push({
            name: 'only-fixable',
            setsAside: finding => finding.fixAvailable === 'NO',
            cannotJudge: finding => finding.fixAvailable === 'UNKNOWN'
        });
    }
    const minCvss = filters.minCvss;
    if (minCvss !== undefined) {
        active.push({
            name: `min-cvss ${formatScore(minCvss)}`,
            setsAside: finding => finding.cvssScore !== undefined && finding.cvssScore < minCvss,
            cannotJudge: finding => finding.cvssScore === undefined
        });
    }
    if (filters.minEpss !== undefined)
        active.push((0,enrichment/* minEpss */.Kc)(filters.minEpss));
    const onlyNew = filters.onlyNew;
    if (onlyNew) {
        active.push({
            name: 'only-new',
            setsAside: finding => onlyNew.unchangedKeys.has((0,model_findings/* findingKey */.fl)(finding)),
            cannotJudge: () => false
        });
    }
    return active;
}
/**
 * Applies ignore rules, then each filter in turn; `counted` is what the policy judges. A finding
 * set aside by an earlier filter is not counted again by a later one.
 */
function triage(findings, rules, filters, today) {
    const expiredRules = rules.filter(rule => isExpired(rule, today));
    const activeRules = rules.filter(rule => !isExpired(rule, today));
    const usedRules = new Set();
    const ignored = [];
    let remaining = [];
    for (const finding of findings) {
        const matching = activeRules.filter(candidate => ruleMatches(candidate, finding));
        // Every matching rule is in use (none is stale); the first one takes the credit.
        for (const rule of matching)
            usedRules.add(rule);
        const rule = matching[0];
        if (rule) {
            ignored.push({ finding, rule });
        }
        else {
            remaining.push(finding);
        }
    }
    const filterResults = [];
    for (const filter of activeFilters(filters)) {
        const kept = remaining.filter(finding => !filter.setsAside(finding));
        filterResults.push({
            filter: filter.name,
            setAside: remaining.length - kept.length,
            keptUnknown: kept.filter(finding => filter.cannotJudge(finding)).length
        });
        remaining = kept;
    }
    return {
        counted: remaining,
        ignored,
        filters: filterResults,
        expiredRules,
        staleRules: activeRules.filter(rule => !usedRules.has(rule))
    };
}
/**
 * Looks up what triage did with each finding. Triage keeps the scan's own Finding objects, so
 * identity tells them apart even when two findings look alike.
 */
function dispositionOf(triageResult) {
    const counted = new Set(triageResult.counted);
    const ignoredBy = new Map(triageResult.ignored.map(entry => [entry.finding, entry.rule]));
    return finding => {
        const rule = ignoredBy.get(finding);
        if (rule)
            return { kind: 'ignored', rule };
        return counted.has(finding) ? { kind: 'counted' } : { kind: 'set-aside' };
    };
}
function ruleLabel(rule) {
    return `${rule.id}${rule.package ? ` (package ${rule.package})` : ''} at ${rule.origin}`;
}
/** One sentence for the log and reports, so both name the entry and the day it lapsed. */
function describeExpiredRule(rule) {
    return `Ignore rule ${ruleLabel(rule)} expired on ${rule.expires ?? 'an unknown day'} and no longer ignores anything.`;
}
function describeStaleRule(rule) {
    return `Ignore rule ${ruleLabel(rule)} matched no finding of this image; remove it if the vulnerability is gone from every image it covers.`;
}

;// CONCATENATED MODULE: ./src/core/scan-status.ts
const TERMINAL_FIXES = {
    FAILED: 'Scanning failed for this image; push it again or start a new scan, and check the image is a valid container image.',
    UNSUPPORTED_IMAGE: "The image's operating system or media type is not supported by this scan type; see the ECR docs on supported operating systems, or switch to enhanced scanning.",
    FINDINGS_UNAVAILABLE: 'Findings are no longer available (the image may have left the continuous-scan window); rescan the image or push a fresh one.',
    LIMIT_EXCEEDED: 'The scan limit for this image or account was reached; wait before rescanning or ask AWS for a higher quota.',
    IMAGE_ARCHIVED: 'The image is archived and is not scanned; restore it or scan a current image.'
};
const TERMINAL_STATUSES = Object.keys(TERMINAL_FIXES);
function classifyStatus(status) {
    switch (status) {
        case 'PENDING':
        case 'IN_PROGRESS':
            return { kind: 'wait' };
        case 'COMPLETE':
        case 'ACTIVE':
            return { kind: 'read', stale: false };
        case 'SCAN_ELIGIBILITY_EXPIRED':
            return { kind: 'read', stale: true };
    }
    const fix = status ? TERMINAL_FIXES[status] : undefined;
    return {
        kind: 'terminal',
        fix: fix ??
            `ECR reported a scan status this action does not know (${status ?? 'none'}); check the scan in the ECR console and report it if it should be supported.`
    };
}
/** SCAN_ELIGIBILITY_EXPIRED with nothing kept: there is no scan result to judge. */
function expiredWithoutFindingsFix() {
    return 'Scan eligibility expired and ECR kept no findings for this image, so there is nothing to judge; push the image again (or start a scan) to rescan it.';
}
const SCANNING_DOCS = 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html';
/**
 * ECR's wildcard filters: without a `*` a filter matches every repository name containing it;
 * with one, each `*` stands for any sequence (also empty) and the rest must match the whole name.
 */
function filterMatches(filter, repository) {
    if (!filter.includes('*'))
        return repository.includes(filter);
    const pattern = filter
        .split('*')
        .map(part => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*');
    return new RegExp(`^${pattern}$`, 's').test(repository);
}
const SCAN_TYPES = ['BASIC', 'ENHANCED'];
/**
 * Reads a registry scanning configuration for one repository. Errs towards "will scan": only a
 * configuration understood in full, with no rule for the repository, means "never". MANUAL
 * means never automatically; any other frequency (even one this action does not know) may scan.
 */
function scanningCoverage(config, repository, registryId) {
    const waiting = `ECR has no scan for ${repository} yet`;
    if (registryId && config.registryId && registryId !== config.registryId) {
        return {
            kind: 'unknown',
            message: `${waiting}, and registry ${registryId}'s scanning configuration cannot be read from account ${config.registryId}: waiting for the scan.`
        };
    }
    if (!config.scanType || !SCAN_TYPES.includes(config.scanType)) {
        return {
            kind: 'unknown',
            message: `${waiting}, and the registry's scan type (${config.scanType ?? 'none'}) is not one this action knows: waiting for the scan.`
        };
    }
    const automatic = config.rules.some(rule => rule.scanFrequency !== 'MANUAL' &&
        (rule.filters.length === 0 ||
            rule.filters.some(entry => entry.filter === undefined ||
                (entry.filterType !== undefined && entry.filterType !== 'WILDCARD') ||
                filterMatches(entry.filter, repository))));
    if (automatic)
        return { kind: 'will-scan' };
    // The repository's own flag only counts under basic scanning; enhanced scanning ignores it.
    if (config.scanType === 'BASIC' && config.repositoryScanOnPush)
        return { kind: 'will-scan' };
    const message = config.scanType === 'ENHANCED'
        ? `Repository ${repository} is not scanned: enhanced scanning is on and no registry scanning rule (scan on push or continuous) matches it. Add a scanning rule that matches it (${SCANNING_DOCS}); start-scan cannot start enhanced scans.`
        : `Repository ${repository} is not scanned: no registry scanning rule matches it and scan on push is off. Add a scanning rule or enable scan on push (${SCANNING_DOCS}), or set start-scan: true.`;
    return { kind: 'never', message };
}

;// CONCATENATED MODULE: ./src/core/read-findings.ts



/** The fewest findings ECR puts on a page that is not the last (Inspector pages hold 100). */
const SMALLEST_FULL_PAGE = 100;
/** Pages allowed beyond what the service's counts explain, for short or empty pages. */
const PAGE_MARGIN = 10;
/** Without the service's counts there is nothing to explain the pages: 100,000 findings at least. */
const PAGES_WITHOUT_COUNTS = 1000;
/** findingSeverityCounts on ECR's spellings, summed onto the model's severities. */
function serviceCounts(theirs) {
    const counts = (0,model_severity/* emptyCounts */.W1)();
    for (const [name, count] of Object.entries(theirs)) {
        if (typeof count === 'number' && Number.isFinite(count))
            counts[(0,model_severity/* toSeverity */.T_)(name)] += count;
    }
    return counts;
}
function describeMismatch(ours, theirs) {
    if (!theirs)
        return undefined;
    const service = serviceCounts(theirs);
    const differences = model_severity/* SEVERITIES */.oC.filter(severity => service[severity] !== ours[severity]).map(severity => `${severity} ${service[severity]} vs ${ours[severity]}`);
    return differences.length > 0
        ? `findingSeverityCounts differs from the findings read (service vs counted): ${differences.join(', ')}`
        : undefined;
}
/**
 * findingSeverityCounts may undercount (it is not reliable across pages) but it can never count
 * findings that do not exist: more of a severity than were read proves findings are missing.
 */
function missingBySeverity(ours, theirs) {
    if (!theirs)
        return undefined;
    const service = serviceCounts(theirs);
    const missing = model_severity/* SEVERITIES */.oC.filter(severity => service[severity] > ours[severity]).map(severity => `${severity} ${service[severity]} counted by ECR but ${ours[severity]} read`);
    return missing.length > 0 ? missing.join(', ') : undefined;
}
/** How many pages the service's counts can explain, with a margin; a bound, never a target. */
function pageLimit(first) {
    if (!first.severityCounts)
        return PAGES_WITHOUT_COUNTS;
    const counts = serviceCounts(first.severityCounts);
    const expected = model_severity/* SEVERITIES */.oC.reduce((sum, severity) => sum + counts[severity], 0);
    return 2 * Math.ceil(expected / SMALLEST_FULL_PAGE) + PAGE_MARGIN;
}
/**
 * Reads every page after the one the wait already holds, normalising both kinds of finding.
 * Counts come from the findings themselves; the service's counts only prove findings missing.
 * A page without a findings list, or whose status is no longer settled, makes the read
 * incomplete; a token seen before, or more pages than the counts explain, breaks it.
 */
async function readAllFindings(firstPage, laterPages) {
    const findings = [];
    let pages = 0;
    const take = (page) => {
        pages += 1;
        for (const raw of page.findings)
            findings.push((0,model_findings/* normalizeBasicFinding */.fM)(raw));
        for (const raw of page.enhancedFindings)
            findings.push((0,model_findings/* normalizeEnhancedFinding */.Hg)(raw));
    };
    if (!firstPage.listed) {
        return { kind: 'incomplete', reason: 'the first page carried no findings list', pages: 1 };
    }
    take(firstPage);
    const limit = pageLimit(firstPage);
    const seen = new Set();
    let token = firstPage.nextToken;
    if (token) {
        seen.add(token);
        for await (const page of laterPages(token)) {
            const number = pages + 1;
            if (classifyStatus(page.status).kind !== 'read') {
                return {
                    kind: 'incomplete',
                    reason: `page ${number} answered status ${page.status}, no longer settled`,
                    pages: number
                };
            }
            if (!page.listed) {
                return {
                    kind: 'incomplete',
                    reason: `page ${number} carried no findings list`,
                    pages: number
                };
            }
            take(page);
            token = page.nextToken;
            if (!token)
                break;
            if (seen.has(token)) {
                return {
                    kind: 'broken',
                    reason: `ECR handed out a page token it had already given (after page ${number}), so the findings listing loops`,
                    pages
                };
            }
            if (pages >= limit) {
                return {
                    kind: 'broken',
                    reason: `ECR kept handing out pages (${pages}, more than the ${limit} its own counts can explain)`,
                    pages
                };
            }
            seen.add(token);
        }
        if (token) {
            return {
                kind: 'incomplete',
                reason: `the listing ended after page ${pages} with a page token still outstanding`,
                pages
            };
        }
    }
    const counts = (0,model_severity/* countBySeverity */.Ot)(findings);
    const missing = missingBySeverity(counts, firstPage.severityCounts);
    if (missing) {
        return { kind: 'incomplete', reason: `findings are missing (${missing})`, pages };
    }
    return {
        kind: 'complete',
        findings,
        counts,
        pages,
        serviceCountsMismatch: describeMismatch(counts, firstPage.severityCounts)
    };
}

;// CONCATENATED MODULE: ./src/core/backoff.ts
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

;// CONCATENATED MODULE: ./src/core/wait-for-scan.ts


/** Reported (and set as the scan-status output) while ECR has no scan for the image. */
const SCAN_NOT_FOUND = 'SCAN_NOT_FOUND';
function seconds(ms) {
    return `${Math.round(ms / 1000)}s`;
}
/** `45s`, `10m0s`: how long something lasted, for messages. */
function formatDuration(ms) {
    const total = Math.round(ms / 1000);
    return total < 60 ? `${total}s` : `${Math.floor(total / 60)}m${total % 60}s`;
}
/**
 * Why a settled answer is not a result yet, or `undefined` when it is one. Enhanced scanning has
 * answered COMPLETE (and ACTIVE) with no results and no completion time, and the findings a few
 * seconds later (aws/aws-sdk#289): such an answer says nothing about the image.
 */
function missingResults(page) {
    if (!page.hasResults)
        return 'no imageScanFindings';
    if (!page.completedAt)
        return 'no completion time';
    return undefined;
}
/** SCAN_ELIGIBILITY_EXPIRED keeps the last scan's findings, when there are any to keep. */
function hasAnyFindings(page) {
    return page.findings.length + page.enhancedFindings.length > 0 || page.nextToken !== undefined;
}
async function startScanOnce(start, log) {
    const outcome = await start();
    switch (outcome.kind) {
        case 'started':
            log('No scan found for this image: started a basic scan (start-scan: true).');
            break;
        case 'limit-exceeded':
            log('No scan found and ECR allows one manual scan per image per 24 hours: waiting for the existing scan.');
            break;
        case 'not-supported':
            log(`No scan found and a scan cannot be started here: ${outcome.reason} Waiting for the scan on push.`);
    }
}
/**
 * Polls until the scan settles, ends, or the deadline passes. Errors other than
 * "scan not found" propagate at once: a misspelled repository must not wait out the timeout.
 */
async function waitForScan(deps, options) {
    const startedAt = deps.now();
    const deadline = startedAt + options.timeoutMs;
    let startAttempted = false;
    let coverageAsked = false;
    let lastPage;
    /** The current run of settled answers without results: since when, and why. */
    let withoutResults;
    for (let attempt = 0;; attempt++) {
        const page = await deps.describe();
        let waitingFor;
        if (page) {
            lastPage = page;
            const outcome = classifyStatus(page.status);
            if (outcome.kind === 'terminal')
                return { kind: 'terminal', page, fix: outcome.fix };
            if (outcome.kind === 'read' && outcome.stale) {
                if (!page.hasResults || !hasAnyFindings(page))
                    return { kind: 'terminal', page, fix: expiredWithoutFindingsFix() };
                return { kind: 'settled', page, stale: true };
            }
            const missing = outcome.kind === 'read' ? missingResults(page) : undefined;
            if (outcome.kind === 'read' && !missing)
                return { kind: 'settled', page, stale: false };
            if (missing) {
                withoutResults = withoutResults?.reason === missing ? withoutResults : undefined;
                withoutResults ??= { since: deps.now(), reason: missing };
                waitingFor = ` without results yet (${missing})`;
            }
            else {
                withoutResults = undefined;
            }
        }
        else {
            withoutResults = undefined;
            if (deps.startScan && !startAttempted) {
                startAttempted = true;
                await startScanOnce(deps.startScan, deps.log);
            }
            else if (!deps.startScan && deps.coverage && !coverageAsked) {
                coverageAsked = true;
                const coverage = await deps.coverage();
                if (coverage.kind === 'never')
                    return { kind: 'not-scanned', message: coverage.message };
                if (coverage.kind === 'unknown')
                    (deps.notice ?? deps.log)(coverage.message);
            }
        }
        const lastStatus = lastPage?.status ?? SCAN_NOT_FOUND;
        const elapsed = deps.now() - startedAt;
        const delay = sleepBeforeDeadline(backoffDelay(attempt, options.backoff, deps.random), deps.now(), deadline);
        if (delay <= 0) {
            return {
                kind: 'timeout',
                lastStatus,
                waitedMs: elapsed,
                lastPage,
                ...(withoutResults
                    ? {
                        withoutResults: {
                            reason: withoutResults.reason,
                            forMs: deps.now() - withoutResults.since
                        }
                    }
                    : {})
            };
        }
        deps.log(`Scan status ${lastStatus}${waitingFor ?? ''} after ${seconds(elapsed)}; next check in ${seconds(delay)}.`);
        await deps.sleep(delay);
    }
}

;// CONCATENATED MODULE: ./src/core/acquire.ts





function scanInfo(page) {
    return {
        status: page.status,
        description: page.description,
        type: page.enhanced ? 'enhanced' : 'basic',
        completedAt: page.completedAt,
        vulnerabilitySourceUpdatedAt: page.vulnerabilitySourceUpdatedAt
    };
}
/** A read whose counts prove findings missing is read once more before giving up. */
const INCOMPLETE_READS_ALLOWED = 2;
function countsText(counts) {
    const total = model_severity/* SEVERITIES */.oC.reduce((sum, severity) => sum + counts[severity], 0);
    const parts = model_severity/* SEVERITIES */.oC.filter(severity => counts[severity] > 0).map(severity => `${severity} ${counts[severity]}`);
    return `${total} findings${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}
function sameCounts(a, b) {
    return model_severity/* SEVERITIES */.oC.every(severity => a[severity] === b[severity]);
}
/** The problem for a wait that did not end in a settled scan with results. */
function waitProblem(waited, repository) {
    if (waited.kind === 'not-scanned') {
        return {
            kind: 'problem',
            scan: { status: SCAN_NOT_FOUND, type: 'unknown' },
            problem: { kind: 'not-scanned', message: waited.message }
        };
    }
    if (waited.kind === 'terminal') {
        const described = waited.page.description ? ` (${(0,model_text/* oneLine */.TN)(waited.page.description)})` : '';
        const message = `The scan ended with status ${waited.page.status}${described}: there is nothing trustworthy to judge. ${waited.fix}`;
        return {
            kind: 'problem',
            scan: scanInfo(waited.page),
            problem: { kind: 'scan-ended', message }
        };
    }
    const scan = {
        ...(waited.lastPage ? scanInfo(waited.lastPage) : { status: waited.lastStatus }),
        type: waited.lastPage?.enhanced ? 'enhanced' : 'unknown'
    };
    const message = waited.withoutResults
        ? `ECR kept answering ${waited.lastStatus} without results (${waited.withoutResults.reason}) for ${formatDuration(waited.withoutResults.forMs)}, until the timeout: the scan's findings never arrived. Raise 'timeout', or check the scan of ${repository} in the ECR console.`
        : `The scan did not settle within the timeout: last status ${waited.lastStatus} after ${(waited.waitedMs / 60_000).toFixed(1)} minutes. Raise 'timeout', or check the scan in the ECR console.`;
    return { kind: 'problem', scan, problem: { kind: 'timeout', message } };
}
function problem(scan, kind, message) {
    return { kind: 'problem', scan, problem: { kind, message } };
}
/**
 * Waits for the scan of one (platform) image to settle with results and reads every finding of
 * it. A verdict needs a complete read: counts that prove findings missing mean one more read,
 * then no verdict; an enhanced scan is read again after the settle interval until two reads
 * agree. Never sleeps past the deadline; a request the deadline aborted is a timeout.
 */
async function acquireFindings(image, settings, deps) {
    let lastScan = { status: SCAN_NOT_FOUND, type: 'unknown' };
    try {
        return await acquire(image, settings, deps, scan => (lastScan = scan));
    }
    catch (error) {
        if (!deps.deadline.signal?.aborted)
            throw error;
        return problem(lastScan, 'timeout', `The timeout ran out while waiting for ECR to answer (last status ${lastScan.status}; ${(0,model_text/* errorMessage */.gJ)(error)}). Raise 'timeout', or check that ECR in ${image.region} is reachable from the runner.`);
    }
}
async function acquire(image, settings, { source, clock, log, deadline }, seen) {
    const { signal } = deadline;
    const settleMs = Math.max(0, settings.settleIntervalMs);
    const wait = (startScan) => waitForScan({
        describe: async () => {
            const page = await source.describeScan(image, signal);
            if (page)
                seen(scanInfo(page));
            return page;
        },
        startScan: startScan && settings.startScan ? () => source.startScan(image, signal) : undefined,
        coverage: startScan
            ? async () => {
                try {
                    const config = await source.scanningConfiguration(image, signal);
                    return scanningCoverage(config, image.repository, image.registryId);
                }
                catch (error) {
                    if (signal?.aborted)
                        throw error;
                    return {
                        kind: 'unknown',
                        message: `ECR has no scan for ${image.repository} yet, and its scanning configuration could not be read (${(0,model_text/* errorMessage */.gJ)(error)}); waiting for the scan. Grant ecr:GetRegistryScanningConfiguration and ecr:DescribeRepositories to learn at once when no scan will come.`
                    };
                }
            }
            : undefined,
        now: clock.now,
        sleep: clock.sleep,
        random: clock.random,
        log: message => log.info(message),
        notice: message => log.notice(message)
    }, { timeoutMs: Math.max(0, deadline.at - clock.now()), backoff: settings.backoff });
    /** A pause of `ms` still leaves time to read before the deadline. */
    const roomFor = (ms) => clock.now() + ms < deadline.at;
    let waited = await wait(true);
    if (waited.kind !== 'settled')
        return waitProblem(waited, image.repository);
    const stale = waited.stale;
    let incompleteReads = 0;
    let previous;
    for (;;) {
        const page = waited.page;
        const scan = scanInfo(page);
        const read = await readAllFindings(page, token => source.pagesAfter(image, token, signal));
        if (read.kind === 'broken') {
            return problem(scan, 'error', `${read.reason}: the findings cannot be read completely. Retry the job; if it persists, report it to AWS support with the repository and digest.`);
        }
        if (read.kind === 'incomplete') {
            incompleteReads += 1;
            log.info(`The read of the findings was incomplete: ${read.reason}.`);
            const retryMs = settings.backoff.maxMs;
            if (incompleteReads >= INCOMPLETE_READS_ALLOWED || !roomFor(retryMs)) {
                const why = incompleteReads >= INCOMPLETE_READS_ALLOWED
                    ? `${incompleteReads} reads in a row were incomplete`
                    : 'the timeout left no time to read again';
                return problem(scan, 'incomplete', `The findings could not be read completely (${read.reason}; ${why}), so there is no verdict. Retry the job, or raise 'timeout'.`);
            }
            log.info(`Reading the findings again in ${formatDuration(retryMs)}.`);
            await clock.sleep(retryMs);
        }
        else {
            incompleteReads = 0;
            log.info(`Read ${read.findings.length} findings over ${read.pages} page(s).`);
            if (read.serviceCountsMismatch)
                log.debug(read.serviceCountsMismatch);
            const settled = !page.enhanced || settleMs === 0 || (previous && sameCounts(previous.counts, read.counts));
            if (settled) {
                return { kind: 'read', scan, findings: read.findings, counts: read.counts, stale };
            }
            if (previous) {
                log.info(`Enhanced scan findings changed between reads: ${countsText(previous.counts)}, then ${countsText(read.counts)}.`);
            }
            const last = previous;
            previous = read;
            if (!roomFor(settleMs)) {
                const why = last
                    ? `two reads ${formatDuration(settleMs)} apart disagreed (${countsText(last.counts)}, then ${countsText(read.counts)})`
                    : `the timeout left no time for a second read ${formatDuration(settleMs)} later`;
                return problem(scan, 'incomplete', `Enhanced scan findings were not confirmed settled before the timeout: ${why}, so findings may still be arriving and there is no verdict. Raise 'timeout', or set settle-interval: 0 to accept a single read.`);
            }
            log.info(`Enhanced scan: reading again in ${formatDuration(settleMs)} to check no findings are still arriving.`);
            await clock.sleep(settleMs);
        }
        waited = await wait(false);
        if (waited.kind !== 'settled')
            return waitProblem(waited, image.repository);
    }
}

;// CONCATENATED MODULE: ./src/core/merge-platforms.ts


function highest(values, compare) {
    return values.reduce((best, value) => value === undefined ? best : best === undefined || compare(value, best) > 0 ? value : best, undefined);
}
function distinct(values) {
    const unique = [...new Set(values.filter((value) => !!value))];
    return unique.length > 0 ? unique.join(', ') : undefined;
}
/**
 * Merges the findings of several platform images into one row per vulnerability and package.
 * Where platforms disagree the merge keeps the worse: the highest severity and score, a known
 * exploit over none; each platform's installed version stays on the row.
 *
 * Only copies on different platforms merge: a row holds at most one finding of each platform, so a
 * one-platform index counts exactly what the plain image counts.
 */
function mergePlatforms(perPlatform) {
    const groups = new Map();
    for (const entry of perPlatform) {
        const key = (0,model_findings/* findingKey */.fl)(entry.finding);
        const group = groups.get(key);
        if (group)
            group.push(entry);
        else
            groups.set(key, [entry]);
    }
    return [...groups.values()].flatMap(group => rowsOf(group).map(mergeRow));
}
/**
 * The rows of one vulnerability in one package. A platform can hold it more than once (two
 * installed copies, or ECR listing it twice); then the k-th copy on one platform joins the k-th
 * copy on every other, each platform's copies taken in installed-version order, so the pairing
 * does not depend on the order a scan listed them in. Equal versions pair only when the platforms
 * hold as many copies; either way each copy is one row, so the counts stay exact.
 */
function rowsOf(group) {
    const byPlatform = new Map();
    for (const entry of group) {
        const copies = byPlatform.get(entry.platform);
        if (copies)
            copies.push(entry);
        else
            byPlatform.set(entry.platform, [entry]);
    }
    if (byPlatform.size === group.length)
        return [group];
    const rows = [];
    for (const copies of byPlatform.values()) {
        // Stable: copies of the same version keep the scan's order.
        copies.sort((a, b) => (0,model_findings/* compareText */.n6)(a.finding.installedVersion ?? '', b.finding.installedVersion ?? ''));
        copies.forEach((entry, k) => {
            const row = rows[k];
            if (row)
                row.push(entry);
            else
                rows[k] = [entry];
        });
    }
    return rows;
}
/** One row: the copies of a finding on different platforms, at most one each. */
function mergeRow(group) {
    const findings = group.map(entry => entry.finding);
    const first = findings[0];
    if (group.length === 1)
        return { ...first, platforms: [platformOf(group[0])] };
    const worst = highest(findings, (a, b) => (0,model_severity/* severityRank */.qs)(a.severity) - (0,model_severity/* severityRank */.qs)(b.severity)) ?? first;
    return {
        ...worst,
        installedVersion: distinct(findings.map(finding => finding.installedVersion)),
        fixedInVersion: distinct(findings.map(finding => finding.fixedInVersion)),
        cvssScore: highest(findings.map(finding => finding.cvssScore), (a, b) => a - b),
        exploitAvailable: findings.some(finding => finding.exploitAvailable === 'YES')
            ? 'YES'
            : worst.exploitAvailable,
        platforms: group.map(platformOf).sort((a, b) => (0,model_findings/* compareText */.n6)(a.platform, b.platform)),
        // Each platform's Inspector finding has its own ARN: enrichment looks up every one.
        ...arnsOf(findings)
    };
}
function arnsOf(findings) {
    const arns = [...new Set(findings.flatMap(model_findings/* findingArnsOf */.ZZ))];
    return arns.length > 0 ? { findingArns: arns } : {};
}
function platformOf({ platform, finding }) {
    return { platform, installedVersion: finding.installedVersion };
}

;// CONCATENATED MODULE: ./src/core/scan-image.ts










const UNKNOWN_SCAN = { status: 'UNKNOWN', type: 'unknown' };
/** The scan a reader should see for the image: a failed platform's, else the first. */
function shownScan(platforms) {
    const failed = platforms.find(platform => platform.problem);
    return (failed ?? platforms[0])?.scan ?? UNKNOWN_SCAN;
}
async function platformsOf(image, source, { log, deadline }) {
    if (!isImageIndex(image))
        return [{ image }];
    const { images, skipped } = await source.platformImages(image, deadline.signal);
    for (const entry of skipped)
        log.info(`Skipped ${entry.digest}: ${entry.reason}.`);
    log.info(`${formatImage(image)} is an image index: judging ${images.map(entry => entry.platform).join(', ')}.`);
    return images;
}
function prefixed(log, prefix) {
    return {
        info: message => log.info(prefix + message),
        warning: message => log.warning(prefix + message),
        notice: message => log.notice(prefix + message),
        debug: message => log.debug(prefix + message)
    };
}
/**
 * Resolves an image, waits for and reads the scan of each of its platform images (together, under
 * the run's deadline) and merges them. Never throws: an error becomes a problem with its reason.
 */
async function readImage(target, settings, deps) {
    const { log, deadline, clock } = deps;
    const source = deps.sourceFor(target.region);
    let image;
    try {
        image = await source.resolveImage(target.query, deadline.signal);
        log.info(`Image: ${formatImage(image)} (${target.region})`);
        const platforms = await platformsOf(image, source, deps);
        const acquired = await Promise.all(platforms.map(async (platform) => ({
            platform,
            result: await acquireFindings(platform.image, settings, {
                source,
                clock,
                deadline,
                log: platform.platform ? prefixed(log, `${platform.platform}: `) : log
            })
        })));
        const platformScans = acquired.map(({ platform, result }) => ({
            platform: platform.platform,
            digest: platform.image.digest,
            scan: result.scan,
            ...(result.kind === 'read' ? { counts: result.counts } : { problem: result.problem })
        }));
        const base = { image, platforms: platformScans, scan: shownScan(platformScans) };
        const reads = [];
        for (const { platform, result } of acquired) {
            if (result.kind === 'problem') {
                // One platform without a trustworthy result leaves the whole image without a verdict.
                const message = platform.platform
                    ? `Platform ${platform.platform} (${platform.image.digest}): ${result.problem.message}`
                    : result.problem.message;
                return { kind: 'problem', ...base, problem: { ...result.problem, message } };
            }
            reads.push({ platform, findings: result.findings });
        }
        // Once for the image, however many of its platforms are stale.
        if (acquired.some(({ result }) => result.kind === 'read' && result.stale))
            log.warning('Scan eligibility expired: these findings are from the last scan and may be stale. Push the image again to rescan it.');
        const findings = isImageIndex(image)
            ? mergePlatforms(reads.flatMap(({ platform, findings: found }) => found.map(finding => ({ platform: platform.platform ?? '', finding }))))
            : (reads[0]?.findings ?? []);
        return { kind: 'read', ...base, findings };
    }
    catch (error) {
        // Once the run's time is up every request is aborted: that is the timeout, not an AWS error.
        const kind = deadline.signal?.aborted ? 'timeout' : 'error';
        const problem = { kind, message: deps.explainError(error, target) };
        return { kind: 'problem', image, platforms: [], scan: UNKNOWN_SCAN, problem };
    }
}
/** The baseline of an image: a tag or digest in the image's own repository, or another image. */
function baselineTarget(baseline, target) {
    if (baseline.kind === 'image') {
        const { image } = baseline;
        return {
            reference: image.reference,
            region: image.region ?? target.region,
            query: {
                repository: image.repository,
                imageTag: image.tag,
                imageDigest: image.digest,
                registryId: image.registryId ?? target.query.registryId
            }
        };
    }
    const query = {
        repository: target.query.repository,
        registryId: target.query.registryId,
        ...('tag' in baseline ? { imageTag: baseline.tag } : { imageDigest: baseline.digest })
    };
    const at = 'tag' in baseline ? `:${baseline.tag}` : `@${baseline.digest}`;
    return { reference: `${query.repository}${at}`, region: target.region, query };
}
/** Compares with the baseline; a baseline that cannot be read is a warning, never a silent pass. */
async function compareWithBaseline(findings, target, settings, deps) {
    if (!settings.baseline)
        return undefined;
    const baseline = baselineTarget(settings.baseline, target);
    const { query } = baseline;
    const place = JSON.stringify([
        baseline.region,
        query.registryId ?? '',
        query.repository,
        query.imageTag ?? '',
        query.imageDigest ?? ''
    ]);
    let reading = deps.baselines?.get(place);
    if (reading) {
        deps.log.info(`Baseline ${baseline.reference}: already read for another image of this run.`);
    }
    else {
        const log = prefixed(deps.log, 'Baseline: ');
        reading = readImage(baseline, { ...settings, startScan: false }, { ...deps, log });
        deps.baselines?.set(place, reading);
    }
    const read = await reading;
    if (read.kind === 'problem') {
        deps.log.warning(`Baseline ${baseline.reference} could not be read, so every finding is judged as if no baseline was given: ${read.problem.message}`);
        return undefined;
    }
    const diff = diffBaseline(findings, read.findings, {
        reference: baseline.reference,
        digest: read.image.digest
    });
    deps.log.info(`Against ${formatImage(read.image)}: ${diff.newCount} new, ${diff.fixed.length} fixed, ${diff.unchangedCount} unchanged.`);
    return diff;
}
/**
 * `enrich: inspector`: adds EPSS and CISA KEV data to an enhanced scan's findings, matched by their
 * Inspector ARNs (every platform's for an index). Never throws and never drops a finding: on any
 * failure the findings come back as they were, with a warning and `missing` saying what is
 * missing, so the verdict rests on ECR alone (or, under fail-on-kev, there is none).
 *
 * Every finding gets EPSS: ListFindings answers a whole image's findings 100 a call whatever is
 * asked for, so narrowing would save nothing there. KEV data (BatchGetFindingDetails, 10 a call)
 * is asked for every finding when it can decide the verdict (fail-on-kev), else only for findings
 * Inspector does not mark exploitAvailable NO.
 */
async function enrichFindings(read, target, settings, deps) {
    const { findings } = read;
    if ((settings.enrich ?? 'none') === 'none')
        return { findings };
    const { log } = deps;
    const arns = [...new Set(findings.flatMap(model_findings/* findingArnsOf */.ZZ))];
    if (arns.length === 0) {
        if (read.scan.type === 'enhanced' && findings.length === 0)
            return { findings };
        const has = `${formatImage(read.image)} has ${read.scan.type === 'basic' ? 'a basic scan' : 'findings without Inspector ARNs'}`;
        log.notice(`enrich: inspector needs enhanced scanning (Amazon Inspector); ${has}, so it is judged without EPSS or KEV data.`);
        // Findings Inspector cannot be asked about have no KEV data, which fail-on-kev needs.
        return findings.length > 0 ? { findings, missing: has } : { findings };
    }
    const withoutArn = findings.filter(finding => (0,model_findings/* findingArnsOf */.ZZ)(finding).length === 0).length;
    const arnGap = withoutArn > 0 ? `no Inspector ARN on ${plural(withoutArn, 'finding')}` : undefined;
    if (arnGap)
        log.warning(`Inspector enrichment: ${arnGap}, so no EPSS or KEV data for it.`);
    if (!deps.enricherFor) {
        const missing = 'this front end cannot reach Inspector';
        log.warning(`enrich: inspector is set but ${missing}; judged without EPSS or KEV data.`);
        return { findings, missing };
    }
    try {
        const enricher = await deps.enricherFor(target.region);
        const result = await enricher.enrich({
            repository: read.image.repository,
            imageDigests: read.platforms.map(platform => platform.digest),
            registryId: read.image.registryId ?? target.query.registryId,
            findingArns: arns,
            kevLookup: settings.thresholds.failOnKev ? 'all' : 'exploitable'
        }, deps.deadline.signal);
        for (const warning of result.warnings)
            log.warning(warning);
        const enriched = (0,enrichment/* withRisk */.Ol)(findings, result.byArn);
        log.info((0,enrichment/* describeEnrichment */.xq)(enriched, result.calls));
        return { findings: enriched, missing: arnGap ?? result.warnings[0] };
    }
    catch (error) {
        const missing = `Inspector enrichment could not start (${(0,model_text/* errorMessage */.gJ)(error)})`;
        log.warning(`${missing}; the run goes on with ECR findings alone.`);
        return { findings, missing };
    }
}
/** Reads one image (and its baseline) and judges it: a verdict only on a complete read. */
async function scanImage(target, settings, deps) {
    const read = await readImage(target, settings, deps);
    if (read.kind === 'problem')
        return { ...read, kind: 'unjudged', target };
    const { findings, missing } = await enrichFindings(read, target, settings, deps);
    // fail-on-kev judged without the KEV data it asked for could pass an exploited finding.
    if (missing && settings.thresholds.failOnKev) {
        const message = `fail-on-kev needs CISA KEV data from Amazon Inspector, which could not be read completely: ${missing}`;
        return {
            ...read,
            kind: 'unjudged',
            target,
            problem: { kind: 'incomplete', message }
        };
    }
    const baseline = await compareWithBaseline(findings, target, settings, deps);
    const filters = {
        ...settings.filters,
        onlyNew: settings.onlyNew && baseline ? baseline : undefined
    };
    const triaged = triage(findings, settings.rules, filters, new Date(deps.clock.now()));
    for (const rule of triaged.expiredRules)
        deps.log.warning(describeExpiredRule(rule));
    for (const rule of triaged.staleRules)
        deps.log.notice(describeStaleRule(rule));
    return {
        ...read,
        kind: 'judged',
        target,
        findings,
        counts: (0,model_severity/* countBySeverity */.Ot)(findings),
        triage: triaged,
        verdict: evaluatePolicy(triaged.counted, settings.thresholds),
        baseline
    };
}

;// CONCATENATED MODULE: ./src/core/run.ts

/**
 * Judges every image under one deadline, at most `concurrency` at a time, and returns their
 * results in the order given. The run takes about as long as its slowest image.
 */
async function runScan(targets, settings, deps) {
    const deadline = { at: deps.clock.now() + settings.timeoutMs, signal: deps.signal };
    const results = new Array(targets.length);
    const enrichers = new Map();
    const make = deps.enricherFor;
    const enricherFor = make
        ? (region) => {
            const enricher = enrichers.get(region) ?? make(region);
            enrichers.set(region, enricher);
            return enricher;
        }
        : undefined;
    const baselines = new Map();
    let next = 0;
    const worker = async () => {
        while (next < targets.length) {
            const index = next++;
            const target = targets[index];
            const log = deps.logFor(target);
            try {
                results[index] = await scanImage(target, settings, {
                    sourceFor: deps.sourceFor,
                    clock: deps.clock,
                    log,
                    deadline,
                    explainError: deps.explainError,
                    enricherFor,
                    baselines
                });
            }
            finally {
                log.close();
            }
        }
    };
    const workers = Math.max(1, Math.min(settings.concurrency, targets.length));
    await Promise.all(Array.from({ length: workers }, worker));
    return results;
}

;// CONCATENATED MODULE: ./src/version.ts
/** Shown in report footers; a test keeps it equal to package.json's version. */
const ACTION_VERSION = '1.0.0';

;// CONCATENATED MODULE: ./src/io/scan-request.ts




// What both front ends (the Action and the CLI) do the same way around the core.
/**
 * Read before any AWS call, so a broken rule fails in seconds rather than after the scan.
 * `inlineOrigin` names where inline rules came from (`input ignore`, `--ignore`).
 */
async function readIgnoreRules(config, inlineOrigin) {
    const { path, explicit } = config.ignoreFile;
    const fileText = await readPlainFile(path);
    const inline = config.ignoreInline;
    // A missing file at the default path just means the repository has no rules.
    if (fileText === undefined && !explicit && !inline)
        return [];
    // The YAML parser is loaded only when there are rules to read.
    const { missingIgnoreFileError, parseIgnoreRules } = await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(240)]).then(__nccwpck_require__.bind(__nccwpck_require__, 240));
    if (fileText === undefined && explicit)
        throw missingIgnoreFileError(path);
    return [
        ...(fileText === undefined ? [] : parseIgnoreRules(fileText, path)),
        ...(inline ? parseIgnoreRules(inline, inlineOrigin) : [])
    ];
}
function runSettings(config, rules, backoff) {
    return {
        timeoutMs: config.timeoutMs,
        settleIntervalMs: config.settleIntervalMs,
        startScan: config.startScan,
        backoff,
        rules,
        filters: {
            onlyFixable: config.onlyFixable,
            minCvss: config.minCvss,
            minEpss: config.minEpss
        },
        thresholds: config.thresholds,
        concurrency: config.maxConcurrency,
        baseline: config.baseline,
        onlyNew: config.onlyNew,
        enrich: config.enrich
    };
}
/**
 * One ECR source per region, made on first use and shared by every image in that region. The
 * AWS SDK is loaded here, after the inputs are read, so a step with a bad input fails fast.
 */
async function sourcesByRegion(create) {
    const make = create ?? (await Promise.all(/* import() */[__nccwpck_require__.e(249), __nccwpck_require__.e(4)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4))).EcrScans.create;
    const sources = new Map();
    return region => {
        const source = sources.get(region) ?? make(region);
        sources.set(region, source);
        return source;
    };
}
/** An AWS error about one image as one line that says what to do. */
const explainImageError = (error, target) => explainAwsError(error, {
    repository: target.query.repository,
    region: target.region,
    registryId: target.query.registryId,
    image: target.query.imageDigest ?? target.query.imageTag
});
/**
 * Judges every image of the config, as both front ends do: one deadline for all the AWS work
 * (requests in flight are aborted when it passes), one ECR source per region, and the Inspector
 * client loaded only when enrichment asks for it.
 */
async function judgeImages(config, rules, frontEnd) {
    const images = await runScan(config.images, runSettings(config, rules, frontEnd.backoff), {
        sourceFor: await sourcesByRegion(frontEnd.sourceFor),
        clock: frontEnd.clock,
        signal: AbortSignal.timeout(config.timeoutMs),
        logFor: frontEnd.logFor,
        explainError: frontEnd.explainError ?? explainImageError,
        enricherFor: async (region) => (await Promise.all(/* import() */[__nccwpck_require__.e(249), __nccwpck_require__.e(222), __nccwpck_require__.e(108)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9108))).createInspectorEnricher(region)
    });
    return {
        images,
        thresholds: config.thresholds,
        actionVersion: ACTION_VERSION,
        updatedAt: new Date(frontEnd.clock.now())
    };
}

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
function image_reference_problem(message) {
    throw new ReferenceProblem(message);
}
function codePoint(char) {
    return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
/** Characters a reader cannot see or tell apart (look-alike letters) are named, not guessed at. */
function checkCharacters(text) {
    if (text.length > MAX_REFERENCE_LENGTH) {
        image_reference_problem(`it is ${text.length} characters long; an image reference has at most ${MAX_REFERENCE_LENGTH}.`);
    }
    const chars = Array.from(text);
    const invisible = chars.findIndex(char => INVISIBLE_OR_CONTROL.test(char));
    if (invisible >= 0) {
        image_reference_problem(`it contains the invisible or control character ${codePoint(chars[invisible] ?? '')} at column ${invisible + 1}; remove it.`);
    }
    const foreign = chars.findIndex(char => NOT_ASCII.test(char));
    if (foreign >= 0) {
        image_reference_problem(`it contains the non-ASCII character ${codePoint(chars[foreign] ?? '')} at column ${foreign + 1}; image references are plain ASCII (was a look-alike letter pasted?).`);
    }
}
function checkDigest(digest) {
    if (digest === '')
        image_reference_problem(`the digest after '@' is empty; write @sha256: and 64 hex digits.`);
    if (!digest.startsWith('sha256:')) {
        image_reference_problem(`only sha256 digests are supported; write @sha256: and 64 lowercase hex digits.`);
    }
    if (!DIGEST_PATTERN.test(digest)) {
        const hex = digest.slice('sha256:'.length);
        const detail = /^[a-fA-F0-9]{64}$/.test(hex)
            ? 'in lowercase'
            : `exactly 64 hex digits (found ${hex.length} characters)`;
        image_reference_problem(`the digest must be sha256: followed by ${detail}.`);
    }
    return digest;
}
function checkTag(tag) {
    if (tag === '')
        image_reference_problem(`the tag after ':' is empty.`);
    if (tag.length > 300)
        image_reference_problem(`the tag is ${tag.length} characters long; ECR allows at most 300.`);
    if (!TAG_PATTERN.test(tag)) {
        image_reference_problem(`the tag may contain only letters, digits, and . _ - and must not start with . or -.`);
    }
    return tag;
}
function checkRepository(repository, hasHost) {
    if (repository === '')
        image_reference_problem(`the repository name is missing; write repository:tag.`);
    if (!hasHost &&
        (ECR_HOST.test(repository) ||
            ECR_DUAL_STACK_HOST.test(repository) ||
            repository.includes('.dkr.ecr'))) {
        image_reference_problem(`'${repository}' is a registry host, not a repository; add /REPOSITORY after it.`);
    }
    if (repository.length > MAX_REPOSITORY_LENGTH) {
        image_reference_problem(`the repository name is ${repository.length} characters long; ECR allows at most ${MAX_REPOSITORY_LENGTH}.`);
    }
    if (/[A-Z]/.test(repository)) {
        image_reference_problem(`the repository name must be lowercase; ECR repository names have no capital letters.`);
    }
    if (/[^a-z0-9._/-]/.test(repository)) {
        image_reference_problem(`the repository name may contain only lowercase letters, digits, and . _ - / separators.`);
    }
    if (!REPOSITORY_PATTERN.test(repository)) {
        image_reference_problem(`each part of the repository name must start and end with a letter or digit, with one . _ - or / between parts.`);
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
            image_reference_problem(`'${host}' is not a private ECR registry host; expected ACCOUNT.dkr.ecr.REGION.amazonaws.com (or its FIPS, China or dual-stack form).`);
        }
        const known = OTHER_REGISTRIES[lower];
        const label = known ?? 'a registry other than Amazon ECR';
        const dotted = !known && /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/.test(host)
            ? ` A repository whose first part contains a dot (such as '${host}/…') needs the full ECR URI.`
            : '';
        image_reference_problem(`'${host}' is ${label}; only private Amazon ECR repositories are supported. ${WRITE_INSTEAD}${dotted}`);
    }
    const [, registryId = '', region = '', china] = match;
    if (!REGISTRY_ID_PATTERN.test(registryId)) {
        image_reference_problem(`the account id in the registry host must be 12 digits, found ${registryId.length} ('${registryId}').`);
    }
    if (!REGION_PATTERN.test(region)) {
        image_reference_problem(`'${region}' in the registry host is not an AWS region such as us-east-1.`);
    }
    if (Boolean(china) !== region.startsWith('cn-')) {
        image_reference_problem(china
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
            image_reference_problem(`it has more than one '@'; write repository:tag@sha256:<digest>.`);
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
            image_reference_problem(`it has more than one ':'; write one repository:tag per line.`);
        }
        checkTag(tag);
    }
    const repository = checkRepository(name, registry !== undefined);
    if (tag === undefined && digest === undefined) {
        image_reference_problem(`it names no tag or digest; write repository:tag or repository@sha256:<digest> (latest is not assumed, so the action judges exactly the image that was pushed).`);
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
            image_reference_problem('give one image reference, on one line.');
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

;// CONCATENATED MODULE: ./src/report/limits.ts
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
        commentMaxRows: positiveInteger(read, INPUT.commentMaxRows, COMMENT_MAX_ROWS, 100),
        prNumber: prNumber(read),
        githubToken: optional(read, INPUT.githubToken)
    };
}

;// CONCATENATED MODULE: ./src/core/results.ts

function isSoftenable(problem) {
    return problem.kind === 'scan-ended' || problem.kind === 'incomplete';
}
const NO_TRIAGE = {
    counted: [],
    ignored: [],
    filters: [],
    expiredRules: [],
    staleRules: []
};
/** The view of one image the renderers take, from the run it belongs to. */
function imageReport(run, result) {
    const image = result.image ?? unresolvedImage(result.target.reference);
    const context = {
        image,
        scan: result.scan,
        platforms: result.platforms,
        thresholds: run.thresholds,
        actionVersion: run.actionVersion,
        runUrl: run.runUrl
    };
    if (result.kind === 'unjudged') {
        return {
            ...context,
            findings: [],
            counts: (0,model_severity/* emptyCounts */.W1)(),
            triage: NO_TRIAGE,
            problem: result.problem.message
        };
    }
    return {
        ...context,
        findings: result.findings,
        counts: result.counts,
        triage: result.triage,
        verdict: result.verdict,
        baseline: result.baseline
    };
}
/** An image ECR never resolved is still named in reports, by what the user wrote. */
function unresolvedImage(reference) {
    return { repository: reference, digest: '', region: '' };
}

;// CONCATENATED MODULE: ./src/core/outcome.ts



function imageName(result) {
    return result.image ? formatImage(result.image) : result.target.reference;
}
/** One outcome per image, in the run's order: the only place a verdict becomes pass or fail. */
function decideOutcomes(run, scanFailure) {
    return run.images.map(result => {
        const name = imageName(result);
        if (result.kind === 'unjudged') {
            return {
                kind: 'no-verdict',
                name,
                message: result.problem.message,
                softened: scanFailure === 'warn' && isSoftenable(result.problem)
            };
        }
        if (result.verdict.passed)
            return { kind: 'passed', name };
        const breaches = result.verdict.breaches.map(describeBreach).join('; ');
        return {
            kind: 'policy-failed',
            name,
            breaches,
            message: `Policy failed for ${name}: ${breaches}.`
        };
    });
}
/** Whether the outcome fails the step: a broken policy, or no verdict that warn does not soften. */
function failsStep(outcome) {
    return outcome.kind === 'policy-failed' || (outcome.kind === 'no-verdict' && !outcome.softened);
}
/** Whether the outcome is a no-verdict that `scan-failure: warn` turns into a warning. */
function isSoftened(outcome) {
    return outcome.kind === 'no-verdict' && outcome.softened;
}
function tallyOutcomes(outcomes) {
    const softened = outcomes.filter(isSoftened).length;
    return {
        images: outcomes.length,
        failing: outcomes.filter(failsStep).length,
        softened,
        noVerdict: `${softened === 1 ? 'has' : 'have'} no verdict`
    };
}

;// CONCATENATED MODULE: ./src/report/json-report.ts






/**
 * Bumped only when a field changes meaning or goes away; new fields keep the version. Version 2
 * holds every image of the run in `images`; version 1 was one image at the top level.
 */
const JSON_REPORT_VERSION = 2;
function jsonRule(rule) {
    return {
        id: rule.id,
        package: rule.package ?? null,
        reason: rule.reason,
        expires: rule.expires ?? null,
        origin: rule.origin
    };
}
function jsonBreach(breach) {
    return {
        rule: breach.rule,
        severity: 'severity' in breach ? breach.severity : null,
        count: breach.count,
        limit: 'limit' in breach ? breach.limit : null,
        exempt: 'exempt' in breach ? breach.exempt : [],
        description: describeBreach(breach)
    };
}
function definedLimits(maxCounts) {
    const limits = {};
    for (const severity of model_severity/* SEVERITIES */.oC) {
        const limit = maxCounts[severity];
        if (limit !== undefined)
            limits[severity] = limit;
    }
    return limits;
}
function jsonImage(data, input) {
    const disposition = dispositionOf(data.triage);
    const { baseline } = data;
    const findings = data.findings.map((finding) => {
        const outcome = disposition(finding);
        return {
            id: finding.id,
            severity: finding.severity,
            title: finding.title,
            description: finding.description,
            link: finding.link ?? null,
            packageName: finding.packageName ?? null,
            installedVersion: finding.installedVersion ?? null,
            fixedInVersion: finding.fixedInVersion ?? null,
            cvssScore: finding.cvssScore ?? null,
            fixAvailable: finding.fixAvailable,
            exploitAvailable: finding.exploitAvailable,
            source: finding.source,
            disposition: outcome.kind,
            ignoredBy: outcome.kind === 'ignored' ? jsonRule(outcome.rule) : null,
            platforms: finding.platforms?.map(entry => ({
                platform: entry.platform,
                installedVersion: entry.installedVersion ?? null
            })) ?? null,
            change: baseline ? changeOf(baseline, finding) : null,
            epss: finding.epss ?? null,
            kev: finding.kev
                ? { dateAdded: finding.kev.dateAdded ?? null, dueDate: finding.kev.dueDate ?? null }
                : null
        };
    });
    const { image, scan, triage, verdict } = data;
    return {
        input,
        image: {
            reference: formatImage(image),
            repository: image.repository,
            digest: image.digest,
            tag: image.tag ?? null,
            registryId: image.registryId ?? null,
            region: image.region
        },
        scan: {
            status: scan.status,
            description: scan.description ?? null,
            type: scan.type,
            completedAt: scan.completedAt?.toISOString() ?? null,
            vulnerabilitySourceUpdatedAt: scan.vulnerabilitySourceUpdatedAt?.toISOString() ?? null
        },
        platforms: data.platforms.flatMap(platform => platform.platform
            ? [
                {
                    platform: platform.platform,
                    digest: platform.digest,
                    status: platform.scan.status,
                    bySeverity: platform.counts ? { ...platform.counts } : null,
                    problem: platform.problem?.message ?? null
                }
            ]
            : []),
        verdict: verdict
            ? { passed: verdict.passed, breaches: verdict.breaches.map(jsonBreach) }
            : null,
        problem: data.problem ?? null,
        counts: {
            total: (0,model_severity/* totalOf */.e6)(data.counts),
            bySeverity: { ...data.counts },
            counted: (0,model_severity/* countBySeverity */.Ot)(triage.counted),
            ignored: triage.ignored.length,
            setAside: triage.filters.reduce((sum, filter) => sum + filter.setAside, 0)
        },
        baseline: baseline
            ? {
                reference: baseline.reference,
                digest: baseline.digest,
                new: baseline.newCount,
                unchanged: baseline.unchangedCount,
                fixed: baseline.fixed.map(finding => ({
                    id: finding.id,
                    packageName: finding.packageName ?? null,
                    severity: finding.severity
                }))
            }
            : null,
        filters: triage.filters.map(filter => ({ ...filter })),
        rules: { expired: triage.expiredRules.map(jsonRule), stale: triage.staleRules.map(jsonRule) },
        findings
    };
}
/** The whole run: every image, in the order given. */
function buildJsonReport(run) {
    const { thresholds } = run;
    const judged = run.images.every(image => image.kind === 'judged');
    return {
        reportVersion: JSON_REPORT_VERSION,
        tool: { name: 'ecr-scan-findings', version: run.actionVersion },
        thresholds: {
            failOn: thresholds.failOn ?? null,
            maxCounts: definedLimits(thresholds.maxCounts),
            failOnExploit: thresholds.failOnExploit,
            failOnKev: thresholds.failOnKev ?? false
        },
        passed: judged
            ? run.images.every(image => image.kind === 'judged' && image.verdict.passed)
            : null,
        images: run.images.map(image => jsonImage(imageReport(run, image), image.target.reference)),
        runUrl: run.runUrl ?? null
    };
}
function serializeJsonReport(report) {
    return `${JSON.stringify(report, null, 2)}\n`;
}

;// CONCATENATED MODULE: ./src/report/junit.ts





// Characters XML 1.0 does not allow at all, even escaped: C0 controls other than tab and line
// breaks, lone surrogates, U+FFFE and U+FFFF. They become U+FFFD.
const NOT_XML = 
// eslint-disable-next-line no-control-regex -- matching control characters is the point
/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Text content: every markup character escaped, and nothing XML 1.0 forbids. */
function xmlText(text) {
    return text
        .replace(NOT_XML, '\uFFFD')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;');
}
/** An attribute value: as text, plus quotes, and line breaks and tabs as references so they survive. */
function xmlAttribute(text) {
    return xmlText(text)
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&apos;')
        .replace(/\t/g, '&#9;')
        .replace(/\n/g, '&#10;')
        .replace(/\r/g, '&#13;');
}
function junit_element(name, attributes, body) {
    const attrs = Object.entries(attributes)
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => ` ${key}="${xmlAttribute(String(value))}"`)
        .join('');
    return body === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${body}</${name}>`;
}
/** The findings behind a breach: those the policy judged that the rule counts. */
function culprits(result, breach) {
    const judged = result.triage.counted;
    switch (breach.rule) {
        case 'fail-on':
            return judged.filter(finding => (0,model_severity/* severityRank */.qs)(finding.severity) >= (0,model_severity/* severityRank */.qs)(breach.severity) &&
                !breach.exempt.includes(finding.severity));
        case 'max-count':
            return judged.filter(finding => finding.severity === breach.severity);
        case 'exploit':
            return judged.filter(finding => finding.exploitAvailable === 'YES');
        case 'kev':
            return judged.filter(finding => finding.kev !== undefined);
    }
}
function findingLine(finding) {
    const where = finding.packageName
        ? ` in ${finding.packageName}${finding.installedVersion ? ` ${finding.installedVersion}` : ''}`
        : '';
    const fix = finding.fixedInVersion ? `, fixed in ${finding.fixedInVersion}` : '';
    const link = finding.link ? ` (${finding.link})` : '';
    const risk = [
        finding.kev ? 'on CISA KEV' : '',
        finding.epss !== undefined ? `EPSS ${(0,model_findings/* formatEpss */.fh)(finding.epss)}` : ''
    ].filter(Boolean);
    const riskText = risk.length > 0 ? ` [${risk.join(', ')}]` : '';
    return `${finding.severity} ${finding.id}${where}${fix}${riskText}${link}`;
}
function failureText(result, breach, maxListed) {
    const rank = (finding) => model_severity/* SEVERITIES */.oC.indexOf(finding.severity);
    // Under fail-on-kev or with EPSS the riskiest come first; without enrichment compareRisk is 0.
    const found = culprits(result, breach).sort((a, b) => (0,model_findings/* compareRisk */.l$)(a, b) || rank(a) - rank(b) || (0,model_findings/* compareFindings */.Eg)(a, b));
    const lines = found.slice(0, maxListed).map(findingLine);
    if (found.length > maxListed)
        lines.push(`…and ${found.length - maxListed} more.`);
    return `${lines.join('\n')}\n`;
}
/** One case per policy rule in force: fail-on, each max-findings limit, fail-on-exploit, fail-on-kev. */
function ruleCases(result, run, maxListed) {
    const { thresholds } = run;
    const breachOf = (matches) => result.verdict.breaches.find(matches);
    const outcome = (breach) => breach && {
        kind: 'failure',
        type: breach.rule,
        message: describeBreach(breach),
        text: failureText(result, breach, maxListed)
    };
    const cases = [];
    if (thresholds.failOn)
        cases.push({
            name: `fail-on ${thresholds.failOn}`,
            outcome: outcome(breachOf(breach => breach.rule === 'fail-on'))
        });
    for (const severity of model_severity/* SEVERITIES */.oC) {
        const limit = thresholds.maxCounts[severity];
        if (limit === undefined)
            continue;
        cases.push({
            name: `max-findings ${severity}=${limit}`,
            outcome: outcome(breachOf(breach => breach.rule === 'max-count' && breach.severity === severity))
        });
    }
    if (thresholds.failOnExploit)
        cases.push({
            name: 'fail-on-exploit',
            outcome: outcome(breachOf(breach => breach.rule === 'exploit'))
        });
    if (thresholds.failOnKev)
        cases.push({
            name: 'fail-on-kev',
            outcome: outcome(breachOf(breach => breach.rule === 'kev'))
        });
    // With every rule off there is still a case, so the image shows up as checked.
    if (cases.length === 0)
        cases.push({ name: 'scan read (no thresholds set)' });
    return cases;
}
function imageCases(result, run, options) {
    if (result.kind === 'judged')
        return ruleCases(result, run, options.maxListed ?? 200);
    const softened = options.softenScanFailures === true && isSoftenable(result.problem);
    const description = result.scan.description ? `\nAWS: ${result.scan.description}` : '';
    return [
        {
            name: 'scan',
            outcome: {
                kind: softened ? 'skipped' : 'error',
                type: result.problem.kind,
                message: result.problem.message,
                text: `Scan status ${result.scan.status}${description}\n`
            }
        }
    ];
}
function renderCase(testcase, classname) {
    const attributes = { name: testcase.name, classname, time: '0' };
    const { outcome } = testcase;
    if (!outcome)
        return `    ${junit_element('testcase', attributes)}`;
    const inner = junit_element(outcome.kind, { type: outcome.type, message: outcome.message }, outcome.text === undefined ? undefined : xmlText(outcome.text));
    return `    ${junit_element('testcase', attributes, `\n      ${inner}\n    `)}`;
}
/**
 * A JUnit XML report for CI test views (Jenkins, GitLab, Buildkite, CircleCI): one suite per image,
 * one case per policy rule, a failure naming the breach and listing its findings, and an error
 * (or, when softened, a skip) for an image without a verdict.
 */
function renderJunit(run, options = {}) {
    const suites = run.images.map((result, index) => {
        const name = imageName(result);
        const cases = imageCases(result, run, options);
        const count = (kind) => cases.filter(entry => entry.outcome?.kind === kind).length;
        return {
            index,
            name,
            result,
            cases,
            tests: cases.length,
            failures: count('failure'),
            errors: count('error'),
            skipped: count('skipped')
        };
    });
    const rendered = suites.map(suite => {
        const { result, name } = suite;
        const properties = [
            ['reference', result.target.reference],
            ['digest', result.image?.digest],
            ['region', result.image?.region],
            ['scan-status', result.scan.status],
            ['scan-type', result.scan.type]
        ]
            .filter((entry) => !!entry[1])
            .map(([key, value]) => `      ${junit_element('property', { name: key, value })}`);
        const body = [
            '',
            `    ${junit_element('properties', {}, `\n${properties.join('\n')}\n    `)}`,
            ...suite.cases.map(entry => renderCase(entry, `ecr-scan-findings.${name}`)),
            '  '
        ].join('\n');
        return `  ${junit_element('testsuite', {
            name,
            id: suite.index,
            package: 'ecr-scan-findings',
            tests: suite.tests,
            failures: suite.failures,
            errors: suite.errors,
            skipped: suite.skipped,
            time: '0',
            timestamp: options.timestamp?.toISOString().replace(/\.\d{3}Z$/, '')
        }, body)}`;
    });
    const total = (key) => suites.reduce((sum, suite) => sum + suite[key], 0);
    const root = junit_element('testsuites', {
        name: `ecr-scan-findings ${run.actionVersion}`,
        tests: total('tests'),
        failures: total('failures'),
        errors: total('errors'),
        time: '0'
    }, `\n${rendered.join('\n')}\n`);
    return `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n`;
}

;// CONCATENATED MODULE: ./src/report/markdown.ts
/**
 * Escaping for untrusted text (finding ids, descriptions, package names, links, ignore reasons)
 * placed into GitHub-flavoured Markdown. Everything is written as HTML character references, which
 * GitHub decodes the same way in Markdown text, table cells and HTML attribute values, so one
 * escaper serves every place a report puts such text.
 */

/** Bidi overrides, zero-width and other invisible format characters, and lone surrogates. */
const INVISIBLE = /[\p{Cf}\p{Cs}]/gu;
/** Control characters and line/paragraph separators: any of them could end a table row. */
const LINE_BREAKING = /[\p{Cc}\p{Zl}\p{Zp}]+/gu;
/** Markdown-active characters as character references, which GitHub shows as the characters. */
const CHARACTER_REFERENCES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
    '\\': '&#92;',
    '`': '&#96;',
    '*': '&#42;',
    _: '&#95;',
    '[': '&#91;',
    ']': '&#93;',
    '(': '&#40;',
    ')': '&#41;',
    '#': '&#35;',
    '!': '&#33;',
    '|': '&#124;',
    '~': '&#126;',
    // GitHub renders `$…$` as math.
    $: '&#36;',
    // Stops bare-URL autolinks (`https://…`, `mailto:…`); `www.` is handled by the dot below.
    ':': '&#58;',
    '.': '&#46;',
    '@': '&#64;'
};
// GitHub links @-mentions and #-references after rendering, in the decoded text, so character
// references alone do not stop them in text: a zero-width space after the sign does.
const ZERO_WIDTH_SPACE = '&#8203;';
const TEXT_REPLACEMENTS = {
    ...CHARACTER_REFERENCES,
    '#': `&#35;${ZERO_WIDTH_SPACE}`,
    '@': `&#64;${ZERO_WIDTH_SPACE}`,
    '-': `-${ZERO_WIDTH_SPACE}`
};
/**
 * Characters to replace; a dot only after `www`, where GitHub would autolink, and the dash of
 * `GH-123`, which GitHub turns into an issue reference.
 */
const SPECIAL = /[&<>"'\\`*_[\]()#!|~$:@]|(?<=www)\.|(?<=\bgh)-(?=\d)/gi;
/**
 * Untrusted text as one line of inert Markdown: no HTML, links, emphasis, mentions, references,
 * or line breaks survive, and the result is safe inside a table cell or a double-quoted attribute.
 * `maxChars` caps the visible length (before escaping).
 */
function escapeText(text, maxChars = Number.POSITIVE_INFINITY) {
    return escapeWith(char => TEXT_REPLACEMENTS[char] ?? char, text, maxChars);
}
/** Characters that start a list or a thematic break at the start of a line. */
const BLOCK_START = /^[-+0-9]/;
/**
 * Untrusted text as a paragraph of its own, escaped like `escapeText` with its whitespace
 * collapsed, whose first character starts no list or thematic break (`1. x`, `- x`, `---`): a
 * character reference never does.
 */
function escapeParagraph(text) {
    return escapeText(text.replace(/\s+/g, ' ')).replace(BLOCK_START, char => `&#${char.charCodeAt(0)};`);
}
function escapeWith(replace, text, maxChars) {
    const oneLine = text.replace(INVISIBLE, '').replace(LINE_BREAKING, ' ').trim();
    const line = (0,model_text/* clipChars */.uk)(oneLine, maxChars);
    return line.replace(SPECIAL, (char, offset) => replace(char, offset, line));
}
/** The link as an http(s) URL, or undefined for anything else (javascript:, data:, garbage). */
function safeHttpUrl(link) {
    if (!link)
        return undefined;
    let url;
    try {
        url = new URL(link.trim());
    }
    catch {
        return undefined;
    }
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}
/** A URL as a double-quoted attribute value; a raw pipe would split a table cell even there. */
function attributeUrl(url) {
    return url
        .replace(/&/g, '&amp;')
        .replace(/"/g, '%22')
        .replace(/'/g, '%27')
        .replace(/</g, '%3C')
        .replace(/>/g, '%3E')
        .replace(/\|/g, '%7C');
}
/** Longer advisory links are dropped (the label stays): no real one comes near, and each row is charged for it. */
const MAX_LINK_CHARS = 2_000;
const UNNAMED = '(unnamed)';
/** The label linked to the URL when it is http(s); otherwise the label alone, escaped. */
function renderLink(label, link, maxChars) {
    const text = escapeText(label, maxChars) || UNNAMED;
    const url = safeHttpUrl(link);
    const href = url === undefined ? undefined : attributeUrl(url);
    return href && href.length <= MAX_LINK_CHARS ? `<a href="${href}">${text}</a>` : text;
}
/**
 * A title is cut at this many characters before escaping, which can make each a dozen: the
 * longest image reference a registry takes (256 + `:` + 128 + `@` + 71) fits, and no title can
 * take the room of the sections around it.
 */
const MAX_TITLE_CHARS = 500;
/**
 * GitHub's autolink extension finds emails in the decoded text, inside `<code>` too, so a
 * character reference for the `@` does not stop one; a zero-width space after it does. Only an
 * `@` a dotted domain could follow gets one, so a name such as `api@sha256:…` pastes as it reads.
 */
const EMAIL_AT = /@(?=\S*\.)/y;
const replaceInCode = (char, offset, line) => {
    EMAIL_AT.lastIndex = offset;
    if (char === '@' && EMAIL_AT.test(line))
        return `${CHARACTER_REFERENCES['@']}${ZERO_WIDTH_SPACE}`;
    return CHARACTER_REFERENCES[char] ?? char;
};
/**
 * Text in an inline `<code>` element: a name the inputs validated (repository, tag, digest, a
 * command) or a version a scan reported. It gets none of the zero-width spaces plain text gets
 * after `#` and `-` (GitHub links no mentions or references inside code, and a command must paste
 * as it reads), only the one after an email's `@`, since GitHub autolinks emails even in code. The
 * title, which may hold outside text (a fixed-in version), is capped at `MAX_TITLE_CHARS`.
 */
function renderCode(text, title) {
    const titleAttribute = title === undefined ? '' : ` title="${escapeText(title, MAX_TITLE_CHARS)}"`;
    return `<code${titleAttribute}>${escapeWith(replaceInCode, text, Number.POSITIVE_INFINITY)}</code>`;
}
/** U+2011, a hyphen browsers do not break a line at. */
const NON_BREAKING_HYPHEN = '\u2011';
/**
 * A vulnerability id (`CVE-2024-12345`, `GHSA-xxxx-…`) linked like `renderLink`, with its hyphens
 * non-breaking so a narrow table column never wraps it; the link keeps the id as the scan wrote it.
 */
function renderId(id, link, maxChars) {
    return renderLink(id.replace(/-/g, NON_BREAKING_HYPHEN), link, maxChars);
}

;// CONCATENATED MODULE: ./src/report/versions.ts
/**
 * Orders package versions the way Debian's dpkg does (epoch, then runs of digits compared as
 * numbers and runs of other characters compared with `~` before everything, even the end), which
 * also orders the dotted versions of npm, PyPI, RPM and Alpine sensibly. Used only to pick the
 * highest of several fixed-in versions a scan gives for one package.
 */
function splitEpoch(version) {
    const match = /^(\d+):(.*)$/.exec(version.trim());
    return match ? [Number(match[1]), match[2] ?? ''] : [0, version.trim()];
}
/** dpkg's character order: `~` first, then the end of a part, then letters, then the rest. */
function order(char) {
    if (char === undefined)
        return 0;
    if (char === '~')
        return -1;
    if (/[A-Za-z]/.test(char))
        return char.charCodeAt(0);
    return char.charCodeAt(0) + 256;
}
function isDigit(char) {
    return char !== undefined && char >= '0' && char <= '9';
}
/** dpkg's verrevcmp, over the whole version after the epoch. */
function compareParts(a, b) {
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
        while ((i < a.length && !isDigit(a[i])) || (j < b.length && !isDigit(b[j]))) {
            const difference = order(isDigit(a[i]) ? undefined : a[i]) - order(isDigit(b[j]) ? undefined : b[j]);
            if (difference !== 0)
                return Math.sign(difference);
            i += 1;
            j += 1;
        }
        while (a[i] === '0')
            i += 1;
        while (b[j] === '0')
            j += 1;
        const startA = i;
        const startB = j;
        while (isDigit(a[i]))
            i += 1;
        while (isDigit(b[j]))
            j += 1;
        const digitsA = a.slice(startA, i);
        const digitsB = b.slice(startB, j);
        if (digitsA.length !== digitsB.length)
            return Math.sign(digitsA.length - digitsB.length);
        if (digitsA !== digitsB)
            return digitsA < digitsB ? -1 : 1;
    }
    return 0;
}
/** Negative when `a` is the older version, positive when it is the newer, 0 when they are equal. */
function compareVersions(a, b) {
    const [epochA, restA] = splitEpoch(a);
    const [epochB, restB] = splitEpoch(b);
    return Math.sign(epochA - epochB) || compareParts(restA, restB);
}
/** The newest of the versions; undefined for none. */
function highestVersion(versions) {
    let highest;
    for (const version of versions) {
        if (highest === undefined || compareVersions(version, highest) > 0)
            highest = version;
    }
    return highest;
}

;// CONCATENATED MODULE: ./src/report/comment.ts
/**
 * The PR comment: a digest of the run, a few thousand characters, that says what fails the check
 * and how to fix it. The job summary (report.ts) stays the complete report; the comment links to it.
 */










const BLOCK = '\n\n';
/** Free text in the comment (package names, reasons) is cut at this many characters. */
const FIELD_CHARS = 120;
/** AWS's and our own problem text is quoted up to this many characters. */
const PROBLEM_CHARS = 1_000;
/** The image in a headline: short enough that `## ❌ Failed: ` and it fit a line on a phone. */
const HEADLINE_NAME_CHARS = 36;
const HEADLINE_TAG_CHARS = 16;
/** Keeps the start and the end, which tell tags apart (`pr-1234-3f9a2c1`), with "…" between. */
function shortenMiddle(text, maxChars) {
    const points = Array.from(text);
    if (points.length <= maxChars)
        return text;
    const tail = Math.floor((maxChars - 1) / 2);
    const head = maxChars - 1 - tail;
    return `${points.slice(0, head).join('')}…${points.slice(points.length - tail).join('')}`;
}
/** `api:v1.2.3` or `api@sha256:0123456789ab`, short; the full reference is the hover title. */
function headlineName(image, reference) {
    const suffix = image.tag
        ? `:${shortenMiddle(image.tag, HEADLINE_TAG_CHARS)}`
        : image.digest
            ? `@${shortDigest(image.digest)}`
            : '';
    const room = Math.max(8, HEADLINE_NAME_CHARS - Array.from(suffix).length);
    const segments = image.repository.split('/');
    const last = segments[segments.length - 1] ?? image.repository;
    const repository = image.repository.length <= room
        ? image.repository
        : segments.length > 1 && last.length + 2 <= room
            ? `…/${last}`
            : shortenMiddle(image.repository, room);
    const full = image.digest
        ? `${image.repository}${image.tag ? `:${image.tag}` : ''}@${image.digest}`
        : reference;
    return renderCode(`${repository}${suffix}`, full);
}
/** Severities whose count broke a threshold; the exploit rule is not a severity and is separate. */
function breachedSeverities(breaches, judged) {
    const breached = new Set();
    for (const breach of breaches) {
        if (breach.rule === 'max-count')
            breached.add(breach.severity);
        if (breach.rule === 'fail-on') {
            for (const severity of model_severity/* SEVERITIES */.oC) {
                if ((0,model_severity/* severityRank */.qs)(severity) >= (0,model_severity/* severityRank */.qs)(breach.severity) &&
                    !breach.exempt.includes(severity) &&
                    judged[severity] > 0)
                    breached.add(severity);
            }
        }
    }
    return breached;
}
/** The rule for one severity in words: "any fails", "max 5" or "not gated". */
function thresholdWords(severity, thresholds) {
    const limit = limitFor(severity, thresholds);
    if (limit === undefined)
        return 'not gated';
    return limit === 0 ? 'any fails' : `max ${limit}`;
}
function severityTally(counts) {
    return model_severity/* SEVERITIES */.oC.filter(severity => counts[severity] > 0)
        .map(severity => `${counts[severity]} ${severity}`)
        .join(', ');
}
/**
 * One line with every severity, its count, its rule in words and ❌ where the rule broke; then
 * the known-exploit and CISA KEV rules when they are on, which can fail an image at any severity.
 */
function renderCountsLine(data) {
    const judged = data.verdict?.counts ?? data.counts;
    const breaches = data.verdict?.breaches ?? [];
    const breached = breachedSeverities(breaches, judged);
    const parts = model_severity/* SEVERITIES */.oC.map(severity => {
        const found = data.counts[severity];
        const judgedNote = judged[severity] !== found ? `, ${judged[severity]} judged` : '';
        const text = `${severity} ${found}${judgedNote} (${thresholdWords(severity, data.thresholds)})`;
        return breached.has(severity) ? `❌ **${text}**` : text;
    });
    if (data.thresholds.failOnExploit) {
        const exploit = breaches.find(breach => breach.rule === 'exploit');
        const count = exploit?.count ?? 0;
        const text = `known exploit ${count} (any fails)`;
        parts.push(exploit ? `❌ **${text}**` : text);
    }
    if (data.thresholds.failOnKev) {
        const kev = breaches.find(breach => breach.rule === 'kev');
        const text = `on CISA KEV ${kev?.count ?? 0} (any fails)`;
        parts.push(kev ? `❌ **${text}**` : text);
    }
    return parts.join(' · ');
}
function renderBaselineLine(baseline) {
    return `**${baseline.newCount} new**, ${baseline.fixed.length} fixed, ${baseline.unchangedCount} unchanged against ${renderCode(shortenMiddle(baseline.reference, 40), baseline.reference)} (${renderCode(shortDigest(baseline.digest), baseline.digest)})`;
}
/**
 * The counted findings the verdict stands on: those at a broken severity, known exploits when
 * that rule broke, and findings on CISA's KEV list when fail-on-kev broke.
 */
function failingFindings(data) {
    const verdict = data.verdict;
    if (!verdict || verdict.passed)
        return [];
    const breached = breachedSeverities(verdict.breaches, verdict.counts);
    const exploit = verdict.breaches.some(breach => breach.rule === 'exploit');
    const kev = verdict.breaches.some(breach => breach.rule === 'kev');
    return data.triage.counted.filter(finding => breached.has(finding.severity) ||
        (exploit && finding.exploitAvailable === 'YES') ||
        (kev && !!finding.kev));
}
const hasFix = (finding) => finding.fixAvailable === 'YES' || finding.fixAvailable === 'PARTIAL' || !!finding.fixedInVersion;
/**
 * New first, then on CISA's KEV list, then by EPSS, then known exploit, then fix available, then
 * CVSS (highest first), then as reports list; newness is looked up once per finding.
 */
function sortFailing(findings, baseline) {
    const unchanged = unchangedFindings(findings, baseline);
    return [...findings].sort((a, b) => Number(unchanged.has(a)) - Number(unchanged.has(b)) ||
        (0,model_findings/* compareRisk */.l$)(a, b) ||
        Number(b.exploitAvailable === 'YES') - Number(a.exploitAvailable === 'YES') ||
        Number(hasFix(b)) - Number(hasFix(a)) ||
        (b.cvssScore ?? -1) - (a.cvssScore ?? -1) ||
        (0,model_findings/* compareFindings */.Eg)(a, b));
}
/** The order the rows follow, naming only the keys these findings have. */
function orderOf(findings, baseline) {
    const keys = [
        baseline ? 'new' : undefined,
        findings.some(finding => finding.kev) ? 'on CISA KEV' : undefined,
        findings.some(finding => finding.epss !== undefined) ? 'by EPSS' : undefined,
        findings.some(finding => finding.exploitAvailable === 'YES') ? 'known exploits' : undefined,
        'fixable',
        'by CVSS'
    ].filter(key => key !== undefined);
    return `${keys[0]} first, then ${keys.slice(1).join(', then ')}`;
}
function orDash(value) {
    return value ? escapeText(value, FIELD_CHARS) : '—';
}
function fullListLink(runUrl) {
    return renderLink('job summary', runUrl);
}
function renderFailing(data, failing, maxRows, runUrl) {
    if (failing.length === 0)
        return undefined;
    const baseline = data.baseline;
    const shown = sortFailing(failing, baseline).slice(0, maxRows);
    const notes = (finding) => [
        baseline && changeOf(baseline, finding) === 'new' ? '**new**' : undefined,
        finding.kev ? '**on CISA KEV**' : undefined,
        finding.epss !== undefined ? `EPSS ${(0,model_findings/* formatEpss */.fh)(finding.epss)}` : undefined,
        finding.exploitAvailable === 'YES' ? 'known exploit' : undefined
    ]
        .filter(note => note !== undefined)
        .join(', ') || '—';
    const rows = shown.map(finding => `| ${renderId(finding.id, finding.link, FIELD_CHARS)} | ${finding.severity} | ${orDash(finding.packageName)} | ${orDash(finding.installedVersion)} | ${orDash(finding.fixedInVersion)} | ${finding.cvssScore?.toFixed(1) ?? '—'} | ${notes(finding)} |`);
    const table = [
        '| ID | Severity | Package | Installed | Fixed in | CVSS | Notes |',
        '|---|---|---|---|---|---:|---|',
        ...rows
    ].join('\n');
    const count = shown.length < failing.length
        ? `${shown.length} of ${failing.length} shown, ${orderOf(failing, baseline)}. The rest are in this run's ${fullListLink(runUrl)}.`
        : `${plural(failing.length, 'finding')}, ${orderOf(failing, baseline)}.`;
    return [`#### What fails the check`, count, table].join(BLOCK);
}
function splitList(value) {
    return (value ?? '')
        .split(',')
        .map(part => part.trim())
        .filter(part => part !== '');
}
/**
 * Failing findings with a fixed-in version, by package: the highest version a package must reach
 * fixes every finding of its group. A finding in several packages pairs names with versions when
 * the scan gave as many of each; otherwise it counts under every name with all the versions.
 */
function fixGroups(findings) {
    const groups = new Map();
    const unfixed = [];
    for (const finding of findings) {
        const versions = splitList(finding.fixedInVersion);
        const names = splitList(finding.packageName);
        if (versions.length === 0) {
            unfixed.push(finding);
            continue;
        }
        const pairs = names.length === versions.length && names.length > 1
            ? names.map((name, index) => [name, [versions[index] ?? '']])
            : (names.length > 0 ? names : ['(unnamed package)']).map(name => [name, versions]);
        for (const [name, fixed] of pairs) {
            const group = groups.get(name) ?? { packageName: name, versions: new Set(), findings: [] };
            for (const version of fixed)
                group.versions.add(version);
            group.findings.push(finding);
            groups.set(name, group);
        }
    }
    const worstRank = new Map([...groups.values()].map(group => [
        group,
        group.findings.reduce((worst, finding) => Math.max(worst, (0,model_severity/* severityRank */.qs)(finding.severity)), 0)
    ]));
    const worst = (group) => worstRank.get(group) ?? 0;
    const ordered = [...groups.values()].sort((a, b) => worst(b) - worst(a) ||
        b.findings.length - a.findings.length ||
        (0,model_findings/* compareText */.n6)(a.packageName, b.packageName));
    return { groups: ordered, unfixed };
}
function renderFixes(failing, maxRows, runUrl) {
    if (failing.length === 0)
        return undefined;
    const { groups, unfixed } = fixGroups(failing);
    const lines = groups.slice(0, maxRows).map(group => {
        const version = highestVersion(group.versions) ?? '';
        const others = group.versions.size > 1
            ? ` (the highest of ${group.versions.size} fixed-in versions the scan gives)`
            : '';
        return `- Upgrade **${escapeText(group.packageName, FIELD_CHARS)}** to ${renderCode(shortenMiddle(version, FIELD_CHARS), version.length > FIELD_CHARS ? version : undefined)}: fixes ${plural(group.findings.length, 'finding')}, ${severityTally((0,model_severity/* countBySeverity */.Ot)(group.findings))}${others}.`;
    });
    if (groups.length > maxRows) {
        lines.push(`- …and ${plural(groups.length - maxRows, 'more package')}, in this run's ${fullListLink(runUrl)}.`);
    }
    if (unfixed.length > 0) {
        lines.push(`- No fixed version known yet for ${plural(unfixed.length, 'finding')} (${severityTally((0,model_severity/* countBySeverity */.Ot)(unfixed))}).`);
    }
    return [`#### How to fix`, lines.join('\n')].join(BLOCK);
}
/** Ignored findings, filters, expired and stale rules, folded: they explain, they do not fail. */
function renderSetAside(triage, maxRows, runUrl) {
    const setAside = triage.filters.reduce((total, filter) => total + filter.setAside, 0);
    const summary = [
        triage.ignored.length > 0 ? `${triage.ignored.length} ignored` : undefined,
        setAside > 0 ? `${setAside} set aside by filters` : undefined,
        triage.expiredRules.length > 0 ? plural(triage.expiredRules.length, 'expired rule') : undefined,
        triage.staleRules.length > 0 ? plural(triage.staleRules.length, 'stale rule') : undefined
    ].filter(part => part !== undefined);
    if (summary.length === 0)
        return undefined;
    const rule = (id, pkg, origin) => `${escapeText(id, FIELD_CHARS)}${pkg ? ` for ${escapeText(pkg, FIELD_CHARS)}` : ''} (${escapeText(origin, FIELD_CHARS)})`;
    const entries = [
        ...triage.expiredRules.map(expired => `- Expired rule ${rule(expired.id, expired.package, expired.origin)}${expired.expires ? `, after ${escapeText(expired.expires)}` : ''}: it ignores nothing now.`),
        ...triage.staleRules.map(stale => `- Stale rule ${rule(stale.id, stale.package, stale.origin)}: it matched no finding of this image.`),
        ...triage.filters
            .filter(filter => filter.setAside > 0)
            .map(filter => `- Filter **${escapeText(filter.filter)}** set aside ${plural(filter.setAside, 'finding')}.`),
        ...triage.ignored.map(({ finding, rule: by }) => `- Ignored ${finding.severity} ${renderId(finding.id, finding.link, FIELD_CHARS)}${finding.packageName ? ` in ${escapeText(finding.packageName, FIELD_CHARS)}` : ''}: ${escapeText(by.reason, FIELD_CHARS)} (${escapeText(by.origin, FIELD_CHARS)}${by.expires ? `, until ${escapeText(by.expires)}` : ''})`)
    ];
    const shown = entries.slice(0, maxRows);
    if (entries.length > shown.length) {
        shown.push(`- …${entries.length - shown.length} of ${entries.length} not shown here; all are in this run's ${fullListLink(runUrl)}.`);
    }
    return `<details><summary>Ignored findings and ignore rules: ${summary.join(', ')}</summary>${BLOCK}${shown.join('\n')}${BLOCK}</details>`;
}
/**
 * Full values the headline shortened, folded; an index's platforms up to `COMMENT_MAX_PLATFORMS`,
 * the rest counted (the job summary lists up to `SUMMARY_MAX_PLATFORMS`, the JSON report all).
 */
function renderImageDetails(data) {
    const { image, scan } = data;
    const platforms = data.platforms.filter(platform => platform.platform);
    const shown = platforms.slice(0, COMMENT_MAX_PLATFORMS);
    const lines = [
        `Repository ${renderCode(image.repository)}`,
        image.tag ? `tag ${renderCode(image.tag)}` : undefined,
        image.digest ? `digest ${renderCode(image.digest)}` : undefined,
        `${image.registryId ? `account ${escapeText(image.registryId)}, ` : ''}region ${escapeText(image.region || '—')}`,
        `${scan.type} scan, status ${escapeText(scan.status)}`,
        ...shown.map(platform => `platform ${escapeText(platform.platform ?? '', FIELD_CHARS)} ${renderCode(shortDigest(platform.digest), platform.digest)} ${escapeText(platform.scan.status, FIELD_CHARS)}`),
        platforms.length > shown.length
            ? `and ${plural(platforms.length - shown.length, 'more platform')}, in this run's ${fullListLink(data.runUrl)}`
            : undefined
    ].filter(line => line !== undefined);
    return `<details><summary>Image details</summary>${BLOCK}${lines.join(' · ')}${BLOCK}</details>`;
}
function verdictMark(data, noVerdictFails) {
    if (!data.verdict)
        return noVerdictFails ? '❌' : '⚠️';
    return data.verdict.passed ? '✅' : '❌';
}
function verdictWord(data) {
    if (!data.verdict)
        return 'No verdict';
    return data.verdict.passed ? 'Passed' : 'Failed';
}
/**
 * The part of one image's section that says its verdict and why: the headline, then the problem,
 * or the baseline and the counts line with every broken rule marked. Short whatever the scan.
 */
function renderImageVerdict(data, reference, level, noVerdictFails) {
    const headline = `${'#'.repeat(level)} ${verdictMark(data, noVerdictFails)} ${verdictWord(data)}: ${headlineName(data.image, reference)}`;
    if (!data.verdict) {
        const problem = data.problem
            ? escapeText(data.problem, PROBLEM_CHARS)
            : `The scan ended with status ${escapeText(data.scan.status)}.`;
        return [headline, problem];
    }
    return [
        headline,
        ...(data.baseline ? [renderBaselineLine(data.baseline)] : []),
        renderCountsLine(data)
    ];
}
/** The rest of one image's section, what the reader acts on; shorter with fewer rows. */
function renderImageBody(data, maxRows) {
    if (!data.verdict)
        return renderImageDetails(data);
    const failing = failingFindings(data);
    const blocks = [
        renderFailing(data, failing, maxRows, data.runUrl),
        renderFixes(failing, maxRows, data.runUrl),
        renderSetAside(data.triage, maxRows, data.runUrl),
        renderImageDetails(data)
    ].filter(block => block !== undefined);
    return blocks.join(BLOCK);
}
/** One image: headline, then what the reader acts on; `level` is the headline's `#` count. */
function renderImageSection(data, reference, level, options) {
    return [
        ...renderImageVerdict(data, reference, level, options.noVerdictFails),
        renderImageBody(data, options.maxRows)
    ].join(BLOCK);
}
function isoMinute(date) {
    return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
function renderCommentFooter(facts) {
    const parts = [
        facts.commit ? `commit ${renderCode(facts.commit.slice(0, 7), facts.commit)}` : undefined,
        facts.runUrl ? `run: ${renderLink('job summary', facts.runUrl)}` : undefined,
        facts.updatedAt ? `updated ${isoMinute(facts.updatedAt)}` : undefined,
        `ecr-scan-findings ${escapeText(facts.actionVersion)}`
    ].filter(part => part !== undefined);
    return `<sub>${parts.join(' · ')}</sub>`;
}
function resolved(options) {
    return {
        limit: (options.limitChars ?? COMMENT_BODY_LIMIT) - (options.reservedChars ?? COMMENT_MARKER_BUDGET),
        maxRows: Math.max(1, options.maxRows ?? COMMENT_MAX_ROWS),
        scanFailure: options.scanFailure ?? 'fail'
    };
}
/**
 * Fits the comment in the limit. The head and footer always go in; each section goes in whole,
 * with fewer rows when the room asks for it (halving down to one), or not at all, and a note
 * counts the sections that did not fit. So the verdict, which the head carries, is never cut,
 * however long the findings' text is. `omittedNote` says what a number of sections left out were.
 */
function assemble(head, sections, footer, limit, maxRows, omittedNote) {
    // Every block is followed by BLOCK, and the body ends with one newline; the note is reserved.
    const fixed = [...head, omittedNote(sections.length), '---', footer];
    let used = fixed.reduce((total, block) => total + block.length + BLOCK.length, 0) + 1;
    const kept = [];
    for (const render of sections) {
        let section;
        for (let rows = maxRows; rows >= 1 && section === undefined; rows = Math.floor(rows / 2)) {
            const candidate = render(rows);
            if (used + candidate.length + BLOCK.length <= limit)
                section = candidate;
        }
        // One section too long at any row count leaves out only itself: later ones may still fit.
        if (section === undefined)
            continue;
        kept.push(section);
        used += section.length + BLOCK.length;
    }
    const tail = kept.length < sections.length ? [omittedNote(sections.length - kept.length)] : [];
    return `${[...head, ...kept, ...tail, '---', footer].join(BLOCK)}\n`;
}
function overviewRow(data, reference, noVerdictFails) {
    const counts = data.verdict
        ? severityTally(data.verdict.counts) || 'none judged'
        : escapeText(data.scan.status);
    const change = data.baseline ? ` | ${data.baseline.newCount} new` : '';
    return `| ${verdictMark(data, noVerdictFails)} | ${headlineName(data.image, reference)} | ${verdictWord(data).toLowerCase()} | ${counts}${change} |`;
}
/**
 * Several images in one line: how many fail the check, and apart from them how many have no
 * verdict that `scan-failure: warn` softened, since those leave the step green.
 */
function runHeadline(outcomes) {
    const { failing, softened, noVerdict } = tallyOutcomes(outcomes);
    const images = plural(outcomes.length, 'image');
    if (failing === 0 && softened === 0)
        return `## ✅ ${images} pass the check`;
    if (failing === 0)
        return `## ⚠️ ${softened} of ${images} ${noVerdict}`;
    const warned = softened > 0 ? `; ⚠️ ${softened} ${noVerdict}` : '';
    return `## ❌ ${failing} of ${images} fail the check${warned}`;
}
/** The whole run's comment: one image as its section; several as one row each, then the failures. */
function renderRunComment(run, options = {}) {
    const { limit, maxRows, scanFailure } = resolved(options);
    const facts = {
        actionVersion: run.actionVersion,
        runUrl: run.runUrl,
        commit: run.commit,
        updatedAt: run.updatedAt
    };
    const footer = renderCommentFooter(facts);
    const outcomes = decideOutcomes(run, scanFailure);
    const reports = run.images.map((image, index) => ({
        image,
        data: imageReport(run, image),
        outcome: outcomes[index]
    }));
    const sectionOf = (image, data, outcome, level) => rows => renderImageSection(data, image.target.reference, level, {
        maxRows: rows,
        noVerdictFails: !isSoftened(outcome)
    });
    if (reports.length === 1 && reports[0]) {
        // The headline and the counts go in the head, so no size of the rest can take the verdict out.
        const { image, data, outcome } = reports[0];
        const verdict = renderImageVerdict(data, image.target.reference, 2, !isSoftened(outcome));
        const body = rows => renderImageBody(data, rows);
        const note = () => `The details did not fit in a comment: see this run's ${fullListLink(run.runUrl)}.`;
        return assemble(verdict, [body], footer, limit, maxRows, note);
    }
    const notPassed = reports.filter(({ outcome }) => outcome.kind !== 'passed');
    const headline = runHeadline(outcomes);
    const anyBaseline = reports.some(({ data }) => data.baseline);
    const rows = reports.map(({ image, data, outcome }) => {
        const row = overviewRow(data, image.target.reference, !isSoftened(outcome));
        return anyBaseline && !data.baseline ? `${row} — |` : row;
    });
    // Rows come before sections: the overview may take all the room the headline, the footer and
    // the notes leave; images past it are counted, not listed.
    const room = limit - headline.length - footer.length - 500;
    const shown = countWithin(rows, room, row => row.length + 1);
    const table = [
        `| | Image | Verdict | Judged findings |${anyBaseline ? ' Baseline |' : ''}`,
        `|---|---|---|---|${anyBaseline ? '---|' : ''}`,
        ...rows.slice(0, shown)
    ].join('\n');
    const more = shown < rows.length
        ? [`${plural(rows.length - shown, 'more image')} in this run's ${fullListLink(run.runUrl)}.`]
        : [];
    const sections = notPassed.map(({ image, data, outcome }) => sectionOf(image, data, outcome, 3));
    const note = (count) => `${plural(count, 'more section')} did not fit in a comment: see this run's ${fullListLink(run.runUrl)}.`;
    return assemble([headline, table, ...more], sections, footer, limit, maxRows, note);
}

;// CONCATENATED MODULE: ./src/report/report.ts












/** Severities listed in the open, with the most severe present; the rest fold into `<details>`. */
const ALWAYS_VISIBLE = ['CRITICAL', 'HIGH'];
/** AWS's descriptions are free text of any length; the report quotes only this much of them. */
const report_PROBLEM_CHARS = 1_000;
const BLOCK_SEPARATOR = '\n\n';

/** Room left in the report; every part is charged before it is added, so nothing is cut later. */
class Budget {
    left;
    measure;
    constructor(left, measure) {
        this.left = left;
        this.measure = measure;
    }
    get remaining() {
        return this.left;
    }
    /** Charges for the text when it fits, and says whether it did. */
    take(text) {
        const size = this.measure(text);
        if (size > this.left)
            return false;
        this.left -= size;
        return true;
    }
    /** Charges for a part the report cannot do without. */
    spend(text) {
        this.left -= this.measure(text);
    }
}
function isoTime(date) {
    return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
function report_imageName(data) {
    const tag = data.image.tag ? `:${data.image.tag}` : '';
    return escapeText(`${data.image.repository}${tag}`);
}
function cliCommand(data) {
    const { image } = data;
    const registry = image.registryId ? ` --registry-id ${image.registryId}` : '';
    return renderCode(`aws ecr describe-image-scan-findings${registry} --repository-name ${image.repository} --image-id imageDigest=${image.digest} --region ${image.region}`);
}
function renderVerdict(data, target) {
    const { verdict, scan } = data;
    if (!verdict) {
        // The problem text of a scan that ended already quotes AWS's description: say it once.
        const quoted = !!scan.description && !!data.problem?.includes((0,model_text/* oneLine */.TN)(scan.description));
        const description = scan.description && !quoted
            ? ` (AWS: ${escapeText(scan.description, target.fieldChars)})`
            : '';
        const problem = data.problem
            ? `${BLOCK_SEPARATOR}${escapeText(data.problem, report_PROBLEM_CHARS)}`
            : '';
        const mark = target.noVerdictFails ? '❌' : '⚠️';
        return `## ${mark} No verdict for ${report_imageName(data)}${BLOCK_SEPARATOR}ECR scan status: **${escapeText(scan.status)}**${description}${problem}`;
    }
    if (verdict.passed)
        return `## ✅ Passed: ${report_imageName(data)} breaks no severity threshold`;
    const reasons = verdict.breaches.map(breach => `- ${describeBreach(breach)}`).join('\n');
    // The exploit and KEV rules are not severity thresholds: the list below names every rule broken.
    const broke = verdict.breaches.every(breach => breach.rule === 'fail-on' || breach.rule === 'max-count')
        ? 'breaks the severity thresholds'
        : 'breaks the policy';
    return `## ❌ Failed: ${report_imageName(data)} ${broke}${BLOCK_SEPARATOR}${reasons}`;
}
/** The image's own lines; its platforms follow, charged apart (see `renderPlatforms`). */
function renderImage(data) {
    const { image, scan } = data;
    const tag = image.tag ? `, tag ${renderCode(image.tag)}` : '';
    const account = image.registryId ? `account ${escapeText(image.registryId)}` : 'this account';
    const times = [
        scan.completedAt ? `completed ${isoTime(scan.completedAt)}` : undefined,
        scan.vulnerabilitySourceUpdatedAt
            ? `vulnerability database from ${isoTime(scan.vulnerabilitySourceUpdatedAt)}`
            : undefined
    ].filter(part => part !== undefined);
    // One paragraph with hard line breaks, not a list: a list here would merge with the breach list.
    return [
        `**Image:** ${renderCode(image.repository)}${tag}, digest ${renderCode(shortDigest(image.digest), image.digest)}`,
        `**Registry:** ${account}, region ${escapeText(image.region)}`,
        `**Scan:** ${scan.type}, status ${escapeText(scan.status)}${times.map(time => `, ${time}`).join('')}`
    ].join('<br>\n');
}
/**
 * Each platform of an index with its status and its own counts, before the merge, as lines to
 * append to the image's paragraph. An index can have hundreds: they go in, in order, up to
 * `maxPlatforms` and while `budget` has room; the rest are counted, and the JSON report has all.
 */
function renderPlatforms(platforms, budget, target) {
    const named = platforms.filter(platform => platform.platform);
    if (named.length === 0)
        return '';
    const more = (count) => `<br>\n…and ${plural(count, 'more platform')} (${named.length} in all); the JSON report (the \`json-report\` output) lists every one.`;
    // Reserved at its longest form, every platform unlisted, before any is listed.
    budget.spend(more(named.length));
    const lines = [];
    for (const platform of named) {
        if (lines.length >= target.maxPlatforms)
            break;
        const counts = platform.counts ? `: ${report_severityTally(platform.counts) || 'no findings'}` : '';
        const line = `<br>\n**Platform ${escapeText(platform.platform ?? '', target.fieldChars)}:** ${renderCode(shortDigest(platform.digest), platform.digest)}, status ${escapeText(platform.scan.status, target.fieldChars)}${counts}`;
        if (!budget.take(line))
            break;
        lines.push(line);
    }
    const rest = named.length - lines.length;
    return `${lines.join('')}${rest > 0 ? more(rest) : ''}`;
}
/** `2 CRITICAL, 5 HIGH`: only the severities present. */
function report_severityTally(counts) {
    return model_severity/* SEVERITIES */.oC.filter(severity => counts[severity] > 0)
        .map(severity => `${counts[severity]} ${severity}`)
        .join(', ');
}
function thresholdCell(limit) {
    if (limit === undefined)
        return '—';
    return limit === 0 ? '0' : `≤ ${limit}`;
}
function renderCounts(data) {
    const judged = data.verdict?.counts;
    const showJudged = !!judged && model_severity/* SEVERITIES */.oC.some(severity => judged[severity] !== data.counts[severity]);
    const header = showJudged
        ? '| Severity | Found | Judged | Threshold |\n|---|---:|---:|---|'
        : '| Severity | Found | Threshold |\n|---|---:|---|';
    const rows = model_severity/* SEVERITIES */.oC.map(severity => {
        const judgedCell = showJudged ? ` ${judged[severity]} |` : '';
        return `| ${severity} | ${data.counts[severity]} |${judgedCell} ${thresholdCell(limitFor(severity, data.thresholds))} |`;
    });
    const judgedTotal = showJudged ? ` **${(0,model_severity/* totalOf */.e6)(judged)}** |` : '';
    rows.push(`| **Total** | **${(0,model_severity/* totalOf */.e6)(data.counts)}** |${judgedTotal} |`);
    return `${header}\n${rows.join('\n')}`;
}
function describeRule(rule) {
    const scope = rule.package ? ` for ${escapeText(rule.package)}` : '';
    return `${escapeText(rule.id)}${scope} (${escapeText(rule.origin)})`;
}
/** The triage entries, shortest and most actionable first; ignored findings can be thousands. */
function* triageLines(data, fieldChars) {
    const { triage } = data;
    for (const { filter, setAside, keptUnknown } of triage.filters) {
        const unknown = keptUnknown > 0
            ? ` and kept ${plural(keptUnknown, 'finding')} the scan gave it nothing to judge by`
            : '';
        yield `- Filter **${escapeText(filter)}** set aside ${plural(setAside, 'finding')}${unknown}.`;
    }
    for (const rule of triage.expiredRules) {
        const expiry = rule.expires ? ` expired after ${escapeText(rule.expires)} and` : '';
        yield `- Expired rule ${describeRule(rule)}${expiry} no longer applies.`;
    }
    for (const rule of triage.staleRules) {
        yield `- Stale rule ${describeRule(rule)} matched no finding in this image.`;
    }
    for (const { finding, rule } of triage.ignored) {
        const where = finding.packageName ? ` in ${escapeText(finding.packageName, fieldChars)}` : '';
        const expiry = rule.expires ? `, until ${escapeText(rule.expires)}` : '';
        yield `- Ignored ${finding.severity} ${renderId(finding.id, finding.link, fieldChars)}${where}: ${escapeText(rule.reason, fieldChars)} (${escapeText(rule.origin)}${expiry})`;
    }
}
function triageEntryCount({ triage }) {
    return (triage.filters.length +
        triage.expiredRules.length +
        triage.staleRules.length +
        triage.ignored.length);
}
function renderTriage(data, budget, fieldChars, maxLines) {
    const entryCount = triageEntryCount(data);
    const heading = `### Ignored and filtered${BLOCK_SEPARATOR}The policy judged ${data.triage.counted.length} of ${plural(data.findings.length, 'finding')}.${BLOCK_SEPARATOR}`;
    const moreLine = (count) => `\n- …and ${count} more, not listed.`;
    budget.spend(heading + moreLine(entryCount));
    const lines = [];
    // An entry too long for the room left is skipped, not a reason to stop listing shorter ones.
    for (const line of triageLines(data, fieldChars)) {
        if (lines.length >= maxLines)
            break;
        if (budget.take(`\n${line}`))
            lines.push(line);
    }
    const more = lines.length < entryCount ? moreLine(entryCount - lines.length) : '';
    return `${heading}${lines.join('\n')}${more}`;
}
const report_orDash = (value, fieldChars) => value ? escapeText(value, fieldChars) : '—';
const availability = (value) => (value === 'UNKNOWN' ? '—' : value.toLowerCase());
const COLUMNS = [
    {
        header: 'ID',
        hasValue: () => true,
        cell: (finding, fieldChars) => renderId(finding.id, finding.link, fieldChars)
    },
    {
        header: 'Package',
        hasValue: finding => !!finding.packageName,
        cell: (finding, fieldChars) => report_orDash(finding.packageName, fieldChars)
    },
    {
        header: 'Installed',
        hasValue: finding => !!finding.installedVersion,
        cell: (finding, fieldChars) => report_orDash(finding.installedVersion, fieldChars)
    },
    {
        header: 'Platforms',
        hasValue: finding => (finding.platforms?.length ?? 0) > 0,
        cell: (finding, fieldChars) => report_orDash(platformCell(finding), fieldChars)
    },
    {
        header: 'Fixed in',
        hasValue: finding => !!finding.fixedInVersion,
        cell: (finding, fieldChars) => report_orDash(finding.fixedInVersion, fieldChars)
    },
    {
        header: 'CVSS',
        numeric: true,
        hasValue: finding => finding.cvssScore !== undefined,
        cell: finding => finding.cvssScore?.toFixed(1) ?? '—'
    },
    {
        header: 'EPSS',
        numeric: true,
        hasValue: finding => finding.epss !== undefined,
        cell: finding => (0,model_findings/* formatEpss */.fh)(finding.epss) || '—'
    },
    {
        header: 'CISA KEV',
        hasValue: finding => !!finding.kev,
        cell: finding => finding.kev
            ? `**yes**${finding.kev.dateAdded ? `, added ${escapeText(finding.kev.dateAdded)}` : ''}`
            : '—'
    },
    {
        header: 'Fix',
        hasValue: finding => finding.fixAvailable !== 'UNKNOWN',
        cell: finding => availability(finding.fixAvailable)
    },
    {
        header: 'Exploit',
        hasValue: finding => finding.exploitAvailable !== 'UNKNOWN',
        cell: finding => availability(finding.exploitAvailable)
    },
    {
        header: 'Description',
        hasValue: finding => !!finding.description,
        cell: (finding, fieldChars) => report_orDash(finding.description, fieldChars)
    }
];
/** `linux/amd64, linux/arm64/v8`, with each platform's version when they differ. */
function platformCell(finding) {
    const platforms = finding.platforms ?? [];
    const versions = new Set(platforms.map(entry => entry.installedVersion));
    return platforms
        .map(entry => versions.size > 1 && entry.installedVersion
        ? `${entry.platform} (${entry.installedVersion})`
        : entry.platform)
        .join(', ');
}
/** Most severe group first; with a baseline, new findings lead each group. */
function groupBySeverity(findings, baseline) {
    const groups = new Map(model_severity/* SEVERITIES */.oC.map(severity => [severity, []]));
    for (const finding of findings)
        groups.get(finding.severity)?.push(finding);
    // Looked up once per finding, not once per comparison: 50,000 findings sort in milliseconds.
    const unchanged = unchangedFindings(findings, baseline);
    const newFirst = (a, b) => Number(unchanged.has(a)) - Number(unchanged.has(b));
    return [...groups]
        .filter(([, group]) => group.length > 0)
        .map(([severity, group]) => [
        severity,
        group.sort((a, b) => newFirst(a, b) || (0,model_findings/* compareFindings */.Eg)(a, b))
    ]);
}
function changeColumn(baseline) {
    return {
        header: 'Change',
        hasValue: () => true,
        cell: finding => (changeOf(baseline, finding) === 'new' ? '**new**' : 'unchanged')
    };
}
/** "N new, M fixed, K unchanged" against the baseline, right under the verdict. */
function renderBaseline(baseline) {
    return `**Against ${escapeText(baseline.reference)}** (${renderCode(shortDigest(baseline.digest), baseline.digest)}): **${baseline.newCount} new**, ${baseline.fixed.length} fixed, ${baseline.unchangedCount} unchanged.`;
}
const DISPOSITION_LABEL = {
    counted: 'yes',
    'set-aside': 'set aside',
    ignored: 'ignored'
};
/** A "Judged" column, shown only when ignore rules or filters took findings out. */
function judgedColumn(disposition) {
    return {
        header: 'Judged',
        hasValue: finding => disposition(finding).kind !== 'counted',
        cell: finding => DISPOSITION_LABEL[disposition(finding).kind]
    };
}
/**
 * Rows go in most severe first until the budget or the row cap runs out, so a cut list is always
 * a prefix; a cut group says how many of its findings it shows.
 */
function renderFindings(data, budget, target) {
    const { fieldChars } = target;
    const listed = (0,model_severity/* emptyCounts */.W1)();
    const heading = `### Findings (${data.findings.length})`;
    budget.spend(heading + BLOCK_SEPARATOR);
    if (data.findings.length === 0) {
        const none = 'The scan reported no vulnerabilities.';
        budget.spend(none + BLOCK_SEPARATOR);
        return { blocks: [heading, none], listed };
    }
    const disposition = dispositionOf(data.triage);
    const baseline = data.baseline;
    const extra = baseline ? [changeColumn(baseline)] : [];
    const columns = [...extra, ...COLUMNS, judgedColumn(disposition)].filter(column => data.findings.some(column.hasValue));
    const tableHeader = `| ${columns.map(column => column.header).join(' | ')} |\n|${columns.map(column => (column.numeric ? '---:' : '---')).join('|')}|`;
    const blocks = [heading];
    let rowsLeft = target.maxRows;
    for (const [severity, group] of groupBySeverity(data.findings, baseline)) {
        const visible = ALWAYS_VISIBLE.includes(severity) || blocks.length === 1;
        // Charged at its longest form, "(N of N shown)", before the rows are known.
        const title = (shown) => shown < group.length
            ? `${severity} (${shown} of ${group.length} shown)`
            : `${severity} (${group.length})`;
        const opening = (shown) => visible
            ? `#### ${title(shown)}${BLOCK_SEPARATOR}${tableHeader}`
            : `<details><summary><b>${title(shown)}</b></summary>${BLOCK_SEPARATOR}${tableHeader}`;
        const closing = visible ? '' : `${BLOCK_SEPARATOR}</details>`;
        const rows = [];
        for (const finding of group) {
            if (rows.length >= rowsLeft)
                break;
            const row = `\n| ${columns.map(column => column.cell(finding, fieldChars)).join(' | ')} |`;
            const cost = rows.length === 0 ? opening(group.length - 1) + row + closing + BLOCK_SEPARATOR : row;
            if (!budget.take(cost))
                break;
            rows.push(row);
        }
        if (rows.length === 0)
            break;
        rowsLeft -= rows.length;
        listed[severity] = rows.length;
        blocks.push(`${opening(rows.length)}${rows.join('')}${closing}`);
        if (rows.length < group.length)
            break;
    }
    return { blocks, listed };
}
function renderNotListed(data, notListed, target) {
    const breakdown = model_severity/* SEVERITIES */.oC.filter(severity => notListed[severity] > 0)
        .map(severity => `${notListed[severity]} ${severity}`)
        .join(', ');
    return `**${(0,model_severity/* totalOf */.e6)(notListed)} of ${plural(data.findings.length, 'finding')} not listed** (${breakdown}): the summary lists at most ${target.maxRows.toLocaleString('en-US')} rows and stays well under GitHub's size limit; every count above is exact. ${target.fullListPointer}`;
}
function renderFooter(data) {
    return `---${BLOCK_SEPARATOR}<sub>ecr-scan-findings ${escapeText(data.actionVersion)} · Reproduce locally: ${cliCommand(data)}, or ${renderCode('npm ci && npm run demo')} in a clone of the action.</sub>`;
}
function renderReport(data, target) {
    const budget = new Budget(target.limit, target.measure);
    const verdict = renderVerdict(data, target);
    const baseline = data.baseline ? [renderBaseline(data.baseline)] : [];
    const image = renderImage(data);
    const footer = renderFooter(data);
    for (const block of [verdict, ...baseline, image, footer])
        budget.spend(block + BLOCK_SEPARATOR);
    // The platforms are charged after every part the report cannot do without, each with a check.
    if (!data.verdict) {
        const platforms = renderPlatforms(data.platforms, budget, target);
        return `${[verdict, ...baseline, image + platforms, footer].join(BLOCK_SEPARATOR)}\n`;
    }
    const counts = renderCounts(data);
    budget.spend(counts + BLOCK_SEPARATOR);
    const found = (0,model_severity/* countBySeverity */.Ot)(data.findings);
    // Reserved before listing anything: the notice with every finding unlisted is its longest form.
    budget.spend(renderNotListed(data, found, target) + BLOCK_SEPARATOR);
    // At most a quarter of the room, so hundreds of platforms cannot crowd out the findings.
    const platformBudget = new Budget(Math.floor(budget.remaining / 4), target.measure);
    const platforms = renderPlatforms(data.platforms, platformBudget, target);
    budget.spend(platforms);
    const head = [verdict, ...baseline, image + platforms, counts];
    if (triageEntryCount(data) > 0) {
        // At most a quarter of the room, so thousands of ignored findings cannot crowd out those judged.
        const triageBudget = new Budget(Math.floor(budget.remaining / 4), target.measure);
        const triage = renderTriage(data, triageBudget, target.fieldChars, target.maxRows);
        budget.spend(triage + BLOCK_SEPARATOR);
        head.push(triage);
    }
    const { blocks, listed } = renderFindings(data, budget, target);
    const notListed = (0,model_severity/* emptyCounts */.W1)();
    for (const severity of model_severity/* SEVERITIES */.oC)
        notListed[severity] = found[severity] - listed[severity];
    const tail = (0,model_severity/* totalOf */.e6)(notListed) > 0 ? [renderNotListed(data, notListed, target)] : [];
    return `${[...head, ...blocks, ...tail, footer].join(BLOCK_SEPARATOR)}\n`;
}
function renderSummary(data, options = {}) {
    return renderReport(data, {
        limit: options.limitBytes ?? SUMMARY_TARGET_BYTES,
        measure: text => Buffer.byteLength(text, 'utf8'),
        fieldChars: 300,
        fullListPointer: 'The full list is in the JSON report (the `json-report` output; keep it with actions/upload-artifact), or run the AWS CLI command below.',
        maxRows: Math.max(1, options.maxRows ?? SUMMARY_MAX_ROWS),
        maxPlatforms: SUMMARY_MAX_PLATFORMS,
        noVerdictFails: options.noVerdictFails ?? true
    });
}
function report_overviewRow(data, result, outcome, baselineColumn) {
    const verdict = result.kind === 'judged'
        ? result.verdict.passed
            ? '✅ passed'
            : '❌ failed'
        : `${isSoftened(outcome) ? '⚠️' : '❌'} no verdict`;
    const platforms = result.platforms.map(platform => platform.platform).filter(Boolean);
    const shown = platforms.slice(0, SUMMARY_MAX_PLATFORMS);
    const more = platforms.length > shown.length ? `, …and ${platforms.length - shown.length} more` : '';
    const counts = result.kind === 'judged' ? report_severityTally(result.counts) || 'none' : '—';
    const change = baselineColumn ? ` ${data.baseline ? `${data.baseline.newCount} new` : '—'} |` : '';
    return `| ${escapeText(result.target.reference)} | ${platforms.length > 0 ? `${escapeText(shown.join(', '))}${more}` : '—'} | ${escapeText(result.scan.status)} | ${counts} |${change} ${verdict} |`;
}
const bytes = (text) => Buffer.byteLength(text, 'utf8');
/**
 * Several images: one row each, so the reader sees which failed before the details. The table
 * takes at most `room` bytes; rows past it are counted, and the JSON report has every image.
 */
function renderOverview(run, reports, outcomes, room) {
    // A no-verdict that scan-failure: warn softened leaves the step green: it is counted apart.
    const { images, failing, softened, noVerdict } = tallyOutcomes(outcomes);
    const headline = failing === 0 && softened === 0
        ? `## ✅ Passed: ${images} images break no severity threshold`
        : failing === 0
            ? `## ⚠️ ${softened} of ${images} images ${noVerdict}`
            : `## ❌ ${failing} of ${images} images failed or have no verdict${softened > 0 ? `; ⚠️ ${softened} more ${noVerdict}` : ''}`;
    const baselineColumn = reports.some(data => data.baseline);
    const rows = run.images.map((image, index) => report_overviewRow(reports[index], image, outcomes[index], baselineColumn));
    const shown = countWithin(rows, room, row => bytes(row) + 1);
    const more = shown < rows.length
        ? [`${rows.length - shown} more images are not listed here; the JSON report has them all.`]
        : [];
    return [
        headline,
        [
            `| Image | Platforms | Scan status | Findings |${baselineColumn ? ' Baseline |' : ''} Verdict |`,
            `| --- | --- | --- | --- |${baselineColumn ? ' --- |' : ''} --- |`,
            ...rows.slice(0, shown)
        ].join('\n'),
        ...more
    ].join(BLOCK_SEPARATOR);
}
/**
 * The job summary of a whole run: one image as before; several as an overview, then each image,
 * sharing the byte budget and the row cap.
 */
function renderRunSummary(run, options = {}) {
    const limit = options.limitBytes ?? SUMMARY_TARGET_BYTES;
    const maxRows = Math.max(1, options.maxRows ?? SUMMARY_MAX_ROWS);
    const reports = run.images.map(image => imageReport(run, image));
    const outcomes = decideOutcomes(run, options.scanFailure ?? 'fail');
    if (reports.length === 1 && reports[0]) {
        return renderSummary(reports[0], {
            limitBytes: limit,
            maxRows,
            noVerdictFails: !isSoftened(outcomes[0])
        });
    }
    const overview = `${renderOverview(run, reports, outcomes, Math.floor(limit / 4))}${BLOCK_SEPARATOR}`;
    const omitted = (count) => `**Details of ${count} more images are not shown** to stay within GitHub's size limit; the overview above lists them, and the JSON report has every finding.`;
    const room = limit - bytes(overview) - bytes(omitted(reports.length)) - 1;
    const share = Math.floor(room / reports.length);
    const rowShare = Math.max(1, Math.floor(maxRows / reports.length));
    const sections = reports.map((data, index) => renderSummary(data, {
        limitBytes: share,
        maxRows: rowShare,
        noVerdictFails: !isSoftened(outcomes[index])
    }));
    // A section can outgrow its share (a no-verdict report keeps its whole problem): sections go in
    // while they fit, and the rest are counted.
    const kept = countWithin(sections, room, section => bytes(section) + 1);
    const tail = kept < sections.length ? [omitted(sections.length - kept)] : [];
    return overview + [...sections.slice(0, kept), ...tail].join('\n');
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: ./src/report/sarif.ts









const SARIF_SCHEMA_URI = 'https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json';
function sarifLevel(severity) {
    if (severity === 'CRITICAL' || severity === 'HIGH')
        return 'error';
    return severity === 'MEDIUM' ? 'warning' : 'note';
}
// Used when the scan gave no CVSS score: the middle of the band code scanning maps back to the
// same severity (critical > 9.0, high 7.0–8.9, medium 4.0–6.9, low below 4.0).
// INFORMATIONAL ranks lowest; UNDEFINED and UNTRIAGED are unknown, ranked as medium rather than
// hidden at the bottom.
const BAND_SCORE = {
    CRITICAL: 9.5,
    HIGH: 8.0,
    MEDIUM: 5.5,
    LOW: 2.0,
    INFORMATIONAL: 0.1,
    UNDEFINED: 5.5,
    UNTRIAGED: 5.5
};
/** Code scanning ranks alerts by this: a number written as a string, above 0 and at most 10. */
function securitySeverity(findings, severity) {
    const scores = findings.map(finding => finding.cvssScore ?? 0).filter(score => score > 0);
    const score = scores.length > 0 ? Math.min(10, Math.max(...scores)) : BAND_SCORE[severity];
    return score.toFixed(1);
}
/** Scheme and authority as RFC 3986 allows them: a bracketed IP literal or a registered name. */
const STRICT_AUTHORITY = /^https?:\/\/(?:(?:[\w\-.~!$&'()*+,;=:]|%[0-9A-Fa-f]{2})*@)?(?:\[[0-9A-Fa-f:.]+\]|(?:[\w\-.~!$&'()*+,;=]|%[0-9A-Fa-f]{2})+)(?::\d*)?$/;
/** A percent-encoded octet, or one character RFC 3986 does not allow in a path, query or fragment. */
const NOT_IN_PATH = /%[0-9A-Fa-f]{2}|[^\w\-.~!$&'()*+,;=:@/?]/gu;
/**
 * An http(s) link as a URI the SARIF schema accepts: the parsed URL keeps characters RFC 3986
 * does not allow (`|`, `^`, `{`, `}`, a backtick or `\` in the query, `[`, a second `#`, a bare
 * `%`), so they are percent-encoded after the authority. A link whose authority holds one is no
 * advisory link, and is dropped.
 */
function strictHttpUri(link) {
    const href = safeHttpUrl(link);
    if (!href)
        return undefined;
    // The serialized http(s) URL always has a path, and nothing before it holds a slash.
    const pathStart = href.indexOf('/', href.indexOf('//') + 2);
    const authority = href.slice(0, pathStart).replace(/%(?![0-9A-Fa-f]{2})/g, '%25');
    if (pathStart < 0 || !STRICT_AUTHORITY.test(authority))
        return undefined;
    let fragment = false;
    const rest = href.slice(pathStart).replace(NOT_IN_PATH, match => {
        if (match.length === 3 && match.startsWith('%'))
            return match;
        if (match === '#' && !fragment) {
            fragment = true;
            return match;
        }
        return encodeURIComponent(match);
    });
    return authority + rest;
}
/** Parentheses would end a Markdown link early. */
function markdownUrl(link) {
    return link.replace(/\(/g, '%28').replace(/\)/g, '%29');
}
/**
 * Relative, forward slashes, each segment percent-encoded: the form code scanning matches to
 * repository files. encodeURI would leave `#` and `?` to start a fragment or query. A path outside
 * the repository (`../`, absolute) keeps its shape and, with a drive letter's colon encoded, stays
 * a relative reference as `uriBaseId` requires.
 */
function artifactUri(dockerfile) {
    const path = dockerfile.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
    return path.split('/').map(encodeURIComponent).join('/');
}
/** The fields the report order leaves unsorted, identity first. */
function remainingFields(finding) {
    return JSON.stringify([
        finding.packageName,
        finding.installedVersion,
        finding.fixedInVersion,
        finding.fixAvailable,
        finding.exploitAvailable,
        finding.source,
        finding.title,
        finding.description,
        finding.link
    ]);
}
/**
 * The report order, so a cut keeps the most severe; the remaining fields break ties, so the
 * order the scan listed findings in never shows.
 */
function compareForSarif(a, b) {
    return (0,model_findings/* compareFindings */.Eg)(a, b) || (0,model_findings/* compareText */.n6)(remainingFields(a), remainingFields(b));
}
/**
 * Every result sits on line 1, so the fingerprint must tell findings apart itself: the id in one
 * installed version of one package. Severity, score and fix are left out, so a rescored finding
 * stays the same alert. Copies the model cannot tell apart (one package version in two paths)
 * are numbered in sorted order, so each stays its own alert whatever order the scan listed them in.
 */
function fingerprints(sorted) {
    const seen = new Map();
    return sorted.map(finding => {
        const identity = JSON.stringify([
            finding.id,
            finding.packageName ?? '',
            finding.installedVersion ?? ''
        ]);
        const occurrence = (seen.get(identity) ?? 0) + 1;
        seen.set(identity, occurrence);
        return `${(0,external_node_crypto_.createHash)('sha256').update(identity).digest('hex')}:${occurrence}`;
    });
}
function groupById(findings) {
    const byId = new Map();
    for (const finding of findings) {
        const group = byId.get(finding.id);
        if (group)
            group.push(finding);
        else
            byId.set(finding.id, [finding]);
    }
    return byId;
}
function truncationNotice(kept, total, limit) {
    return {
        level: 'warning',
        descriptor: { id: 'results-truncated' },
        message: {
            text: `Only the ${kept} most severe of ${total} findings are included: code scanning rejects a run with more than ${limit} results.`
        }
    };
}
/**
 * Says a folded run was left out of the file, on a run that stays: an image of that group has no
 * verdict, and a run without its findings would show its alerts as fixed.
 */
function leftOutNotice(category, unjudged, others) {
    const rest = others.length > 0
        ? ` Its other images (${others.join(', ')}) are judged but not reported here either; they are reported again on the next complete run of the group.`
        : '';
    return {
        level: 'warning',
        descriptor: { id: 'folded-run-left-out' },
        message: {
            text: `${category} is left out of this file because ${unjudged.join(', ')} ${unjudged.length === 1 ? 'has' : 'have'} no verdict: code scanning keeps that category's alerts as they were instead of showing them as fixed.${rest || ' It is reported again on the next complete run of the group.'}`
        }
    };
}
function mostSevere(findings) {
    return findings.reduce((worst, finding) => (0,model_severity/* severityRank */.qs)(finding.severity) > (0,model_severity/* severityRank */.qs)(worst) ? finding.severity : worst, findings[0]?.severity ?? 'UNDEFINED');
}
function buildRule(id, findings) {
    const first = findings[0];
    const severity = mostSevere(findings);
    const title = first.title.includes(id) ? first.title : `${id}: ${first.title}`;
    const description = first.description.trim() || title;
    const link = findings.map(finding => strictHttpUri(finding.link)).find(Boolean);
    const score = securitySeverity(findings, severity);
    const facts = `Severity: ${severity}. Security severity: ${score}.`;
    return {
        id,
        shortDescription: { text: title },
        fullDescription: { text: description },
        help: {
            text: `${description}\n\n${facts}${link ? `\n\nAdvisory: ${link}` : ''}`,
            // One inert paragraph: bidi controls shown as U+FFFD first, since escaping drops them.
            markdown: `${escapeParagraph((0,model_text/* withoutControls */.DJ)(description))}\n\n${facts}${link ? `\n\n[${escapeText(id)}](${markdownUrl(link)})` : ''}`
        },
        ...(link ? { helpUri: link } : {}),
        defaultConfiguration: { level: sarifLevel(severity) },
        properties: {
            tags: ['security', 'vulnerability', 'container'],
            precision: 'very-high',
            'security-severity': score,
            ...riskProperties(worstRisk(findings))
        }
    };
}
/** The riskiest EPSS and KEV entry of a rule's findings. */
function worstRisk(findings) {
    const [riskiest] = [...findings].sort(model_findings/* compareRisk */.l$);
    const scores = findings.flatMap(finding => (finding.epss === undefined ? [] : [finding.epss]));
    return {
        epss: scores.length > 0 ? Math.max(...scores) : undefined,
        kev: riskiest?.kev
    };
}
/** `epss` and `kev` only when known, so runs without enrichment stay as they were. */
function riskProperties(finding) {
    return {
        ...(finding.epss !== undefined ? { epss: finding.epss } : {}),
        ...(finding.kev
            ? {
                kev: {
                    ...(finding.kev.dateAdded ? { dateAdded: finding.kev.dateAdded } : {}),
                    ...(finding.kev.dueDate ? { dueDate: finding.kev.dueDate } : {})
                }
            }
            : {})
    };
}
function fixText(finding) {
    if (finding.fixedInVersion)
        return `fixed in ${finding.fixedInVersion}`;
    if (finding.fixAvailable === 'NO')
        return 'no fix available';
    return finding.fixAvailable === 'UNKNOWN' ? 'fix availability not reported' : 'fix available';
}
function resultMessage(finding, image) {
    const where = finding.packageName
        ? ` in ${finding.packageName}${finding.installedVersion ? ` ${finding.installedVersion}` : ''}`
        : '';
    return `${finding.id} (${finding.severity})${where}, ${fixText(finding)}; image ${image}`;
}
/**
 * One rule per vulnerability id and one result per finding, most severe first, placed on the
 * Dockerfile. Ignored findings are left out (accepted risk should not reopen alerts); findings a
 * filter set aside stay in, since filters decide what fails the step, not what is worth seeing.
 * Past code scanning's result limit only the most severe are kept, and a notification says so.
 * Call it only when there is a verdict: an upload with no results would close every open alert.
 */
function buildSarif(data, options) {
    return sarifLog([sarifRun([{ data }], options)]);
}
/**
 * The log with control characters, bidi controls and lone surrogates replaced in every string
 * (ids, texts, package names, images): whatever the scan wrote, code scanning shows what it holds.
 */
function sarifLog(runs) {
    return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: cleanStrings(runs) };
}
function cleanStrings(value) {
    if (typeof value === 'string')
        return (0,model_text/* withoutControls */.DJ)(value);
    if (Array.isArray(value))
        return value.map(cleanStrings);
    if (value && typeof value === 'object')
        return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, cleanStrings(entry)]));
    return value;
}
function sarifRun(members, options, notices = []) {
    const entries = members.flatMap(({ data, key }) => {
        const disposition = dispositionOf(data.triage);
        const reported = data.findings
            .filter(finding => disposition(finding).kind !== 'ignored')
            .sort(compareForSarif);
        // Numbered before the cut, so a kept result has the fingerprint it has in an uncut run.
        const fingerprint = fingerprints(reported);
        const image = formatImage(data.image);
        return reported.map((finding, index) => ({
            finding,
            image,
            key: key ?? '',
            counted: disposition(finding).kind === 'counted',
            // In a folded run the image's category name joins the identity, so one finding in two images
            // stays two alerts and keeps its alert when a new digest is pushed.
            fingerprint: key === undefined
                ? fingerprint[index]
                : (0,external_node_crypto_.createHash)('sha256')
                    .update(JSON.stringify([key, fingerprint[index]]))
                    .digest('hex')
        }));
    });
    entries.sort((a, b) => compareForSarif(a.finding, b.finding) || (0,model_findings/* compareText */.n6)(a.key, b.key));
    const limit = options.maxResults ?? MAX_RESULTS_PER_RUN;
    const kept = entries.slice(0, limit);
    const keptIds = new Set(kept.map(entry => entry.finding.id));
    // Rules only for kept results: never more rules than results, so the rule limit holds too.
    const ruleGroups = [...groupById(entries.map(entry => entry.finding))].filter(([id]) => keptIds.has(id));
    const ruleIndex = new Map(ruleGroups.map(([id], index) => [id, index]));
    const uri = artifactUri(options.dockerfile);
    const results = kept.map(({ finding, image, counted, fingerprint }) => ({
        ruleId: finding.id,
        ruleIndex: ruleIndex.get(finding.id) ?? -1,
        level: sarifLevel(finding.severity),
        message: { text: resultMessage(finding, image) },
        locations: [
            {
                physicalLocation: {
                    artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
                    region: { startLine: 1 }
                }
            }
        ],
        partialFingerprints: { 'ecrScanFinding/v1': fingerprint },
        properties: {
            ...(finding.packageName ? { packageName: finding.packageName } : {}),
            ...(finding.installedVersion ? { installedVersion: finding.installedVersion } : {}),
            ...(finding.fixedInVersion ? { fixedInVersion: finding.fixedInVersion } : {}),
            fixAvailable: finding.fixAvailable,
            exploitAvailable: finding.exploitAvailable,
            counted,
            image,
            ...riskProperties(finding)
        }
    }));
    const warnings = [
        ...(kept.length < entries.length ? [truncationNotice(kept.length, entries.length, limit)] : []),
        ...notices
    ];
    const images = members.map(({ data }) => ({
        image: formatImage(data.image),
        repository: data.image.repository,
        digest: data.image.digest,
        scanType: data.scan.type
    }));
    return {
        tool: {
            driver: {
                name: 'ecr-scan-findings',
                version: members[0]?.data.actionVersion ?? '',
                ...(options.informationUri ? { informationUri: options.informationUri } : {}),
                rules: ruleGroups.map(([id, findings]) => buildRule(id, findings))
            }
        },
        ...(warnings.length > 0
            ? { invocations: [{ executionSuccessful: true, toolExecutionNotifications: warnings }] }
            : {}),
        results,
        properties: members.length === 1 && members[0]?.key === undefined ? images[0] : { images }
    };
}
function serializeSarif(log) {
    return `${JSON.stringify(log, null, 2)}\n`;
}
/** What a log line calls a run: its image, or the category several images were folded into. */
function sarifRunLabel(run) {
    return 'image' in run.properties ? run.properties.image : (run.automationDetails?.id ?? '');
}
/**
 * One run per judged image, up to code scanning's MAX_RUNS_PER_FILE. When the step asks for
 * several images each run gets its own `automationDetails.id`, because code scanning rejects two
 * runs of one category in an upload; a step asking for one image keeps none, so the upload step's
 * `category` applies as before. Whether there are categories, and which, depends only on the
 * images requested, never on how many were judged: an image's alerts stay in one category.
 *
 * A step asking for more images than runs fit folds them into at most MAX_RUNS_PER_FILE runs,
 * each image always in the same one (chosen by a hash of its category name, so adding or losing
 * another image never moves it). Every result stays and names its image.
 *
 * A folded run with an image without a verdict is left out whole, never uploaded without that
 * image's findings: code scanning would show the image's alerts in that category as fixed. A
 * category absent from an upload keeps its alerts as they were: GitHub's "Two CodeQL workflows"
 * troubleshooting page (docs.github.com/en/code-security/code-scanning/troubleshooting-code-scanning/
 * two-codeql-workflows) says configurations that no longer run keep outdated alert statuses and
 * their alerts stay open. A notification on the first run that stays names the group left out,
 * its unjudged images and the others, which come back on the next run where all of them are
 * judged. The same holds for one run per image: an image without a verdict has no run.
 */
function buildRunSarif(run, options) {
    const names = categoryNames(run.images);
    const category = (name) => ({ automationDetails: { id: `ecr-scan-findings/${name}/` } });
    const member = (image) => ({ data: imageReport(run, image) });
    let runs;
    if (run.images.length <= MAX_RUNS_PER_FILE) {
        runs = run.images
            .filter(image => image.kind === 'judged')
            .map(image => {
            const single = sarifRun([member(image)], options);
            return run.images.length > 1 ? { ...single, ...category(names.get(image) ?? '') } : single;
        });
    }
    else {
        const groups = new Map();
        for (const image of run.images) {
            const group = foldedGroup(names.get(image) ?? '');
            groups.set(group, [...(groups.get(group) ?? []), image]);
        }
        const groupName = (group) => `group-${String(group + 1).padStart(2, '0')}`;
        const sorted = [...groups].sort(([a], [b]) => a - b);
        const complete = sorted.filter(([, images]) => images.every(image => image.kind === 'judged'));
        const leftOut = sorted
            .filter(([, images]) => images.some(image => image.kind !== 'judged'))
            .map(([group, images]) => leftOutNotice(category(groupName(group)).automationDetails.id, images.filter(image => image.kind !== 'judged').map(image => image.target.reference), images.filter(image => image.kind === 'judged').map(image => image.target.reference)));
        runs = complete.map(([group, images], index) => {
            const members = images.map(image => ({ ...member(image), key: names.get(image) ?? '' }));
            return {
                ...sarifRun(members, options, index === 0 ? leftOut : []),
                ...category(groupName(group))
            };
        });
    }
    return sarifLog(runs);
}
/**
 * What the Action and the command line both write. No file without a verdict: an upload with no
 * results would close every open alert as fixed. Nor when every folded group holds an image
 * without one: code scanning rejects a file without runs, and a partial group would close that
 * image's alerts. With several images, those with a verdict still get their runs.
 */
function sarifFile(run, options) {
    if (!run.images.some(image => image.kind === 'judged'))
        return { kind: 'none', why: 'no-verdict', reason: 'no image has a verdict' };
    const log = buildRunSarif(run, options);
    if (log.runs.length === 0) {
        return {
            kind: 'none',
            why: 'no-complete-group',
            reason: 'each group of images it would hold has one without a verdict, so code scanning keeps its alerts as they were until a run judges them all'
        };
    }
    const notices = log.runs.flatMap(sarifRun => (sarifRun.invocations?.[0]?.toolExecutionNotifications ?? []).map(notice => `SARIF (${sarifRunLabel(sarifRun)}): ${notice.message.text}`));
    return { kind: 'log', log, notices };
}
/** Which of the MAX_RUNS_PER_FILE folded runs an image goes to: stable for its category name. */
function foldedGroup(name) {
    return (parseInt((0,external_node_crypto_.createHash)('sha256').update(name).digest('hex').slice(0, 8), 16) % MAX_RUNS_PER_FILE);
}
/**
 * Each requested image's category name, unique in the step and the same on every run of it:
 * `[account.]region/repository`, so a new tag or digest pushed each commit keeps its alerts in one
 * category. A repository the step asks for more than once adds the tag or digest as requested
 * (`web:v1`, `web:v1@sha256:…`); what would still collide is numbered in request order (`#2`).
 * The category is everything before the id's last slash, so a repository's own slashes stay.
 */
function categoryNames(images) {
    const requested = images.map(image => ({ image, ...requestedImage(image) }));
    const perRepository = new Map();
    for (const { repository } of requested)
        perRepository.set(repository, (perRepository.get(repository) ?? 0) + 1);
    const seen = new Map();
    const names = new Map();
    for (const { image, repository, version, registry } of requested) {
        const base = `${registry}/${repository}${(perRepository.get(repository) ?? 0) > 1 ? version : ''}`;
        const occurrence = (seen.get(base) ?? 0) + 1;
        seen.set(base, occurrence);
        names.set(image, occurrence > 1 ? `${base}#${occurrence}` : base);
    }
    return names;
}
/**
 * Where the step asked for the image and which version, from its request alone: an image that
 * failed before it resolved (tag not found, access denied) keeps the category, and the folded
 * group, it has when judged.
 */
function requestedImage({ target }) {
    const { region, query } = target;
    const { imageTag: tag, imageDigest: digest, registryId: account } = query;
    return {
        registry: account ? `${account}.${region}` : region,
        repository: query.repository,
        version: `${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`
    };
}

;// CONCATENATED MODULE: ./src/report/terminal.ts








/**
 * Colour on a terminal unless NO_COLOR is set (https://no-color.org); FORCE_COLOR (anything but
 * 0 or false) turns it on even in a pipe, and FORCE_COLOR=0 off even on a terminal.
 */
function colorEnabled(isTTY, env) {
    const force = env.FORCE_COLOR;
    if (force !== undefined && force !== '')
        return !['0', 'false'].includes(force.toLowerCase());
    if (env.NO_COLOR)
        return false;
    return isTTY === true;
}
// C0 and C1 controls (ESC starts a terminal command), DEL, and bidirectional overrides that can
// make a line read differently from what it holds.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/**
 * Text from ECR, Inspector or an ignore file made safe to print: no control character can reach
 * the terminal (an escape sequence could rewrite the screen or the window title), each value
 * stays on one line, and none is a workflow command when the CLI runs in a GitHub Actions job.
 */
function terminalSafe(text) {
    return (0,model_text/* withoutWorkflowCommands */.CA)(text.replace(/\r\n|[\n\t\r\u2028\u2029]/g, ' ').replace(UNSAFE, '\uFFFD'));
}
const CODES = {
    bold: [1, 22],
    dim: [2, 22],
    red: [31, 39],
    green: [32, 39],
    yellow: [33, 39],
    cyan: [36, 39],
    magenta: [35, 39]
};
function painter(color) {
    if (!color)
        return text => text;
    return (text, ...styles) => styles.reduce((out, style) => `\u001b[${CODES[style][0]}m${out}\u001b[${CODES[style][1]}m`, text);
}
const SEVERITY_STYLE = {
    CRITICAL: ['red', 'bold'],
    HIGH: ['red'],
    MEDIUM: ['yellow'],
    LOW: ['cyan'],
    INFORMATIONAL: ['dim'],
    UNDEFINED: ['dim'],
    UNTRIAGED: ['dim']
};
function clip(text, max) {
    return (0,model_text/* clipChars */.uk)(terminalSafe(text), max);
}
/** Columns as plain text first, so widths are measured before any colour is added. */
function table(rows, columns, paint, indent) {
    const visible = columns.filter(column => column.shown(rows));
    const cells = rows.map(row => visible.map(column => column.cell(row)));
    const widths = visible.map((column, index) => Math.max(column.header.length, ...cells.map(line => (line[index] ?? '').length)));
    const pad = (text, index) => visible[index]?.right ? text.padStart(widths[index] ?? 0) : text.padEnd(widths[index] ?? 0);
    const header = visible.map((column, index) => pad(column.header, index)).join('  ');
    const body = rows.map((row, rowIndex) => visible
        .map((column, index) => {
        const text = pad(cells[rowIndex]?.[index] ?? '', index);
        return column.style ? paint(text, ...column.style(row)) : text;
    })
        .join('  ')
        .trimEnd());
    return [paint(header.trimEnd(), 'bold'), ...body].map(line => indent + line);
}
function countsTable(result, run, paint) {
    const judged = result.verdict.counts;
    const showJudged = model_severity/* SEVERITIES */.oC.some(severity => judged[severity] !== result.counts[severity]);
    const rows = model_severity/* SEVERITIES */.oC.filter(severity => result.counts[severity] > 0 || limitFor(severity, run.thresholds) !== undefined);
    const header = ['Severity', 'Found', ...(showJudged ? ['Judged'] : []), 'Threshold'];
    const lines = rows.map(severity => {
        const limit = limitFor(severity, run.thresholds);
        return [
            severity,
            String(result.counts[severity]),
            ...(showJudged ? [String(judged[severity])] : []),
            limit === undefined ? '-' : limit === 0 ? '0' : `<= ${limit}`
        ];
    });
    lines.push([
        'Total',
        String((0,model_severity/* totalOf */.e6)(result.counts)),
        ...(showJudged ? [String((0,model_severity/* totalOf */.e6)(judged))] : []),
        ''
    ]);
    const widths = header.map((title, index) => Math.max(title.length, ...lines.map(line => (line[index] ?? '').length)));
    const format = (line) => line
        .map((cell, index) => index === 0 || index === line.length - 1
        ? cell.padEnd(widths[index] ?? 0)
        : cell.padStart(widths[index] ?? 0))
        .join('  ')
        .trimEnd();
    return [
        `  ${paint(format(header), 'bold')}`,
        ...lines.map((line, index) => {
            const severity = rows[index];
            const text = format(line);
            return `  ${severity ? paint(text, ...SEVERITY_STYLE[severity]) : paint(text, 'bold')}`;
        })
    ];
}
function findingColumns(result, cellChars) {
    const disposition = dispositionOf(result.triage);
    const baseline = result.baseline;
    const has = (pick) => (findings) => findings.some(finding => pick(finding));
    return [
        {
            header: 'SEVERITY',
            cell: finding => finding.severity,
            style: finding => SEVERITY_STYLE[finding.severity],
            shown: () => true
        },
        {
            header: 'ID',
            cell: finding => clip(finding.id, cellChars),
            shown: () => true
        },
        {
            header: 'PACKAGE',
            cell: finding => clip(finding.packageName ?? '-', cellChars),
            shown: has(finding => finding.packageName)
        },
        {
            header: 'INSTALLED',
            cell: finding => clip(finding.installedVersion ?? '-', cellChars),
            shown: has(finding => finding.installedVersion)
        },
        {
            header: 'FIXED IN',
            cell: finding => clip(finding.fixedInVersion ?? '-', cellChars),
            shown: has(finding => finding.fixedInVersion)
        },
        {
            header: 'PLATFORMS',
            cell: finding => clip(finding.platforms?.map(entry => entry.platform).join(', ') || '-', cellChars),
            shown: has(finding => finding.platforms?.length)
        },
        {
            header: 'CVSS',
            right: true,
            cell: finding => finding.cvssScore?.toFixed(1) ?? '-',
            shown: has(finding => finding.cvssScore !== undefined)
        },
        {
            header: 'EPSS',
            right: true,
            cell: finding => (finding.epss === undefined ? '-' : (0,model_findings/* formatEpss */.fh)(finding.epss)),
            shown: has(finding => finding.epss !== undefined)
        },
        {
            header: 'KEV',
            cell: finding => (finding.kev ? 'KEV' : ''),
            style: () => ['red', 'bold'],
            shown: has(finding => finding.kev !== undefined)
        },
        {
            header: 'EXPLOIT',
            cell: finding => (finding.exploitAvailable === 'YES' ? 'yes' : ''),
            style: () => ['magenta'],
            shown: has(finding => finding.exploitAvailable === 'YES')
        },
        {
            header: 'CHANGE',
            cell: finding => (baseline ? changeOf(baseline, finding) : ''),
            style: finding => (baseline && changeOf(baseline, finding) === 'new' ? ['bold'] : ['dim']),
            shown: () => baseline !== undefined
        },
        {
            header: 'JUDGED',
            cell: finding => {
                const outcome = disposition(finding);
                return outcome.kind === 'counted'
                    ? 'yes'
                    : outcome.kind === 'ignored'
                        ? 'ignored'
                        : 'set aside';
            },
            style: finding => (disposition(finding).kind === 'counted' ? [] : ['dim']),
            shown: findings => findings.some(finding => disposition(finding).kind !== 'counted')
        }
    ];
}
function sortedFindings(result) {
    const unchanged = unchangedFindings(result.findings, result.baseline);
    const rank = (finding) => model_severity/* SEVERITIES */.oC.indexOf(finding.severity);
    const newFirst = (a, b) => Number(unchanged.has(a)) - Number(unchanged.has(b));
    return [...result.findings].sort((a, b) => rank(a) - rank(b) || newFirst(a, b) || (0,model_findings/* compareFindings */.Eg)(a, b));
}
function heading(result, paint) {
    const name = terminalSafe(imageName(result));
    const where = result.image ? ` (${terminalSafe(result.image.region)})` : '';
    if (result.kind === 'unjudged')
        return `${paint('NO VERDICT', 'yellow', 'bold')}  ${name}${where}`;
    return result.verdict.passed
        ? `${paint('PASSED', 'green', 'bold')}  ${name}${where}`
        : `${paint('FAILED', 'red', 'bold')}  ${name}${where}`;
}
function scanLine(result) {
    const { scan } = result;
    const completed = scan.completedAt ? `, completed ${scan.completedAt.toISOString()}` : '';
    const platforms = result.platforms
        .map(platform => platform.platform)
        .filter((platform) => !!platform);
    const across = platforms.length > 0 ? `, platforms ${terminalSafe(platforms.join(', '))}` : '';
    return `  Scan: ${scan.type}, status ${terminalSafe(scan.status)}${completed}${across}`;
}
function unjudged(result, paint) {
    const description = result.scan.description
        ? [`  AWS: ${terminalSafe(result.scan.description)}`]
        : [];
    return [
        heading(result, paint),
        scanLine(result),
        ...description,
        `  ${paint(terminalSafe(result.problem.message), 'yellow')}`
    ];
}
function judged(result, run, options) {
    const paint = painter(options.color);
    const lines = [heading(result, paint)];
    for (const breach of result.verdict.breaches)
        lines.push(`  ${paint('-', 'red')} ${describeBreach(breach)}`);
    lines.push(scanLine(result));
    const { baseline, triage } = result;
    if (baseline)
        lines.push(`  Against ${terminalSafe(baseline.reference)} (${shortDigest(baseline.digest)}): ${baseline.newCount} new, ${baseline.fixed.length} fixed, ${baseline.unchangedCount} unchanged`);
    lines.push('', ...countsTable(result, run, paint));
    const setAside = triage.filters.map(filter => `${terminalSafe(filter.filter)} set aside ${plural(filter.setAside, 'finding')}`);
    const notes = [
        ...(triage.ignored.length > 0
            ? [`${plural(triage.ignored.length, 'finding')} ignored by rules`]
            : []),
        ...setAside,
        ...triage.expiredRules.map(rule => `expired rule ${terminalSafe(rule.id)} (${terminalSafe(rule.origin)})`),
        ...triage.staleRules.map(rule => `stale rule ${terminalSafe(rule.id)} (${terminalSafe(rule.origin)})`)
    ];
    if (notes.length > 0)
        lines.push('', `  Triage: ${notes.join('; ')}`);
    lines.push('');
    if (result.findings.length === 0) {
        lines.push('  The scan reported no vulnerabilities.');
        return lines;
    }
    lines.push(`  ${paint(`Findings (${result.findings.length})`, 'bold')}`);
    lines.push(...table(sortedFindings(result), findingColumns(result, options.cellChars ?? 48), paint, '  '));
    return lines;
}
function overview(run, paint) {
    const passed = run.images.filter(image => image.kind === 'judged' && image.verdict.passed).length;
    const failed = run.images.filter(image => image.kind === 'judged' && !image.verdict.passed).length;
    const noVerdict = run.images.length - passed - failed;
    const parts = [
        paint(`${passed} passed`, passed > 0 ? 'green' : 'dim'),
        paint(`${failed} failed`, failed > 0 ? 'red' : 'dim'),
        paint(`${noVerdict} without a verdict`, noVerdict > 0 ? 'yellow' : 'dim')
    ];
    return `${plural(run.images.length, 'image')}: ${parts.join(', ')}`;
}
/** The verdict and findings of a run, for a terminal or a CI log: one block per image. */
function renderTerminal(run, options) {
    const paint = painter(options.color);
    const blocks = run.images.map(result => (result.kind === 'judged' ? judged(result, run, options) : unjudged(result, paint)).join('\n'));
    if (run.images.length > 1)
        blocks.push(overview(run, paint));
    return `${blocks.join('\n\n')}\n`;
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(7975);
;// CONCATENATED MODULE: ./src/cli/flags.ts


const FORMATS = ['text', 'json', 'sarif', 'markdown', 'comment', 'junit'];
/** Every flag, in the order `--help` lists them. */
const FLAGS = [
    {
        name: 'repository',
        input: INPUT.repository,
        type: 'string',
        value: 'NAME',
        default: '',
        description: 'ECR repository name, e.g. my-team/web-api (with --image-tag or --image-digest).'
    },
    {
        name: 'image-tag',
        input: INPUT.imageTag,
        type: 'string',
        value: 'TAG',
        default: '',
        description: 'Tag of the image to check.'
    },
    {
        name: 'image-digest',
        input: INPUT.imageDigest,
        type: 'string',
        value: 'DIGEST',
        default: '',
        description: 'Digest (sha256:…) of the image to check; with a tag, both must match.'
    },
    {
        name: 'images',
        input: INPUT.images,
        type: 'string',
        multiple: true,
        joinWith: '\n',
        value: 'REFS',
        default: '',
        description: 'Images to check instead of --repository: repository:tag, repository@sha256:… or a full ECR URI. Repeat the flag or give one per line.'
    },
    {
        name: 'registry-id',
        input: INPUT.registryId,
        type: 'string',
        value: 'ACCOUNT',
        default: '',
        description: "12-digit account id of the registry, when it is not the credentials' own."
    },
    {
        name: 'region',
        input: INPUT.region,
        type: 'string',
        value: 'REGION',
        default: 'AWS_REGION, else AWS_DEFAULT_REGION',
        description: 'AWS region of the registry.'
    },
    {
        name: 'timeout',
        input: INPUT.timeout,
        type: 'string',
        value: 'DURATION',
        default: '10m',
        description: 'How long to wait for the scan: seconds (600) or 30s, 10m, 1h30m.'
    },
    {
        name: 'settle-interval',
        input: INPUT.settleInterval,
        type: 'string',
        value: 'DURATION',
        default: '15s',
        description: 'Enhanced scanning only: read the findings again this long after the first read, until two reads agree; 0 turns it off.'
    },
    {
        name: 'start-scan',
        input: INPUT.startScan,
        type: 'boolean',
        default: 'off',
        description: 'Start a basic scan when the image has none.'
    },
    {
        name: 'scan-failure',
        input: INPUT.scanFailure,
        type: 'string',
        value: 'fail|warn',
        default: 'fail',
        description: 'A scan that ended without results (FAILED, UNSUPPORTED_IMAGE, …) or could not be read completely: fail (exit 2) or warn (exit 0 with a warning).'
    },
    {
        name: 'fail-on',
        input: INPUT.failOn,
        type: 'string',
        value: 'SEVERITY',
        default: 'HIGH',
        description: 'Fail on any finding at this severity or above: CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL or NONE.'
    },
    {
        name: 'max-findings',
        input: INPUT.maxFindings,
        type: 'string',
        multiple: true,
        joinWith: '\n',
        value: 'LIMITS',
        default: '',
        description: 'Per-severity limits, e.g. CRITICAL=0,HIGH=5 (repeatable); a limit replaces --fail-on for its severity.'
    },
    {
        name: 'ignore-file',
        input: INPUT.ignoreFile,
        type: 'string',
        value: 'PATH',
        default: '.github/ecr-scan-ignore.yml',
        description: 'YAML file of ignore rules. Missing at the default path: no rules; missing at a path you give: an error.'
    },
    {
        name: 'ignore',
        input: INPUT.ignore,
        type: 'string',
        value: 'YAML',
        default: '',
        description: 'Ignore rules inline, as in the ignore file, e.g. \'[{id: CVE-2023-1234, reason: "not reachable"}]\'.'
    },
    {
        name: 'only-fixable',
        input: INPUT.onlyFixable,
        type: 'boolean',
        default: 'off',
        description: 'Judge only findings with a fix available (basic scans do not say; those are kept).'
    },
    {
        name: 'min-cvss',
        input: INPUT.minCvss,
        type: 'string',
        value: 'SCORE',
        default: '',
        description: 'Judge only findings with a CVSS score at or above this (0-10).'
    },
    {
        name: 'fail-on-exploit',
        input: INPUT.failOnExploit,
        type: 'boolean',
        default: 'off',
        description: 'Fail on any finding with a known exploit (enhanced scanning only).'
    },
    {
        name: 'enrich',
        input: INPUT.enrich,
        type: 'string',
        value: 'none|inspector',
        default: 'none',
        description: 'inspector: add EPSS and CISA KEV data from Amazon Inspector to enhanced-scan findings (inspector2:ListFindings, inspector2:BatchGetFindingDetails).'
    },
    {
        name: 'fail-on-kev',
        input: INPUT.failOnKev,
        type: 'boolean',
        default: 'off',
        description: 'Fail on any finding on the CISA Known Exploited Vulnerabilities list, whatever its severity (needs --enrich inspector).'
    },
    {
        name: 'min-epss',
        input: INPUT.minEpss,
        type: 'string',
        value: 'PROBABILITY',
        default: '',
        description: 'Judge only findings with an EPSS at or above this (0-1); findings without one are kept (needs --enrich inspector).'
    },
    {
        name: 'baseline',
        input: INPUT.baseline,
        type: 'string',
        value: 'REF',
        default: '',
        description: "Compare with this image: a tag or digest in the image's own repository, or another image reference."
    },
    {
        name: 'only-new',
        input: INPUT.onlyNew,
        type: 'boolean',
        default: 'off',
        description: 'Judge only findings the baseline does not have.'
    },
    {
        name: 'max-concurrency',
        input: INPUT.maxConcurrency,
        type: 'string',
        value: 'N',
        default: '5',
        description: 'How many images are waited on and read at once (1-50).'
    },
    {
        name: 'comment-max-rows',
        input: INPUT.commentMaxRows,
        type: 'string',
        value: 'N',
        default: '10',
        description: 'Most rows --format comment lists under "What fails the check" and "How to fix" (1-100).'
    },
    {
        name: 'dockerfile',
        input: INPUT.dockerfile,
        type: 'string',
        value: 'PATH',
        default: 'Dockerfile',
        description: 'The file SARIF results point at, relative to the current directory.'
    },
    {
        name: 'format',
        type: 'string',
        multiple: true,
        value: FORMATS.join('|'),
        default: 'text',
        description: 'Report format; repeat it with as many --output flags, paired in order. Without --output it goes to stdout.'
    },
    {
        name: 'output',
        short: 'o',
        type: 'string',
        multiple: true,
        value: 'PATH',
        default: '',
        description: "Write a report to PATH ('-' for stdout). Without --format the extension picks it: .json, .sarif, .md, .xml, .txt."
    },
    {
        name: 'verbose',
        short: 'v',
        type: 'boolean',
        default: 'off',
        description: 'Log every step on stderr instead of one progress line.'
    },
    {
        name: 'help',
        short: 'h',
        type: 'boolean',
        default: '',
        description: 'Show this help and exit.'
    },
    {
        name: 'version',
        type: 'boolean',
        default: '',
        description: 'Show the version and exit.'
    }
];
/** A mistake on the command line: exit code 2 with the message and a pointer to `--help`. */
class UsageError extends Error {
    name = 'UsageError';
}
function parserOptions() {
    return Object.fromEntries(FLAGS.map(flag => [
        flag.name,
        {
            type: flag.type,
            ...(flag.multiple ? { multiple: true } : {}),
            ...(flag.short ? { short: flag.short } : {})
        }
    ]));
}
/** Strict: an unknown flag, a missing value or a stray argument is a UsageError. */
function parseFlags(argv) {
    let values;
    try {
        values = (0,external_node_util_.parseArgs)({
            args: [...argv],
            options: parserOptions(),
            strict: true,
            allowPositionals: false
        }).values;
    }
    catch (error) {
        throw new UsageError(parseArgsMessage(error));
    }
    for (const flag of FLAGS) {
        const value = values[flag.name];
        // A string flag given twice would silently keep the last value: say so instead.
        if (!flag.multiple && flag.type === 'string' && argv.filter(isFlag(flag)).length > 1)
            throw new UsageError(`--${flag.name} is given more than once; give it once.`);
        if (typeof value === 'string' && value.startsWith('--') && FLAGS.some(isNamed(value)))
            throw new UsageError(`--${flag.name} needs a value, but is followed by ${value}.`);
    }
    const formats = (values.format ?? []).map(checkFormat);
    return { values, formats, outputs: values.output ?? [] };
}
const isFlag = (flag) => (arg) => arg === `--${flag.name}` ||
    arg.startsWith(`--${flag.name}=`) ||
    (flag.short !== undefined && arg === `-${flag.short}`);
const isNamed = (value) => (flag) => value === `--${flag.name}` || value.startsWith(`--${flag.name}=`);
function checkFormat(value) {
    const format = FORMATS.find(option => option === value.toLowerCase());
    if (!format)
        throw new UsageError(`Invalid --format: '${value}'. Possible options are: ${FORMATS.join(', ')}.`);
    return format;
}
/** parseArgs says "Unknown option '--x'. To specify a positional argument, …": keep the first part. */
function parseArgsMessage(error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = error.code;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
        const flag = /'([^']+)'/.exec(message)?.[1] ?? message;
        return `Unknown flag ${flag}.`;
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
        const argument = /'([^']*)'/.exec(message)?.[1] ?? '';
        return `Unexpected argument '${argument}': every value goes after its flag, e.g. --image-tag ${argument}.`;
    }
    return message.split('. ')[0]?.replace(/\.?$/, '.') ?? message;
}
/** The flags as readConfig's inputs: a missing flag reads as '' like an unset input. */
function inputReader(values) {
    const byInput = new Map(FLAGS.filter(flag => flag.input).map(flag => [flag.input, flag]));
    return name => {
        const flag = byInput.get(name);
        if (!flag)
            return '';
        const value = values[flag.name];
        if (value === undefined)
            return '';
        if (typeof value === 'boolean')
            return value ? 'true' : 'false';
        return Array.isArray(value) ? value.join(flag.joinWith ?? '\n') : value;
    };
}
const FLAG_BY_INPUT = new Map(FLAGS.filter(flag => flag.input).map(flag => [flag.input, flag]));
/**
 * readConfig's messages name action inputs (`Invalid input 'fail-on'`, `set the 'region' input`,
 * `'fail-on-kev: true' needs …, or remove it`); on the command line they name the flags
 * (`Invalid --fail-on`, `set --region`, `--fail-on-kev needs …, or leave it out`).
 */
function flagWording(message) {
    const flagOf = (name) => {
        const flag = FLAG_BY_INPUT.get(name);
        return flag ? `--${flag.name}` : undefined;
    };
    const named = (whole, name) => flagOf(name) ?? whole;
    return (message
        .replace(/Input required and not supplied: '([a-z-]+)'/g, (whole, name) => flagOf(name) ? `Missing flag: ${flagOf(name)}` : whole)
        .replace(/\b[Ii]nput '([a-z-]+)'/g, named)
        .replace(/\bthe '([a-z-]+)' input\b/g, named)
        // A boolean input quoted with its value ('fail-on-kev: true') is its flag given.
        .replace(/'([a-z-]+): true'/g, (whole, name) => {
        const flag = FLAG_BY_INPUT.get(name);
        return flag?.type === 'boolean' ? `--${flag.name}` : whole;
    })
        .replace(/\bremove the input\b/g, 'leave the flag out')
        .replace(/, or remove (it|them)\.$/, ', or leave $1 out.')
        // Values are quoted after ': ' or '(' ("'fail-on': 'timeout'"): those stay as written.
        .replace(/(?<!: )(?<!\()'([a-z-]+)'/g, named));
}
function flagUsage(flag) {
    const short = flag.short ? `-${flag.short}, ` : '';
    const value = flag.type === 'string' ? ` ${flag.value ?? 'VALUE'}` : '';
    return `${short}--${flag.name}${value}`;
}
const EXIT_CODES = [
    ['0', 'every image passed (or, with --scan-failure warn, a scan ended without results)'],
    [
        '1',
        'a policy failure: an image breaks --fail-on, --max-findings, --fail-on-exploit or --fail-on-kev'
    ],
    [
        '2',
        'an error or no verdict: a bad flag, AWS error, timeout, unreadable scan, unwritable report'
    ]
];
function wrap(text, width, indent) {
    const lines = [];
    let line = '';
    for (const word of text.split(' ')) {
        if (line && line.length + 1 + word.length > width) {
            lines.push(line);
            line = word;
        }
        else
            line = line ? `${line} ${word}` : word;
    }
    if (line)
        lines.push(line);
    return lines.join(`\n${indent}`);
}
/** `--help`, generated from FLAGS so the parser and the help cannot disagree. */
function helpText(version) {
    const column = 32;
    const indent = ' '.repeat(column + 2);
    const rows = FLAGS.map(flag => {
        const usage = flagUsage(flag);
        const fallback = flag.default ? ` (default: ${flag.default})` : '';
        const text = wrap(`${flag.description}${fallback}`, 100 - column - 2, indent);
        return usage.length < column
            ? `  ${usage.padEnd(column)}${text}`
            : `  ${usage}\n${indent}${text}`;
    });
    return [
        `ecr-scan-findings ${version}: wait for an Amazon ECR image scan, report every finding, enforce severity thresholds.`,
        '',
        'Usage: ecr-scan-findings --repository NAME (--image-tag TAG | --image-digest DIGEST) [flags]',
        '       ecr-scan-findings --images REFS [flags]',
        '',
        'Flags:',
        ...rows,
        '',
        'Exit codes:',
        ...EXIT_CODES.map(([code, meaning]) => `  ${code}  ${meaning}`),
        '',
        'Credentials come from the AWS SDK chain (AWS_PROFILE, AWS_ACCESS_KEY_ID, SSO, instance roles);',
        'AWS_ENDPOINT_URL_ECR points it at another endpoint. Colour: NO_COLOR turns it off, FORCE_COLOR on.',
        ''
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/cli/outputs.ts

const EXTENSIONS = [
    [/\.sarif(\.json)?$/i, 'sarif'],
    [/\.json$/i, 'json'],
    [/\.(md|markdown)$/i, 'markdown'],
    [/\.xml$/i, 'junit'],
    [/\.(txt|log)$/i, 'text']
];
function formatOf(path) {
    if (path === '-')
        return 'text';
    const match = EXTENSIONS.find(([pattern]) => pattern.test(path));
    if (!match)
        throw new UsageError(`Cannot tell the format of --output ${path} from its extension (.json, .sarif, .md, .xml, .txt): add --format before it.`);
    return match[1];
}
/**
 * Where each report goes:
 * - no --format and no --output: the text report on stdout;
 * - --format alone: that format on stdout (one only: stdout holds one report);
 * - --output alone: each file's format from its extension;
 * - both: as many of each, paired in order (the first --format for the first --output).
 * `--output -` means stdout. Whenever no report goes to stdout, the text report does.
 */
function planOutputs(formats, outputs) {
    let planned;
    if (outputs.length === 0) {
        if (formats.length > 1)
            throw new UsageError(`--format is given ${formats.length} times without --output: stdout holds one report, so give each format an --output.`);
        planned = [{ format: formats[0] ?? 'text' }];
    }
    else if (formats.length === 0) {
        planned = outputs.map(path => ({
            format: formatOf(path),
            path: path === '-' ? undefined : path
        }));
    }
    else {
        if (formats.length !== outputs.length)
            throw new UsageError(`${formats.length} --format and ${outputs.length} --output flags: give one --format per --output (paired in order), or leave --format out and let each extension decide.`);
        planned = outputs.map((path, index) => ({
            format: formats[index] ?? 'text',
            path: path === '-' ? undefined : path
        }));
    }
    const toStdout = planned.filter(destination => destination.path === undefined);
    if (toStdout.length > 1)
        throw new UsageError('More than one report goes to stdout (--output -): send the others to files.');
    const paths = planned.flatMap(destination => (destination.path ? [destination.path] : []));
    const twice = paths.find((path, index) => paths.indexOf(path) !== index);
    if (twice)
        throw new UsageError(`--output ${twice} is given more than once.`);
    return toStdout.length === 0 ? [...planned, { format: 'text' }] : planned;
}

;// CONCATENATED MODULE: ./src/cli/progress.ts


function elapsed(ms) {
    const seconds = Math.max(0, Math.round(ms / 1000));
    return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${seconds % 60}s`;
}
/**
 * The CLI's log, on stderr so stdout holds only the report. On a terminal one progress line is
 * rewritten in place (`\r`, no escape codes); in a pipe or a CI log, each image gets a line when
 * its work starts, then at most one every `everyMs`, then its last step when it is done. Warnings
 * and notices always get their own line; `verbose` writes every step instead.
 */
class ProgressLog {
    stderr;
    imageCount;
    options;
    pending = new Map();
    startedAt;
    shown = 0;
    done = 0;
    constructor(stderr, imageCount, options) {
        this.stderr = stderr;
        this.imageCount = imageCount;
        this.options = options;
        this.startedAt = options.now();
    }
    get live() {
        return this.stderr.isTTY === true && !this.options.verbose;
    }
    open(title) {
        const name = terminalSafe(title);
        this.pending.set(name, { last: 'starting', unwritten: false, lastLineAt: -Infinity });
        const line = (label) => (message) => this.line(`${label}${name}: ${terminalSafe(message)}`);
        const log = {
            info: message => this.step(name, terminalSafe(message)),
            warning: line(this.options.color ? '\u001b[33mwarning\u001b[39m: ' : 'warning: '),
            notice: line('notice: '),
            debug: message => {
                if (this.options.verbose)
                    line('debug: ')(message);
            }
        };
        return { ...log, close: () => this.close(name) };
    }
    /** Clears the progress line, so the report starts on a clean line. */
    finish() {
        this.clear();
    }
    step(name, message) {
        const entry = this.pending.get(name);
        if (!entry)
            return;
        entry.last = message;
        if (this.options.verbose)
            return this.line(`${name}: ${message}`);
        if (this.live)
            return this.redraw(name);
        const now = this.options.now();
        const everyMs = this.options.everyMs ?? 30_000;
        if (now - entry.lastLineAt >= everyMs) {
            entry.lastLineAt = now;
            entry.unwritten = false;
            this.write(`${name}: ${message} [${elapsed(now - this.startedAt)}]\n`);
        }
        else
            entry.unwritten = true;
    }
    close(name) {
        const entry = this.pending.get(name);
        this.pending.delete(name);
        this.done++;
        if (!this.live && entry?.unwritten)
            this.write(`${name}: ${entry.last} [${elapsed(this.options.now() - this.startedAt)}]\n`);
        if (this.live) {
            const [next] = this.pending.keys();
            if (next)
                this.redraw(next);
            else
                this.clear();
        }
    }
    /** A line of its own; on a terminal the progress line is cleared first and drawn again after. */
    line(text) {
        if (!this.live)
            return this.write(`${text}\n`);
        this.clear();
        this.write(`${text}\n`);
        const [current] = this.pending.keys();
        if (current)
            this.redraw(current);
    }
    redraw(name) {
        const entry = this.pending.get(name);
        if (!entry)
            return;
        const counter = this.imageCount > 1 ? `[${this.done}/${this.imageCount} done] ` : '';
        const time = elapsed(this.options.now() - this.startedAt);
        const width = (this.stderr.columns ?? 80) - 1;
        // A line longer than the terminal wraps, and \r then returns only to the wrapped part.
        const text = (0,model_text/* clipChars */.uk)(`${counter}${name}: ${entry.last} (${time})`, width);
        this.write(`\r${text.padEnd(this.shown)}`);
        this.shown = text.length;
    }
    clear() {
        if (this.shown === 0)
            return;
        this.write(`\r${' '.repeat(this.shown)}\r`);
        this.shown = 0;
    }
    write(text) {
        this.stderr.write(text);
    }
}

;// CONCATENATED MODULE: ./src/cli/main.ts
















const EXIT = { passed: 0, policyFailed: 1, error: 2 };
const realSleep = (ms) => new Promise(done => setTimeout(done, ms));
/** The Action's advice names the workflow step; on the command line it names the SDK's chain. */
function explainForCli(error, explained) {
    const name = error?.name;
    if (name !== 'CredentialsProviderError')
        return explained;
    return `No AWS credentials found (${(0,model_text/* errorMessage */.gJ)(error)}). Set AWS_PROFILE (after aws sso login), AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run where an instance or task role applies.`;
}
function render(format, run, config, color, cwd) {
    if (format !== 'sarif')
        return { text: renderText(format, run, config, color) };
    // SARIF as the Action writes it: none without a run, and what a run leaves out said on stderr.
    const dockerfile = (0,external_node_path_.relative)(cwd, (0,external_node_path_.resolve)(cwd, config.dockerfile)).split(external_node_path_.sep).join('/');
    const sarif = sarifFile(run, { dockerfile });
    if (sarif.kind === 'none')
        return { notWritten: `SARIF report not written: ${sarif.reason}.` };
    return { text: serializeSarif(sarif.log), notices: sarif.notices };
}
function renderText(format, run, config, color) {
    switch (format) {
        case 'text':
            return renderTerminal(run, { color });
        case 'markdown':
            return renderRunSummary(run, { scanFailure: config.scanFailure });
        case 'comment':
            return renderRunComment(run, {
                maxRows: config.commentMaxRows,
                scanFailure: config.scanFailure
            });
        case 'junit':
            return renderJunit(run, {
                softenScanFailures: config.scanFailure === 'warn',
                timestamp: new Date()
            });
        case 'json': {
            return serializeJsonReport(buildJsonReport(run));
        }
    }
}
function describeDestination(destination) {
    return destination.path ? `${destination.format} report to ${destination.path}` : 'stdout';
}
/** One line per image on stderr, for when stdout carries a machine-readable report. */
function verdictLines(outcomes) {
    return outcomes.map(outcome => {
        const name = terminalSafe(outcome.name);
        if (outcome.kind === 'no-verdict')
            return `No verdict for ${name}.`;
        if (outcome.kind === 'passed')
            return `Passed: ${name}.`;
        return `Failed: ${name}: ${terminalSafe(outcome.breaches)}.`;
    });
}
/**
 * The command line: parses flags, runs the same core as the Action and writes the reports.
 * Returns the exit code: 0 passed, 1 policy failure, 2 error or no verdict.
 */
async function main(argv, env, io, overrides = {}) {
    const say = (text) => io.stderr.write(`${text}\n`);
    const fail = (message, hint = '') => {
        say(`ecr-scan-findings: ${message}${hint}`);
        return EXIT.error;
    };
    let config;
    let rules;
    let destinations;
    let verbose;
    try {
        const flags = parseFlags(argv);
        if (flags.values.help) {
            io.stdout.write(helpText(ACTION_VERSION));
            return EXIT.passed;
        }
        if (flags.values.version) {
            io.stdout.write(`${ACTION_VERSION}\n`);
            return EXIT.passed;
        }
        destinations = planOutputs(flags.formats, flags.outputs);
        verbose = flags.values.verbose === true;
        // Untrimmed, so line numbers in --ignore rules match what was written.
        config = readConfig(inputReader(flags.values), env, { surface: 'cli' });
        rules = await readIgnoreRules(config, '--ignore');
    }
    catch (error) {
        // Ignore-rule errors quote the file, which comes from the repository: no escape codes.
        const message = terminalSafe(error instanceof Error ? error.message : String(error));
        if (error instanceof UsageError)
            return fail(message, '\nRun ecr-scan-findings --help for every flag.');
        return fail(flagWording(message));
    }
    const options = {
        now: Date.now,
        sleep: realSleep,
        random: Math.random,
        backoff: DEFAULT_BACKOFF,
        cwd: process.cwd(),
        ...overrides
    };
    const progress = new ProgressLog(io.stderr, config.images.length, {
        now: options.now,
        verbose,
        everyMs: options.progressEveryMs,
        color: colorEnabled(io.stderr.isTTY, env)
    });
    const run = await judgeImages(config, rules, {
        clock: { now: options.now, sleep: options.sleep, random: options.random },
        backoff: options.backoff,
        sourceFor: options.sourceFor,
        logFor: target => progress.open(target.reference),
        explainError: (error, target) => explainForCli(error, explainImageError(error, target))
    });
    progress.finish();
    const outcomes = decideOutcomes(run, config.scanFailure);
    let code = EXIT.passed;
    for (const destination of destinations) {
        const toStdout = destination.path === undefined;
        const color = toStdout && colorEnabled(io.stdout.isTTY, env);
        const rendered = render(destination.format, run, config, color, options.cwd);
        if (rendered.text === undefined) {
            say(`warning: ${rendered.notWritten}`);
            continue;
        }
        for (const notice of rendered.notices ?? [])
            say(`warning: ${terminalSafe(notice)}`);
        const { text } = rendered;
        if (!destination.path) {
            io.stdout.write(text);
            continue;
        }
        try {
            await writePlainFile(destination.path, text);
        }
        catch (error) {
            say(`ecr-scan-findings: could not write the ${describeDestination(destination)}: ${(0,model_text/* errorMessage */.gJ)(error)}`);
            code = EXIT.error;
        }
    }
    if (!destinations.some(destination => !destination.path && destination.format === 'text'))
        for (const line of verdictLines(outcomes))
            say(line);
    for (const outcome of outcomes) {
        if (outcome.kind === 'passed')
            continue;
        if (outcome.kind === 'policy-failed') {
            if (code === EXIT.passed)
                code = EXIT.policyFailed;
            continue;
        }
        const message = `${terminalSafe(outcome.name)}: ${terminalSafe(outcome.message)}`;
        if (outcome.softened) {
            say(`warning: ${message} (--scan-failure warn: not a failure)`);
        }
        else {
            say(`ecr-scan-findings: no verdict for ${message}`);
            code = EXIT.error;
        }
    }
    return code;
}


/***/ }),

/***/ 9674:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Cr: () => (/* binding */ failOnKev),
/* harmony export */   Kc: () => (/* binding */ minEpss),
/* harmony export */   Ol: () => (/* binding */ withRisk),
/* harmony export */   qH: () => (/* binding */ validEpss),
/* harmony export */   xq: () => (/* binding */ describeEnrichment)
/* harmony export */ });
/* unused harmony export worstRisk */
/* harmony import */ var _model_findings_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3843);
// Risk beyond severity: EPSS and CISA KEV data from Amazon Inspector, applied to findings.
// Pure: no SDK import, so the caller can use these types and helpers whether or not `enrich` is set.


/** EPSS is a probability; anything else (NaN, a string, 1.3, -0.1) counts as no score. */
function validEpss(value) {
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1
        ? value
        : undefined;
}
/**
 * The worst of several findings' risk (a merged finding has one ARN per platform): the highest
 * EPSS, a KEV entry if any has one (the earliest added), the widest exploit observation.
 */
function worstRisk(risks) {
    if (risks.length === 0)
        return undefined;
    const out = {};
    for (const risk of risks) {
        const epss = validEpss(risk.epss);
        if (epss !== undefined && (out.epss === undefined || epss > out.epss))
            out.epss = epss;
        if (risk.kev &&
            (!out.kev || (risk.kev.dateAdded ?? '\uffff') < (out.kev.dateAdded ?? '\uffff')))
            out.kev = { ...risk.kev };
        if (risk.exploitObserved) {
            const seen = out.exploitObserved ?? {};
            const { firstSeen, lastSeen } = risk.exploitObserved;
            out.exploitObserved = {
                firstSeen: firstSeen && (!seen.firstSeen || firstSeen < seen.firstSeen) ? firstSeen : seen.firstSeen,
                lastSeen: lastSeen && (!seen.lastSeen || lastSeen > seen.lastSeen) ? lastSeen : seen.lastSeen
            };
        }
    }
    return out;
}
/**
 * Copies each finding with the risk data found for its ARNs (`findingArn`, or every platform's
 * `findingArns`, the worst risk winning); findings without an ARN (basic scans) or without data
 * come back unchanged (same object). An invalid EPSS is dropped.
 */
function withRisk(findings, byArn) {
    return findings.map(finding => {
        const arns = (0,_model_findings_js__WEBPACK_IMPORTED_MODULE_0__/* .findingArnsOf */ .ZZ)(finding).filter(arn => typeof arn === 'string' && arn !== '');
        const risk = worstRisk(arns.flatMap(arn => byArn.get(arn) ?? []));
        if (!risk)
            return finding;
        const added = {};
        if (risk.epss !== undefined)
            added.epss = risk.epss;
        if (risk.kev)
            added.kev = risk.kev;
        if (risk.exploitObserved)
            added.exploitObserved = risk.exploitObserved;
        return { ...finding, ...added };
    });
}
/** How many findings got an EPSS and how many are on the KEV list, for the log line. */
function describeEnrichment(findings, calls) {
    const withEpss = findings.filter(finding => finding.epss !== undefined).length;
    const onKev = findings.filter(finding => finding.kev !== undefined).length;
    const number = (value) => value.toLocaleString('en-US');
    return `Inspector: ${number(calls)} call${calls === 1 ? '' : 's'}, EPSS for ${number(withEpss)} of ${number(findings.length)} findings, ${number(onKev)} on CISA KEV.`;
}
/** The findings on the CISA KEV list: with `fail-on-kev`, each one is a breach whatever its severity. */
function failOnKev(findings) {
    return findings.filter(finding => finding.kev !== undefined);
}
/**
 * `min-epss`: judge only findings whose EPSS is at least `threshold` (0–1). As with min-cvss,
 * findings without a score (basic scans, enrichment off or failed, no EPSS) are kept.
 */
function minEpss(threshold) {
    if (validEpss(threshold) === undefined) {
        throw new RangeError(`min-epss must be a number from 0 to 1, got ${String(threshold)}`);
    }
    return {
        name: `min-epss ${threshold}`,
        setsAside: finding => {
            const epss = validEpss(finding.epss);
            return epss !== undefined && epss < threshold;
        },
        cannotJudge: finding => validEpss(finding.epss) === undefined
    };
}


/***/ }),

/***/ 3843:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Eg: () => (/* binding */ compareFindings),
/* harmony export */   Hg: () => (/* binding */ normalizeEnhancedFinding),
/* harmony export */   ZZ: () => (/* binding */ findingArnsOf),
/* harmony export */   fM: () => (/* binding */ normalizeBasicFinding),
/* harmony export */   fh: () => (/* binding */ formatEpss),
/* harmony export */   fl: () => (/* binding */ findingKey),
/* harmony export */   l$: () => (/* binding */ compareRisk),
/* harmony export */   n6: () => (/* binding */ compareText)
/* harmony export */ });
/* harmony import */ var _severity_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1502);

function attribute(finding, key) {
    return finding.attributes?.find(entry => entry.key === key)?.value;
}
/** A CVSS score, or `undefined` when it is missing, not a number, or outside CVSS's 0–10 scale. */
function toScore(value) {
    if (value === undefined || (typeof value === 'string' && value.trim() === ''))
        return undefined;
    const score = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(score) && score >= 0 && score <= 10 ? score : undefined;
}
/** The first valid score among the candidates, most specific first. */
function firstScore(...values) {
    for (const value of values) {
        const score = toScore(value);
        if (score !== undefined)
            return score;
    }
    return undefined;
}
function joinDistinct(values) {
    const present = [...new Set(values.filter((value) => !!value))];
    return present.length > 0 ? present.join(', ') : undefined;
}
function normalizeBasicFinding(finding) {
    const id = finding.name ?? 'unnamed finding';
    return {
        id,
        severity: (0,_severity_js__WEBPACK_IMPORTED_MODULE_0__/* .toSeverity */ .T_)(finding.severity),
        title: id,
        description: finding.description ?? '',
        link: finding.uri,
        packageName: attribute(finding, 'package_name'),
        installedVersion: attribute(finding, 'package_version'),
        cvssScore: firstScore(attribute(finding, 'CVSS3_SCORE'), attribute(finding, 'CVSS2_SCORE')),
        fixAvailable: 'UNKNOWN',
        exploitAvailable: 'UNKNOWN',
        source: 'basic'
    };
}
function packageVersion(pkg) {
    if (!pkg.version)
        return undefined;
    const epoch = pkg.epoch ? `${pkg.epoch}:` : '';
    const release = pkg.release ? `-${pkg.release}` : '';
    return `${epoch}${pkg.version}${release}`;
}
function availability(value, known, unknown) {
    const upper = (value ?? '').toUpperCase();
    return known.includes(upper) ? upper : unknown;
}
function normalizeEnhancedFinding(finding) {
    const details = finding.packageVulnerabilityDetails;
    const packages = details?.vulnerablePackages ?? [];
    const id = details?.vulnerabilityId ?? finding.title ?? finding.findingArn ?? 'unnamed finding';
    return {
        id,
        severity: (0,_severity_js__WEBPACK_IMPORTED_MODULE_0__/* .toSeverity */ .T_)(finding.severity),
        title: finding.title ?? id,
        description: finding.description ?? '',
        link: details?.sourceUrl ?? details?.referenceUrls?.[0] ?? finding.remediation?.recommendation?.url,
        packageName: joinDistinct(packages.map(pkg => pkg.name)),
        installedVersion: joinDistinct(packages.map(packageVersion)),
        fixedInVersion: joinDistinct(packages.map(pkg => (pkg.fixedInVersion === 'NotAvailable' ? undefined : pkg.fixedInVersion))),
        cvssScore: firstScore(finding.scoreDetails?.cvss?.score, finding.score),
        fixAvailable: availability(finding.fixAvailable, ['YES', 'NO', 'PARTIAL'], 'UNKNOWN'),
        exploitAvailable: availability(finding.exploitAvailable, ['YES', 'NO'], 'UNKNOWN'),
        source: 'enhanced',
        ...(finding.findingArn ? { findingArn: finding.findingArn } : {})
    };
}
/** The order every report lists findings in: most severe, then highest CVSS (unscored last), then id. */
function compareFindings(a, b) {
    return (_severity_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC.indexOf(a.severity) - _severity_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC.indexOf(b.severity) ||
        (b.cvssScore ?? -1) - (a.cvssScore ?? -1) ||
        compareText(a.id, b.id));
}
/** Every Inspector ARN of a finding: all platforms' for a merged one, none for basic scans. */
function findingArnsOf(finding) {
    if (finding.findingArns && finding.findingArns.length > 0)
        return finding.findingArns;
    return finding.findingArn ? [finding.findingArn] : [];
}
/**
 * Risk beyond severity, riskiest first: on the CISA KEV list (earliest added first), then by EPSS
 * (unscored last). 0 when neither tells them apart; callers add their own tie-break, e.g.
 * `compareRisk(a, b) || compareFindings(a, b)` for "what fails the check" lists.
 */
function compareRisk(a, b) {
    if (a.kev && !b.kev)
        return -1;
    if (b.kev && !a.kev)
        return 1;
    if (a.kev && b.kev) {
        const byDate = compareText(a.kev.dateAdded ?? '\uffff', b.kev.dateAdded ?? '\uffff');
        if (byDate !== 0)
            return byDate;
    }
    return (b.epss ?? -1) - (a.epss ?? -1);
}
/** EPSS as reports show it: a percentage with up to two decimals (`94.35%`, `0.04%`); '' without. */
function formatEpss(epss) {
    if (epss === undefined)
        return '';
    const percent = Math.round(epss * 10_000) / 100;
    return percent === 0 && epss > 0 ? '<0.01%' : `${percent}%`;
}
/** Code-unit order, the same on every machine (localeCompare is not). */
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Identity of a vulnerability in an image: the same id in the same package is one row. */
function findingKey(finding) {
    return `${finding.id.trim().toLowerCase()}\u0000${(finding.packageName ?? '').trim()}`;
}


/***/ }),

/***/ 9452:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   QF: () => (/* binding */ platformImages),
/* harmony export */   UV: () => (/* binding */ IMAGE_INDEX_MEDIA_TYPES),
/* harmony export */   su: () => (/* binding */ isImageIndexMediaType)
/* harmony export */ });
/* unused harmony exports IMAGE_MANIFEST_MEDIA_TYPES, ManifestError */
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5086);

/** Media types of a multi-platform image index: OCI's and Docker's manifest list. */
const IMAGE_INDEX_MEDIA_TYPES = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json'
];
/** Media types of one platform's image manifest, the thing ECR scans. */
const IMAGE_MANIFEST_MEDIA_TYPES = [
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.v2+json'
];
/** The index cannot be read, or names no platform image; the message is one line. */
class ManifestError extends Error {
    name = 'ManifestError';
}
const DIGEST = /^sha256:[a-f0-9]{64}$/;
const PLATFORM_PART = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const ATTESTATION_ANNOTATION = 'vnd.docker.reference.type';
/** True for an OCI image index or a Docker manifest list (exact match, as registries send it). */
function isImageIndexMediaType(type) {
    return IMAGE_INDEX_MEDIA_TYPES.includes(type);
}
/** A value from outside quoted in a message: strings in quotes, anything else as JSON. */
function shown(value) {
    return (0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(typeof value === 'string' ? `'${value}'` : (JSON.stringify(value) ?? String(value)));
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function fail(message) {
    throw new ManifestError(`Unusable image index: ${message}.`);
}
/** `os/architecture[/variant]`, or undefined when the platform is missing or not plain text. */
function platformOf(platform) {
    if (!isObject(platform))
        return undefined;
    const { os, architecture, variant } = platform;
    const parts = variant === undefined ? [os, architecture] : [os, architecture, variant];
    if (!parts.every(part => typeof part === 'string' && PLATFORM_PART.test(part)))
        return undefined;
    return parts.join('/');
}
/** The entry's platform when it is a platform image, else why it is skipped. */
function classify(entry, mediaType) {
    const annotations = entry.annotations;
    if (isObject(annotations) && annotations[ATTESTATION_ANNOTATION] === 'attestation-manifest') {
        return { reason: 'a build attestation (provenance or SBOM), not an image' };
    }
    if (isImageIndexMediaType(mediaType)) {
        return { reason: 'an image index itself; nested indexes are not followed' };
    }
    if (mediaType !== undefined &&
        !IMAGE_MANIFEST_MEDIA_TYPES.includes(mediaType)) {
        return { reason: `media type ${shown(mediaType)} is not an image manifest` };
    }
    if (entry.platform === undefined)
        return { reason: 'no platform given' };
    const platform = platformOf(entry.platform);
    if (platform === undefined) {
        return { reason: `platform ${shown(entry.platform)} is not os/architecture text` };
    }
    if (platform === 'unknown/unknown') {
        return { reason: 'platform unknown/unknown, not a runnable image' };
    }
    return { platform };
}
/**
 * The platform images of a multi-platform index (OCI image index or Docker manifest list), in
 * the index's order. Entries that are not platform images (build attestations, nested indexes,
 * other artifacts, entries without a platform) are returned as skipped, with the reason. The
 * JSON comes from outside: anything unreadable, an entry without a valid sha256 digest, or an
 * index with no platform image at all is a ManifestError.
 */
function platformImages(manifestJson) {
    let index;
    try {
        index = JSON.parse(manifestJson);
    }
    catch {
        fail('it is not valid JSON');
    }
    if (!isObject(index))
        fail('it is not a JSON object');
    if (index.schemaVersion !== undefined && index.schemaVersion !== 2) {
        fail(`schemaVersion is ${shown(index.schemaVersion)}, not 2`);
    }
    if (index.mediaType !== undefined && !isImageIndexMediaType(index.mediaType)) {
        fail(`its media type ${shown(index.mediaType)} is not an image index`);
    }
    const manifests = index.manifests;
    if (!Array.isArray(manifests))
        fail(`'manifests' is ${shown(manifests)}, not a list`);
    const images = [];
    const skipped = [];
    manifests.forEach((entry, position) => {
        const where = `manifests[${position}]`;
        if (!isObject(entry))
            fail(`${where} is ${shown(entry)}, not an object`);
        const { digest, mediaType } = entry;
        if (typeof digest !== 'string' || !DIGEST.test(digest)) {
            fail(`${where} has digest ${shown(digest)}, not sha256: and 64 lowercase hex digits`);
        }
        if (mediaType !== undefined && typeof mediaType !== 'string') {
            fail(`${where} has media type ${shown(mediaType)}, not text`);
        }
        const kind = classify(entry, mediaType);
        if ('reason' in kind) {
            skipped.push({ digest, reason: kind.reason });
            return;
        }
        images.push({ digest, platform: kind.platform, ...(mediaType !== undefined && { mediaType }) });
    });
    if (images.length === 0) {
        fail(manifests.length === 0
            ? 'it lists no manifests'
            : `none of its ${manifests.length} entries is a platform image (${[...new Set(skipped.map(entry => entry.reason))].join('; ')})`);
    }
    return { images, skipped };
}


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

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

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

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

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

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

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
/******/ var __webpack_exports__ = __nccwpck_require__(486);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

//# sourceMappingURL=index.js.map