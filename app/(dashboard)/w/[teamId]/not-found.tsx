'use client';

import { usePathname } from 'next/navigation';

// A missing alert, route or template inside a workspace: the workspace's frame stays around it (the layout),
// with links back to its overview and alerts.
export default function WorkspaceNotFound() {
  const base = usePathname().match(/^\/w\/[^/]+/)?.[0] ?? '';
  return (
    <section className="card narrow" data-testid="not-found">
      <h1>Not found in this workspace</h1>
      <p>This alert, route or template does not exist here: it may have been deleted, or the link is for another workspace.</p>
      <div className="actions">
        <a className="button primary" href={base || '/'}>
          Back to the overview
        </a>
        <a className="button" href={`${base}/alerts`}>
          See alerts
        </a>
      </div>
    </section>
  );
}
