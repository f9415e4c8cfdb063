/**
 * The embed's two small scripts, plain ES2017 with no build step (as reader-page/reader-script.ts).
 * The embed works without either: the host's iframe then keeps the height the snippet gives it
 * and scrolls inside.
 *
 * Messages between them (docs/embeds.md):
 * - the frame to its parent: `{ type: 'dateline:embed-height', height }`, the document's height in
 *   CSS pixels, on load and whenever it changes;
 * - the host to a frame: `{ type: 'dateline:embed-hello' }`, asking it to say its height again
 *   (a host script loaded after the frame missed the first message).
 */

/**
 * `/assets/embed.js`, in the embed page (same origin, under its CSP's `script-src 'self'`). The
 * height is no secret, and the frame cannot know which site frames it (frame-ancestors decided
 * that already), so it posts to any parent origin; the host's script checks where it came from.
 */
export const EMBED_FRAME_SCRIPT = `(function () {
  'use strict';
  if (window.parent === window) return;
  var last = 0;
  function post() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last || !(height > 0)) return;
    last = height;
    window.parent.postMessage({ type: 'dateline:embed-height', height: height }, '*');
  }
  if ('ResizeObserver' in window) new ResizeObserver(post).observe(document.documentElement);
  window.addEventListener('load', post);
  window.addEventListener('message', function (event) {
    if (event.source !== window.parent || !event.data || event.data.type !== 'dateline:embed-hello') return;
    last = 0;
    post();
  });
  post();
})();
`;

/**
 * `/assets/embed-host.js`, in the host's page (the snippet loads it from this service): it takes
 * a height only from a message whose origin is this service's (the origin it was loaded from)
 * and whose source is one of the page's Dateline iframes, and sets that iframe's height, never
 * beyond its `data-dateline-max-height` when the snippet gives one. One copy per origin runs,
 * however many snippets a page holds.
 */
export const EMBED_HOST_SCRIPT = `(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var origin = new URL(script.src, location.href).origin;
  var flag = 'datelineEmbedHost ' + origin;
  if (window[flag]) return;
  window[flag] = true;

  function frames() {
    return Array.prototype.filter.call(document.querySelectorAll('iframe[data-dateline-embed]'), function (frame) {
      try { return new URL(frame.src, location.href).origin === origin; } catch (e) { return false; }
    });
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || data.type !== 'dateline:embed-height' || typeof data.height !== 'number' || !(data.height > 0)) return;
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      if (list[i].contentWindow !== event.source) continue;
      var max = Number(list[i].getAttribute('data-dateline-max-height')) || 100000;
      list[i].style.height = Math.min(Math.ceil(data.height), max) + 'px';
      list[i].setAttribute('data-dateline-sized', 'yes');
    }
  });

  function hello() {
    frames().forEach(function (frame) {
      if (frame.contentWindow) frame.contentWindow.postMessage({ type: 'dateline:embed-hello' }, origin);
    });
  }
  hello();
  window.addEventListener('load', hello);
})();
`;
