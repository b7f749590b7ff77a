// The persisted shape of the emulated site collection. Everything here is plain JSON so the store
// can snapshot it; derived lookups (caches, compiled filters) never live in these records.

export interface RoleAssignmentRecord {
  PrincipalId: number;
  RoleDefinitionIds: number[];
}

export interface RoleDefinitionRecord {
  Id: number;
  Name: string;
  Description: string;
  RoleTypeKind: number;
  Order: number;
  Hidden: boolean;
  /** SPBasePermissions as two unsigned 32-bit halves, the way SharePoint reports them. */
  High: number;
  Low: number;
}

export interface SiteUserRecord {
  Id: number;
  LoginName: string;
  Title: string;
  Email: string;
  /** null for principals that are not people (the "Everyone except external users" claim). */
  UserPrincipalName: string | null;
  IsSiteAdmin: boolean;
  /** 1 user, 4 security group (the Everyone claim). */
  PrincipalType: 1 | 4;
  IsHiddenInUI: boolean;
  /** Entra object id, for the UserId.NameId SharePoint reports. */
  directoryId?: string;
  /** The "Everyone except external users" claim: every enabled directory user is inside it. */
  isEveryone?: boolean;
}

export interface SiteGroupRecord {
  Id: number;
  Title: string;
  Description: string;
  OwnerId: number;
  MemberIds: number[];
  AllowMembersEditMembership: boolean;
  OnlyAllowMembersViewMembership: boolean;
}

export interface FieldRecord {
  Id: string;
  InternalName: string;
  Title: string;
  TypeAsString: string;
  FieldTypeKind: number;
  Indexed: boolean;
  Required: boolean;
  EnforceUniqueValues: boolean;
  Hidden: boolean;
  ReadOnlyField: boolean;
  Description: string;
  Group: string;
  /** Built-in columns cannot be deleted and are never written by clients. */
  FromBaseType: boolean;
  MaxLength?: number;
  Choices?: string[];
  FillInChoice?: boolean;
  AllowMultipleValues?: boolean;
  MinimumValue?: number;
  MaximumValue?: number;
  DefaultValue?: string | null;
  /** Anything else a client set that the emulator stores but does not interpret (RichText, DisplayFormat...). */
  extra: Record<string, unknown>;
}

export interface ItemRecord {
  Id: number;
  GUID: string;
  /** Integer ETag: bumped on every update. */
  version: number;
  Created: string;
  Modified: string;
  AuthorId: number;
  EditorId: number;
  /** Client-writable values by field InternalName (user fields hold ids). */
  values: Record<string, unknown>;
  /** Present only when the item has unique permissions. */
  roleAssignments?: RoleAssignmentRecord[];
  /** Saved states, oldest first, kept while the list has versioning on (see versions.ts). */
  versions?: ItemVersionRecord[];
}

export interface ItemVersionRecord {
  /** The major version number: label "N.0", VersionId N × 512. */
  major: number;
  /** When this version was saved (the item's Modified then). */
  at: string;
  editorId: number;
  values: Record<string, unknown>;
}

export interface ListRecord {
  Id: string;
  Title: string;
  /** Fixed at creation, like SharePoint's list URL: renaming a list keeps its entity type name. */
  EntityName: string;
  Description: string;
  BaseTemplate: number;
  Hidden: boolean;
  EnableVersioning: boolean;
  /** 1 all items, 2 only items the user created. */
  ReadSecurity: number;
  /** 1 all items, 2 only items the user created, 4 none. */
  WriteSecurity: number;
  Created: string;
  LastItemModifiedDate: string;
  /** Other list properties a client set (ContentTypesEnabled, OnQuickLaunch...), echoed back. */
  extra: Record<string, unknown>;
  fields: FieldRecord[];
  /** Sorted by Id ascending (ids only grow), so lookups can binary-search. */
  items: ItemRecord[];
  nextItemId: number;
  /** null while the list inherits its permissions from the web. */
  roleAssignments: RoleAssignmentRecord[] | null;
}

export interface RecycledItemRecord {
  Id: string;
  ListId: string;
  ItemId: number;
  Title: string;
  DeletedDate: string;
  DeletedById: number;
  item: ItemRecord;
}

export interface SiteState {
  schema: 1;
  siteId: string;
  webId: string;
  webTitle: string;
  webDescription: string;
  created: string;
  /** Secret behind the form digests, kept so digests survive a restart like SharePoint's do. */
  digestSecret: string;
  nextPrincipalId: number;
  nextRoleDefinitionId: number;
  users: SiteUserRecord[];
  groups: SiteGroupRecord[];
  roleDefinitions: RoleDefinitionRecord[];
  webRoleAssignments: RoleAssignmentRecord[];
  associatedOwnerGroupId: number;
  associatedMemberGroupId: number;
  associatedVisitorGroupId: number;
  lists: ListRecord[];
  recycleBin: RecycledItemRecord[];
}
