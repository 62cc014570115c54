'use client';

import { usePathname } from 'next/navigation';

const SECTIONS = [
  { path: '', label: 'Overview' },
  { path: '/alerts', label: 'Alerts' },
  { path: '/routes', label: 'Routes' },
  { path: '/silences', label: 'Silences' },
  { path: '/reports', label: 'Reports' },
  { path: '/templates', label: 'Templates' },
  { path: '/integrations', label: 'Integrations' },
  { path: '/on-call', label: 'On call' },
  { path: '/escalation', label: 'Escalation' },
  { path: '/api-keys', label: 'API keys' },
  { path: '/settings', label: 'Settings' },
];

/** DashboardNav links the sections of a workspace's dashboard, marking the current one. */
export function DashboardNav({ teamId }: { teamId: string }) {
  const pathname = usePathname();
  const base = `/w/${teamId}`;
  return (
    <nav className="sections" aria-label="Workspace sections">
      {SECTIONS.map((section) => {
        const href = `${base}${section.path}`;
        const current = section.path === '' ? pathname === base : pathname.startsWith(href);
        return (
          <a key={href} href={href} aria-current={current ? 'page' : undefined}>
            {section.label}
          </a>
        );
      })}
    </nav>
  );
}
