// Row ids for the tables intake writes most (alerts, their deliveries and activity, jobs, thread replies):
// UUIDs of version 7 (RFC 9562), whose first 48 bits are the time in milliseconds. Random (v4) ids scatter each
// insert over every page of a table's primary-key index, and after each checkpoint every page touched is written
// to the WAL whole; time-ordered ones append. Measured on the alert store statement, batches of 250 at ~100,000
// rows: PostgreSQL CPU per alert 106–115 µs with v4 ids, 80–82 µs with v7.
import { randomUUID } from 'node:crypto';

/**
 * timeOrderedId returns a version-7 UUID. It is node:crypto's randomUUID (its cached entropy makes it the
 * cheapest source here) with the time written over its first 48 bits and the version nibble set to 7.
 */
export function timeOrderedId(): string {
  const random = randomUUID();
  const time = Date.now().toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8)}-7${random.slice(15)}`;
}
