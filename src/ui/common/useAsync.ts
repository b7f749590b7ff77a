import * as React from 'react';

export type AsyncState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; value: T };

/**
 * Runs a load when the component mounts (and on reload()), ignoring answers that arrive after
 * unmount. Services reject with AppError already (the data layer normalises), so errors are kept
 * as they are. set() replaces the value, e.g. after a save returned the new state.
 */
export function useAsync<T>(load: () => Promise<T>, deps: React.DependencyList): [AsyncState<T>, () => void, (value: T) => void] {
  const [state, setState] = React.useState<AsyncState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = React.useState(0);
  React.useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    load().then(
      (value) => { if (live) setState({ status: 'ready', value }); },
      (error: unknown) => { if (live) setState({ status: 'error', error }); }
    );
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);
  const reload = React.useCallback(() => setAttempt((n) => n + 1), []);
  const set = React.useCallback((value: T) => setState({ status: 'ready', value }), []);
  return [state, reload, set];
}
