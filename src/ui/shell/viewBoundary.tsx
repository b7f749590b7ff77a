import * as React from 'react';
import * as strings from 'SocialMediaHubWebPartStrings';
import { Notice } from '../common/Notice';

// Views that load on demand can fail in two ways a person would otherwise see as a blank web part:
// their chunk does not arrive (offline, a deployment replaced the files), or they throw while
// rendering. The boundary shows what happened and a "Try again" that loads the chunk afresh.
// It uses the app's own Notice rather than Fluent's MessageBar/Button: the boundary is in the first
// chunk, and those would break its script budget (see Notice).

export interface RetryableView<P> {
  View: React.ComponentType<P>;
  /** Forget a failed import so the next render asks for the chunk again. */
  reset(): void;
}

/**
 * React.lazy keeps a rejected import for good, so retrying needs a new lazy component: `reset`
 * makes one, and `View` always renders the current one.
 */
export function retryableLazy<P extends object>(load: () => Promise<{ default: React.ComponentType<P> }>): RetryableView<P> {
  let Lazy = React.lazy(load);
  function View(props: P): React.ReactElement {
    return React.createElement(Lazy as unknown as React.FunctionComponent<P>, props);
  }
  return { View, reset: () => { Lazy = React.lazy(load); } };
}

interface BoundaryProps {
  /** Called before the view renders again after "Try again". */
  onRetry(): void;
  children: React.ReactNode;
}

export class ViewBoundary extends React.Component<BoundaryProps, { failed: boolean }> {
  public state = { failed: false };

  public static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  private readonly retry = (): void => {
    this.props.onRetry();
    this.setState({ failed: false });
  };

  public render(): React.ReactNode {
    if (!this.state.failed) return this.props.children;
    return <Notice kind="error" action={{ label: strings.TryAgain, onClick: this.retry }}>{strings.ViewFailed}</Notice>;
  }
}
