// The vocabulary of the schema: what a list, a field and a permission rule are. Kept free of PnPjs
// so the provisioning-template generator and tests can read it without a SharePoint connection.

export type FieldKind = 'Text' | 'Note' | 'Number' | 'DateTime' | 'Boolean' | 'Choice' | 'User';

export interface FieldDef<N extends string = string> {
  /** Internal name (no spaces): what REST payloads and filters use. */
  name: N;
  /** Display name shown in SharePoint's own list views. */
  title: string;
  kind: FieldKind;
  required?: boolean;
  /** Every field used in a $filter or $orderby must be indexed (list view threshold). */
  indexed?: boolean;
  /** SharePoint requires an index for unique fields; the schema check enforces it. */
  unique?: boolean;
  maxLength?: number;
  choices?: readonly string[];
  /** Note fields: plain text (false) or rich text (true). */
  richText?: boolean;
  description?: string;
}

/** Who a rule is about. Groups are created by set-up; "everyone" is the site's visitors group. */
export type Principal = 'owners' | 'everyone' | 'comms' | 'commsHeads';

/**
 * Built-in SharePoint role definitions plus three of our own:
 * - addOwn: read and add items, no edit or delete (append-only lists such as Activity).
 * - readAll: read every item even where the list limits people to their own (Override List Behaviors).
 * - addAndShare: addOwn plus Manage and Enumerate Permissions, so whoever writes a review or decision
 *   can open that one item to the requester.
 */
export type RoleName = 'fullControl' | 'edit' | 'contribute' | 'read' | 'addOwn' | 'readAll' | 'addAndShare';

export interface RoleAssignmentDef {
  principal: Principal;
  role: RoleName;
}

export interface ListDef {
  /** Stable key used in code. */
  key: string;
  title: string;
  description: string;
  fields: readonly FieldDef[];
  /** Unique permissions for the list (inheritance broken, assignments not copied). */
  permissions: readonly RoleAssignmentDef[];
  /** 2 = people read only the items they created (others need readAll / Override List Behaviors). */
  readSecurity?: 1 | 2;
  /** 2 = people edit only the items they created (4, "none", would stop them creating items too). */
  writeSecurity?: 1 | 2;
  enableVersioning?: boolean;
  /** Built-in fields to index, e.g. Author for "my items" queries on large lists. */
  indexedBuiltIns?: readonly ('Title' | 'Author' | 'Created' | 'Modified')[];
}

export interface RoleDefinitionDef {
  role: RoleName;
  /** SharePoint name: built-in ones are looked up by RoleTypeKind, custom ones by name. */
  name: string;
  builtInRoleType?: number;
  description?: string;
  /** SPBasePermissions as the two 32-bit halves SharePoint's REST uses. */
  basePermissions?: { High: number; Low: number };
}

export interface GroupDef {
  principal: Exclude<Principal, 'owners' | 'everyone'>;
  title: string;
  description: string;
}

/** A list an earlier version created and this one no longer uses: set-up leaves it and its items alone. */
export interface RetiredListDef {
  title: string;
  /** Why it is retired, for the set-up report. */
  reason: string;
}

/** Everything set-up brings a site to: one value, so a test can provision with an earlier version's. */
export interface SiteSchema {
  lists: readonly ListDef[];
  roles: readonly RoleDefinitionDef[];
  groups: readonly GroupDef[];
  retired: readonly RetiredListDef[];
}
