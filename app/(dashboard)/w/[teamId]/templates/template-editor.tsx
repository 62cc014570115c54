'use client';

import { useActionState, useEffect, useId, useRef, useState } from 'react';
import type { Block } from '@/lib/blocks/block-kit';
import { FieldError, fieldA11y, FormStatus } from '@/app/(dashboard)/components/field-error';
import { IDLE, valueOf, type FormState } from '@/lib/forms/form-state';
import { BlockKitMessage } from '@/app/(dashboard)/components/block-kit-message';
import { parseBlocksText, PLACEHOLDER_HELP, pointerOf, type TemplateIssue } from '@/lib/templates/template-form';
import { SEVERITIES } from '@/lib/schemas/primitives';

type Action = (previous: FormState<TemplateIssue[]>, formData: FormData) => Promise<FormState<TemplateIssue[]>>;
type Severity = (typeof SEVERITIES)[number];

const PREVIEW_DELAY_MS = 250;

interface PreviewState {
  blocks: Block[] | null;
  issues: TemplateIssue[];
  pending: boolean;
}

async function fetchPreview(teamId: string, blocks: unknown, severity: Severity, signal: AbortSignal): Promise<Omit<PreviewState, 'pending'>> {
  const response = await fetch(`/api/v1/templates/preview?team_id=${encodeURIComponent(teamId)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ blocks, severity }),
    signal,
  });
  const body = (await response.json()) as { blocks?: Block[]; error?: { message: string; details?: Array<{ field: string; message: string }> } };
  if (response.ok && body.blocks) return { blocks: body.blocks, issues: [] };
  const details = body.error?.details ?? [];
  const issues = details.length
    ? details.map((detail) => ({ pointer: pointerOf(detail.field), message: detail.message }))
    : [{ pointer: '/', message: body.error?.message ?? `preview failed (${response.status})` }];
  return { blocks: null, issues };
}

/**
 * TemplateEditor edits a template's name and Block Kit JSON, validating and previewing as you type (through
 * the templates preview API, with the session), and saves through a server action.
 */
export function TemplateEditor({
  teamId,
  action,
  initialName,
  initialBlocks,
  readOnly,
}: {
  teamId: string;
  action: Action;
  initialName: string;
  initialBlocks: string;
  readOnly: boolean;
}) {
  const id = useId();
  const [state, formAction, saving] = useActionState<FormState<TemplateIssue[]>, FormData>(action, IDLE);
  const [text, setText] = useState(initialBlocks);
  // The text of the last submitted save: what its answer is about (a success answer carries no values).
  const [submittedText, setSubmittedText] = useState<string | null>(null);
  const [severity, setSeverity] = useState<Severity>('critical');
  const [preview, setPreview] = useState<PreviewState>({ blocks: null, issues: [], pending: true });
  const editor = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      const parsed = parseBlocksText(text);
      if (!parsed.ok) {
        setPreview((previous) => ({ ...previous, issues: [parsed.issue], pending: false }));
        return;
      }
      setPreview((previous) => ({ ...previous, pending: true }));
      fetchPreview(teamId, parsed.blocks, severity, controller.signal)
        .then((result) => setPreview((previous) => ({ blocks: result.blocks ?? previous.blocks, issues: result.issues, pending: false })))
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          setPreview((previous) => ({ ...previous, issues: [{ pointer: '/', message: `preview unavailable: ${String(error)}` }], pending: false }));
        });
    }, PREVIEW_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [teamId, text, severity]);

  function insertPlaceholder(name: string) {
    const area = editor.current;
    const token = `{{${name === 'fields.<name>' ? 'fields.service' : name}}}`;
    if (!area) return;
    const start = area.selectionStart;
    const end = area.selectionEnd;
    setText(text.slice(0, start) + token + text.slice(end));
    requestAnimationFrame(() => {
      area.focus();
      area.setSelectionRange(start + token.length, start + token.length);
    });
  }

  // What the last save said ("The template has 3 problems", "Saved.") and the problems it found (e.g. a taken
  // name) stand until the text changes: after an edit they describe a text that is no longer there.
  const saveIsCurrent = submittedText === text;
  const saveIssues = state.status === 'error' && saveIsCurrent ? (state.result ?? []).filter((issue) => issue.pointer !== '/name') : [];
  const issues = preview.issues.length ? preview.issues : saveIssues;
  const stale = preview.issues.length > 0 || preview.pending;
  const nameValue = state.status === 'error' ? valueOf(state.values, 'name') : initialName;

  return (
    <div className="template-layout">
      <form action={formAction} onSubmit={() => setSubmittedText(text)} className="card form template-form" aria-label="Template" noValidate>
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            name="name"
            required
            maxLength={100}
            defaultValue={nameValue}
            key={`name-${state.status}-${nameValue}`}
            readOnly={readOnly}
            {...fieldA11y('template', 'name', state)}
          />
          <FieldError form="template" field="name" state={state} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-blocks`}>Blocks (Block Kit JSON)</label>
          <textarea
            id={`${id}-blocks`}
            ref={editor}
            name="blocks"
            className="code-editor"
            spellCheck={false}
            autoCapitalize="off"
            autoCorrect="off"
            rows={22}
            value={text}
            readOnly={readOnly}
            onChange={(event) => setText(event.target.value)}
            aria-describedby={`${id}-issues ${id}-placeholders`}
            aria-invalid={issues.length > 0 || undefined}
          />
        </div>
        <div id={`${id}-issues`} className={issues.length ? 'issues' : 'issues issues-ok'} role="status" aria-live="polite" data-testid="template-issues">
          {issues.length === 0 ? (
            <p>✓ Valid template</p>
          ) : (
            <>
              <p>
                <strong>
                  {issues.length} problem{issues.length === 1 ? '' : 's'}:
                </strong>
              </p>
              <ul>
                {issues.map((issue, index) => (
                  <li key={index}>
                    <code>{issue.pointer}</code> {issue.message}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
        {!readOnly && (
          <div className="form-actions">
            <button className="button primary" type="submit" disabled={saving}>
              {saving ? 'Saving…' : 'Save template'}
            </button>
            <FormStatus state={saveIsCurrent ? state : IDLE} />
          </div>
        )}
        <details className="placeholder-help" id={`${id}-placeholders`} open>
          <summary>Placeholders</summary>
          <p className="hint">
            Use them in any text; values are escaped for mrkdwn.{!readOnly && ' Click one to insert it at the cursor.'} Wrap a part in{' '}
            <code>{'[[ … ]]'}</code> to drop it when a placeholder in it is empty, e.g. <code>{'[[({{fields.environment}})]]'}</code>.
          </p>
          <ul>
            {Object.entries(PLACEHOLDER_HELP).map(([name, help]) => (
              <li key={name}>
                {readOnly ? (
                  <code>{`{{${name}}}`}</code>
                ) : (
                  <button type="button" className="chip-button" onClick={() => insertPlaceholder(name)}>
                    <code>{`{{${name}}}`}</code>
                  </button>
                )}{' '}
                <span className="muted">{help}</span>
              </li>
            ))}
          </ul>
        </details>
      </form>
      <section className="card preview" aria-labelledby={`${id}-preview-heading`}>
        <div className="section-head">
          <h2 id={`${id}-preview-heading`}>Preview</h2>
          <fieldset className="segmented">
            <legend className="visually-hidden">Sample alert severity</legend>
            {SEVERITIES.map((level) => (
              <label key={level} className={level === severity ? 'selected' : undefined}>
                <input type="radio" name={`${id}-severity`} value={level} checked={level === severity} onChange={() => setSeverity(level)} />
                {level}
              </label>
            ))}
          </fieldset>
        </div>
        <p className="hint">A sample {severity} alert, rendered as Slack will show it.</p>
        <div className={stale ? 'preview-frame stale' : 'preview-frame'} data-testid="template-preview" aria-busy={preview.pending}>
          {preview.blocks ? <BlockKitMessage blocks={preview.blocks} /> : <p className="muted">{preview.pending ? 'Rendering…' : 'Fix the problems to see a preview.'}</p>}
        </div>
      </section>
    </div>
  );
}
