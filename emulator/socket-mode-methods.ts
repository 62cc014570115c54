import type { MethodSpec } from './method';

/** socketModeMethods: `apps.connections.open`, the app-level token's way to a Socket Mode WebSocket URL. */
export const socketModeMethods: Record<string, MethodSpec> = {
  'apps.connections.open': {
    auth: 'app',
    handle: ({ state }) => ({ ok: true, url: state.socketMode!.openConnection(state.baseUrl) }),
  },
};
