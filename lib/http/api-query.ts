// The query parameters an endpoint reads, without `team_id` (which only selects the session's workspace).

/** apiQuery returns the request's query parameters minus the workspace selector. */
export function apiQuery(request: Request): URLSearchParams {
  const params = new URL(request.url).searchParams;
  params.delete('team_id');
  return params;
}
