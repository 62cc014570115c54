// The query parameters an endpoint reads, without `team_id` (which only selects the session's workspace).
import { readSearchParams } from '../schemas/read-search-params';
import { refuseUnstorableText } from '../schemas/storable-text';
import type { RequestHead } from './request-head';

/** apiQuery returns the request's query parameters minus the workspace selector. */
export function apiQuery(request: Pick<RequestHead, 'url'>): URLSearchParams {
  const params = new URL(request.url).searchParams;
  params.delete('team_id');
  refuseUnstorableText(readSearchParams(params), 'The query');
  return params;
}
