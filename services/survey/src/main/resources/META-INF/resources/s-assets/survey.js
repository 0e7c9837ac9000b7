/* Windbell hosted survey: progressive enhancement only (the form works without it).
 * - shows a question with data-show-if only while the anchor score is in its range (hidden ones are disabled,
 *   so they are not posted);
 * - saves a draft to data-draft-url on every change, so reopening the link restores partial progress.
 * Never logs or sends anything but the answers, and only to this site. */
(function () {
  'use strict';
  var form = document.getElementById('survey');
  if (!form || !window.fetch) {
    return;
  }
  var status = document.getElementById('autosave-status');
  var groups = Array.prototype.slice.call(form.querySelectorAll('[data-question]'));

  function radios(name) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name === name;
    });
  }

  function scoreOf(name) {
    var checked = radios(name).filter(function (el) { return el.checked; });
    return checked.length ? parseInt(checked[0].value, 10) : null;
  }

  function applyConditions() {
    groups.forEach(function (group) {
      var source = group.getAttribute('data-show-if');
      if (!source) {
        return;
      }
      var score = scoreOf(source);
      var show = score !== null && score >= +group.getAttribute('data-show-min')
        && score <= +group.getAttribute('data-show-max');
      group.hidden = !show;
      Array.prototype.forEach.call(group.querySelectorAll('input, textarea'), function (el) {
        el.disabled = !show;
      });
      if (group.tagName === 'FIELDSET') {
        group.disabled = !show;
      }
    });
  }

  function collect() {
    var answers = [];
    groups.forEach(function (group) {
      if (group.hidden) {
        return;
      }
      var id = group.getAttribute('data-question');
      var kind = group.getAttribute('data-kind');
      var inputs = Array.prototype.slice.call(group.querySelectorAll('input, textarea'));
      if (kind === 'text') {
        var text = inputs[0].value.trim();
        if (text) {
          answers.push({ questionId: id, text: text });
        }
        return;
      }
      var chosen = inputs.filter(function (el) { return el.checked; }).map(function (el) { return el.value; });
      if (!chosen.length) {
        return;
      }
      if (kind === 'scale') {
        answers.push({ questionId: id, score: parseInt(chosen[0], 10) });
      } else {
        answers.push({ questionId: id, choices: chosen });
      }
    });
    return answers;
  }

  var timer = null;
  var submitting = false;

  function save() {
    timer = null;
    if (submitting) {
      return;
    }
    fetch(form.getAttribute('data-draft-url'), {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'omit',
      body: JSON.stringify({ answers: collect() })
    }).then(function (response) {
      if (response.ok && status) {
        status.textContent = form.getAttribute('data-saved-text');
        form.setAttribute('data-saved', String(Date.now()));
      }
    }).catch(function () {
      /* offline or closed: the answers are still in the form */
    });
  }

  function schedule(delay) {
    if (timer) {
      clearTimeout(timer);
    }
    timer = setTimeout(save, delay);
  }

  form.addEventListener('change', function () {
    applyConditions();
    schedule(300);
  });
  form.addEventListener('input', function (event) {
    if (event.target.tagName === 'TEXTAREA') {
      schedule(1200);
    }
  });
  form.addEventListener('submit', function () {
    submitting = true;
    if (timer) {
      clearTimeout(timer);
    }
  });

  applyConditions();
  var summary = document.getElementById('error-summary');
  if (summary) {
    summary.focus();
  }
})();
