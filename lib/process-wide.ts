// State that must be one per process. Next bundles server actions and route handlers separately, and the
// lean intake path runs outside Next, so a module-level Map would exist several times: a revoked key or a
// changed route would stay cached in the other copies. Keeping the state on globalThis makes it one.

/** processWide returns the process's single instance of a named piece of state, creating it once. */
export function processWide<T>(name: string, create: () => T): T {
  const registry = globalThis as unknown as Record<string, unknown>;
  const key = `__klaxon_${name}`;
  if (!(key in registry)) registry[key] = create();
  return registry[key] as T;
}
