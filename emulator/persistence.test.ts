// A sandbox survives a restart: an emulator started on the same state file carries on where the last one
// stopped (installation, bot token, channel members, messages), and new messages sort after the old ones.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { api, installBot, startTestEmulator } from './test-support';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function stateFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klaxon-emulator-'));
  dirs.push(dir);
  return path.join(dir, 'slack-emulator.json');
}

describe('the emulator with a state file', () => {
  it('keeps the install, the bot token and the messages across a restart', async () => {
    const file = stateFile();
    const first = await startTestEmulator({ stateFile: file });
    const token = await installBot(first, 'chat:write,channels:read');
    const posted = await api(first, 'chat.postMessage', { channel: 'C0ACMEALRT', text: 'before the restart' }, token);
    expect(posted.body.ok).toBe(true);
    await first.close();
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const second = await startTestEmulator({ stateFile: file });
    try {
      expect((await api(second, 'auth.test', {}, token)).body).toMatchObject({ ok: true, team_id: 'T0ACME0001' });
      expect(second.state.messages('C0ACMEALRT').map((m) => m.text)).toContain('before the restart');
      const after = await api(second, 'chat.postMessage', { channel: 'C0ACMEALRT', text: 'after the restart' }, token);
      expect(after.body.ok).toBe(true);
      expect(Number(after.body.ts)).toBeGreaterThan(Number(posted.body.ts));
      // The bot is still a member of the channels it joined on install.
      expect(second.state.directory.channel('T0ACME0001', 'C0ACMEALRT')?.members.has(second.state.directory.workspace('T0ACME0001')!.botUserId)).toBe(true);
    } finally {
      await second.close();
    }
  });

  it('saves shortly after a request, not only on close (a crash loses little)', async () => {
    const file = stateFile();
    const emu = await startTestEmulator({ stateFile: file });
    try {
      await installBot(emu, 'chat:write');
      await new Promise((resolve) => setTimeout(resolve, 600));
      const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { credentials: { tokens: unknown[] } };
      expect(saved.credentials.tokens.length).toBeGreaterThan(0);
    } finally {
      await emu.close();
    }
  });

  it('starts from the seed without a file, or with one it cannot read; without a state file nothing is kept', async () => {
    const file = stateFile();
    fs.writeFileSync(file, '{ not json');
    const broken = await startTestEmulator({ stateFile: file });
    expect(broken.state.directory.workspace('T0ACME0001')?.installation).toBeUndefined();
    await broken.close();

    const memory = await startTestEmulator();
    const token = await installBot(memory, 'chat:write');
    await memory.close();
    const again = await startTestEmulator();
    expect((await api(again, 'auth.test', {}, token)).body).toMatchObject({ ok: false, error: 'invalid_auth' });
    await again.close();
  });
});
