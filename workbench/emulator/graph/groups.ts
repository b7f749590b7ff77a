// GET /groups/{id} and /groups/{id}/transitiveMembers[/microsoft.graph.user]: the directory groups a
// site owner can choose as the policy's audience.
//
// Reading a group's members needs GroupMember.Read.All or a broader group/directory scope
// (https://learn.microsoft.com/en-us/graph/api/group-list-transitivemembers); reading the group itself
// needs GroupMember.Read.All, Group.Read.All or Directory.Read.All
// (https://learn.microsoft.com/en-us/graph/api/group-get). Members are listed transitively (nested
// groups flattened, each person once). The user properties follow the same basic-profile rule as
// /users: accountEnabled and department need User.Read.All.
import type { DirectoryGroup, DirectoryUser } from '../directory';
import { contextUrl, requireScope, type GraphCall, type GraphEnv } from './call';
import { graphError, ok, type GraphResult } from './results';
import { beyondBasicProfile, pageOf, parseSelect, toGraphUser } from './users';

const GROUP_SCOPES = ['GroupMember.Read.All', 'Group.Read.All', 'Group.ReadWrite.All', 'GroupMember.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];

function findGroup(env: GraphEnv, id: string): DirectoryGroup | undefined {
  return env.ctx.groups?.find((g) => g.id.toLowerCase() === id.toLowerCase());
}

function groupNotFound(id: string): GraphResult {
  return graphError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
}

/** Everyone in the group, nested groups included, each once, in the order they were reached. */
function transitivePeople(env: GraphEnv, group: DirectoryGroup): DirectoryUser[] {
  const seenGroups = new Set<string>();
  const people = new Map<string, DirectoryUser>();
  const visit = (g: DirectoryGroup): void => {
    if (seenGroups.has(g.id)) return;
    seenGroups.add(g.id);
    for (const id of g.memberIds) {
      const person = env.ctx.directory.find((u) => u.id.toLowerCase() === id.toLowerCase());
      if (person) people.set(person.id, person);
      const nested = findGroup(env, id);
      if (nested) visit(nested);
    }
  };
  visit(group);
  return [...people.values()];
}

export function getGroup(env: GraphEnv, call: GraphCall, id: string): GraphResult {
  const denied = requireScope(env, ...GROUP_SCOPES);
  if (denied) return denied;
  const group = findGroup(env, id);
  if (!group) return groupNotFound(id);
  const full: Record<string, unknown> = { id: group.id, displayName: group.displayName, securityEnabled: true, mailEnabled: false };
  const raw = call.query.get('$select');
  const keys = raw ? raw.split(',').map((k) => k.trim()).filter(Boolean) : Object.keys(full);
  const unknown = keys.find((k) => !(k in full));
  if (unknown) return graphError(400, 'BadRequest', `Could not find a property named '${unknown}' on type 'microsoft.graph.group'.`);
  return ok({ '@odata.context': contextUrl(env, call, 'groups/$entity'), ...Object.fromEntries(keys.map((k) => [k, full[k]])) });
}

/** `cast` is 'microsoft.graph.user' for the OData cast, or undefined for every member type. */
export function listTransitiveMembers(env: GraphEnv, call: GraphCall, id: string, cast: string | undefined): GraphResult {
  const denied = requireScope(env, ...GROUP_SCOPES);
  if (denied) return denied;
  if (cast !== undefined && cast.toLowerCase() !== 'microsoft.graph.user') {
    // Graph: a cast to a member type the group cannot hold is 400 Request_UnsupportedQuery (group-list-transitivemembers).
    return graphError(400, 'Request_UnsupportedQuery', `The OData cast '${cast}' is not supported on this resource.`);
  }
  const group = findGroup(env, id);
  if (!group) return groupNotFound(id);
  const select = parseSelect(call);
  if (select && !Array.isArray(select)) return select;
  const refused = beyondBasicProfile(env, select ?? []);
  if (refused) return refused;
  const rows = transitivePeople(env, group).map((u) => ({ '@odata.type': '#microsoft.graph.user', ...toGraphUser(u) }));
  const path = `groups/${group.id}/transitiveMembers${cast ? `/${cast}` : ''}`;
  return pageOf(env, call, rows, select, path, cast ? 'users' : 'directoryObjects');
}
