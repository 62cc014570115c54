'use client';

import { useActionState } from 'react';
import { CopyButton } from '@/app/(dashboard)/components/copy-button';
import { FieldError, fieldA11y, SubmitRow } from '@/app/(dashboard)/components/field-error';
import { IDLE, listOf, valueOf, type FormState } from '@/lib/forms/form-state';
import { API_KEY_SCOPE_COVERS, API_KEY_SCOPES } from '@/lib/schemas/api-key';
import type { CreatedKey } from './actions';


type Action = (previous: FormState<CreatedKey>, formData: FormData) => Promise<FormState<CreatedKey>>;

/** CreateKeyForm creates an API key and shows it once, with a copy button and a ready curl command. */
export function CreateKeyForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState<FormState<CreatedKey>, FormData>(action, IDLE);
  const values = state.status === 'error' ? state.values : undefined;
  const scopes = listOf(values, 'scopes', API_KEY_SCOPES);
  return (
    <>
      {state.status === 'ok' && state.result && (
        <section className="card new-key" aria-labelledby="new-key-heading">
          <h2 id="new-key-heading">Your new key “{state.result.name}”</h2>
          <p>This is the only time the key is shown. Store it in your service&apos;s secrets now.</p>
          <div className="secret-row">
            <code className="secret" data-testid="new-api-key">
              {state.result.key}
            </code>
            <CopyButton text={state.result.key} label="Copy key" />
          </div>
          <h3>Send a test alert</h3>
          <pre className="code-block" data-testid="curl-example">
            {state.result.curl}
          </pre>
          <CopyButton text={state.result.curl} label="Copy curl command" />
          {state.result.snippets.map((snippet) => (
            <details key={snippet.language} className="snippet" data-testid={`snippet-${snippet.language}`}>
              <summary>{snippet.language}</summary>
              <pre className="code-block">{snippet.code}</pre>
              <CopyButton text={snippet.code} label={`Copy ${snippet.language} code`} />
            </details>
          ))}
        </section>
      )}
      <form action={formAction} className="card form" aria-labelledby="create-key-heading" noValidate>
        <h2 id="create-key-heading">Create an API key</h2>
        <div className="field">
          <label htmlFor="key-name">Name</label>
          <input
            id="key-name"
            name="name"
            required
            maxLength={100}
            placeholder="e.g. CI pipeline"
            defaultValue={valueOf(values, 'name')}
            key={`name-${state.status}-${valueOf(values, 'name')}`}
            {...fieldA11y('key', 'name', state)}
          />
          <FieldError form="key" field="name" state={state} />
        </div>
        <fieldset className="field" {...fieldA11y('key', 'scopes', state)}>
          <legend>Scopes</legend>
          {API_KEY_SCOPES.map((scope) => (
            <label key={`${scope}-${state.status}-${scopes.join()}`} className="check">
              <input type="checkbox" name="scopes" value={scope} defaultChecked={scopes.includes(scope)} />
              <code>{scope}</code> <span className="muted">— {API_KEY_SCOPE_COVERS[scope]}</span>
            </label>
          ))}
          <FieldError form="key" field="scopes" state={state} />
        </fieldset>
        <SubmitRow pending={pending} state={state} label="Create key" pendingLabel="Creating…" />
      </form>
    </>
  );
}
