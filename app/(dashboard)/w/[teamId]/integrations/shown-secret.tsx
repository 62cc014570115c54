'use client';

import { CopyButton } from '@/app/(dashboard)/components/copy-button';
import type { ShownSecret } from './actions';

/**
 * ShownSecretCard shows a just-minted key or URL once, with the sender's configuration filled in — while it is
 * still the integration's (`livePrefix`: the visible prefix the page now lists for it). A rotation or a deletion
 * re-renders the page with another prefix or none, and the dead secret disappears instead of inviting a copy.
 */
export function ShownSecretCard({ shown, kind, livePrefix }: { shown: ShownSecret; kind: 'key' | 'url'; livePrefix: string | undefined }) {
  if (!livePrefix || !shown.secret.startsWith(livePrefix)) return null;
  return (
    <section className="card new-key" aria-labelledby="shown-secret-heading">
      <h2 id="shown-secret-heading">“{shown.name}”: copy its {kind === 'url' ? 'URL' : 'key'} now</h2>
      <p>This is the only time it is shown. Klaxon keeps only its hash.</p>
      <div className="secret-row">
        <code className="secret" data-testid="integration-secret">
          {kind === 'url' ? shown.url : shown.secret}
        </code>
        <CopyButton text={kind === 'url' ? shown.url : shown.secret} label={kind === 'url' ? 'Copy URL' : 'Copy key'} />
      </div>
      {shown.snippets.map((snippet) => (
        <div key={snippet.title}>
          <h3>{snippet.title}</h3>
          <pre className="code-block" data-testid="integration-snippet">
            {snippet.text}
          </pre>
          <CopyButton text={snippet.text} label="Copy" />
        </div>
      ))}
    </section>
  );
}
