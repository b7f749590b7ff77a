// The domain rules the matrix holds written records against: for a list whose records count only
// when their Author was entitled (PRODUCT.md §3), "does this item count?" is answered by the domain
// function every reader uses (src/domain/trust), fed with the raw records the site owner reads back.
import type { MatrixList } from '../../src/data/schema/matrix';
import type { MatrixSite } from './site';

/** Does the item with this id count, by the list's domain rule, on the site as it is now? */
export type CountingCheck = (site: MatrixSite, itemId: number) => Promise<boolean>;

const pending = (list: MatrixList): CountingCheck => async () => {
  // TODO(matrix, before 01:30): call the rule from src/domain/trust once the trust branch lands.
  // Until then the cell cannot be decided, and says so as an unexpected cell.
  throw new Error(`TODO: the domain rule for ${list} (src/domain/trust) is not there yet`);
};

const RULES: Partial<Record<MatrixList, CountingCheck>> = {
  accountUpdates: pending('accountUpdates'),
  monthlyReports: pending('monthlyReports'),
  credentials: pending('credentials'),
  vaultPublicKeys: pending('vaultPublicKeys'),
  reviews: pending('reviews'),
  decisions: pending('decisions')
};

export function countsFor(list: MatrixList): CountingCheck | undefined {
  return RULES[list];
}
