/** The demo shopper's cart, kept in this browser per viewer (a real shop keeps it server side). */
import type { Viewer } from './api.js';

type Cart = Map<string, number>;

export function viewerKey(viewer: Viewer): string {
  return viewer.kind === 'customer' ? viewer.userId : viewer.anonymousId;
}

function cartKey(viewer: Viewer): string {
  return `attune-demo-cart:${viewerKey(viewer)}`;
}

export function readCart(viewer: Viewer): Cart {
  const saved = localStorage.getItem(cartKey(viewer));
  return new Map(saved === null ? [] : (JSON.parse(saved) as [string, number][]));
}

export function writeCart(viewer: Viewer, cart: Cart): void {
  localStorage.setItem(cartKey(viewer), JSON.stringify([...cart]));
  (document.querySelector('#cart-count') as HTMLElement).textContent = String(
    [...cart.values()].reduce((sum, quantity) => sum + quantity, 0),
  );
}

export function cartItems(viewer: Viewer): { productId: string; quantity: number }[] {
  return [...readCart(viewer)].map(([productId, quantity]) => ({ productId, quantity }));
}
