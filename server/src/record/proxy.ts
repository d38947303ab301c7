// The recording proxy of "Record my calls": a plain HTTP server on 127.0.0.1 that forwards every request, unchanged
// (the Host header too, so SigV4 signatures stay valid), to the emulator endpoint serving the request's service, and
// reports each request (with the first bytes of its body) once the response has been passed back. No 'vscode' here.
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { HttpRequestShape } from '../core/iam/record/requests';

export interface ProxyOptions {
  /** The base URL to forward to, by SigV4 signing name ('' for an unsigned request). */
  readonly target: (signingName: string) => string;
  /** Called once per forwarded request with the upstream status (0 when the emulator could not be reached). */
  readonly onRequest: (req: HttpRequestShape, status: number) => void;
  /** Bytes of each request body kept for mapping (default 256 KiB); the rest is streamed through unread. */
  readonly peekBytes?: number;
  /** Port to bind (default: a free one). */
  readonly port?: number;
}

export interface RecordingProxy {
  /** e.g. http://127.0.0.1:43121 */
  readonly url: string;
  close(): Promise<void>;
}

/** Headers not forwarded: hop-by-hop ones, and `expect` (Node answers 100-continue itself; SigV4 never signs it). */
const DROPPED = new Set(['proxy-connection', 'expect', 'transfer-encoding', 'upgrade']);

function signingName(req: IncomingMessage): string {
  const auth = req.headers.authorization ?? '';
  const m = /Credential=[^/]+\/[^/]+\/[^/]+\/([^/]+)\//.exec(auth);
  if (m) return m[1]!;
  const q = /[?&]X-Amz-Credential=([^&]+)/.exec(req.url ?? '');
  if (q) return decodeURIComponent(q[1]!).split('/')[3] ?? '';
  return '';
}

export function startRecordingProxy(opts: ProxyOptions): Promise<RecordingProxy> {
  const peek = opts.peekBytes ?? 256 * 1024;
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    let kept = 0;
    let truncated = false;
    req.on('data', (c: Buffer) => {
      if (kept < peek) {
        const part = c.subarray(0, peek - kept);
        chunks.push(part);
        kept += part.length;
        if (part.length < c.length) truncated = true;
      } else truncated = true;
    });
    const shape = (): HttpRequestShape => ({
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
      bodyTruncated: truncated,
    });
    let reported = false;
    const report = (status: number) => {
      if (reported) return;
      reported = true;
      opts.onRequest(shape(), status);
    };

    let base: URL;
    try {
      base = new URL(opts.target(signingName(req)));
    } catch (e) {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`Local Cloud Lab recorder: no emulator endpoint (${e instanceof Error ? e.message : String(e)})`);
      return;
    }
    const headers: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined && !DROPPED.has(k)) headers[k] = v;
    const send = base.protocol === 'https:' ? httpsRequest : httpRequest;
    const upstream = send(
      {
        protocol: base.protocol,
        hostname: base.hostname,
        port: base.port || (base.protocol === 'https:' ? 443 : 80),
        method: req.method,
        path: `${base.pathname.replace(/\/$/, '')}${req.url ?? '/'}`,
        headers,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
        up.on('end', () => report(up.statusCode ?? 0));
      },
    );
    upstream.on('error', (e) => {
      report(0);
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`Local Cloud Lab recorder: ${base.origin} did not answer (${e.message})`);
    });
    req.pipe(upstream);
  };

  const server = createServer(handle);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
