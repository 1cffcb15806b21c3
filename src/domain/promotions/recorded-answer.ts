import type { CartEvaluation } from './cart.js';

/**
 * Reads a cart answer as recorded with an order. Orders recorded before the coupon code got its own
 * name carried it as `code` in `discounts`, `applied` and `rejected`; they are read with `couponCode`,
 * so an old order answers in today's shape (and `code` keeps one meaning: an error code).
 */
export function readRecordedAnswer<Answer extends CartEvaluation>(json: string): Answer {
  const answer = JSON.parse(json) as Answer;
  return {
    ...answer,
    discounts: answer.discounts.map(renameLegacyCode),
    applied: answer.applied.map(renameLegacyCode),
    rejected: answer.rejected.map(renameLegacyCode),
  };
}

function renameLegacyCode<Entry extends { couponCode?: string }>(entry: Entry): Entry {
  const { code, ...rest } = entry as Entry & { code?: string };
  if (code === undefined || rest.couponCode !== undefined) return rest as Entry;
  return { ...rest, couponCode: code } as Entry;
}
