// A forwarding proxy for tests: CONNECT tunnels (https:// through a proxy) and absolute-URI
// requests (http:// through a proxy). It resolves only the hostnames it is given, each to
// 127.0.0.1 on the port asked for, so a request for one of them can have arrived only through it.
import { createServer, request as httpRequest } from 'node:http'
import { connect } from 'node:net'

/** @param {{ hosts: string[] }} options */
export async function startForwardProxy({ hosts }) {
  const known = new Set(hosts.map(host => host.toLowerCase()))
  /** @type {{ method: string, host: string, port: number }[]} */
  const requests = []
  const sockets = new Set()
  const resolve = host => (known.has(host.toLowerCase()) ? '127.0.0.1' : undefined)

  const server = createServer((request, response) => {
    let target
    try {
      target = new URL(request.url ?? '')
    } catch {
      response.writeHead(400).end('absolute URI expected')
      return
    }
    const port = Number(target.port || 80)
    requests.push({ method: request.method ?? '', host: target.hostname, port })
    const address = resolve(target.hostname)
    if (!address || target.protocol !== 'http:') {
      response.writeHead(502).end(`unknown host ${target.hostname}`)
      return
    }
    const headers = { ...request.headers }
    delete headers['proxy-connection']
    delete headers['proxy-authorization']
    const upstream = httpRequest(
      {
        host: address,
        port,
        method: request.method,
        path: target.pathname + target.search,
        headers
      },
      answer => {
        response.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(response)
      }
    )
    upstream.on('error', error => response.writeHead(502).end(String(error)))
    request.pipe(upstream)
  })

  server.on('connect', (request, client, head) => {
    const [host = '', portText = '443'] = (request.url ?? '').split(/:(?=\d+$)/)
    const port = Number(portText)
    requests.push({ method: 'CONNECT', host, port })
    const address = resolve(host)
    if (!address) {
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')
      return
    }
    const upstream = connect(port, address, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
      socket.on('error', () => {
        client.destroy()
        upstream.destroy()
      })
    }
  })
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  await new Promise(done => server.listen(0, '127.0.0.1', done))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** How many requests (CONNECT or absolute-URI) named this host. */
    count: host => requests.filter(entry => entry.host === host).length,
    close: () =>
      new Promise(done => {
        for (const socket of sockets) socket.destroy()
        server.close(() => done(undefined))
      })
  }
}
