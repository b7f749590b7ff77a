// PnPjs selective imports for the first paint, in one place, so every repository sees the same
// augmented SPFI and the bundle carries only the parts it uses. Set-up's extra parts (fields,
// permissions) are in pnpAdmin.ts, which only the lazily loaded provisioner imports.
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import '@pnp/sp/site-users/web';
import '@pnp/sp/site-groups';

export type { SPFI } from '@pnp/sp';
