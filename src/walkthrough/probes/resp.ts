// The few bytes of the Redis protocol (RESP2/RESP3 replies) the week 6 checks need: encode a command, parse replies.
// Pure functions; the socket lives in tcp.ts.

export type RedisReply = string | number | null | RedisError | readonly RedisReply[];

export class RedisError {
  constructor(readonly message: string) {}
}

/** Encodes one command as a RESP array of bulk strings. */
export function encodeCommand(args: readonly string[]): Buffer {
  const parts = [`*${args.length}\r\n`];
  for (const arg of args) parts.push(`$${Buffer.byteLength(arg)}\r\n${arg}\r\n`);
  return Buffer.from(parts.join(''), 'utf8');
}

/** Longest reply we accept, so a huge value cannot fill memory. */
export const MAX_REPLY_BYTES = 4 * 1024 * 1024;

/**
 * Parses one reply starting at `offset`. Returns the reply and the offset after it, or undefined when the buffer
 * does not hold a whole reply yet. Throws on bytes that are not RESP.
 */
export function parseReply(buf: Buffer, offset = 0): { reply: RedisReply; next: number } | undefined {
  const lineEnd = buf.indexOf('\r\n', offset);
  if (lineEnd < 0) return undefined;
  const kind = String.fromCharCode(buf[offset]!);
  const line = buf.toString('utf8', offset + 1, lineEnd);
  const after = lineEnd + 2;
  switch (kind) {
    case '+':
      return { reply: line, next: after };
    case '-':
      return { reply: new RedisError(line), next: after };
    case ':':
      return { reply: Number(line), next: after };
    case '_':
      return { reply: null, next: after };
    case '#':
      return { reply: line === 't' ? 1 : 0, next: after };
    case ',':
      return { reply: Number(line), next: after };
    case '$':
    case '=':
    case '!': {
      const len = Number(line);
      if (len < 0) return { reply: null, next: after };
      if (!Number.isInteger(len) || len > MAX_REPLY_BYTES) throw new Error(`bad bulk length ${line}`);
      if (buf.length < after + len + 2) return undefined;
      const text = buf.toString('utf8', after, after + len);
      return { reply: kind === '!' ? new RedisError(text) : text, next: after + len + 2 };
    }
    case '*':
    case '~':
    case '>':
    case '%': {
      const count = Number(line);
      if (count < 0) return { reply: null, next: after };
      if (!Number.isInteger(count) || count > 1_000_000) throw new Error(`bad array length ${line}`);
      const items: RedisReply[] = [];
      let at = after;
      // Maps arrive as key, value, key, value…: flattened, as RESP2 would send them.
      const total = kind === '%' ? count * 2 : count;
      for (let i = 0; i < total; i++) {
        const item = parseReply(buf, at);
        if (!item) return undefined;
        items.push(item.reply);
        at = item.next;
      }
      return { reply: items, next: at };
    }
    default:
      throw new Error(`not a Redis reply (starts with ${JSON.stringify(kind)})`);
  }
}

/** The reply as a string array (SCAN's key list, CONFIG GET's pairs); [] for anything else. */
export function asStrings(reply: RedisReply | undefined): string[] {
  return Array.isArray(reply) ? reply.filter((x): x is string => typeof x === 'string') : [];
}
