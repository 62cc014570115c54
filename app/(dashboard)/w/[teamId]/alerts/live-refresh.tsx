'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

const INTERVAL_MS = 3_000;

/**
 * LiveRefresh re-renders the page's server components every few seconds while the tab is visible, so new
 * alerts and status changes appear without a reload; it can be paused (moving content must be stoppable).
 */
export function LiveRefresh() {
  const router = useRouter();
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (paused) return;
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') router.refresh();
    }, INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, [paused, router]);
  return (
    <p className="live">
      <span className={paused ? 'live-dot paused' : 'live-dot'} aria-hidden="true" />
      {paused ? 'Live updates paused' : 'Live: updates every few seconds'}
      <button type="button" className="link-button" onClick={() => setPaused(!paused)} aria-pressed={paused}>
        {paused ? 'Resume' : 'Pause'}
      </button>
    </p>
  );
}
