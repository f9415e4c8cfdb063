/**
 * The desk's only script, served as /desk/assets/desk.js (the CSP allows no inline script). It
 * keeps the text of every story and fact form in localStorage as the editor types, so that a
 * reload, a crash or a closed tab loses nothing: a form freshly loaded from the server gets the
 * draft back, with a button to discard it. The page after a successful save names the draft to
 * forget. In a fact form it shows only the date inputs of the chosen precision.
 * Plain ES2017, no build step; without it every form still works.
 */
export const DESK_SCRIPT = `(function () {
  'use strict';
  var store;
  try { store = window.localStorage; store.getItem('x'); } catch (e) { return; }
  var PREFIX = 'dateline-desk:draft:';
  var cleared = document.body.getAttribute('data-clear-draft');
  if (cleared) store.removeItem(PREFIX + cleared);

  function read(form) {
    var values = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === '_csrf' || el.name === 'intent') return;
      if (el.type === 'checkbox') values[el.name] = el.checked;
      else if (el.type === 'radio') { if (el.checked) values[el.name] = el.value; }
      else values[el.name] = el.value;
    });
    return values;
  }

  function write(form, values) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || !(el.name in values)) return;
      if (el.type === 'checkbox') el.checked = values[el.name] === true;
      else if (el.type === 'radio') el.checked = values[el.name] === el.value;
      else el.value = values[el.name];
    });
  }

  function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }

  Array.prototype.forEach.call(document.querySelectorAll('form[data-draft-key]'), function (form) {
    var key = PREFIX + form.getAttribute('data-draft-key');
    var status = form.querySelector('.draft-status');
    var server = read(form);
    var saved = null;
    try { saved = JSON.parse(store.getItem(key) || 'null'); } catch (e) { saved = null; }

    function save() {
      var now = read(form);
      if (same(now, server)) store.removeItem(key);
      else store.setItem(key, JSON.stringify({ values: now, at: new Date().toISOString() }));
    }

    // A form the server filled from what the editor posted (preview, conflict, a problem) is newer than any draft.
    if (form.getAttribute('data-fresh') !== 'true') save();
    else if (saved && saved.values && !same(saved.values, server)) {
      write(form, saved.values);
      if (status) {
        status.textContent = 'Your unsaved text from ' + new Date(saved.at).toLocaleString() + ' is back in the form. ';
        var discard = document.createElement('button');
        discard.type = 'button';
        discard.className = 'secondary';
        discard.id = 'discard-draft';
        discard.textContent = 'Discard it';
        discard.addEventListener('click', function () {
          write(form, server);
          store.removeItem(key);
          status.textContent = 'Draft discarded: the form shows the saved story again.';
        });
        status.appendChild(discard);
      }
    }
    form.addEventListener('input', save);
    form.addEventListener('change', save);
  });

  // A date of a fact form shows only the inputs its precision needs; the others are disabled, so
  // they are not sent. After the drafts, so that a draft's precision decides.
  Array.prototype.forEach.call(document.querySelectorAll('fieldset[data-date]'), function (set) {
    var select = set.querySelector('select[name$=".precision"]');
    if (!select) return;
    function show() {
      Array.prototype.forEach.call(set.querySelectorAll('[data-precisions]'), function (box) {
        if (box.closest('fieldset[data-date]') !== set) return;
        var used = box.getAttribute('data-precisions').split(' ').indexOf(select.value) >= 0;
        box.hidden = !used;
        Array.prototype.forEach.call(box.querySelectorAll('input'), function (input) { input.disabled = !used; });
      });
    }
    select.addEventListener('change', show);
    show();
  });
})();
`;
