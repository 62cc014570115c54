'use client';

import { useActionState } from 'react';
import { IDLE, type FormState } from '@/lib/forms/form-state';
import type { ShownSecret } from './actions';
import { ShownSecretCard } from './shown-secret';

type Action<R = undefined> = (previous: FormState<R>, formData: FormData) => Promise<FormState<R>>;

/** IntegrationActions sends a test event, rotates the key or URL (after a confirmation) and shows the new one, or deletes. */
export function IntegrationActions({ name, webhook, livePrefix, test, rotate, remove }: { name: string; webhook: boolean; livePrefix: string | undefined; test: Action; rotate: Action<ShownSecret>; remove: Action }) {
  const [tested, testAction, testing] = useActionState<FormState, FormData>(test, IDLE);
  const [removed, removeAction, removing] = useActionState<FormState, FormData>(remove, IDLE);
  const [rotated, rotateFormAction, rotating] = useActionState<FormState<ShownSecret>, FormData>(rotate, IDLE);
  return (
    <>
      <div className="row-actions">
        <form action={testAction}>
          <button className="button small" type="submit" disabled={testing} aria-label={`Send a test event to ${name}`}>
            {testing ? 'Sending…' : 'Send a test event'}
          </button>
        </form>
        <form
          action={rotateFormAction}
          onSubmit={(event) => {
            if (!window.confirm(`Replace the ${webhook ? 'URL' : 'key'} of “${name}”? The old one stops at once.`)) event.preventDefault();
          }}
        >
          <button className="button small" type="submit" disabled={rotating} aria-label={`Rotate the ${webhook ? 'URL' : 'key'} of ${name}`}>
            {rotating ? 'Rotating…' : webhook ? 'Rotate URL' : 'Rotate key'}
          </button>
        </form>
        <form
          action={removeAction}
          onSubmit={(event) => {
            if (!window.confirm(`Delete “${name}”? Its ${webhook ? 'URL' : 'key'} stops working at once.`)) event.preventDefault();
          }}
        >
          <button className="button small danger" type="submit" disabled={removing} aria-label={`Delete ${name}`}>
            {removing ? 'Deleting…' : 'Delete'}
          </button>
        </form>
        {[tested, rotated, removed].map(
          (state, index) =>
            state.status !== 'idle' && (
              <span key={index} className={state.status === 'error' ? 'field-error' : 'form-status'} role={state.status === 'error' ? 'alert' : 'status'}>
                {state.message}
              </span>
            ),
        )}
      </div>
      {rotated.status === 'ok' && rotated.result && <ShownSecretCard shown={rotated.result} kind={webhook ? 'url' : 'key'} livePrefix={livePrefix} />}
    </>
  );
}
