// Keeps the emulator's state in a file so that a sandbox survives a restart: after Ctrl-C and `npm start`
// the workspace is still installed with the same bot token (which Klaxon stored encrypted in its database),
// and the channels still show their messages. Saved shortly after each request and on close; read at start.
import fs from 'node:fs';
import path from 'node:path';
import type { EmulatorSnapshot, EmulatorState } from './state';

/** SAVE_DELAY_MS batches the saves of a burst of requests (a delivery run posts many messages) into one write. */
export const SAVE_DELAY_MS = 250;

/** StatePersistence saves an emulator's state to its file. */
export interface StatePersistence {
  /** changed schedules a save (a request may have changed the state). */
  changed(): void;
  /** flush writes the state now (on close). */
  flush(): void;
}

/** loadState restores `state` from `file` when it holds a snapshot; a missing or unreadable file starts from the seed. */
export function loadState(state: EmulatorState, file: string): boolean {
  let snapshot: EmulatorSnapshot;
  try {
    snapshot = JSON.parse(fs.readFileSync(file, 'utf8')) as EmulatorSnapshot;
  } catch {
    return false;
  }
  if (snapshot.version !== 1) return false;
  state.restore(snapshot);
  return true;
}

/** persistState keeps `state` in `file`: written atomically (a crash mid-write leaves the previous state). */
export function persistState(state: EmulatorState, file: string): StatePersistence {
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    // Mode 0600: the file holds the sandbox's bot tokens.
    fs.writeFileSync(temporary, JSON.stringify(state.snapshot()), { mode: 0o600 });
    fs.renameSync(temporary, file);
  };
  return {
    changed: () => {
      timer ??= setTimeout(flush, SAVE_DELAY_MS).unref();
    },
    flush,
  };
}
