import { messagesFor } from './messages/catalogue';

/**
 * The reader page's only script, served as /assets/reader.js (the page's CSP allows no inline
 * script). It enhances the server-rendered timeline: entries from the live stream
 * (GET /timeline/stream) are put in place, or removed on retraction, without a reload. The
 * stream sends each entry's markup as the server renders it, so nothing is built from data here.
 * What it says comes from the page (`data-live-words`, the page language's messages, messages/en.ts).
 * Plain ES2017, no build step.
 */
export const READER_SCRIPT = `(function () {
  'use strict';
  var root = document.getElementById('timeline');
  if (!root || root.getAttribute('data-live') !== 'on' || !('EventSource' in window)) return;
  var from = root.getAttribute('data-live-from') || '';
  var to = root.getAttribute('data-live-to') || '';
  var status = document.getElementById('live-status');
  var words = ${JSON.stringify(messagesFor().live)};
  try { words = JSON.parse(root.getAttribute('data-live-words') || '') || words; } catch (e) { /* the page's words are missing: the English defaults */ }
  var source = new EventSource('/timeline/stream?since=' + encodeURIComponent(root.getAttribute('data-live-since') || '0'));

  function say(text) { if (status) status.textContent = text; }
  function inWindow(date) { return (!from || date >= from) && (!to || date <= to); }

  function children(parent, selector) {
    return Array.prototype.filter.call(parent.children, function (c) { return c.matches(selector); });
  }

  // An emptied list takes its heading with it, and an emptied day goes.
  function removeEntry(domId) {
    var el = document.getElementById(domId);
    if (!el) return false;
    var list = el.parentNode;
    var day = el.closest('section.day');
    el.remove();
    if (list && list.children.length === 0) {
      var holder = list.closest('div.dating, div.updates');
      (holder || list).remove();
    }
    if (day && !day.querySelector('li.entry, li.update')) day.remove();
    return true;
  }

  function daySection(date, heading) {
    var existing = document.getElementById('day-' + date);
    if (existing) return existing;
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
    section.appendChild(h2);
    var days = root.querySelectorAll('section.day');
    var before = null;
    for (var i = 0; i < days.length; i++) {
      if (days[i].getAttribute('data-date') < date) { before = days[i]; break; }
    }
    root.insertBefore(section, before);
    var empty = document.getElementById('timeline-empty');
    if (empty) empty.remove();
    return section;
  }

  // A fact's list: the day's own facts, or those under a heading ("On or before …"), in key order, before the updates.
  function factList(day, section) {
    var lists = day.querySelectorAll('ol.entries');
    for (var i = 0; i < lists.length; i++) {
      if (lists[i].getAttribute('data-section') === section.key) return lists[i];
    }
    var list = document.createElement('ol');
    list.className = 'entries';
    list.setAttribute('data-section', section.key);
    var node = list;
    if (section.heading) {
      node = document.createElement('div');
      node.className = 'dating';
      node.setAttribute('data-section', section.key);
      var h3 = document.createElement('h3');
      h3.className = 'dating__h';
      h3.textContent = section.heading;
      node.appendChild(h3);
      node.appendChild(list);
    }
    var before = children(day, 'div.updates')[0] || null;
    var others = children(day, 'ol.entries, div.dating');
    for (var j = 0; j < others.length; j++) {
      if (others[j].getAttribute('data-section') > section.key) { before = others[j]; break; }
    }
    day.insertBefore(node, before);
    return list;
  }

  function updatesList(day, date) {
    var aside = children(day, 'div.updates')[0];
    if (aside) return aside.querySelector('ul');
    aside = document.createElement('div');
    aside.className = 'updates';
    aside.id = 'updates-' + date;
    var h3 = document.createElement('h3');
    h3.className = 'updates__h';
    h3.textContent = words.updates;
    var ul = document.createElement('ul');
    ul.className = 'updates__list';
    aside.appendChild(h3);
    aside.appendChild(ul);
    day.appendChild(aside);
    return ul;
  }

  source.addEventListener('entry', function (event) {
    var change = JSON.parse(event.data);
    root.setAttribute('data-position', String(change.position));
    if (!change.html) return;
    var template = document.createElement('template');
    template.innerHTML = change.html;
    var item = template.content.firstElementChild;
    if (!item) return;
    item.classList.add('is-new');
    var known = document.getElementById(change.domId);
    if (!inWindow(change.entry.date)) {
      if (known) removeEntry(change.domId);
      return;
    }
    var sameList = known && known.getAttribute('data-date') === change.entry.date &&
      (change.list === 'updates' ? known.parentNode.matches('ul.updates__list') : known.parentNode.getAttribute('data-section') === change.section.key);
    if (known && !sameList) removeEntry(change.domId);
    var day = daySection(change.entry.date, change.dayHeading);
    var list = change.list === 'updates' ? updatesList(day, change.entry.date) : factList(day, change.section);
    if (sameList) {
      // A new version keeps its place: the server ordered it among the others.
      known.replaceWith(item);
    } else {
      var next = null;
      for (var i = 0; i < list.children.length; i++) {
        if (list.children[i].getAttribute('data-sort') > item.getAttribute('data-sort')) { next = list.children[i]; break; }
      }
      list.insertBefore(item, next);
    }
    say((known ? words.updated : words.added) + (change.entry.title || change.entry.headline));
  });

  source.addEventListener('retracted', function (event) {
    var change = JSON.parse(event.data);
    root.setAttribute('data-position', String(change.position));
    if (removeEntry(change.domId)) say(words.retracted);
  });

  source.addEventListener('open', function () { root.setAttribute('data-live-state', 'open'); });
  source.addEventListener('error', function () {
    root.setAttribute('data-live-state', 'reconnecting');
    say(words.interrupted);
  });
})();
`;
