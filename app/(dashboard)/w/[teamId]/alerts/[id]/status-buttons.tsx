'use client';

import { useActionState } from 'react';
import { FormStatus } from '@/app/(dashboard)/components/field-error';
import { IDLE, type FormState } from '@/lib/forms/form-state';
import type { AlertStatus } from '@/lib/generated/prisma/enums';

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** StatusButtons offers the status changes that apply to the alert and reports their outcome. */
export function StatusButtons({ action, status }: { action: Action; status: AlertStatus }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, IDLE);
  return (
    <form action={formAction} className="status-actions">
      {status === 'triggered' && (
        <button className="button primary" name="action" value="acknowledge" type="submit" disabled={pending}>
          Acknowledge
        </button>
      )}
      {status !== 'resolved' && (
        <button className="button" name="action" value="resolve" type="submit" disabled={pending}>
          Resolve
        </button>
      )}
      {status === 'resolved' && (
        <button className="button" name="action" value="reopen" type="submit" disabled={pending}>
          Reopen
        </button>
      )}
      <FormStatus state={state} />
    </form>
  );
}
