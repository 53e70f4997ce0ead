// The demo EHR: an order set, the CDS Hooks calls an EHR makes on it, suggestions applied back to
// it, feedback sent, and the same lines checked as a Claim.
'use strict';

(() => {
  const DAY = '2024-09-10';
  const SCENARIOS = {
    'Clean order set': { dx: 'G80.1', lines: [['64644'], ['64645'], ['95874'], ['J0585', 300, 'JZ']] },
    '64645 without 64644': { dx: 'G80.1', lines: [['64645'], ['95874'], ['J0585', 200, 'JZ']] },
    'Modifier 50 on 64645': { dx: 'G80.1', lines: [['64644'], ['64645', 1, '50'], ['J0585', 300, 'JZ']] },
    'Both guidance codes': { dx: 'G80.1', lines: [['64644'], ['95873'], ['95874'], ['J0585', 200, 'JZ']] },
    'Toxin without JW or JZ': { dx: 'G80.1', lines: [['64644'], ['J0585', 200]] },
    'Muscles support 64642, not 64644': { dx: 'G80.1',
      lines: [['64644', 1, '', 'Right biceps brachii, Right brachialis, Right pronator teres'], ['J0585', 100, 'JZ']] },
    'Toxin billed by the facility': { dx: 'G80.1', pos: '22', lines: [['64644'], ['95874', 1, '26'], ['J0585', 200, 'JZ']] }
  };
  const SERVICES = { 'order-select': 'chemodenervation-order-select', 'order-sign': 'chemodenervation-order-sign',
    'encounter-discharge': 'chemodenervation-encounter-discharge' };

  const $ = id => document.getElementById(id);
  let lines = [];
  let nextId = 1;
  let lastHook = null;
  let lineIssues = {};

  const newLine = (code, units, modifiers, muscles, pos) => ({ id: 'line-' + nextId++, code, units: units || 1,
    modifiers: Fhir.list(modifiers), pos: pos || '11', date: DAY, muscles: Fhir.list(muscles) });

  function state() {
    return { payer: $('payer').value, diagnoses: Fhir.list($('diagnoses').value).map(d => d.toUpperCase()) };
  }

  function loadScenario(name) {
    const scenario = SCENARIOS[name];
    lines = scenario.lines.map(([code, units, modifiers, muscles]) => newLine(code, units, modifiers, muscles, scenario.pos));
    $('diagnoses').value = scenario.dx;
    lineIssues = {};
    renderLines();
    clearAdvice('Scenario "' + name + '" loaded: press Select or Sign.');
  }

  function renderLines() {
    const body = $('lines').querySelector('tbody');
    body.innerHTML = '';
    lines.forEach((line, index) => {
      const row = document.createElement('tr');
      row.dataset.line = String(index);
      if (lineIssues[index]) row.classList.add('has-issue');
      const field = (name, value, cls) => {
        const cell = document.createElement('td');
        if (cls) cell.className = cls;
        const input = document.createElement('input');
        input.name = name;
        input.value = value;
        input.setAttribute('aria-label', name + ' of line ' + (index + 1));
        input.addEventListener('change', () => update(line, name, input.value));
        cell.appendChild(input);
        return cell;
      };
      row.append(field('code', line.code, 'code'), field('units', line.units, 'units'),
        field('modifiers', line.modifiers.join(', ')), field('pos', line.pos, 'units'), field('date', line.date),
        field('muscles', line.muscles.join(', ')));
      const remove = document.createElement('td');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Remove';
      button.addEventListener('click', () => { lines.splice(index, 1); renderLines(); });
      remove.appendChild(button);
      row.appendChild(remove);
      body.appendChild(row);
      if (lineIssues[index]) {
        const issuesRow = document.createElement('tr');
        issuesRow.className = 'line-issues';
        const cell = document.createElement('td');
        cell.colSpan = 7;
        cell.innerHTML = lineIssues[index].map(i => '&#9888; ' + Cards.escape(describeIssue(i))).join('<br>');
        issuesRow.appendChild(cell);
        body.appendChild(issuesRow);
      }
    });
  }

  function update(line, name, value) {
    if (name === 'units') line.units = Math.max(1, parseInt(value, 10) || 1);
    else if (name === 'modifiers' || name === 'muscles') line[name] = Fhir.list(value);
    else line[name] = name === 'code' ? value.trim().toUpperCase() : value.trim();
  }

  function clearAdvice(message) {
    $('cards').innerHTML = '';
    $('issues').innerHTML = '';
    $('status').textContent = message || '';
  }

  async function post(url, body, contentType) {
    $('request-json').textContent = JSON.stringify(body, null, 2);
    const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': contentType || 'application/json',
      Accept: 'application/json, application/fhir+json' }, body: JSON.stringify(body) });
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
    $('response-json').textContent = json ? JSON.stringify(json, null, 2) : text;
    return { status: response.status, json };
  }

  async function callHook(hook) {
    lastHook = hook;
    lineIssues = {};
    renderLines();
    const request = hook === 'encounter-discharge' ? Fhir.dischargeHook(lines, state())
      : Fhir.orderHook(hook, lines, state(), lines.map(l => 'ServiceRequest/' + l.id));
    $('status').textContent = 'Calling ' + hook + '...';
    const started = performance.now();
    const answer = await post('cds-services/' + SERVICES[hook], request);
    const took = Math.round(performance.now() - started);
    $('issues').innerHTML = '';
    if (answer.status !== 200) {
      $('cards').innerHTML = '';
      $('status').textContent = hook + ' answered ' + answer.status + ': '
        + ((answer.json && (answer.json.message || answer.json.error)) || 'see the response JSON');
      return;
    }
    const cards = (answer.json && answer.json.cards) || [];
    $('status').textContent = hook + ': ' + cards.length + ' card' + (cards.length === 1 ? '' : 's') + ' in ' + took + ' ms';
    Cards.render($('cards'), cards, { onAccept: accept, onOverride: override });
  }

  async function feedback(card, entry) {
    entry.card = card.uuid;
    entry.outcomeTimestamp = new Date().toISOString();
    return post('cds-services/' + SERVICES[lastHook] + '/feedback', { feedback: [entry] });
  }

  async function accept(card, suggestion) {
    (suggestion.actions || []).forEach(apply);
    renderLines();
    if (card.uuid) await feedback(card, { outcome: 'accepted', acceptedSuggestions: [{ id: suggestion.uuid }] });
    await callHook(lastHook);
  }

  async function override(card, reason, comment) {
    const entry = { outcome: 'overridden' };
    if (reason || comment) {
      entry.overrideReason = {};
      if (reason) entry.overrideReason.reason = { system: reason.system, code: reason.code, display: reason.display };
      if (comment) entry.overrideReason.userComment = comment;
    }
    const answer = await feedback(card, entry);
    const node = document.querySelector('.card[data-uuid="' + card.uuid + '"]');
    if (answer.status === 200 && node) node.classList.add('dismissed');
    $('status').textContent = answer.status === 200 ? 'Override sent: it counts on the override dashboard.'
      : 'Feedback answered ' + answer.status;
  }

  /** Applies one CDS Hooks action to the lines: create adds, update replaces, delete removes. */
  function apply(action) {
    const idOf = reference => String(reference || '').split('/').pop();
    if (action.type === 'delete') {
      const ids = [].concat(action.resourceId || []).map(idOf);
      lines = lines.filter(l => !ids.includes(l.id));
    } else if (action.resource) {
      const line = Fhir.line(action.resource);
      if (!line.id) line.id = 'line-' + nextId++;
      const at = lines.findIndex(l => l.id === line.id);
      if (action.type === 'update' && at >= 0) lines[at] = line; else lines.push(line);
    }
  }

  async function validate(claim) {
    lastHook = null;
    $('cards').innerHTML = '';
    $('status').textContent = 'Calling Claim/$validate...';
    const answer = await post('fhir/Claim/$validate', claim, 'application/fhir+json');
    const issues = (answer.json && answer.json.issue) || [];
    lineIssues = {};
    const general = [];
    issues.forEach(issue => {
      const match = (issue.expression || []).map(e => /^Claim\.item\[(\d+)]/.exec(e)).find(Boolean);
      if (match) (lineIssues[Number(match[1])] = lineIssues[Number(match[1])] || []).push(issue);
      else general.push(issue);
    });
    renderLines();
    $('issues').innerHTML = general.map(issue => '<div class="issue ' + Cards.escape(issue.severity) + '">'
      + Cards.escape(describeIssue(issue)) + (issue.expression ? ' <code>' + Cards.escape(issue.expression.join(', '))
      + '</code>' : '') + '</div>').join('');
    $('status').textContent = 'Claim/$validate answered ' + answer.status + ' with ' + issues.length + ' issue'
      + (issues.length === 1 ? '' : 's') + (Object.keys(lineIssues).length ? ', shown on their lines' : '');
  }

  function describeIssue(issue) {
    const code = issue.details && issue.details.coding && issue.details.coding[0] && issue.details.coding[0].code;
    const text = (issue.details && issue.details.text) || issue.diagnostics || '';
    return issue.severity + (code ? ' ' + code : '') + ': ' + text;
  }

  function selectTab(button) {
    document.querySelectorAll('.tabs button').forEach(tab => {
      const selected = tab === button;
      tab.setAttribute('aria-selected', String(selected));
      $(tab.dataset.panel).hidden = !selected;
    });
  }

  function start() {
    Object.keys(SCENARIOS).forEach(name => {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = name;
      button.addEventListener('click', () => loadScenario(name));
      $('scenarios').appendChild(button);
    });
    document.querySelectorAll('.tabs button').forEach(tab => tab.addEventListener('click', () => selectTab(tab)));
    $('add-line').addEventListener('click', () => { lines.push(newLine('64642')); renderLines(); });
    $('select').addEventListener('click', () => callHook('order-select'));
    $('sign').addEventListener('click', () => callHook('order-sign'));
    $('discharge').addEventListener('click', () => callHook('encounter-discharge'));
    $('validate').addEventListener('click', () => validate(Fhir.claim(lines, state())));
    $('validate-pasted').addEventListener('click', () => {
      let pasted;
      try { pasted = JSON.parse($('pasted-claim').value); } catch (e) {
        $('status').textContent = 'The pasted text is not JSON: ' + e.message;
        return;
      }
      validatePasted(pasted);
    });
    loadScenario('64645 without 64644');
  }

  async function validatePasted(resource) {
    const answer = await post('fhir/Claim/$validate', resource, 'application/fhir+json');
    const issues = (answer.json && answer.json.issue) || [];
    lineIssues = {};
    renderLines();
    $('cards').innerHTML = '';
    $('issues').innerHTML = issues.map(issue => '<div class="issue ' + Cards.escape(issue.severity) + '">'
      + Cards.escape(describeIssue(issue)) + (issue.expression ? ' <code>' + Cards.escape(issue.expression.join(', '))
      + '</code>' : '') + '</div>').join('');
    $('status').textContent = 'Claim/$validate answered ' + answer.status + ' with ' + issues.length + ' issues';
  }

  document.addEventListener('DOMContentLoaded', start);
})();
