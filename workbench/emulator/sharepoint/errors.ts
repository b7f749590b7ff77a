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
  unauthenticated: () =>
    new SpError(401, '-2147024891, System.UnauthorizedAccessException',
      'Access denied. The emulator could not tell who is calling: send x-emulator-user: <upn>, the emulator-user cookie, or Authorization: Bearer emulator:<upn> naming a person of the directory.'),
  accountDisabled: (upn: string) =>
    new SpError(403, '-2147024891, System.UnauthorizedAccessException',
      `Access denied. The account ${upn} is disabled in the directory.`),
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
  duplicateValue: () =>
    new SpError(409, '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException', 'This value already exists in the list.'),
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
