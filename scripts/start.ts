// `npm start` (production build) and `npm run dev` (`--dev`, hot reload): the whole product in one process.
import { parseArgs } from 'node:util';
import { runUntilSignal } from './run-until-signal';
import { serveKlaxon } from './serve';

const { values } = parseArgs({ options: { dev: { type: 'boolean', default: false } } });
runUntilSignal(() => serveKlaxon({ dev: values.dev ?? false }));
