// OAuth `state` for the install and sign-in flows: signed (SESSION_SECRET), expiring after 10 minutes,
// bound to the browser by a cookie holding its nonce, and accepted once (a row per nonce, consumed atomically).
// It implements @slack/oauth's StateStore so the SDK's InstallProvider can generate install URLs with it.
import { randomBytes } from 'node:crypto';
import type { InstallURLOptions, StateStore } from '@slack/oauth';
import { isEqualConstantTime, signValue } from '../crypto/hmac';
import { db } from '../db';
import { OAuthFlowError } from './oauth-flow-error';

/** STATE_TTL_MS is how long an issued state stays acceptable. */
export const STATE_TTL_MS = 10 * 60 * 1000;

/** OAuthPurpose separates install states from sign-in states: one cannot be replayed as the other. */
export type OAuthPurpose = 'install' | 'sign-in';

/** stateCookieName is the cookie that binds a state to the browser that started the flow. */
export function stateCookieName(purpose: OAuthPurpose): string {
  return `klaxon_oauth_${purpose === 'install' ? 'install' : 'signin'}`;
}

function parseState(state: string): { nonce: string; expiresAt: number; signature: string } | null {
  const [nonce, expires, signature, ...rest] = state.split('.');
  if (!nonce || !expires || !signature || rest.length || !/^\d+$/.test(expires)) return null;
  return { nonce, expiresAt: Number(expires), signature };
}

/**
 * issueState records a new single-use state and returns it with the nonce to set as the browser cookie.
 * `returnTo` (a path already checked by safeReturnPath) stays on the server beside the nonce: what comes
 * back from Slack is only the signed nonce, so the landing page cannot be swapped on the way.
 */
export async function issueState(purpose: OAuthPurpose, now = new Date(), returnTo: string | null = null): Promise<{ state: string; nonce: string }> {
  const nonce = randomBytes(18).toString('base64url');
  const expiresAt = now.getTime() + STATE_TTL_MS;
  await db().oAuthState.create({ data: { nonce, purpose, expiresAt: new Date(expiresAt), returnTo } });
  return { state: `${nonce}.${expiresAt}.${signValue(`oauth-${purpose}`, `${nonce}.${expiresAt}`)}`, nonce };
}

/**
 * consumeState accepts a state exactly once, from the browser that started the flow, within its lifetime;
 * otherwise it throws OAuthFlowError (missing_state, invalid_state, expired_state or replayed_state).
 * It returns the path kept with the state, if any.
 */
export async function consumeState(
  purpose: OAuthPurpose,
  state: string | null,
  cookieNonce: string | undefined,
  now = new Date(),
): Promise<{ returnTo: string | null }> {
  if (!state) throw new OAuthFlowError('missing_state');
  const parsed = parseState(state);
  if (!parsed || !isEqualConstantTime(parsed.signature, signValue(`oauth-${purpose}`, `${parsed.nonce}.${parsed.expiresAt}`))) {
    throw new OAuthFlowError('invalid_state', 'signature');
  }
  if (!cookieNonce || !isEqualConstantTime(cookieNonce, parsed.nonce)) throw new OAuthFlowError('invalid_state', 'started in another browser');
  if (parsed.expiresAt <= now.getTime()) throw new OAuthFlowError('expired_state');
  const consumed = await db().oAuthState.updateManyAndReturn({
    where: { nonce: parsed.nonce, purpose, consumedAt: null, expiresAt: { gt: now } },
    data: { consumedAt: now },
    select: { returnTo: true },
  });
  if (consumed.length !== 1) throw new OAuthFlowError('replayed_state');
  // Housekeeping: states are useless an hour after they expire.
  await db().oAuthState.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 60 * 60 * 1000) } } });
  return { returnTo: consumed[0]!.returnTo };
}

/** installStateStore adapts issueState to @slack/oauth's StateStore for InstallProvider.generateInstallUrl. */
export const installStateStore: StateStore = {
  generateStateParam: async (_options: InstallURLOptions, now: Date) => (await issueState('install', now)).state,
  verifyStateParam: () => Promise.reject(new Error('Klaxon verifies install states with consumeState (browser-bound)')),
};
