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
import * as http from 'node:http'
import * as https from 'node:https'
import { NodeHttpHandler, type NodeHttpHandlerOptions } from '@smithy/node-http-handler'

/** Where proxy settings are read from: `process.env` unless a test passes its own. */
export type ProxyEnv = Readonly<Record<string, string | undefined>>

function variable(env: ProxyEnv, name: string): string | undefined {
  const value = env[name.toLowerCase()] || env[name.toUpperCase()]
  return value?.trim() || undefined
}

/** Whether a proxy variable is set at all; only then is any proxy code loaded. */
export function proxyConfigured(env: ProxyEnv = process.env): boolean {
  return variable(env, 'https_proxy') !== undefined || variable(env, 'http_proxy') !== undefined
}

function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase()
  return (
    host === 'localhost' ||
    host.startsWith('127.') ||
    host.startsWith('[::1]') ||
    host.startsWith('[0:0:0:0:0:0:0:1]')
  )
}

/**
 * Whether `url` goes direct under this NO_PROXY value (see the module comment for the rules).
 * Loopback hosts always do.
 */
export function bypassesProxy(url: URL, noProxy: string): boolean {
  if (!url.hostname) return false
  if (isLoopback(url.hostname)) return true
  const host = url.hostname.toUpperCase()
  const port =
    url.port || (url.protocol === 'http:' ? '80' : url.protocol === 'https:' ? '443' : '')
  const candidates = port ? [host, `${host}:${port}`] : [host]
  return noProxy
    .split(',')
    .map(entry => entry.trim().toUpperCase())
    .filter(entry => entry !== '')
    .some(
      entry =>
        entry === '*' ||
        candidates.some(
          candidate =>
            candidate === entry ||
            candidate.endsWith(`.${entry}`) ||
            (entry.startsWith('.') && candidate.endsWith(entry))
        )
    )
}

/**
 * The proxy for a request to `url`, or undefined for a direct connection: no variable for its
 * scheme, or NO_PROXY (or loopback) exempts the host. Throws when the variable is not an http://
 * or https:// URL, naming the variable.
 */
export function proxyFor(url: string | URL, env: ProxyEnv = process.env): URL | undefined {
  const target = typeof url === 'string' ? new URL(url) : url
  const name = target.protocol === 'https:' ? 'https_proxy' : 'http_proxy'
  const value = variable(env, name)
  if (value === undefined || bypassesProxy(target, variable(env, 'no_proxy') ?? '')) return
  let proxy: URL
  try {
    proxy = new URL(value.includes('://') ? value : `http://${value}`)
  } catch {
    throw new Error(`${name.toUpperCase()} is not a URL: ${value}`)
  }
  if ((proxy.protocol !== 'http:' && proxy.protocol !== 'https:') || !proxy.hostname) {
    throw new Error(`${name.toUpperCase()} must be an http:// or https:// proxy URL, not ${value}`)
  }
  return proxy
}

/** The SDK's own pool settings, kept for direct connections and for each proxy. */
const POOL = { keepAlive: true, maxSockets: 50 }

/**
 * One agent for http:// and https:// requests that picks, per request, the proxy `proxyFor`
 * names: CONNECT tunnels (https-proxy-agent) for https://, absolute-URI requests
 * (http-proxy-agent) for http://, or a plain keep-alive agent when the host goes direct. Imports
 * the proxy-agent packages; call it only when `proxyConfigured`.
 */
export async function createProxyAgent(env: ProxyEnv = process.env): Promise<http.Agent> {
  const [{ Agent }, { HttpsProxyAgent }, { HttpProxyAgent }] = await Promise.all([
    import('agent-base'),
    import('https-proxy-agent'),
    import('http-proxy-agent')
  ])
  type ConnectOptions = Parameters<InstanceType<typeof Agent>['connect']>[1]

  class ProxyRouter extends Agent {
    private readonly direct = { http: new http.Agent(POOL), https: new https.Agent(POOL) }
    private readonly proxied = new Map<string, http.Agent>()

    connect(_request: http.ClientRequest, options: ConnectOptions): http.Agent {
      const secure = options.secureEndpoint
      const host = options.host ?? 'localhost'
      const hostPart = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host
      const target = new URL(`${secure ? 'https' : 'http'}://${hostPart}:${options.port}`)
      const proxy = proxyFor(target, env)
      if (!proxy) return secure ? this.direct.https : this.direct.http
      const key = `${target.protocol}${proxy.href}`
      let agent = this.proxied.get(key)
      if (!agent) {
        agent = secure ? new HttpsProxyAgent(proxy, POOL) : new HttpProxyAgent(proxy, POOL)
        this.proxied.set(key, agent)
      }
      return agent
    }

    override destroy(): void {
      this.direct.http.destroy()
      this.direct.https.destroy()
      for (const agent of this.proxied.values()) agent.destroy()
      super.destroy()
    }
  }

  // Checked now, so a malformed variable fails the first call with its own message.
  proxyFor('https://example.com', env)
  proxyFor('http://example.com', env)
  return new ProxyRouter()
}

/**
 * The ECR client's `requestHandler` option: `options` unchanged when no proxy variable is set,
 * otherwise a NodeHttpHandler (the SDK's own) built from a provider it awaits before its first
 * request, which adds the routing agent (`createProxyAgent`) for http:// and https:// alike.
 * Timeouts in `options` stay as given.
 */
export function withProxy<T extends NodeHttpHandlerOptions>(
  options: T,
  env: ProxyEnv = process.env
): T | NodeHttpHandler {
  if (!proxyConfigured(env)) return options
  return new NodeHttpHandler(async () => {
    const agent = await createProxyAgent(env)
    return { ...options, httpAgent: agent, httpsAgent: agent }
  })
}
