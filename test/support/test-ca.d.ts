export interface TestCa {
  /** The CA certificate's path, for NODE_EXTRA_CA_CERTS. */
  caFile: string
  /** The server key and certificate, valid for the hostnames given. */
  key: Buffer
  cert: Buffer
  remove(): Promise<void>
}

/** A CA and one server certificate for `hostnames`, made with openssl in a temporary folder. */
export function createTestCa(hostnames: string[]): Promise<TestCa>

export interface TlsFront {
  port: number
  close(): Promise<void>
}

/** Terminates TLS with the CA's server certificate and passes the bytes on to `targetPort`. */
export function startTlsFront(ca: TestCa, targetPort: number): Promise<TlsFront>
