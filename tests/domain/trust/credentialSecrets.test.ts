import { credentialSecrets, timelineFromCurrent, type CredentialRecord } from '../../../src/domain/trust';

// The secret in force: ranked by the first item of each secret, so a re-wrapped copy of an older
// secret written later never brings the old password back; planted items never count.

const OWNER = 2; const BACKUP = 3; const CHRIS = 4; const SAM = 1;
const timeline = timelineFromCurrent([{ accountId: 10, ownerId: OWNER, backupId: BACKUP, created: '2026-01-01T00:00:00Z' }]);
const ctx = { timeline, comms: [CHRIS] };
let id = 0;
const rec = (authorId: number, created: string, secretId: string, version = 1, accountId = 10): CredentialRecord => ({ id: ++id, authorId, created, accountId, secretId, version });

it('the newest secret wins; a later copy of an older secret only adds readers to that older one', () => {
  const first = rec(OWNER, '2026-02-01T10:00:00Z', 'a', 1);
  const second = rec(BACKUP, '2026-03-01T10:00:00Z', 'b', 2);
  const lateCopyOfFirst = rec(CHRIS, '2026-04-01T10:00:00Z', 'a', 1);
  const copyOfSecond = rec(CHRIS, '2026-04-01T10:00:01Z', 'b', 2);
  const v = credentialSecrets([copyOfSecond, lateCopyOfFirst, second, first], ctx);
  const now = v.current.get(10)!;
  expect(now.secretId).toBe('b');
  expect(now.original.id).toBe(second.id);
  expect(now.items.map((r) => r.id)).toEqual([second.id, copyOfSecond.id]);
});

it('a planted item (neither owner, backup nor comms) is ignored and reported, even when newest', () => {
  const real = rec(OWNER, '2026-02-01T10:00:00Z', 'a');
  const planted = rec(SAM, '2026-05-01T10:00:00Z', 'p', 9);
  const plantedCopy = rec(SAM, '2026-05-01T10:00:01Z', 'a');
  const v = credentialSecrets([real, planted, plantedCopy], ctx);
  expect(v.current.get(10)?.items.map((r) => r.id)).toEqual([real.id]);
  expect(v.ignored.map((i) => [i.record.id, i.reason])).toEqual([[planted.id, 'not-entitled'], [plantedCopy.id, 'not-entitled']]);
});

it('a copy claiming a different version is its own secret, ranked by its own time', () => {
  const real = rec(OWNER, '2026-02-01T10:00:00Z', 'a', 1);
  const odd = rec(CHRIS, '2026-02-02T10:00:00Z', 'a', 2);
  expect(credentialSecrets([real, odd], ctx).current.get(10)?.original.id).toBe(odd.id);
  expect(credentialSecrets([real], ctx).current.get(10)?.items).toHaveLength(1);
  expect(credentialSecrets([], ctx).current.size).toBe(0);
});
