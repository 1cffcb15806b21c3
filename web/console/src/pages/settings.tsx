/** Loyalty program, recommendation rules and listing rules: read, and edited as JSON with one PUT each. */
import { api, must } from '../api.js';
import { JsonEditor } from '../json-editor.js';
import { Loading, Page, Problem, useLoad } from '../ui.js';

/** A missing object (404) is edited from an empty one; any other problem is shown. */
async function orEmpty<T>(load: Promise<T>): Promise<T | Record<string, never>> {
  try {
    return await load;
  } catch (failure) {
    if (failure instanceof Error && 'status' in failure && failure.status === 404) return {};
    throw failure;
  }
}

export function LoyaltyPage() {
  const program = useLoad(() => orEmpty(must(api.GET('/v1/loyalty/program'))));
  const tiers = program.data !== undefined && 'tiers' in program.data ? program.data.tiers : [];
  return (
    <Page title="Loyalty program">
      <Problem error={program.error} />
      {program.data === undefined ? (
        <Loading what="the loyalty program" />
      ) : (
        <>
          <table data-test="tiers">
            <caption>Tiers</caption>
            <thead>
              <tr>
                <th scope="col">Tier</th>
                <th scope="col">From (points)</th>
                <th scope="col">Perks</th>
              </tr>
            </thead>
            <tbody>
              {tiers.length === 0 && (
                <tr>
                  <td colSpan={3}>No program yet.</td>
                </tr>
              )}
              {tiers.map((tier) => (
                <tr key={tier.id}>
                  <td>{tier.id}</td>
                  <td>{tier.minPoints ?? 0}</td>
                  <td>
                    <code>{JSON.stringify(tier.perks)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <JsonEditor
            label="Loyalty program"
            value={withoutStamps(program.data)}
            save={async (value) =>
              withoutStamps(await must(api.PUT('/v1/loyalty/program', { body: value as never })))
            }
          />
        </>
      )}
    </Page>
  );
}

export function RulesPage() {
  const recommendations = useLoad(() => orEmpty(must(api.GET('/v1/recommendations/rules'))));
  const listings = useLoad(() => orEmpty(must(api.GET('/v1/listings/rules'))));
  return (
    <Page title="Recommendation and listing rules">
      <Problem error={recommendations.error ?? listings.error} />
      <h2>Recommendation rules</h2>
      {recommendations.data === undefined ? (
        <Loading what="recommendation rules" />
      ) : (
        <JsonEditor
          label="Recommendation rules"
          value={withoutStamps(recommendations.data)}
          save={async (value) =>
            withoutStamps(await must(api.PUT('/v1/recommendations/rules', { body: value as never })))
          }
        />
      )}
      <h2>Listing rules</h2>
      {listings.data === undefined ? (
        <Loading what="listing rules" />
      ) : (
        <JsonEditor
          label="Listing rules"
          value={withoutStamps(listings.data)}
          save={async (value) =>
            withoutStamps(await must(api.PUT('/v1/listings/rules', { body: value as never })))
          }
        />
      )}
    </Page>
  );
}

/** What the API adds to a stored object (version, time, back-fill) is not sent back in a PUT. */
function withoutStamps(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const {
    version: _version,
    updatedAt: _updatedAt,
    backfill: _backfill,
    ...rest
  } = value as Record<string, unknown>;
  return rest;
}
