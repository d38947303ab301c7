// Real network probes for the services a learner runs on this machine: PostgreSQL, Redis and a local web server.
// Each opens one short connection with a deadline and closes it; nothing is kept open between checks.
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { LocalProbes } from '../checks/types';
import { encodeCommand, MAX_REPLY_BYTES, parseReply, type RedisReply } from './resp';

export const PROBE_TIMEOUT_MS = 2_000;

/** PostgreSQL's SSLRequest: length 8, then the magic code 80877103. A server answers one byte, 'S' or 'N'. */
const SSL_REQUEST = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]);

function open(host: string, port: number, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    const fail = (err: Error): void => {
      socket.destroy();
      reject(err);
    };
    socket.setTimeout(timeoutMs, () => fail(new Error(`no answer from ${host}:${port} within ${timeoutMs} ms`)));
    socket.once('error', fail);
    socket.once('connect', () => {
      socket.off('error', fail);
      resolve(socket);
    });
  });
}

/** Collects data until `complete` says the buffer holds the whole answer; rejects on close, error or timeout. */
function readUntil<T>(socket: Socket, complete: (buf: Buffer) => T | undefined, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    let buf = Buffer.alloc(0);
    const finish = (err: Error | undefined, value?: T): void => {
      clearTimeout(timer);
      socket.removeAllListeners('data');
      socket.destroy();
      if (err) reject(err);
      else resolve(value as T);
    };
    const timer = setTimeout(() => finish(new Error(`answer incomplete after ${timeoutMs} ms`)), timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      if (buf.length > MAX_REPLY_BYTES) return finish(new Error('answer too large'));
      try {
        const value = complete(buf);
        if (value !== undefined) finish(undefined, value);
      } catch (err) {
        finish(err instanceof Error ? err : new Error(String(err)));
      }
    });
    socket.once('error', (err) => finish(err));
    socket.once('close', () => finish(new Error('connection closed before a full answer')));
  });
}

export async function probePostgres(host: string, port: number, timeoutMs = PROBE_TIMEOUT_MS): Promise<boolean> {
  let socket: Socket;
  try {
    socket = await open(host, port, timeoutMs);
  } catch {
    return false;
  }
  socket.write(SSL_REQUEST);
  try {
    const first = await readUntil(socket, (buf) => (buf.length >= 1 ? buf[0] : undefined), timeoutMs);
    return first === 0x53 /* S */ || first === 0x4e; /* N */
  } catch {
    return false;
  }
}

export async function redisCommands(
  host: string,
  port: number,
  commands: readonly (readonly string[])[],
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<readonly RedisReply[]> {
  const socket = await open(host, port, timeoutMs);
  socket.write(Buffer.concat(commands.map((c) => encodeCommand(c))));
  return readUntil(
    socket,
    (buf) => {
      const replies: RedisReply[] = [];
      let at = 0;
      while (replies.length < commands.length) {
        const r = parseReply(buf, at);
        if (!r) return undefined;
        replies.push(r.reply);
        at = r.next;
      }
      return replies;
    },
    timeoutMs,
  );
}

export function httpStatus(host: string, port: number, path: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host, port, path, method: 'GET', timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${host}:${port} within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

export const realProbes: LocalProbes = {
  postgres: (host, port) => probePostgres(host, port),
  redis: (host, port, commands) => redisCommands(host, port, commands),
  httpStatus: (host, port, path) => httpStatus(host, port, path),
};
