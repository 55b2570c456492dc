/**
 * The one place that owns `socket.on` for commands: parse the payload with the command's zod
 * schema (failure → `validation_failed` naming the field), take the actor from the handshake
 * only, apply the member's rate limit (shared by their sockets), await the service, and ack `{ ok: true, data }` or the
 * error's `{ ok: false, error: { code, message } }`. Nothing a client sends can crash it: a
 * missing ack callback, a non-object payload or a throwing service all end in a log line at most.
 */
import type { Socket } from 'socket.io';
import { AppError, ErrorCode } from '../../shared/errors.js';
import { Commands, type Ack, type CommandName, type CommandPayload, type CommandResults } from '../../shared/realtime/index.js';
import type { Actor } from '../auth/access.js';
import type { Logger } from '../log.js';
import type { TokenBucket } from '../util/token-bucket.js';

export interface SocketContext {
  socket: Socket;
  actor: Actor;
  log: Logger;
  bucket: TokenBucket;
}

type Handler<K extends CommandName> = (payload: CommandPayload<K>, actor: Actor) => Promise<CommandResults[K]>;

export function on<K extends CommandName>(ctx: SocketContext, name: K, handler: Handler<K>): void {
  // Listener arguments are whatever the client sent: typed as unknown on purpose.
  const socket = ctx.socket as unknown as { on(event: string, fn: (...args: unknown[]) => void): void };
  socket.on(name, async (...args: unknown[]) => {
    const last = args[args.length - 1];
    const ack = typeof last === 'function' ? (last as (r: Ack<CommandResults[K]>) => void) : () => {};
    const raw = typeof last === 'function' ? args.slice(0, -1) : args;
    let reply: Ack<CommandResults[K]>;
    try {
      if (!ctx.bucket.take()) throw new AppError(ErrorCode.rateLimited, 429, 'Too many commands; wait a moment.');
      reply = { ok: true, data: await handler(parse(name, raw[0]), ctx.actor) };
    } catch (err) {
      reply = { ok: false, error: toAckError(err, ctx, name) };
    }
    try {
      ack(reply);
    } catch (err) {
      ctx.log.debug({ err, command: name }, 'ack failed');
    }
  });
}

function parse<K extends CommandName>(name: K, payload: unknown): CommandPayload<K> {
  // A command without payload (`emit('timer.pause', ack)`) is an empty object.
  const result = Commands[name].safeParse(payload === undefined ? {} : payload);
  if (result.success) return result.data as CommandPayload<K>;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || '(payload)';
  throw new AppError(ErrorCode.validationFailed, 400, `${field}: ${issue?.message ?? 'is invalid'}`, { field });
}

function toAckError(err: unknown, ctx: SocketContext, command: string): { code: ErrorCode; message: string; details?: Record<string, unknown> } {
  if (err instanceof AppError) {
    if (err.status >= 500) ctx.log.error({ err, command, workshop: ctx.actor.member.workshopId, member: ctx.actor.member.id }, 'command failed');
    return { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) };
  }
  ctx.log.error({ err, command, workshop: ctx.actor.member.workshopId, member: ctx.actor.member.id }, 'command failed');
  return { code: ErrorCode.internal, message: 'Something went wrong on the server.' };
}
