import net from 'node:net'

export interface NetworkSwitch {
  /** The switch's origin, e.g. `http://127.0.0.1:41234`. */
  origin: string
  /** Off: every open connection is cut and every new one is closed on arrival. */
  setOnline(online: boolean): void
  close(): Promise<void>
}

/**
 * A TCP pass-through in front of a local server that can be unplugged. Chromium's offline mode
 * (`context.setOffline`) covers pages but not a service worker's own requests, which would still
 * reach the server and hide whether the worker's saved copies are used; behind this switch the
 * worker loses the network too, as on a train.
 */
export function networkSwitch(targetPort: number): Promise<NetworkSwitch> {
  const open = new Set<net.Socket>()
  let online = true
  const server = net.createServer((client) => {
    if (!online) {
      client.destroy()
      return
    }
    const upstream = net.connect(targetPort, '127.0.0.1')
    for (const socket of [client, upstream]) {
      open.add(socket)
      socket.on('error', () => socket.destroy())
      socket.on('close', () => {
        open.delete(socket)
        client.destroy()
        upstream.destroy()
      })
    }
    client.pipe(upstream).pipe(client)
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      resolve({
        origin: `http://127.0.0.1:${port}`,
        setOnline(value) {
          online = value
          if (!online) for (const socket of open) socket.destroy()
        },
        close: () =>
          new Promise((done) => {
            for (const socket of open) socket.destroy()
            server.close(() => done())
          }),
      })
    })
  })
}
