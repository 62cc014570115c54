import type { Metadata } from 'next';
import { listApiKeys } from '@/lib/api-keys/api-keys';
import { ConfirmButton } from '@/app/(dashboard)/components/action-form';
import { When } from '@/app/(dashboard)/components/when';
import { dashboardContext } from '../dashboard-context';
import { createKeyAction, revokeKeyAction } from './actions';
import { CreateKeyForm } from './create-key-form';
import { DataTable } from '@/app/(dashboard)/components/data-table';

export const metadata: Metadata = { title: 'API keys — Klaxon' };

export default async function ApiKeysPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const { scope } = await dashboardContext(teamId);
  const keys = await listApiKeys(scope);
  const admin = scope.role === 'admin';
  return (
    <>
      <h1>API keys</h1>
      <p className="lead">
        Services send alerts with <code>Authorization: Bearer &lt;key&gt;</code>. A key is shown once, when it is created; Klaxon keeps only
        its hash.
      </p>
      {!admin && <p className="notice">You are a viewer: only workspace admins can create or revoke keys.</p>}
      {admin && <CreateKeyForm action={createKeyAction.bind(null, teamId)} />}
      <section className="card" aria-labelledby="keys-heading">
        <h2 id="keys-heading">Keys</h2>
        {keys.length === 0 ? (
          <p>No keys yet.</p>
        ) : (
          <DataTable columns={['Name', 'Key', 'Scopes', 'Created', 'Last used', 'State']} actions={admin}>
            {keys.map((key) => (
              <tr key={key.id} data-testid="api-key-row">
                <th scope="row">{key.name}</th>
                <td>
                  <code>{key.prefix}…</code>
                </td>
                <td>
                  <ul className="tags">
                    {key.scopes.map((keyScope) => (
                      <li key={keyScope}>
                        <code>{keyScope}</code>
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  <When date={key.createdAt} />
                </td>
                <td>
                  <When date={key.lastUsedAt} />
                </td>
                <td>
                  {key.revokedAt ? (
                    <span className="pill pill-muted">
                      Revoked <When date={key.revokedAt} />
                    </span>
                  ) : (
                    <span className="pill pill-ok">Active</span>
                  )}
                </td>
                {admin && <td>{!key.revokedAt && <ConfirmButton
                        action={revokeKeyAction.bind(null, teamId, key.id)}
                        confirm={`Revoke the API key “${key.name}”? Services using it will get 401 at once.`}
                        label="Revoke"
                        pendingLabel="Revoking…"
                        ariaLabel={`Revoke ${key.name}`}
                      />}</td>}
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </>
  );
}
