/** Live updates: what changed on an open page, worked out from two looks at it. */
export { pageChanges, type PageChange, type WatchedPage } from './page-changes.js';
