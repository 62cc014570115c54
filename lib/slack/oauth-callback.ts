// The part every OAuth callback from Slack shares (install and sign-in): the user's decision, the
// browser-bound single-use state, the code, and Slack's failures turned into OAuthFlowErrors.
import { OAuthFlowError } from './oauth-flow-error';
import { consumeState, type OAuthPurpose } from './oauth-state';
import { isSlackUnreachable, platformErrorCode } from './slack-api-error';

/** OAuthCallback is what Slack's redirect and the browser bring back. */
export interface OAuthCallback {
  code: string | null;
  state: string | null;
  error: string | null;
  cookieNonce: string | undefined;
}

/** acceptCallback checks the decision and the state (consuming it) and returns the code to exchange and the path kept with the state. */
export async function acceptCallback(purpose: OAuthPurpose, callback: OAuthCallback): Promise<{ code: string; returnTo: string | null }> {
  if (callback.error) throw new OAuthFlowError(callback.error === 'access_denied' ? 'access_denied' : 'slack_error', callback.error);
  const { returnTo } = await consumeState(purpose, callback.state, callback.cookieNonce);
  if (!callback.code) throw new OAuthFlowError('invalid_code', 'missing code');
  return { code: callback.code, returnTo };
}

/** callSlackForOAuth runs an OAuth exchange, turning Slack's failures into OAuthFlowErrors. */
export async function callSlackForOAuth<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const code = platformErrorCode(error);
    if (code === 'invalid_code' || code === 'code_already_used' || code === 'invalid_grant') throw new OAuthFlowError('invalid_code', code);
    if (code) throw new OAuthFlowError('slack_error', code);
    if (isSlackUnreachable(error)) throw new OAuthFlowError('slack_unreachable');
    throw error;
  }
}
