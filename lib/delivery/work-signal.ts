// Workers sleep on a PostgreSQL LISTEN channel; writers NOTIFY it in the same transaction as the work,
// so a worker wakes the moment the work is committed, not at the next poll.

/** WORK_CHANNEL is the LISTEN/NOTIFY channel for new or changed delivery work. */
export const WORK_CHANNEL = 'klaxon_work';
