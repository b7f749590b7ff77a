// The Graph adapters the app composes.
// The workbench's Graph client (./workbenchGraphClient) is deliberately not exported here: it pulls
// in @microsoft/microsoft-graph-client, which the web part gets from SPFx's msGraphClientFactory.
export type { GraphLike, GraphRequestLike } from './graphLike';
export { GraphNotifier, type GraphNotifierOptions } from './graphNotifier';
export { buildDeepLink, parseDeepLink, parseSubEntityId, subEntityId, fallbackUrl, type DeepLinkTarget, type DeepLinkOptions, type ParsedDeepLink } from './deepLinks';
export { TEAMS_APP_ID, PERSONAL_TAB_ENTITY_ID, ACTIVITY_TEMPLATE_PARAMETERS } from './teamsApp';
export { reasonForStatus, parseRetryAfter, type DeliveryFailureReason } from './failures';
