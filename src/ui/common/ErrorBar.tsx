import * as React from 'react';
import * as strings from 'SocialMediaHubWebPartStrings';
import { AppError, ERROR_MESSAGES } from '../../domain/errors';
import { Notice } from './Notice';

export interface ErrorBarProps {
  error: unknown;
  onRetry?: () => void;
}

/** Shows an AppError as a sentence for people; a retry button where trying again can help. */
export function ErrorBar({ error, onRetry }: ErrorBarProps): React.ReactElement {
  const appError = error instanceof AppError ? error : undefined;
  const message = appError?.message ?? ERROR_MESSAGES.server;
  const canRetry = !!onRetry && (!appError || appError.retryable);
  const kind = appError?.kind === 'forbidden' || appError?.kind === 'notSetUp' ? 'warning' : 'error';
  return (
    <Notice kind={kind} urgent action={canRetry ? { label: strings.TryAgain, onClick: onRetry! } : undefined}>
      {message}
    </Notice>
  );
}
