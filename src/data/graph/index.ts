// The Graph adapters the app composes.
// Bundle note: createWorkbenchGraphClient pulls in @microsoft/microsoft-graph-client at run time.
// The workbench bundle wants that; the SPFx web part gets its client from msGraphClientFactory, so
// code on the web part's path should import the specific files (./deepLinks, ./graphNotifier …)
// rather than this index, to keep the SDK out of the SharePoint bundle.
export type { GraphLike, GraphRequestLike } from './graphLike';
export { GraphNotifier, type GraphNotifierOptions } from './graphNotifier';
export { buildDeepLink, parseDeepLink, parseSubEntityId, subEntityId, fallbackUrl, type DeepLinkTarget, type DeepLinkOptions, type ParsedDeepLink } from './deepLinks';
export { TEAMS_APP_ID, PERSONAL_TAB_ENTITY_ID, ACTIVITY_TEMPLATE_PARAMETERS } from './teamsApp';
export { reasonForStatus, parseRetryAfter, type DeliveryFailureReason } from './failures';
export { createWorkbenchGraphClient, type WorkbenchGraphClientOptions } from './workbenchGraphClient';
