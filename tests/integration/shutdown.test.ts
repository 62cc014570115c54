// Ctrl-C stops a process cleanly: its own work first, then the pool, then the embedded PostgreSQL, exit 0 and
// not one warning. Run as a terminal runs it: the process leads its own group and the signal goes to the group.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
// A fresh project directory (its own .data/) that shares the checkout's code, migrations and modules.
const project = fs.mkdtempSync(path.join(os.tmpdir(), 'klaxon-shutdown-'));
for (const entry of ['node_modules', 'prisma', 'scripts', 'lib', 'emulator', 'tsconfig.json', 'package.json']) fs.symlinkSync(path.join(root, entry), path.join(project, entry));

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

afterAll(() => {
  const pidFile = path.join(project, '.data', 'postgres', 'postmaster.pid');
  const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]) : 0;
  if (pid && isAlive(pid)) process.kill(pid, 'SIGKILL');
  fs.rmSync(project, { recursive: true, force: true });
});

describe('shutdown on Ctrl-C', () => {
  it('a worker on the embedded PostgreSQL stops its work, closes the pool, stops PostgreSQL and exits 0 without a warning', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'worker.ts')], {
      cwd: project,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', EMBEDDED_POSTGRES_PORT: String(40000 + Math.floor(Math.random() * 20000)), LOG_LEVEL: 'info' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const deadline = Date.now() + 90_000;
    while (!stdout.includes('Delivery worker started.')) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the worker did not start:\n${stdout}\n${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const postmaster = Number(fs.readFileSync(path.join(project, '.data', 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(isAlive(postmaster)).toBe(true);

    process.kill(-child.pid!, 'SIGINT');
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
    const records = stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { level: number; msg: string });
    expect(records.filter((record) => record.level >= 40).map((record) => record.msg)).toEqual([]);
    expect(records.map((record) => record.msg)).toEqual(expect.arrayContaining(['Shutting down', 'Delivery worker stopped.']));
    expect(isAlive(postmaster)).toBe(false);
  }, 120_000);

  async function startHanging(limitMs: number) {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tests', 'support', 'hanging-service.ts'), String(limitMs)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    while (!stdout.includes('started')) {
      if (child.exitCode !== null) throw new Error(`the service exited: ${stdout}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { child, exited, output: () => stdout };
  }

  it('a shutdown that hangs ends the process after its limit, with exit code 1 and an error line', async () => {
    const service = await startHanging(500);
    const started = Date.now();
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
    expect(service.output()).toContain('The shutdown did not finish in time');
  }, 30_000);

  it('a second Ctrl-C exits at once, without waiting for a hanging shutdown', async () => {
    const service = await startHanging(60_000);
    service.child.kill('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 200));
    service.child.kill('SIGINT');
    expect(await service.exited).toBe(1);
    expect(service.output()).toContain('Second signal');
  }, 30_000);
});
