// A throw-away certificate authority made with openssl, and a TLS front that terminates TLS with
// a certificate from it and passes the plain bytes to a local HTTP server (the fakes speak HTTP).
// Processes trust the CA through NODE_EXTRA_CA_CERTS, which node reads only at start.
import { execFileSync } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer } from 'node:tls'

const openssl = (args, cwd) => execFileSync('openssl', args, { cwd, stdio: 'pipe' })

/** @param {string[]} hostnames the names the server certificate covers */
export async function createTestCa(hostnames) {
  const dir = await mkdtemp(join(tmpdir(), 'ecr-scan-findings-ca-'))
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']
  openssl(
    [
      'req',
      '-x509',
      ...ec,
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '1',
      '-subj',
      '/CN=ecr-scan-findings test CA'
    ],
    dir
  )
  openssl(
    [
      'req',
      '-new',
      ...ec,
      '-keyout',
      'server.key',
      '-out',
      'server.csr',
      '-subj',
      `/CN=${hostnames[0]}`
    ],
    dir
  )
  await writeFile(
    join(dir, 'ext.cnf'),
    `subjectAltName=${hostnames.map(name => `DNS:${name}`).join(',')}\n`
  )
  openssl(
    [
      'x509',
      '-req',
      '-in',
      'server.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'server.pem',
      '-days',
      '1',
      '-extfile',
      'ext.cnf'
    ],
    dir
  )
  return {
    /** For NODE_EXTRA_CA_CERTS. */
    caFile: join(dir, 'ca.pem'),
    key: await readFile(join(dir, 'server.key')),
    cert: await readFile(join(dir, 'server.pem')),
    remove: () => rm(dir, { recursive: true, force: true })
  }
}

/**
 * Listens on 127.0.0.1 with TLS and pipes each connection to `targetPort` in the clear.
 * @param {{ key: Buffer, cert: Buffer }} ca
 * @param {number} targetPort
 */
export async function startTlsFront(ca, targetPort) {
  const sockets = new Set()
  const server = createServer({ key: ca.key, cert: ca.cert }, client => {
    const upstream = connect(targetPort, '127.0.0.1')
    client.pipe(upstream).pipe(client)
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
      socket.on('error', () => {
        client.destroy()
        upstream.destroy()
      })
    }
  })
  await new Promise(done => server.listen(0, '127.0.0.1', done))
  const address = server.address()
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    close: () =>
      new Promise(done => {
        for (const socket of sockets) socket.destroy()
        server.close(() => done(undefined))
      })
  }
}
