// Why an OAuth round trip with Slack (install or sign-in) did not complete; each reason has a page.

/** OAuthFailure names a way an install or sign-in can fail, each with its own explanation page. */
export type OAuthFailure =
  | 'access_denied'
  | 'missing_state'
  | 'invalid_state'
  | 'expired_state'
  | 'replayed_state'
  | 'invalid_code'
  | 'slack_unreachable'
  | 'slack_error'
  | 'not_installed';

/** OAuthFlowError is thrown by the install and sign-in flows; nothing has been stored when it is thrown. */
export class OAuthFlowError extends Error {
  constructor(
    readonly reason: OAuthFailure,
    detail?: string,
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
    this.name = 'OAuthFlowError';
  }
}
