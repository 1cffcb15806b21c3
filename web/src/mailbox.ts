/** The demo's journeys as a customer sees them: consent to marketing, and the last message received. */
import { formatMoney, lastMessage, type Api, type MailboxMessage, type Viewer } from './api.js';
import { html, type Markup } from './html.js';

const JOURNEY_NAMES: Readonly<Record<string, string>> = {
  'demo-post-purchase': 'Thank you for your order',
  'demo-abandoned-cart': 'Still thinking it over?',
};

const consentKey = (userId: string) => `attune-demo-marketing:${userId}`;

/** What this visitor answered to marketing messages on this browser (the box starts unticked). */
export function marketingConsented(userId: string): boolean {
  return localStorage.getItem(consentKey(userId)) === 'yes';
}

export function rememberMarketingConsent(userId: string, consented: boolean): void {
  localStorage.setItem(consentKey(userId), consented ? 'yes' : 'no');
}

/** The panel: the consent box, then the last message the demo mailbox received for this customer. */
export function mailboxPanel(message: MailboxMessage | null, consented: boolean): Markup {
  return html`<aside class="mailbox" data-test="mailbox">
    <h2>Your last message</h2>
    <label class="consent">
      <input id="marketing-consent" type="checkbox" ${consented ? 'checked' : ''} />
      E-mail me offers and reminders (marketing consent)
    </label>
    ${message === null ? html`<p class="quiet">No message yet.${consented ? '' : ' Messages need your consent above.'}</p>` : messageView(message)}
  </aside>`;
}

function messageView(message: MailboxMessage): Markup {
  const { data } = message;
  const coupon = data.coupon;
  return html`<article
    data-test="mailbox-message"
    data-message-id="${message.messageId}"
    data-journey-id="${data.journeyId}"
  >
    <h3>${JOURNEY_NAMES[data.journeyId] ?? data.journeyId}</h3>
    <small class="reason"
      >received ${new Date(message.receivedAt).toLocaleString('en-GB')} · because: ${data.reason ?? ''}</small
    >
    ${
      coupon === undefined
        ? ''
        : html`<p class="coupon">
            Your personal code <code data-test="mailbox-coupon">${coupon.code}</code>, valid until
            <span data-test="mailbox-coupon-expiry"
              >${new Date(coupon.expiresAt).toLocaleDateString('en-GB')}</span
            >
          </p>`
    }
    <ul class="mail-recs">
      ${(data.recommendations ?? []).map(
        (item) =>
          html`<li data-product-id="${item.productId}">
            <a href="#/p/${encodeURIComponent(item.productId)}">${item.product?.title ?? item.productId}</a>
            ${item.price?.final === undefined ? '' : html`<span class="price">${formatMoney(item.price.final)}</span>`}
          </li>`,
      )}
    </ul>
  </article>`;
}

/** Sends what the box says through the consent route whenever it is ticked or unticked. */
export function wireConsentBox(onChange: (consented: boolean) => Promise<void>): void {
  const box = document.querySelector<HTMLInputElement>('#marketing-consent');
  box?.addEventListener('change', () => void onChange(box.checked));
}

/**
 * Waits (up to about 20 s) for a message other than `previous` to reach the mailbox: the journey
 * step is planned with the order, sent by the journey runner, and delivered by the webhook worker.
 */
export async function nextMessage(
  read: () => Promise<MailboxMessage | null>,
  previous: string | undefined,
): Promise<MailboxMessage | null> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const message = await read();
    if (message !== null && message.messageId !== previous) return message;
  }
  return null;
}

/** The mailbox panel of a signed-in customer (nothing for a visitor), and how to wire its box. */
export async function mailboxOf(
  api: Api,
  viewer: Viewer,
): Promise<{ markup: Markup; wire: () => void; id?: string }> {
  if (viewer.kind !== 'customer') return { markup: html``, wire: () => {} };
  const message = await lastMessage(viewer.token);
  const wire = () =>
    wireConsentBox(async (consented) => {
      await api.setMarketingConsent(viewer, consented);
      rememberMarketingConsent(viewer.userId, consented);
    });
  return {
    markup: mailboxPanel(message, marketingConsented(viewer.userId)),
    wire,
    ...(message !== null && { id: message.messageId }),
  };
}
