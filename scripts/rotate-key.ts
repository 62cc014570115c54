// `npm run rotate-key`: after setting a new TOKEN_ENCRYPTION_KEY (old one in TOKEN_ENCRYPTION_PREVIOUS_KEYS),
// re-encrypts every stored Slack token under the new key.
import { rotateTokenKey } from '../lib/crypto/rotate-token-key';
import { prepareRuntime } from '../lib/runtime/prepare-runtime';
import { runScript } from './run-script';

runScript(async () => {
  const runtime = await prepareRuntime((line) => console.log(line));
  try {
    const count = await rotateTokenKey();
    console.log(`Re-encrypted the tokens of ${count} workspace(s) under the current key.`);
  } finally {
    await runtime.stop();
  }
});
