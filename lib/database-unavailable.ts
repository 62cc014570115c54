// Recognises "the database is not there" among the errors of node-postgres and of Prisma's pg adapter: refused or
// dropped connections, a server shutting down or starting up. A request that meets one is answered 503 with
// Retry-After (a load balancer or a careful client comes back), not 500: nothing is wrong with the request.
import pg from 'pg';
import { Prisma } from './generated/prisma/client';

// PostgreSQL's SQLSTATEs for a server going away or not yet there (class 08, and 57P01–57P03), or out of
// connections for now (53300 too_many_connections: "sorry, too many clients already").
const UNAVAILABLE_SQLSTATE = /^(08\d{3}|57P0[123]|53300)$/;
// Node's socket errors: the connection was refused, reset, or timed out.
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// Prisma's codes for an unreachable, timed-out or closed database server.
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017']);
// The pg adapter's error kinds for the same.
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);

type ErrorLike = { code?: unknown; message?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } } };

/** isDatabaseUnavailable tells whether an error means the database cannot be reached right now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as ErrorLike;
  const code = typeof e.code === 'string' ? e.code : '';
  if (UNAVAILABLE_SQLSTATE.test(code) || SOCKET_CODES.has(code) || PRISMA_CODES.has(code)) return true;
  const cause = e.meta?.driverAdapterError?.cause;
  if (cause && (ADAPTER_KINDS.has(String(cause.kind)) || UNAVAILABLE_SQLSTATE.test(String(cause.originalCode)))) return true;
  // node-postgres ends a query whose connection dropped with these messages and no code.
  return typeof e.message === 'string' && /^Connection terminated( unexpectedly| due to connection timeout)?$|^timeout exceeded when trying to connect$/.test(e.message);
}

/**
 * isDatabaseError tells whether PostgreSQL or Prisma raised an error (a statement refused, a transaction that
 * outlasted its time limit): work that met one may succeed when tried again, unlike a request Slack refused.
 */
export function isDatabaseError(error: unknown): error is Error {
  return (
    error instanceof pg.DatabaseError ||
    error instanceof Prisma.PrismaClientKnownRequestError ||
    error instanceof Prisma.PrismaClientUnknownRequestError
  );
}
