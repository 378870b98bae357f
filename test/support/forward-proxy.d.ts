export interface ProxiedRequest {
  /** CONNECT for a tunnel, otherwise the method of an absolute-URI request. */
  method: string
  host: string
  port: number
}

export interface ForwardProxy {
  /** `http://127.0.0.1:<port>`: the value for HTTPS_PROXY / HTTP_PROXY. */
  url: string
  /** Every request received, in order, including refused ones. */
  requests: ProxiedRequest[]
  /** How many requests named this host. */
  count(host: string): number
  close(): Promise<void>
}

/** Starts a proxy that resolves only `hosts`, each to 127.0.0.1 on the requested port. */
export function startForwardProxy(options: { hosts: string[] }): Promise<ForwardProxy>
