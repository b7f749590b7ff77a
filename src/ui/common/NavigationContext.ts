import * as React from 'react';

/** Lets any view send the person to another page of the app (e.g. the gate's "read the policy"). */
export const NavigationContext = React.createContext<(pageId: string) => void>(() => undefined);

export function useNavigate(): (pageId: string) => void {
  return React.useContext(NavigationContext);
}
