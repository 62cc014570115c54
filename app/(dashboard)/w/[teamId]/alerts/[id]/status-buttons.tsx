'use client';

import { useActionState, useEffect, useState } from 'react';
import { FormStatus } from '@/app/(dashboard)/components/field-error';
import { SNOOZE_CHOICES, SNOOZE_LABELS } from '@/lib/alerts/snooze';
import { IDLE, type FormState } from '@/lib/forms/form-state';
import type { AlertStatus } from '@/lib/generated/prisma/enums';

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** StatusButtons offers the status changes that apply to the alert, snoozes among them, and reports their outcome. */
export function StatusButtons({ action, status }: { action: Action; status: AlertStatus }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, IDLE);
  // The browser's time zone places "until 09:00 tomorrow" on the viewer's clock; known only after hydration.
  const [timeZone, setTimeZone] = useState('');
  useEffect(() => setTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone), []);
  return (
    <form action={formAction} className="status-actions">
      <input type="hidden" name="time_zone" value={timeZone} />
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
      {status !== 'resolved' && (
        <span className="snooze-choices" role="group" aria-label="Snooze">
          {SNOOZE_CHOICES.map((choice) => (
            <button key={choice} className="button" name="action" value={`snooze:${choice}`} type="submit" disabled={pending}>
              Snooze {SNOOZE_LABELS[choice].replace(/^Until/, 'until')}
            </button>
          ))}
        </span>
      )}
      <FormStatus state={state} />
    </form>
  );
}
