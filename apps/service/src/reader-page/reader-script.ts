/**
 * The reader page's only script, served as /assets/reader.js (the page's CSP allows no inline
 * script). It enhances the server-rendered timeline: entries from the live stream
 * (GET /timeline/stream) are put in place, or removed on retraction, without a reload. The
 * stream sends each entry's markup as the server renders it, so nothing is built from data here.
 * Plain ES2017, no build step.
 */
export const READER_SCRIPT = `(function () {
  'use strict';
  var root = document.getElementById('timeline');
  if (!root || root.getAttribute('data-live') !== 'on' || !('EventSource' in window)) return;
  var from = root.getAttribute('data-live-from') || '';
  var to = root.getAttribute('data-live-to') || '';
  var status = document.getElementById('live-status');
  var source = new EventSource('/timeline/stream?since=' + encodeURIComponent(root.getAttribute('data-live-since') || '0'));

  function say(text) { if (status) status.textContent = text; }
  function inWindow(date) { return (!from || date >= from) && (!to || date <= to); }

  function removeEntry(domId) {
    var el = document.getElementById(domId);
    if (!el) return false;
    var list = el.parentNode;
    el.remove();
    if (list && list.children.length === 0) {
      var day = list.closest('section.day');
      if (day) day.remove();
    }
    return true;
  }

  function dayList(date, heading) {
    var existing = document.getElementById('day-' + date);
    if (existing) return existing.querySelector('ol.entries');
    var section = document.createElement('section');
    section.className = 'day';
    section.id = 'day-' + date;
    section.setAttribute('data-date', date);
    section.setAttribute('aria-labelledby', 'day-' + date + '-h');
    var h2 = document.createElement('h2');
    h2.id = 'day-' + date + '-h';
    var time = document.createElement('time');
    time.setAttribute('datetime', date);
    time.textContent = heading;
    h2.appendChild(time);
    var list = document.createElement('ol');
    list.className = 'entries';
    section.appendChild(h2);
    section.appendChild(list);
    var days = root.querySelectorAll('section.day');
    var before = null;
    for (var i = 0; i < days.length; i++) {
      if (days[i].getAttribute('data-date') < date) { before = days[i]; break; }
    }
    root.insertBefore(section, before);
    var empty = document.getElementById('timeline-empty');
    if (empty) empty.remove();
    return list;
  }

  source.addEventListener('entry', function (event) {
    var change = JSON.parse(event.data);
    var known = removeEntry(change.domId);
    root.setAttribute('data-position', String(change.position));
    if (!inWindow(change.entry.date)) return;
    var template = document.createElement('template');
    template.innerHTML = change.html;
    var item = template.content.firstElementChild;
    if (!item) return;
    item.classList.add('is-new');
    var list = dayList(change.entry.date, change.dayHeading);
    var next = null;
    for (var i = 0; i < list.children.length; i++) {
      if (list.children[i].getAttribute('data-sort') > item.getAttribute('data-sort')) { next = list.children[i]; break; }
    }
    list.insertBefore(item, next);
    say((known ? 'Updated: ' : 'New: ') + (change.entry.title || change.entry.headline));
  });

  source.addEventListener('retracted', function (event) {
    var change = JSON.parse(event.data);
    root.setAttribute('data-position', String(change.position));
    if (removeEntry(change.domId)) say('An entry was retracted and removed from the timeline.');
  });

  source.addEventListener('open', function () { root.setAttribute('data-live-state', 'open'); });
  source.addEventListener('error', function () {
    root.setAttribute('data-live-state', 'reconnecting');
    say('Live updates interrupted; reconnecting…');
  });
})();
`;
