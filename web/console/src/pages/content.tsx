/** Content slots: a slot's variants, each previewed as a storefront would show its payload. */
import { useState } from 'preact/hooks';
import { api, must } from '../api.js';
import { Json, Page, Problem, fieldText, useLoad } from '../ui.js';

/** A variant as stored (the API's schema leaves variants open, as their payloads are the shop's own). */
interface Variant {
  readonly id: string;
  readonly audience?: unknown;
  readonly payload: unknown;
}

export function ContentPage() {
  const [slot, setSlot] = useState<string | undefined>(undefined);
  return (
    <Page title="Content slots">
      <form
        class="fields"
        aria-label="Open a content slot"
        onSubmit={(event) => {
          event.preventDefault();
          setSlot(fieldText(new FormData(event.currentTarget), 'slot'));
        }}
      >
        <label>
          Slot id
          <input name="slot" required placeholder="home-hero" />
        </label>
        <button type="submit">Open</button>
      </form>
      {slot !== undefined && <Slot key={slot} slot={slot} />}
    </Page>
  );
}

function Slot({ slot }: { slot: string }) {
  const loaded = useLoad(() => must(api.GET('/v1/content/slots/{slot}', { params: { path: { slot } } })));
  if (loaded.error !== undefined) return <Problem error={loaded.error} />;
  if (loaded.data === undefined) return null;
  return (
    <div class="cards wide" data-test="variants">
      {(loaded.data.variants as Variant[]).map((variant) => (
        <article key={variant.id} class="card" aria-label={`Variant ${variant.id}`}>
          <h2>{variant.id}</h2>
          <p class="note">
            {variant.audience === undefined ? 'everyone' : `for ${JSON.stringify(variant.audience)}`}
          </p>
          <VariantPreview payload={variant.payload} />
          <details>
            <summary>Payload of {variant.id}</summary>
            <Json value={variant.payload} label={`Payload of ${variant.id}`} />
          </details>
        </article>
      ))}
    </div>
  );
}

/** The common banner fields, drawn; anything else is in the payload below. Images only from this site. */
function VariantPreview({ payload }: { payload: unknown }) {
  const fields = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<string, unknown>;
  const text = (key: string) => (typeof fields[key] === 'string' ? fields[key] : undefined);
  return (
    <div class="banner">
      {text('title') !== undefined && <strong>{text('title')}</strong>}
      {(text('subtitle') ?? text('body')) !== undefined && <p>{text('subtitle') ?? text('body')}</p>}
      {text('cta') !== undefined && <span class="badge">{text('cta')}</span>}
    </div>
  );
}
