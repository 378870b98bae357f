export const id = 108;
export const ids = [108,4];
export const modules = {

/***/ 4:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  EcrAnswerError: () => (/* binding */ EcrAnswerError),
  EcrScans: () => (/* binding */ EcrScans),
  ImageMismatchError: () => (/* binding */ ImageMismatchError),
  MAX_ATTEMPTS: () => (/* binding */ MAX_ATTEMPTS),
  requestHandlerFor: () => (/* binding */ requestHandlerFor)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var dist_cjs = __webpack_require__(8249);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/submodules/retry/index.js
var retry = __webpack_require__(3609);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: ./node_modules/@smithy/node-http-handler/dist-cjs/index.js
var node_http_handler_dist_cjs = __webpack_require__(1279);
;// CONCATENATED MODULE: ./src/aws/proxy.ts
/**
 * Proxy support for the ECR client. The AWS SDK reads no proxy variables, so this module does, with
 * the rules `@actions/http-client` applies to the GitHub calls (octokit from `@actions/github`
 * already routes through it), so that one setting steers both:
 *
 * - `https_proxy` / `HTTPS_PROXY` for https:// requests, `http_proxy` / `HTTP_PROXY` for http://
 *   ones; the lower-case name wins when both are set. A value without a scheme means http://.
 * - `no_proxy` / `NO_PROXY`: a comma-separated list; `*` exempts every host; `example.com` exempts
 *   that host and its subdomains, `.example.com` only the subdomains; `host:port` only that port
 *   (80 and 443 are the defaults); case is ignored.
 * - loopback hosts (localhost, 127.x.x.x, [::1]) always go direct.
 *
 * The proxy-agent packages are imported only when a proxy variable is set, so a run without one
 * loads none of them.
 */



function variable(env, name) {
    const value = env[name.toLowerCase()] || env[name.toUpperCase()];
    return value?.trim() || undefined;
}
/** Whether a proxy variable is set at all; only then is any proxy code loaded. */
function proxyConfigured(env = process.env) {
    return variable(env, 'https_proxy') !== undefined || variable(env, 'http_proxy') !== undefined;
}
function isLoopback(hostname) {
    const host = hostname.toLowerCase();
    return (host === 'localhost' ||
        host.startsWith('127.') ||
        host.startsWith('[::1]') ||
        host.startsWith('[0:0:0:0:0:0:0:1]'));
}
/**
 * Whether `url` goes direct under this NO_PROXY value (see the module comment for the rules).
 * Loopback hosts always do.
 */
function bypassesProxy(url, noProxy) {
    if (!url.hostname)
        return false;
    if (isLoopback(url.hostname))
        return true;
    const host = url.hostname.toUpperCase();
    const port = url.port || (url.protocol === 'http:' ? '80' : url.protocol === 'https:' ? '443' : '');
    const candidates = port ? [host, `${host}:${port}`] : [host];
    return noProxy
        .split(',')
        .map(entry => entry.trim().toUpperCase())
        .filter(entry => entry !== '')
        .some(entry => entry === '*' ||
        candidates.some(candidate => candidate === entry ||
            candidate.endsWith(`.${entry}`) ||
            (entry.startsWith('.') && candidate.endsWith(entry))));
}
/**
 * The proxy for a request to `url`, or undefined for a direct connection: no variable for its
 * scheme, or NO_PROXY (or loopback) exempts the host. Throws when the variable is not an http://
 * or https:// URL, naming the variable.
 */
function proxyFor(url, env = process.env) {
    const target = typeof url === 'string' ? new URL(url) : url;
    const name = target.protocol === 'https:' ? 'https_proxy' : 'http_proxy';
    const value = variable(env, name);
    if (value === undefined || bypassesProxy(target, variable(env, 'no_proxy') ?? ''))
        return;
    let proxy;
    try {
        proxy = new URL(value.includes('://') ? value : `http://${value}`);
    }
    catch {
        throw new Error(`${name.toUpperCase()} is not a URL: ${value}`);
    }
    if ((proxy.protocol !== 'http:' && proxy.protocol !== 'https:') || !proxy.hostname) {
        throw new Error(`${name.toUpperCase()} must be an http:// or https:// proxy URL, not ${value}`);
    }
    return proxy;
}
/** The SDK's own pool settings, kept for direct connections and for each proxy. */
const POOL = { keepAlive: true, maxSockets: 50 };
/**
 * One agent for http:// and https:// requests that picks, per request, the proxy `proxyFor`
 * names: CONNECT tunnels (https-proxy-agent) for https://, absolute-URI requests
 * (http-proxy-agent) for http://, or a plain keep-alive agent when the host goes direct. Imports
 * the proxy-agent packages; call it only when `proxyConfigured`.
 */
async function createProxyAgent(env = process.env) {
    const [{ Agent }, { HttpsProxyAgent }, { HttpProxyAgent }] = await Promise.all([
        __webpack_require__.e(/* import() */ 319).then(__webpack_require__.bind(__webpack_require__, 319)),
        Promise.all(/* import() */[__webpack_require__.e(411), __webpack_require__.e(566)]).then(__webpack_require__.bind(__webpack_require__, 1566)),
        Promise.all(/* import() */[__webpack_require__.e(411), __webpack_require__.e(947)]).then(__webpack_require__.bind(__webpack_require__, 8947))
    ]);
    class ProxyRouter extends Agent {
        direct = { http: new external_node_http_.Agent(POOL), https: new external_node_https_.Agent(POOL) };
        proxied = new Map();
        connect(_request, options) {
            const secure = options.secureEndpoint;
            const host = options.host ?? 'localhost';
            const hostPart = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
            const target = new URL(`${secure ? 'https' : 'http'}://${hostPart}:${options.port}`);
            const proxy = proxyFor(target, env);
            if (!proxy)
                return secure ? this.direct.https : this.direct.http;
            const key = `${target.protocol}${proxy.href}`;
            let agent = this.proxied.get(key);
            if (!agent) {
                agent = secure ? new HttpsProxyAgent(proxy, POOL) : new HttpProxyAgent(proxy, POOL);
                this.proxied.set(key, agent);
            }
            return agent;
        }
        destroy() {
            this.direct.http.destroy();
            this.direct.https.destroy();
            for (const agent of this.proxied.values())
                agent.destroy();
            super.destroy();
        }
    }
    // Checked now, so a malformed variable fails the first call with its own message.
    proxyFor('https://example.com', env);
    proxyFor('http://example.com', env);
    return new ProxyRouter();
}
/**
 * The ECR client's `requestHandler` option: `options` unchanged when no proxy variable is set,
 * otherwise a NodeHttpHandler (the SDK's own) built from a provider it awaits before its first
 * request, which adds the routing agent (`createProxyAgent`) for http:// and https:// alike.
 * Timeouts in `options` stay as given.
 */
function withProxy(options, env = process.env) {
    if (!proxyConfigured(env))
        return options;
    return new node_http_handler_dist_cjs.NodeHttpHandler(async () => {
        const agent = await createProxyAgent(env);
        return { ...options, httpAgent: agent, httpsAgent: agent };
    });
}

// EXTERNAL MODULE: ./src/model/manifest.ts
var model_manifest = __webpack_require__(9452);
// EXTERNAL MODULE: ./src/model/text.ts
var model_text = __webpack_require__(5086);
;// CONCATENATED MODULE: ./src/aws/ecr.ts





/** Basic findings allow 1000 a page; Inspector findings come at most 100 a page regardless. */
const PAGE_SIZE = 1000;
/** Throttling, 5xx and timeouts are retried here, by the SDK's standard strategy, and nowhere else. */
const MAX_ATTEMPTS = 6;
const REQUEST_TIMEOUTS = { connectMs: 5_000, answerMs: 20_000 };
/**
 * The SDK's adaptive strategy: standard retries, plus a client-side rate limiter that slows every
 * request of the client once ECR throttles, so the images sharing a region's client back off
 * together instead of each retrying on its own. Except that LimitExceededException is not
 * retried: from StartImageScan it means the one manual scan a day is used, which no retry can
 * change, yet the SDK would treat it as throttling and wait through every attempt.
 */
class EcrRetryStrategy extends retry.AdaptiveRetryStrategy {
    async refreshRetryTokenForRetry(...[token, errorInfo]) {
        if (errorInfo.error instanceof dist_cjs/* LimitExceededException */.UCT)
            throw errorInfo.error;
        return super.refreshRetryTokenForRetry(token, errorInfo);
    }
}
/** A tag that points somewhere else than the digest the user gave. */
class ImageMismatchError extends Error {
    name = 'ImageMismatchError';
}
/** ECR answered something that cannot be right; the message says what and what to do. */
class EcrAnswerError extends Error {
    name = 'EcrAnswerError';
}
/** The only digest form ECR uses for images: anything else is not a digest we can pin to. */
const DIGEST_PATTERN = /^sha256:[0-9a-f]{64}$/;
function describeQuery(query) {
    return `${query.repository}${query.imageTag ? `:${query.imageTag}` : ''}${query.imageDigest ? `@${query.imageDigest}` : ''}`;
}
/** How every AWS client of the action connects: timeouts that hold, and the proxy settings. */
function requestHandlerFor(timeouts = REQUEST_TIMEOUTS) {
    // HTTPS_PROXY / HTTP_PROXY / NO_PROXY, which the SDK itself ignores.
    return withProxy({
        connectionTimeout: timeouts.connectMs,
        requestTimeout: timeouts.answerMs,
        // Without this a late answer is only logged, and the step hangs past its timeout.
        throwOnRequestTimeout: true,
        // requestTimeout ends at the headers; this covers a body that stops arriving.
        socketTimeout: timeouts.answerMs
    });
}
/** The only module that talks to ECR. Endpoint and credentials come from the SDK's default chain. */
class EcrScans {
    client;
    region;
    constructor(client, region) {
        this.client = client;
        this.region = region;
    }
    static create(region, timeouts = REQUEST_TIMEOUTS) {
        return new EcrScans(new dist_cjs/* ECRClient */.S70({
            region,
            retryStrategy: new EcrRetryStrategy(MAX_ATTEMPTS),
            // Also what the SDK reports to AWS as the attempt budget (amz-sdk-request).
            maxAttempts: MAX_ATTEMPTS,
            requestHandler: requestHandlerFor(timeouts)
        }), region);
    }
    /** Pins the image to one digest, so a tag that moves mid-run cannot mix two images. */
    async resolveImage(query, signal) {
        const imageId = query.imageDigest
            ? { imageDigest: query.imageDigest }
            : { imageTag: query.imageTag };
        const response = await this.client.send(new dist_cjs/* DescribeImagesCommand */.ji5({
            repositoryName: query.repository,
            registryId: query.registryId,
            imageIds: [imageId]
        }), { abortSignal: signal });
        const detail = response.imageDetails?.[0];
        if (!detail) {
            // What ECR answers for a missing image anyway; an empty answer means the same.
            throw new dist_cjs/* ImageNotFoundException */.CJH({
                message: `ECR described no image for ${describeQuery(query)}.`,
                $metadata: {}
            });
        }
        const digest = detail.imageDigest;
        if (typeof digest !== 'string' || !DIGEST_PATTERN.test(digest)) {
            const shown = typeof digest === 'string' ? `'${(0,model_text/* printable */.g$)(digest)}'` : 'none';
            throw new EcrAnswerError(`ECR answered an image digest that is not sha256: followed by 64 hex digits (${shown}) for ${describeQuery(query)}. Retry the job; if it persists, report this with the run log.`);
        }
        if (query.imageDigest && digest !== query.imageDigest) {
            throw new EcrAnswerError(`ECR answered digest ${digest} for ${describeQuery(query)}, not the image-digest given. Check the image-digest input; if it is right, retry the job and report this if it persists.`);
        }
        if (query.imageDigest && query.imageTag && !(detail.imageTags ?? []).includes(query.imageTag)) {
            const tags = detail.imageTags?.length ? detail.imageTags.join(', ') : 'none';
            throw new ImageMismatchError(`Tag '${query.imageTag}' does not point at ${query.imageDigest} in ${query.repository} (that image's tags: ${tags}). Pass only the digest, or the tag the image was pushed with.`);
        }
        return {
            repository: query.repository,
            digest,
            tag: query.imageTag,
            registryId: query.registryId,
            region: this.region,
            manifestMediaType: detail.imageManifestMediaType
        };
    }
    findingsInput(image) {
        return {
            repositoryName: image.repository,
            registryId: image.registryId,
            imageId: { imageDigest: image.digest },
            maxResults: PAGE_SIZE
        };
    }
    /** The platform images an index lists, each pinned to its digest; attestations are skipped. */
    async platformImages(index, signal) {
        const response = await this.client.send(new dist_cjs/* BatchGetImageCommand */.P8n({
            repositoryName: index.repository,
            registryId: index.registryId,
            imageIds: [{ imageDigest: index.digest }],
            acceptedMediaTypes: [...model_manifest/* IMAGE_INDEX_MEDIA_TYPES */.UV]
        }), { abortSignal: signal });
        const manifest = response.images?.[0]?.imageManifest;
        if (!manifest) {
            const failure = response.failures?.[0];
            throw new dist_cjs/* ImageNotFoundException */.CJH({
                message: `ECR returned no manifest for the image index ${index.digest}${failure ? ` (${failure.failureCode}: ${failure.failureReason})` : ''}.`,
                $metadata: {}
            });
        }
        const { images, skipped } = (0,model_manifest/* platformImages */.QF)(manifest);
        return {
            images: images.map(entry => ({
                platform: entry.platform,
                image: { ...index, digest: entry.digest, manifestMediaType: entry.mediaType }
            })),
            skipped
        };
    }
    /** One poll; `undefined` while the scan is not registered yet (ScanNotFoundException). */
    async describeScan(image, signal) {
        try {
            return toScanPage(await this.client.send(new dist_cjs/* DescribeImageScanFindingsCommand */.TQ0(this.findingsInput(image)), {
                abortSignal: signal
            }));
        }
        catch (error) {
            if (error instanceof dist_cjs/* ScanNotFoundException */.S0e)
                return undefined;
            throw error;
        }
    }
    /** The pages after `startingToken`, through the SDK's paginator. */
    async *pagesAfter(image, startingToken, signal) {
        const pages = (0,dist_cjs/* paginateDescribeImageScanFindings */.tY4)({ client: this.client, pageSize: PAGE_SIZE, startingToken }, this.findingsInput(image), { abortSignal: signal });
        for await (const response of pages)
            yield toScanPage(response);
    }
    /**
     * The registry's scanning configuration and the repository's scan-on-push flag, to tell a scan
     * that is late from one that will never come. Throws what ECR throws (AccessDeniedException
     * for a role without ecr:GetRegistryScanningConfiguration or ecr:DescribeRepositories).
     */
    async scanningConfiguration(image, signal) {
        const [registry, repositories] = await Promise.all([
            this.client.send(new dist_cjs/* GetRegistryScanningConfigurationCommand */.Mhg({}), { abortSignal: signal }),
            this.client.send(new dist_cjs/* DescribeRepositoriesCommand */.pE_({
                registryId: image.registryId,
                repositoryNames: [image.repository]
            }), { abortSignal: signal })
        ]);
        const configuration = registry.scanningConfiguration;
        return {
            registryId: registry.registryId,
            scanType: configuration?.scanType,
            rules: (configuration?.rules ?? []).map(rule => ({
                scanFrequency: rule.scanFrequency,
                filters: (rule.repositoryFilters ?? []).map(entry => ({
                    filter: entry.filter,
                    filterType: entry.filterType
                }))
            })),
            repositoryScanOnPush: repositories.repositories?.[0]?.imageScanningConfiguration?.scanOnPush ?? false
        };
    }
    async startScan(image, signal) {
        try {
            await this.client.send(new dist_cjs/* StartImageScanCommand */.Qc9({
                repositoryName: image.repository,
                registryId: image.registryId,
                imageId: { imageDigest: image.digest }
            }), { abortSignal: signal });
            return { kind: 'started' };
        }
        catch (error) {
            if (error instanceof dist_cjs/* LimitExceededException */.UCT)
                return { kind: 'limit-exceeded' };
            if (error instanceof dist_cjs/* ValidationException */.drm || error instanceof dist_cjs/* UnsupportedImageTypeException */.km1) {
                return { kind: 'not-supported', reason: error.message };
            }
            throw error;
        }
    }
}
function toScanPage(response) {
    const results = response.imageScanFindings;
    return {
        status: response.imageScanStatus?.status ?? 'UNKNOWN',
        description: response.imageScanStatus?.description,
        completedAt: results?.imageScanCompletedAt,
        vulnerabilitySourceUpdatedAt: results?.vulnerabilitySourceUpdatedAt,
        hasResults: results !== undefined,
        listed: results?.findings !== undefined || results?.enhancedFindings !== undefined,
        findings: results?.findings ?? [],
        enhancedFindings: results?.enhancedFindings ?? [],
        enhanced: results?.enhancedFindings !== undefined || response.imageScanStatus?.status === 'ACTIVE',
        severityCounts: results?.findingSeverityCounts,
        nextToken: response.nextToken
    };
}


/***/ }),

/***/ 9108:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DETAILS_BATCH_SIZE: () => (/* binding */ DETAILS_BATCH_SIZE),
/* harmony export */   LIST_PAGE_SIZE: () => (/* binding */ LIST_PAGE_SIZE),
/* harmony export */   createInspectorEnricher: () => (/* binding */ createInspectorEnricher),
/* harmony export */   explainInspectorError: () => (/* binding */ explainInspectorError)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_inspector2__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3222);
/* harmony import */ var _smithy_core_retry__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3609);
/* harmony import */ var _core_enrichment_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9674);
/* harmony import */ var _model_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5086);
/* harmony import */ var _ecr_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4);
// EPSS and CISA KEV data from Amazon Inspector for an image's enhanced-scan findings.
// Load lazily (`await import('../aws/inspector.js')`) and only with `enrich: inspector`, so the
// Inspector SDK client stays out of runs that do not use it: nothing else imports this statically.





/** ListFindings answers at most 100 findings a call (maxResults 1–100). */
const LIST_PAGE_SIZE = 100;
/** BatchGetFindingDetails takes 1 to 10 finding ARNs a call. */
const DETAILS_BATCH_SIZE = 10;
/** Requests to Inspector in flight at once, pages and batches together. */
const MAX_IN_FLIGHT = 4;
/** Runs at most `limit` tasks at once, in the order they were asked for. */
function limiter(limit) {
    let active = 0;
    const waiting = [];
    return async function run(task) {
        if (active >= limit)
            await new Promise(resolve => waiting.push(resolve));
        else
            active += 1;
        try {
            return await task();
        }
        finally {
            const next = waiting.shift();
            if (next)
                next();
            else
                active -= 1;
        }
    };
}
function errorName(error) {
    const name = error && typeof error === 'object' ? error.name : undefined;
    return typeof name === 'string' ? name : '';
}
const IAM_ACTIONS = 'inspector2:ListFindings and inspector2:BatchGetFindingDetails';
/** One line: what failed, what it means for the run, what to do. */
function explainInspectorError(error, operation, where) {
    const name = errorName(error);
    const detail = (0,_model_text_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error);
    const account = where.registryId ? `account ${where.registryId}` : 'the account';
    const outcome = operation === 'ListFindings'
        ? 'no EPSS or KEV data was added; the run goes on with ECR findings alone'
        : 'KEV data is missing for some findings; EPSS from ListFindings is kept';
    switch (name) {
        case 'AccessDeniedException':
            return `Inspector enrichment: access denied to inspector2:${operation} (${detail}); ${outcome}. Grant ${IAM_ACTIONS} (resource "*") to the role, check that Amazon Inspector is activated for ${account} in ${where.region}, or set 'enrich: none'.`;
        case 'ThrottlingException':
            return `Inspector enrichment: inspector2:${operation} was still throttled after ${_ecr_js__WEBPACK_IMPORTED_MODULE_0__.MAX_ATTEMPTS} attempts (${detail}); ${outcome}. Retry the job later or run fewer enriched scans at once.`;
        case 'AbortError':
            return `Inspector enrichment: cancelled during inspector2:${operation}; ${outcome}.`;
        default:
            return `Inspector enrichment: inspector2:${operation} failed (${name || 'error'}: ${detail}); ${outcome}.`;
    }
}
function isoDate(value) {
    return value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : undefined;
}
/** `arn:aws:inspector2:<region>:<account>:finding/<id>`: region and account, if it parses. */
function arnParts(arn) {
    const parts = arn.split(':');
    return parts.length >= 6 && parts[2] === 'inspector2'
        ? { region: parts[3] ?? '', account: parts[4] ?? '' }
        : undefined;
}
function createInspectorEnricher(region) {
    const client = new _aws_sdk_client_inspector2__WEBPACK_IMPORTED_MODULE_2__/* .Inspector2Client */ .r0C({
        region,
        retryStrategy: new _smithy_core_retry__WEBPACK_IMPORTED_MODULE_3__.StandardRetryStrategy(_ecr_js__WEBPACK_IMPORTED_MODULE_0__.MAX_ATTEMPTS),
        maxAttempts: _ecr_js__WEBPACK_IMPORTED_MODULE_0__.MAX_ATTEMPTS,
        requestHandler: (0,_ecr_js__WEBPACK_IMPORTED_MODULE_0__.requestHandlerFor)()
    });
    async function enrich(target, signal) {
        const byArn = new Map();
        const warnings = [];
        let calls = 0;
        const where = { region, registryId: target.registryId };
        const kevForAll = target.kevLookup === 'all';
        // Same account and region only: an ARN from elsewhere cannot be in this region's answers.
        const wanted = new Set(target.findingArns.filter(arn => {
            const parts = arnParts(arn);
            return (parts !== undefined &&
                parts.region === region &&
                (!target.registryId || parts.account === target.registryId));
        }));
        const unaskable = new Set(target.findingArns).size - wanted.size;
        if (unaskable > 0) {
            warnings.push(`Inspector enrichment: ${unaskable} of ${new Set(target.findingArns).size} findings have Inspector ARNs outside ${region}${target.registryId ? ` and account ${target.registryId}` : ''}, or no valid ARN: no EPSS or KEV data for them; run the step with credentials for the image's own account and region.`);
        }
        const digests = [...new Set(target.imageDigests)];
        if (wanted.size === 0 || digests.length === 0)
            return { byArn, calls, warnings };
        const run = limiter(MAX_IN_FLIGHT);
        const listed = new Set();
        const pending = [];
        const batches = [];
        const detailErrors = new Map();
        let detailsFailure;
        function belongsToImage(finding, arn) {
            if (!wanted.has(arn))
                return false;
            return (finding.resources ?? []).some(resource => {
                const image = resource.details?.awsEcrContainerImage;
                return (image !== undefined &&
                    image.repositoryName === target.repository &&
                    image.imageHash !== undefined &&
                    digests.includes(image.imageHash) &&
                    (!target.registryId || image.registry === target.registryId));
            });
        }
        function sendBatch(arns) {
            return run(async () => {
                // After one failure (denied, throttled, the deadline) the rest would fail alike: send no
                // more, and say so, since KEV data is then missing.
                if (signal?.aborted)
                    detailsFailure ??= signal.reason ?? new Error('aborted');
                if (detailsFailure !== undefined)
                    return;
                calls += 1;
                try {
                    const answer = await client.send(new _aws_sdk_client_inspector2__WEBPACK_IMPORTED_MODULE_2__/* .BatchGetFindingDetailsCommand */ .BUi({ findingArns: arns }), { abortSignal: signal });
                    const unanswered = new Set(arns);
                    for (const detail of answer.findingDetails ?? []) {
                        if (detail.findingArn && unanswered.delete(detail.findingArn)) {
                            addDetail(detail.findingArn, detail);
                        }
                    }
                    for (const failure of answer.errors ?? []) {
                        if (failure.findingArn)
                            unanswered.delete(failure.findingArn);
                        countDetailError(failure.errorCode);
                    }
                    // An ARN the answer does not mention has no KEV data either: counted, never taken as "not on KEV".
                    if (unanswered.size > 0)
                        countDetailError('NO_ANSWER', unanswered.size);
                }
                catch (error) {
                    detailsFailure ??= error;
                }
            });
        }
        function addDetail(arn, detail) {
            const risk = byArn.get(arn) ?? {};
            risk.epss ??= (0,_core_enrichment_js__WEBPACK_IMPORTED_MODULE_4__/* .validEpss */ .qH)(detail.epssScore);
            if (detail.cisaData && (detail.cisaData.dateAdded || detail.cisaData.action)) {
                risk.kev = {
                    dateAdded: isoDate(detail.cisaData.dateAdded),
                    dueDate: isoDate(detail.cisaData.dateDue),
                    action: detail.cisaData.action
                };
            }
            if (detail.exploitObserved &&
                (detail.exploitObserved.firstSeen || detail.exploitObserved.lastSeen)) {
                risk.exploitObserved = {
                    firstSeen: isoDate(detail.exploitObserved.firstSeen),
                    lastSeen: isoDate(detail.exploitObserved.lastSeen)
                };
            }
            byArn.set(arn, dropUndefined(risk));
        }
        function countDetailError(errorCode = 'UNKNOWN', count = 1) {
            detailErrors.set(errorCode, (detailErrors.get(errorCode) ?? 0) + count);
        }
        function queueDetails(arn) {
            pending.push(arn);
            if (pending.length === DETAILS_BATCH_SIZE)
                batches.push(sendBatch(pending.splice(0)));
        }
        async function listImage(digest) {
            const filterCriteria = {
                ecrImageRepositoryName: [{ comparison: 'EQUALS', value: target.repository }],
                ecrImageHash: [{ comparison: 'EQUALS', value: digest }],
                ...(target.registryId
                    ? { ecrImageRegistry: [{ comparison: 'EQUALS', value: target.registryId }] }
                    : {})
            };
            const pages = (0,_aws_sdk_client_inspector2__WEBPACK_IMPORTED_MODULE_2__/* .paginateListFindings */ .uHj)({ client, pageSize: LIST_PAGE_SIZE, stopOnSameToken: true }, { filterCriteria, maxResults: LIST_PAGE_SIZE }, { abortSignal: signal })[Symbol.asyncIterator]();
            let more = true;
            while (more) {
                // Each next() sends one ListFindings, so it takes a slot; none follows the last page.
                const page = await run(() => {
                    calls += 1;
                    return pages.next();
                });
                if (page.done)
                    return;
                more = page.value.nextToken !== undefined && page.value.nextToken !== '';
                for (const finding of page.value.findings ?? []) {
                    const arn = finding.findingArn;
                    if (!arn || listed.has(arn) || !belongsToImage(finding, arn))
                        continue;
                    listed.add(arn);
                    const epss = (0,_core_enrichment_js__WEBPACK_IMPORTED_MODULE_4__/* .validEpss */ .qH)(finding.epss?.score);
                    if (epss !== undefined)
                        byArn.set(arn, { epss });
                    // BatchGetFindingDetails is the only source of CISA KEV data. For the report, a finding
                    // marked exploitAvailable NO is not asked about (an exploited vulnerability has a known
                    // exploit); when KEV decides the verdict every finding is, rather than trust that mark.
                    if (kevForAll || finding.exploitAvailable !== 'NO')
                        queueDetails(arn);
                }
            }
        }
        let listFailure;
        try {
            await Promise.all(digests.map(listImage));
        }
        catch (error) {
            listFailure = explainInspectorError(error, 'ListFindings', where);
            warnings.push(listFailure);
        }
        if (pending.length > 0 && !listFailure)
            batches.push(sendBatch(pending.splice(0)));
        await Promise.all(batches);
        if (detailsFailure !== undefined) {
            warnings.push(explainInspectorError(detailsFailure, 'BatchGetFindingDetails', where));
        }
        if (detailErrors.size > 0) {
            const counts = [...detailErrors].map(([code, count]) => `${code} ${count}`).join(', ');
            warnings.push(`Inspector enrichment: BatchGetFindingDetails gave no details for some findings (${counts}); those have no KEV data.`);
        }
        if (!listFailure && listed.size < wanted.size) {
            warnings.push(listed.size === 0
                ? `Inspector enrichment: Inspector listed none of the image's ${wanted.size} findings in ${region}; check that Amazon Inspector is activated there for the registry's account. The run goes on with ECR findings alone.`
                : `Inspector enrichment: ${wanted.size - listed.size} of ${wanted.size} findings were not listed by Inspector (closed or suppressed since the scan?); they have no EPSS or KEV data.`);
        }
        return { byArn, calls, warnings };
    }
    return {
        async enrich(target, signal) {
            try {
                return await enrich(target, signal);
            }
            catch (error) {
                // A bug here must not fail the run: enrichment is an extra.
                return {
                    byArn: new Map(),
                    calls: 0,
                    warnings: [`Inspector enrichment failed unexpectedly (${(0,_model_text_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}).`]
                };
            }
        }
    };
}
function dropUndefined(risk) {
    const out = {};
    if (risk.epss !== undefined)
        out.epss = risk.epss;
    if (risk.kev)
        out.kev = risk.kev;
    if (risk.exploitObserved)
        out.exploitObserved = risk.exploitObserved;
    return out;
}


/***/ })

};

//# sourceMappingURL=108.index.js.map