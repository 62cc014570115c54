// What the failure page says for each way an install or sign-in can fail.
import type { OAuthFailure } from './oauth-flow-error';

/** OAUTH_FAILURE_COPY explains each failure in a title and a sentence a user can act on. */
export const OAUTH_FAILURE_COPY: Record<OAuthFailure | 'internal', { title: string; body: string }> = {
  access_denied: { title: 'You cancelled on Slack', body: 'Nothing was installed or changed. You can start again whenever you like.' },
  missing_state: { title: 'This link is incomplete', body: 'The request from Slack had no security state. Start again from Klaxon.' },
  invalid_state: {
    title: 'This request could not be verified',
    body: 'The security state did not match this browser. Start again from Klaxon in the same browser.',
  },
  expired_state: { title: 'This request expired', body: 'More than 10 minutes passed since you started. Please start again.' },
  replayed_state: { title: 'This link was already used', body: 'Each approval link works once. Please start again.' },
  invalid_code: { title: 'Slack did not accept the approval', body: 'The approval code was invalid or already used. Please start again.' },
  slack_unreachable: { title: 'Slack could not be reached', body: 'Klaxon could not contact Slack just now. Please try again in a moment.' },
  slack_error: { title: 'Slack reported an error', body: 'Slack refused the request. Please try again; if it keeps failing, contact support.' },
  not_installed: {
    title: 'Klaxon is not installed in that workspace',
    body: 'Sign-in works for workspaces where Klaxon is installed. Add Klaxon to Slack first.',
  },
  internal: { title: 'Something went wrong on our side', body: 'Nothing was stored. Please try again.' },
};
