import type { GroupDef, RoleDefinitionDef } from './types';

// SPBasePermissions bits (low 32 bits) used to build our two custom roles from the built-in Read.
const READ_LOW = 0x8431061; // View, Open items, View versions, View forms, Open, View pages, Self-service sites, Browse user info
const READ_HIGH = 0xb0; // Use client integration, Use remote APIs, Create alerts
const ADD_LIST_ITEMS = 0x2;
const OVERRIDE_LIST_BEHAVIORS = 0x100; // SPBasePermissions.CancelCheckout: read and edit items of others on "own items only" lists
const MANAGE_PERMISSIONS = 0x2000000;
const ENUMERATE_PERMISSIONS_HIGH = 0x40000000; // bit 62 of the 64-bit mask

export const ROLE_DEFINITIONS: readonly RoleDefinitionDef[] = [
  { role: 'fullControl', name: 'Full Control', builtInRoleType: 5 },
  { role: 'edit', name: 'Edit', builtInRoleType: 6 },
  { role: 'contribute', name: 'Contribute', builtInRoleType: 3 },
  { role: 'read', name: 'Read', builtInRoleType: 2 },
  {
    role: 'addOwn',
    name: 'Social Media Hub - Add only',
    description: 'Read and add items; no changes or deletions afterwards. Used for append-only records.',
    basePermissions: { High: READ_HIGH, Low: READ_LOW | ADD_LIST_ITEMS }
  },
  {
    role: 'readAll',
    name: 'Social Media Hub - Read all entries',
    description: "Read every item of lists where people otherwise see only their own.",
    basePermissions: { High: READ_HIGH, Low: READ_LOW | OVERRIDE_LIST_BEHAVIORS }
  },
  {
    role: 'addAndShare',
    name: 'Social Media Hub - Add and share',
    description: 'Read and add items, and open an item one has written to the person it concerns. No edit or delete.',
    // Manage Permissions is list-scoped in SharePoint: the holder could also change the list's own
    // permissions. Accepted (PRODUCT.md §3); readers ignore a review or decision edited after writing.
    basePermissions: { High: READ_HIGH | ENUMERATE_PERMISSIONS_HIGH, Low: READ_LOW | ADD_LIST_ITEMS | MANAGE_PERMISSIONS }
  }
];

/** Both groups' membership is visible to everyone: readers must know who is in comms to apply the rules. */
export const GROUPS: readonly GroupDef[] = [
  {
    principal: 'comms',
    title: 'Social Media Hub Comms',
    description: 'The communications team: reviews requests, keeps the register, reads reports, holds the vault.'
  },
  {
    principal: 'commsHeads',
    title: 'Social Media Hub Comms Heads',
    description: 'The head of communications: takes the final decision on new accounts and paid campaigns.'
  }
];
