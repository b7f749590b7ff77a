// SharePoint's error vocabulary. Codes and texts follow what SharePoint Online answers so that code
// matching on status or message behaves the same against the emulator and a tenant.

export class SpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {}
  ) {
    super(message);
  }
}

const ARGUMENT = '-1, System.ArgumentException';
const INVALID_QUERY = '-1, Microsoft.SharePoint.Client.InvalidClientQueryException';

export const spErrors = {
  // Nobody signed in: SharePoint Online answers a REST call without a valid sign-in with 403 and
  // "Attempted to perform an unauthorized operation." (https://github.com/SharePoint/sp-dev-docs/issues/1814,
  // https://github.com/pnp/pnpjs/issues/1830), with the X-MSDAVEXT_Error hint
  // (https://github.com/pnp/sp-dev-fx-webparts/issues/202); 401 is kept for bearer tokens it cannot
  // validate. The emulator adds its own hint header saying how to name a user.
  unauthenticated: () =>
    new SpError(403, '-2147024891, System.UnauthorizedAccessException', 'Attempted to perform an unauthorized operation.', {
      'X-MSDAVEXT_Error': '917656; Access+denied.+Before+opening+files+in+this+location%2c+you+must+first+browse+to+the+web+site+and+select+the+option+to+login+automatically.',
      'X-Emulator-Hint': 'Name a person of the directory: x-emulator-user: <upn>, the emulator-user cookie, or Authorization: Bearer emulator:<upn>.'
    }),
  // A disabled account cannot sign in (the directory refuses it), so SharePoint never learns who
  // is calling: the same answer as nobody.
  accountDisabled: () => spErrors.unauthenticated(),
  accessDenied: () =>
    new SpError(403, '-2147024891, System.UnauthorizedAccessException',
      'Access denied. You do not have permission to perform this action or access this resource.'),
  securityValidation: () =>
    new SpError(403, '-2130575251, Microsoft.SharePoint.SPException',
      "The security validation for this page is invalid and might be corrupted. Please use your web browser's Back button to try your operation again."),
  listNotFound: (title: string, webUrl: string) =>
    new SpError(404, ARGUMENT, `List '${title}' does not exist at site with URL '${webUrl}'.`),
  listIdNotFound: () =>
    new SpError(404, '-2130575322, Microsoft.SharePoint.SPException',
      'The list does not exist. It may have been deleted by another user.'),
  itemNotFound: () =>
    new SpError(404, '-2147024809, System.ArgumentException', 'Item does not exist. It may have been deleted by another user.'),
  fieldNotFound: (name: string, listTitle: string) =>
    new SpError(404, ARGUMENT, `Column '${name}' does not exist. It may have been deleted by another user.  /sites/list: ${listTitle}`),
  columnNotFound: (name: string) =>
    new SpError(400, '-2146232832, Microsoft.SharePoint.SPException', `Column '${name}' does not exist. It may have been deleted by another user.`),
  fieldOrPropertyNotFound: (name: string) =>
    new SpError(400, INVALID_QUERY, `The field or property '${name}' does not exist.`),
  propertyNotOnType: (name: string, type: string) =>
    new SpError(400, INVALID_QUERY,
      `The property '${name}' does not exist on type '${type}'. Make sure to only use property names that are defined by the type.`),
  userNotFound: (login: string) =>
    new SpError(404, '-2146232832, Microsoft.SharePoint.SPException', `The specified user ${login} could not be found.`),
  principalNotFound: () =>
    new SpError(404, '-2146232832, Microsoft.SharePoint.SPException', 'User cannot be found.'),
  groupNotFound: () =>
    new SpError(404, '-2146232832, Microsoft.SharePoint.SPException', 'Group cannot be found.'),
  roleDefinitionNotFound: () =>
    new SpError(404, ARGUMENT, 'Permission level cannot be found.'),
  etagMismatch: (sent: string, actual: string) =>
    new SpError(412, '-1, Microsoft.SharePoint.Client.ClientServiceException',
      `The request ETag value '${sent}' does not match the object's ETag value '${actual}'.`),
  // 500 with SPDuplicateValuesFoundException (-2130575169, https://learn.microsoft.com/en-us/previous-versions/office/developer/sharepoint-2010/ee536748(v=office.14));
  // the text is SharePoint's for 0x810200bf (https://github.com/jasonrollins/shareplum/issues/41).
  duplicateValue: () =>
    new SpError(500, '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException',
      'The list item could not be added or updated because duplicate values were found in one or more fields in the list.'),
  // "When list item permissions is set to 'Read items that were created by the user', setting unique
  // values on a column is not possible and vice-versa" (https://www.formsandflows.nl/2023/10/23/item-level-permissions/;
  // also http://www.zquad.in/2010/03/unique-column.html, "Item-level permissions ... not allowed").
  uniqueWithReadOwn: () =>
    new SpError(400, '-2146232832, Microsoft.SharePoint.SPException',
      'Unique values cannot be enforced on a column of a list whose item-level permissions let users read only the items they created.'),
  // SharePoint Online's REST answer (https://github.com/OneDrive/onedrive-api-docs/issues/1510); older
  // farms add "enforced by the administrator" (https://github.com/SharePoint/sp-dev-docs/issues/6826).
  thresholdExceeded: () =>
    new SpError(500, '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
      'The attempted operation is prohibited because it exceeds the list view threshold.'),
  badValue: (message: string) => new SpError(400, '-2147024809, System.ArgumentException', message),
  invalidQuery: (message: string) => new SpError(400, INVALID_QUERY, message),
  invalidRequest: (message: string) => new SpError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', message),
  notEmulated: (what: string) =>
    new SpError(404, '-1, Microsoft.SharePoint.Client.ResourceNotFoundException',
      `Not emulated by the local SharePoint emulator: ${what}. Add it to workbench/emulator/sharepoint if the app needs it.`),
  methodNotAllowed: (method: string, what: string) =>
    new SpError(405, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', `The HTTP method '${method}' cannot be used on ${what}.`),
  bodyTooLarge: (limit: number) =>
    new SpError(413, '-2130575339, Microsoft.SharePoint.SPException', `The request body exceeds the emulator's limit of ${limit} bytes.`)
};
