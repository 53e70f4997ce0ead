// The override dashboard over GET /feedback/report: per rule, and per week from the report's
// "since" windows (the cards of a week are those since its start minus those since its end).
'use strict';

(() => {
  const $ = id => document.getElementById(id);
  const WEEKS = 8;
  const DAY_MS = 24 * 3600 * 1000;
  const SVG = 'http://www.w3.org/2000/svg';

  async function report(since) {
    const headers = { Accept: 'application/json' };
    const token = $('token').value.trim();
    if (token) headers.Authorization = 'Bearer ' + token;
    const response = await fetch('feedback/report' + (since ? '?since=' + encodeURIComponent(since) : ''), { headers });
    if (!response.ok) {
      let message = '';
      try { message = (await response.json()).message || ''; } catch (e) { message = ''; }
      throw new Error('the report answered ' + response.status + (message ? ': ' + message : '')
        + (response.status === 401 ? ' (security is on: paste a bearer token above)' : ''));
    }
    return response.json();
  }

  const rate = rule => (rule.issued ? rule.overridden / rule.issued : 0);
  const percent = value => Math.round(value * 100) + '%';

  function svg(tag, attributes) {
    const node = document.createElementNS(SVG, tag);
    Object.entries(attributes).forEach(([key, value]) => node.setAttribute(key, String(value)));
    return node;
  }

  function bars(rule, max) {
    const chart = svg('svg', { width: 180, height: 36, role: 'img',
      'aria-label': rule.issued + ' issued, ' + rule.accepted + ' accepted, ' + rule.overridden + ' overridden' });
    [['issued', rule.issued], ['accepted', rule.accepted], ['overridden', rule.overridden]].forEach(([kind, value], i) => {
      chart.appendChild(svg('rect', { class: 'bar ' + kind, x: 0, y: i * 12, height: 10,
        width: Math.max(1, Math.round(170 * value / Math.max(1, max))) }));
    });
    return chart;
  }

  function renderRules(data) {
    const rules = data.rules.slice().sort((a, b) => rate(b) - rate(a) || b.overridden - a.overridden
      || a.ruleId.localeCompare(b.ruleId));
    const max = Math.max(1, ...rules.map(r => r.issued));
    const body = $('rules').querySelector('tbody');
    body.innerHTML = '';
    rules.forEach(rule => {
      const row = document.createElement('tr');
      row.dataset.rule = rule.ruleId;
      const cells = [rule.ruleId, rule.issued, rule.accepted, rule.overridden, percent(rate(rule))];
      cells.forEach(value => {
        const cell = document.createElement('td');
        cell.textContent = String(value);
        row.appendChild(cell);
      });
      const chart = document.createElement('td');
      chart.appendChild(bars(rule, max));
      row.appendChild(chart);
      const reasons = document.createElement('td');
      reasons.innerHTML = (rule.topOverrideReasons || []).map(r => Cards.escape(r.display || r.code) + ' ('
        + r.count + ')').join('<br>') || '&ndash;';
      row.appendChild(reasons);
      body.appendChild(row);
    });
    if (!rules.length) body.innerHTML = '<tr><td colspan="7">No cards issued yet: try the order page.</td></tr>';
  }

  function totals(data) {
    return data.rules.reduce((sum, r) => ({ issued: sum.issued + r.issued, overridden: sum.overridden + r.overridden }),
      { issued: 0, overridden: 0 });
  }

  async function renderWeeks() {
    const now = Date.now();
    const windows = await Promise.all(Array.from({ length: WEEKS + 1 }, (_, k) =>
      report(new Date(now - k * 7 * DAY_MS).toISOString()).then(totals)));
    const weeks = [];
    for (let k = WEEKS; k >= 1; k--) {
      const issued = windows[k].issued - windows[k - 1].issued;
      const overridden = windows[k].overridden - windows[k - 1].overridden;
      weeks.push({ label: new Date(now - k * 7 * DAY_MS).toISOString().slice(5, 10), issued, overridden });
    }
    const width = 560;
    const height = 160;
    const chart = svg('svg', { width, height: height + 30, role: 'img', 'aria-label': 'override rate per week' });
    weeks.forEach((week, i) => {
      const value = week.issued ? week.overridden / week.issued : 0;
      const barHeight = Math.round(height * value);
      const x = i * (width / WEEKS) + 8;
      chart.appendChild(svg('rect', { class: 'bar', x, y: height - barHeight, width: width / WEEKS - 16,
        height: Math.max(1, barHeight) }));
      const label = svg('text', { class: 'chart-label', x, y: height + 14 });
      label.textContent = week.label + ' ' + (week.issued ? percent(value) : '-');
      chart.appendChild(label);
    });
    $('weeks').innerHTML = '';
    $('weeks').appendChild(chart);
  }

  async function refresh() {
    $('status').textContent = 'Loading the report...';
    try {
      const data = await report(null);
      renderRules(data);
      const all = totals(data);
      $('status').textContent = all.issued + ' cards issued, ' + all.overridden + ' overridden, over '
        + data.rules.length + ' rules (all time).';
      await renderWeeks();
    } catch (e) {
      $('status').textContent = 'Could not load: ' + e.message;
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('refresh').addEventListener('click', refresh);
    refresh();
  });
})();
