// PnPjs parts only set-up and administration need; kept out of the first bundle.
import './pnp';
import '@pnp/sp/fields';
import '@pnp/sp/site-groups/web';
import '@pnp/sp/site-users/web';
import '@pnp/sp/security';

export type { SPFI } from '@pnp/sp';
export { PermissionKind } from '@pnp/sp/security';
export { FieldUserSelectionMode } from '@pnp/sp/fields';
