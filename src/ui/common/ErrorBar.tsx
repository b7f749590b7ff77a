import * as React from 'react';
import * as strings from 'SocialMediaHubWebPartStrings';
import { AppError, ERROR_MESSAGES } from '../../domain/errors';
import { Notice } from './Notice';

export interface ErrorBarProps {
  error: unknown;
  onRetry?: () => void;
  /**
   * What failed: loading what everyone on the site may read ('site'), or one action ('action').
   * Only this tells a refusal of the whole site from a refusal of one step: SharePoint answers both
   * with the same 403 "Access denied".
   */
  scope?: 'site' | 'action';
}

/** The sentence for a refusal: the account itself, the site, or one action; whom to ask for each. */
export function forbiddenMessage(error: AppError, scope: 'site' | 'action'): string {
  if (error.reason === 'signIn') return strings.ForbiddenSignIn;
  if (error.reason === 'denied') return scope === 'site' ? strings.ForbiddenSite : strings.ForbiddenAction;
  // A refusal the app itself worded (e.g. set-up's "only a site owner …") says it best.
  return error.message;
}

/** Shows an AppError as a sentence for people; a retry button where trying again can help. */
export function ErrorBar({ error, onRetry, scope = 'action' }: ErrorBarProps): React.ReactElement {
  const appError = error instanceof AppError ? error : undefined;
  const message = appError?.kind === 'forbidden' ? forbiddenMessage(appError, scope) : appError?.message ?? ERROR_MESSAGES.server;
  const canRetry = !!onRetry && (!appError || appError.retryable);
  const kind = appError?.kind === 'forbidden' || appError?.kind === 'notSetUp' ? 'warning' : 'error';
  return (
    <Notice kind={kind} urgent action={canRetry ? { label: strings.TryAgain, onClick: onRetry! } : undefined}>
      {message}
    </Notice>
  );
}
