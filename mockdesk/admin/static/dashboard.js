// mockdesk dashboard: plain JavaScript, no build step, no dependency.
//
// Everything here talks to the documented admin API under /__mockdesk/ with same-origin fetch
// (JSON bodies), except the data browser, which calls a vendor's real list URL as a client
// would. The request feed is pushed by the server (server-sent events); gauges, the clock and
// the fault list are read once a second. Every value from the server is inserted as text
// (textContent), never as markup: the journal holds whatever clients sent.
'use strict';

(() => {
  const KINDS = [
    // [admin API kind, status, short label]
    ['rate_limited', 429, 'rate limit'],
    ['unauthenticated', 401, 'no auth'],
    ['forbidden', 403, 'forbidden'],
    ['not_found', 404, 'not found'],
    ['internal', 500, 'internal'],
    ['unavailable', 503, 'unavailable'],
  ];
  const KEPT = 1000; // entries held in memory (filters choose among them)
  const SHOWN = 200; // rows in the feed at most
  const POLL_MS = 1000; // tenants, then the chosen tenant's gauges, limits, clock and rules
  const FEED_RETRY_MS = 5000;
  const BODY_CAP = 4096; // the journal's cap on stored bodies // after the server refused a feed (503) or went away

  const state = {
    vendors: [],
    bySlug: new Map(),
    cards: new Map(), // slug -> {gauge, limitText, rows, slider, out, lastInput}
    tenant: 'default',
    entries: [], // oldest first
    ids: new Set(),
    knownTenants: new Set(['default']),
    pending: [],
    drawScheduled: false,
    selected: null,
    source: null,
    lastId: 0,
    clock: null,
    faults: [],
    faultsKey: '',
    limits: {},
    windows: [],
    unreachable: false,
    dataLoadedOnce: false,
  };

  const $ = (id) => document.getElementById(id);

  // ---- small helpers -------------------------------------------------------------------

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'class') node.className = value;
      else if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children) {
      if (child !== null && child !== undefined) node.append(child);
    }
    return node;
  }

  class ApiError extends Error {
    constructor(method, path, status, body) {
      super(`${method} ${path}: ${status}`);
      this.status = status;
      this.body = body;
    }

    explain() {
      const body = this.body;
      if (body && typeof body === 'object') {
        if (body.fields && typeof body.fields === 'object') {
          const parts = Object.entries(body.fields).map(
            ([field, messages]) => `${field}: ${[].concat(messages).join(', ')}`);
          return `${this.message} ${parts.join('; ')}`;
        }
        if (body.detail) return `${this.message} ${body.detail}`;
        if (body.error) return `${this.message} ${body.error}`;
      }
      return this.message;
    }
  }

  // One admin call. ``tenant`` null sends no tenant header (only a whole-server reset wants that).
  async function api(method, path, body, tenant = state.tenant) {
    const headers = { Accept: 'application/json' };
    if (tenant !== null) headers['X-Mockdesk-Tenant'] = tenant;
    const init = { method, headers, cache: 'no-store', credentials: 'same-origin' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    const text = await response.text();
    let data = null;
    if (text) {
      try { data = JSON.parse(text); } catch (_) { data = text; }
    }
    if (!response.ok) throw new ApiError(method, path, response.status, data);
    return data;
  }

  function say(message, isError = false) {
    const status = $('status');
    status.textContent = message;
    status.classList.toggle('error', isError);
  }

  class UserError extends Error {}

  function explain(error) {
    if (error instanceof ApiError) return error.explain();
    if (error instanceof UserError) return error.message;
    return `the server did not answer (${error && error.message ? error.message : error})`;
  }

  // Run a control's action; its outcome (or error) goes to the status line.
  function control(action) {
    return (event) => {
      if (event && event.preventDefault && event.type === 'submit') event.preventDefault();
      Promise.resolve()
        .then(action)
        .catch((error) => say(explain(error), true));
    };
  }

  function statusClass(status) {
    return status >= 100 && status < 600 ? String(Math.floor(status / 100)) : '0';
  }

  function statusText(status) {
    return status === 0 ? 'none' : String(status);
  }

  function queryText(query) {
    const params = new URLSearchParams();
    for (const [name, values] of Object.entries(query || {})) {
      for (const value of values) params.append(name, value);
    }
    const text = params.toString();
    return text ? `?${decodeForDisplay(text)}` : '';
  }

  function decodeForDisplay(text) {
    try { return decodeURIComponent(text.replace(/\+/g, ' ')); } catch (_) { return text; }
  }

  function clockPart(time) {
    const match = /T(\d\d:\d\d:\d\d(?:\.\d+)?)/.exec(time || '');
    return match ? match[1] : String(time);
  }

  function ms(value) {
    if (typeof value !== 'number') return '';
    return value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`;
  }

  function pretty(text) {
    if (!text) return '';
    try { return JSON.stringify(JSON.parse(text), null, 2); } catch (_) { return text; }
  }

  function shellQuote(text) {
    return `'${String(text).replace(/'/g, "'\\''")}'`;
  }

  // "Sendcloud Support API v3" -> "Sendcloud": the product name, for buttons and labels
  function shortName(name) {
    return name.split(/\s+(?=\(|API\b|Support\b|Admin\b|Edge\b|Desk\b)/)[0] || name;
  }

  function vendorName(slug) {
    const vendor = state.bySlug.get(slug);
    return vendor ? vendor.short : String(slug);
  }

  // ---- feed ----------------------------------------------------------------------------

  function matches(entry) {
    const vendor = $('filter-vendor').value;
    const status = $('filter-status').value;
    if (vendor && entry.vendor !== vendor) return false;
    if (status && statusClass(entry.status) !== status) return false;
    return true;
  }

  function feedRow(entry) {
    const pathAndQuery = entry.path + queryText(entry.query);
    const fault = entry.fault === null || entry.fault === undefined ? '' : `#${entry.fault}`;
    const label = `${clockPart(entry.time)} ${entry.vendor || 'no vendor'} ${entry.method} ` +
      `${pathAndQuery}, status ${statusText(entry.status)}, ${ms(entry.duration_ms)}` +
      (fault ? `, fault rule ${fault}` : '') + `, tenant ${entry.tenant}`;
    const button = el('button', {
      type: 'button', class: 'entry row-grid', 'data-id': entry.id, 'aria-label': label,
      title: `${entry.method} ${pathAndQuery}`, 'aria-current': entry.id === state.selected ? 'true' : null,
    },
    el('span', { class: 'cell', text: clockPart(entry.time) }),
    el('span', { class: 'cell', text: entry.vendor || '–' }),
    el('span', { class: 'cell' }, el('b', { text: entry.method }), ` ${pathAndQuery}`),
    el('span', { class: 'cell' },
      el('span', { class: `status-badge s${statusClass(entry.status)}`, text: statusText(entry.status) })),
    el('span', { class: 'cell num', text: ms(entry.duration_ms) }),
    el('span', { class: 'cell fault-tag', text: fault }));
    return el('li', {
      'data-testid': 'feed-entry', 'data-id': entry.id, 'data-status': entry.status,
      'data-vendor': entry.vendor || '', 'data-tenant': entry.tenant,
    }, button);
  }

  function receive(entry) {
    if (state.ids.has(entry.id)) return;
    state.ids.add(entry.id);
    state.entries.push(entry);
    state.lastId = Math.max(state.lastId, entry.id);
    if (state.entries.length > KEPT) {
      for (const old of state.entries.splice(0, state.entries.length - KEPT)) {
        state.ids.delete(old.id);
      }
    }
    state.pending.push(entry);
    if (state.pending.length > KEPT) state.pending.splice(0, state.pending.length - KEPT);
    scheduleDraw(); // a hidden tab draws nothing until shown again, then only the newest
    if (!state.knownTenants.has(entry.tenant)) { // a new tenant: offer it in the selects now
      state.knownTenants.add(entry.tenant);
      refreshTenants().catch((error) => say(explain(error), true));
    }
  }

  function scheduleDraw() {
    if (state.drawScheduled) return;
    state.drawScheduled = true;
    requestAnimationFrame(() => {
      state.drawScheduled = false;
      drawPending();
    });
  }

  // New rows go on top; when the reader has scrolled down, the view is kept where it was.
  function drawPending() {
    const fresh = state.pending.filter(matches).slice(-SHOWN);
    state.pending = [];
    if (!fresh.length) return;
    const feed = $('feed');
    const rows = document.createDocumentFragment();
    for (let i = fresh.length - 1; i >= 0; i -= 1) rows.append(feedRow(fresh[i]));
    const keepView = feed.scrollTop > 0;
    const before = feed.scrollHeight;
    feed.prepend(rows);
    while (feed.children.length > SHOWN) feed.lastElementChild.remove();
    if (keepView) feed.scrollTop += feed.scrollHeight - before;
    feedChanged();
  }

  function drawAll() {
    state.pending = [];
    const feed = $('feed');
    const shown = state.entries.filter(matches).slice(-SHOWN).reverse();
    feed.replaceChildren(...shown.map(feedRow));
    feedChanged();
  }

  function feedChanged() {
    const count = $('feed').children.length;
    $('feed-count').textContent = `(${count})`;
    $('feed').closest('.panel').classList.toggle('is-empty', count === 0);
    $('feed-empty').textContent = state.entries.length
      ? 'No request matches the filters.'
      : 'No requests yet. Point a client at this server, or use the data browser.';
  }

  function connectFeed(since = 0) {
    if (state.source) state.source.close();
    const tenant = $('filter-tenant').value || '*';
    const url = `requests/feed?tenant=${encodeURIComponent(tenant)}&since=${since}`;
    const source = new EventSource(url);
    state.source = source;
    const feedState = $('feed-state');
    feedState.textContent = 'connecting';
    feedState.className = 'pill';
    source.addEventListener('open', () => {
      feedState.textContent = 'live';
      feedState.className = 'pill live';
    });
    source.addEventListener('request', (event) => {
      try { receive(JSON.parse(event.data)); } catch (_) { /* not an entry: ignore it */ }
    });
    source.addEventListener('gap', (event) => {
      let dropped = '?';
      try { dropped = JSON.parse(event.data).dropped; } catch (_) { /* keep '?' */ }
      say(`The page fell behind: ${dropped} requests were not shown (they are in GET /__mockdesk/requests).`);
    });
    source.addEventListener('error', () => {
      if (state.source !== source) return;
      feedState.className = 'pill down';
      if (source.readyState === EventSource.CLOSED) {
        // refused (503: too many feeds open) or not an event stream: try again later
        feedState.textContent = 'feed unavailable, retrying';
        setTimeout(() => { if (state.source === source) connectFeed(state.lastId); }, FEED_RETRY_MS);
      } else {
        feedState.textContent = 'reconnecting';
      }
    });
  }

  // The feed's tenant filter is the stream's: a new stream replays that tenant's newest entries.
  function followTenant() {
    state.entries = [];
    state.ids = new Set();
    state.lastId = 0;
    drawAll();
    connectFeed(0);
  }

  function selectEntry(id) {
    state.selected = id;
    for (const button of $('feed').querySelectorAll('button[aria-current]')) {
      button.removeAttribute('aria-current');
    }
    const button = $('feed').querySelector(`button[data-id="${id}"]`);
    if (button) button.setAttribute('aria-current', 'true');
    const entry = state.entries.find((candidate) => candidate.id === id);
    if (entry) showDetails(entry);
    selectTab('tab-details', false);
  }

  function table(rows, emptyText) {
    if (!rows.length) return el('p', { class: 'muted', text: emptyText });
    return el('table', { class: 'kv' }, el('tbody', {},
      ...rows.map(([name, value]) => el('tr', {}, el('th', { scope: 'row', text: name }),
        el('td', { text: value })))));
  }

  function showDetails(entry) {
    const queryRows = [];
    for (const [name, values] of Object.entries(entry.query || {})) {
      for (const value of values) queryRows.push([name, value]);
    }
    const response = entry.response || { status: entry.status, body: '' };
    const responseBody = entry.status === 0
      ? el('p', { class: 'muted', text: 'No response: a transport fault cut the connection.' })
      : el('pre', { class: 'body', tabindex: 0, 'aria-label': 'Response body', text: pretty(response.body) || '(empty body)' });
    const facts = [
      ['Time', entry.time], ['Tenant', entry.tenant], ['Duration', ms(entry.duration_ms)],
      ['Credential', entry.credential || '(none recognised)'],
      ['Fault rule', entry.fault === null || entry.fault === undefined ? 'none' : `#${entry.fault}`],
      ['Journal id', String(entry.id)],
    ];
    const request = el('section', { 'aria-label': 'Request' },
      el('h3', { text: 'Request' }), table(facts, ''),
      el('h3', { text: 'Headers (secrets redacted)' }),
      table(Object.entries(entry.headers || {}), 'No headers.'),
      el('h3', { text: 'Query' }), table(queryRows, 'No query parameters.'));
    if (entry.body) {
      request.append(el('h3', { text: 'Body' }), el('pre', { class: 'body', text: pretty(entry.body) }));
    }
    const answer = el('section', { 'aria-label': 'Response' },
      el('h3', {}, 'Response ',
        el('span', { class: `status-badge s${statusClass(response.status)}`, text: statusText(response.status) })),
      (response.body || '').length >= BODY_CAP
        ? el('p', { class: 'muted', text: `The first ${BODY_CAP} characters (the journal keeps no more).` })
        : null,
      responseBody);
    $('pane-details').replaceChildren(
      el('div', { class: 'details-head' },
        el('span', { class: `status-badge s${statusClass(entry.status)}`, text: statusText(entry.status) }),
        el('code', { text: `${entry.method} ${entry.path}${queryText(entry.query)}` }),
        el('span', { class: 'pill', text: entry.vendor || 'no vendor' })),
      el('div', { class: 'details-cols' }, request, answer));
  }

  function onFeedKey(event) {
    const current = event.target.closest('li');
    if (!current) return;
    let next = null;
    if (event.key === 'ArrowDown') next = current.nextElementSibling;
    else if (event.key === 'ArrowUp') next = current.previousElementSibling;
    else if (event.key === 'Home') next = $('feed').firstElementChild;
    else if (event.key === 'End') next = $('feed').lastElementChild;
    if (next) {
      event.preventDefault();
      next.querySelector('button').focus();
    }
  }

  // ---- vendors: gauges and controls ----------------------------------------------------

  function buildCard(vendor) {
    const card = $('vendor-card').content.firstElementChild.cloneNode(true);
    card.setAttribute('aria-labelledby', `vendor-${vendor.slug}`);
    const title = card.querySelector('.vendor-name');
    title.id = `vendor-${vendor.slug}`;
    title.textContent = vendor.short;
    title.title = vendor.name;

    const limitInput = card.querySelector('.limit-input');
    limitInput.id = `limit-${vendor.slug}`;
    limitInput.setAttribute('aria-label', `New rate limit for ${vendor.short}, like 30/minute or off`);
    card.querySelector('.limit-form').addEventListener('submit', control(async () => {
      const limit = limitInput.value.trim();
      if (!limit) throw new UserError('type a limit first, like 30/minute, 4/second or off');
      state.limits = await api('PUT', `rate-limits/${encodeURIComponent(vendor.slug)}`, { limit });
      limitInput.value = '';
      drawGauges();
      say(`${vendor.short}: rate limit is now ${state.limits[vendor.slug]} (tenant ${state.tenant}).`);
    }));

    const gauge = card.querySelector('.gauge');
    gauge.dataset.testid = `gauge-${vendor.slug}`;
    gauge.setAttribute('aria-label', `${vendor.short} rate limit`);

    const inject = card.querySelector('.inject');
    inject.setAttribute('aria-label', `Inject one error into the next ${vendor.short} request`);
    for (const [kind, code, short] of KINDS) {
      const button = el('button', {
        type: 'button', 'data-testid': `inject-${vendor.slug}-${kind}`,
        'aria-label': `Next ${vendor.short} request gets ${code} ${kind}`,
        title: `${kind}: the next ${vendor.short} request gets the vendor's ${code}`,
      }, el('span', { class: 'code', text: String(code) }), el('span', { class: 'kind', text: short }));
      button.addEventListener('click', control(async () => {
        const rule = await api('POST', 'faults', { vendor: vendor.slug, error: kind, times: 1 });
        say(`Rule #${rule.id}: the next ${vendor.short} request gets ${code} ${kind}.`);
        await refreshFaults();
      }));
      inject.append(button);
    }

    const slider = card.querySelector('.latency-input');
    const out = card.querySelector('.latency-out');
    slider.id = `latency-${vendor.slug}`;
    slider.setAttribute('aria-label', `Added latency for every ${vendor.short} request, in milliseconds`);
    slider.dataset.testid = `latency-${vendor.slug}`;
    const view = { gauge, rows: card.querySelector('.gauge-rows'),
      limitText: card.querySelector('.gauge-limit'), slider, out, lastInput: 0, busy: 0,
      queue: Promise.resolve() };
    slider.addEventListener('input', () => {
      view.lastInput = Date.now();
      out.textContent = `${slider.value} ms`;
    });
    // one change at a time, in order: a quick drag or key presses never leave two rules behind
    slider.addEventListener('change', () => {
      const delay = Number(slider.value);
      const group = slider.closest('.latency');
      view.busy += 1;
      group.setAttribute('aria-busy', 'true');
      view.queue = view.queue
        .then(() => setLatency(vendor, delay))
        .catch((error) => say(explain(error), true))
        .finally(() => {
          view.busy -= 1;
          view.lastInput = Date.now();
          group.setAttribute('aria-busy', String(view.busy > 0));
        });
    });

    const severButton = card.querySelector('.conn-reset');
    severButton.dataset.testid = `sever-${vendor.slug}`;
    severButton.setAttribute('aria-label', `Reset the connection of the next ${vendor.short} request`);
    severButton.addEventListener('click', control(async () => {
      const rule = await api('POST', 'faults', { vendor: vendor.slug, transport: 'reset', times: 1 });
      say(`Rule #${rule.id}: the next ${vendor.short} request has its connection reset.`);
      await refreshFaults();
    }));

    state.cards.set(vendor.slug, view);
    return card;
  }

  function isLatencyRule(rule, slug) {
    return rule.vendor === slug && rule.delay_ms !== null && rule.error === null &&
      rule.transport === null && rule.times === null && rule.path_prefix === null &&
      rule.method === null && rule.credential === null && rule.probability === 1;
  }

  // The slider's rule replaces the vendor's previous latency rule (read fresh from the server).
  async function setLatency(vendor, delay) {
    const current = (await api('GET', 'faults')).faults;
    for (const rule of current.filter((r) => isLatencyRule(r, vendor.slug))) {
      try {
        await api('DELETE', `faults/${rule.id}`);
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 404)) throw error;
      }
    }
    let message = `${vendor.short}: no added latency.`;
    if (delay > 0) {
      const rule = await api('POST', 'faults', { vendor: vendor.slug, delay_ms: delay, times: null });
      message = `Rule #${rule.id}: every ${vendor.short} request waits ${delay} ms until removed.`;
    }
    await refreshFaults();
    say(message);
  }

  function syncSliders() {
    for (const [slug, view] of state.cards) {
      if (view.busy || Date.now() - view.lastInput < 1500) continue;
      const rule = state.faults.find((r) => isLatencyRule(r, slug));
      const delay = rule ? Math.round(rule.delay_ms) : 0;
      if (Number(view.slider.value) !== delay) view.slider.value = String(delay);
      view.out.textContent = `${delay} ms`;
    }
  }

  function secondsUntil(resetAt) {
    if (!state.clock) return null;
    const left = (Date.parse(resetAt) - Date.parse(state.clock.now)) / 1000;
    return Number.isFinite(left) ? Math.max(0, Math.ceil(left)) : null;
  }

  function gaugeRow(win) {
    const row = el('li', { class: 'gauge-row', 'data-credential': win.credential },
      el('span', { class: 'who', title: win.credential, text: win.credential }),
      el('span', { class: 'nums' }),
      el('span', { class: 'bar-track', role: 'meter', 'aria-valuemin': 0 },
        el('span', { class: 'bar-fill' })));
    return row;
  }

  function drawGauges() {
    for (const [slug, view] of state.cards) {
      const limit = state.limits[slug];
      const refusals = state.entries.filter(
        (e) => e.vendor === slug && e.status === 429 && e.tenant === state.tenant).length;
      const windows = state.windows.filter((w) => w.vendor === slug);
      const full = windows.some((w) => w.remaining <= 0);
      view.gauge.classList.toggle('full', full);
      view.gauge.dataset.full = String(full);
      view.gauge.dataset.refusals = String(refusals);
      const limitText = limit === undefined ? '…' : limit;
      view.limitText.replaceChildren(
        `Limit ${limitText}${limit === 'off' ? ' (no rate limit)' : ''}`,
        refusals ? el('span', { class: 'refusals', text: ` · 429s in feed: ${refusals}` }) : '');
      const existing = new Map();
      for (const row of view.rows.querySelectorAll('li[data-credential]')) {
        existing.set(row.dataset.credential, row);
      }
      const rows = [];
      for (const win of windows) {
        const row = existing.get(win.credential) || gaugeRow(win);
        const share = win.limit > 0 ? Math.min(1, win.used / win.limit) : 0;
        const fill = row.querySelector('.bar-fill');
        fill.style.width = `${(share * 100).toFixed(1)}%`;
        fill.className = `bar-fill${win.remaining <= 0 ? ' full' : share >= 0.8 ? ' warn' : ''}`;
        const meter = row.querySelector('.bar-track');
        meter.setAttribute('aria-valuemax', String(win.limit));
        meter.setAttribute('aria-valuenow', String(win.used));
        meter.setAttribute('aria-label', `${win.credential}: ${win.used} of ${win.limit} used`);
        const seconds = secondsUntil(win.reset_at);
        const frozen = state.clock && state.clock.frozen ? ', clock frozen' : '';
        row.querySelector('.nums').textContent =
          `${win.used}/${win.limit} used · ${win.remaining} left · ` +
          `resets in ${seconds === null ? '?' : seconds} s${frozen}`;
        row.classList.toggle('at-limit', win.remaining <= 0);
        rows.push(row);
      }
      if (!rows.length) {
        rows.push(el('li', { class: 'gauge-row idle', text: 'No requests in the current window.' }));
      }
      const same = rows.length === view.rows.children.length &&
        rows.every((row, i) => view.rows.children[i] === row);
      if (!same) view.rows.replaceChildren(...rows);
    }
  }

  // ---- fault rules ---------------------------------------------------------------------

  function describeRule(rule) {
    const where = [rule.vendor ? vendorName(rule.vendor) : 'every vendor'];
    if (rule.method) where.push(rule.method);
    if (rule.path_prefix) where.push(`${rule.path_prefix}*`);
    if (rule.credential) where.push(`credential ${rule.credential}`);
    const effects = [];
    if (rule.error) effects.push(rule.error);
    if (rule.delay_ms !== null) effects.push(`delay ${rule.delay_ms} ms`);
    if (rule.delay) effects.push(`delay ~${rule.delay.median_ms} ms (σ ${rule.delay.sigma})`);
    if (rule.transport) effects.push(`connection ${rule.transport}`);
    const times = rule.times === null ? 'until removed' : `${rule.fired}/${rule.times} fired`;
    const chance = rule.probability === 1 ? '' : ` · p ${rule.probability}`;
    return `#${rule.id} ${where.join(' ')} → ${effects.join(' + ')} · ${times}${chance}`;
  }

  function drawFaults() {
    const list = $('faults');
    const focused = document.activeElement && list.contains(document.activeElement)
      ? document.activeElement.closest('li').dataset.ruleId : null;
    list.replaceChildren(...state.faults.map((rule) => {
      const remove = el('button', { type: 'button', 'aria-label': `Remove fault rule #${rule.id}`, text: 'Remove' });
      remove.addEventListener('click', control(async () => {
        try {
          await api('DELETE', `faults/${rule.id}`);
          say(`Removed fault rule #${rule.id}.`);
        } catch (error) {
          if (!(error instanceof ApiError && error.status === 404)) throw error;
          say(`Fault rule #${rule.id} was already used up or removed.`);
        }
        await refreshFaults();
      }));
      const text = describeRule(rule);
      return el('li', { 'data-rule-id': rule.id }, el('span', { class: 'what', title: text, text }), remove);
    }));
    $('faults').closest('.panel').classList.toggle('is-empty', state.faults.length === 0);
    if (focused) {
      const again = list.querySelector(`li[data-rule-id="${focused}"] button`);
      if (again) again.focus();
      else if (list.querySelector('button')) list.querySelector('button').focus();
      else $('faults-clear').focus();
    }
  }

  function takeFaults(faults) {
    state.faults = faults;
    const key = JSON.stringify(faults);
    if (key !== state.faultsKey) {
      state.faultsKey = key;
      drawFaults();
    }
    syncSliders();
  }

  async function refreshFaults() {
    const tenant = state.tenant;
    const body = await api('GET', 'faults');
    if (tenant === state.tenant) takeFaults(body.faults);
  }

  // ---- clock, tenants, limits, polling -------------------------------------------------

  function drawClock() {
    const clock = state.clock;
    if (!clock) return;
    const match = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)/.exec(clock.now);
    $('clock-now').textContent = match ? `${match[1]} ${match[2]}` : clock.now;
    const pill = $('clock-state');
    pill.textContent = clock.frozen ? 'frozen' : 'live';
    pill.className = `pill ${clock.frozen ? 'frozen' : 'live'}`;
    const freeze = $('clock-freeze');
    freeze.setAttribute('aria-pressed', String(clock.frozen));
    freeze.textContent = clock.frozen ? 'Unfreeze' : 'Freeze';
  }

  function fillSelect(select, values, allLabel) {
    const current = select.value;
    const options = [];
    if (allLabel) options.push(el('option', { value: '*', text: allLabel }));
    for (const value of values) options.push(el('option', { value, text: value }));
    const same = options.length === select.options.length &&
      options.every((option, i) => select.options[i].value === option.value);
    if (same) return;
    select.replaceChildren(...options);
    const values_ = options.map((option) => option.value);
    select.value = values_.includes(current) ? current : values_[0];
  }

  async function refreshTenants() {
    const body = await api('GET', 'tenants', undefined, null);
    const names = body.tenants.includes('default') ? body.tenants : ['default', ...body.tenants];
    state.knownTenants = new Set(names);
    fillSelect($('tenant'), names, null);
    const filter = $('filter-tenant');
    const before = filter.value;
    fillSelect(filter, names, 'all');
    if (filter.value !== before) followTenant();
    if ($('tenant').value !== state.tenant) changeTenant($('tenant').value);
  }

  async function refreshLimits() {
    const tenant = state.tenant;
    const limits = await api('GET', 'rate-limits');
    if (tenant === state.tenant) state.limits = limits;
  }

  // Tenants first: a tenant dropped elsewhere is let go (switching to default) before any call
  // that names it, since an admin call naming a tenant makes it again.
  async function poll() {
    await refreshTenants();
    const tenant = state.tenant;
    const [windows, clock, faults, limits] = await Promise.all([
      api('GET', 'rate-limits/windows'), api('GET', 'clock'), api('GET', 'faults'),
      api('GET', 'rate-limits'),
    ]);
    if (tenant !== state.tenant) return;
    state.limits = limits;
    state.windows = windows.windows;
    state.clock = clock;
    drawClock();
    takeFaults(faults.faults);
    drawGauges();
  }

  function pollForever() {
    const next = () => setTimeout(pollForever, POLL_MS);
    if (document.hidden) {
      next();
      return;
    }
    poll().then(() => {
      if (state.unreachable) {
        state.unreachable = false;
        say('Connected to the server again.');
      }
    }, (error) => {
      if (!state.unreachable) say(explain(error), true);
      state.unreachable = true;
    }).finally(next);
  }

  function changeTenant(name) {
    state.tenant = name;
    state.faultsKey = '';
    state.windows = [];
    state.limits = {};
    poll().catch((error) => say(explain(error), true));
    drawGauges();
    updateCurl();
  }

  // ---- header controls -----------------------------------------------------------------

  async function advanceClock() {
    const seconds = Number($('clock-seconds').value);
    state.clock = await api('POST', 'clock', { advance: seconds });
    drawClock();
    drawGauges();
    say(`Tenant ${state.tenant}: clock advanced by ${seconds} s.`);
  }

  async function toggleFreeze() {
    const freeze = !(state.clock && state.clock.frozen);
    state.clock = await api('POST', 'clock', { freeze });
    drawClock();
    say(`Tenant ${state.tenant}: clock ${freeze ? 'frozen' : 'running'}.`);
  }

  async function resetServer() {
    const wholeServer = $('reset-scope').value === 'server';
    const result = await api('POST', 'reset', {}, wholeServer ? null : state.tenant);
    const keep = wholeServer ? () => false : (entry) => entry.tenant !== state.tenant;
    state.entries = state.entries.filter(keep);
    state.ids = new Set(state.entries.map((entry) => entry.id));
    if (state.selected !== null && !state.ids.has(state.selected)) {
      state.selected = null;
      $('pane-details').replaceChildren(
        el('p', { class: 'empty', text: 'Select a request in the feed to see its headers, query and response.' }));
    }
    drawAll();
    for (const view of state.cards.values()) view.lastInput = 0;
    if (wholeServer && state.tenant !== 'default') {
      $('tenant').value = 'default';
      changeTenant('default');
    }
    await poll();
    say(wholeServer
      ? `Reset the whole server (seed ${result.seed}): every tenant, rule, window and journal entry.`
      : `Reset tenant ${result.tenant} (seed ${result.seed}).`);
  }

  function toggleLargeType() {
    const large = !document.documentElement.classList.contains('large');
    applyLargeType(large);
    try { localStorage.setItem('mockdesk.largeType', large ? '1' : '0'); } catch (_) { /* private mode */ }
  }

  function applyLargeType(large) {
    document.documentElement.classList.toggle('large', large);
    $('large-type').setAttribute('aria-pressed', String(large));
  }

  // ---- tabs and the data browser -------------------------------------------------------

  function selectTab(id, focus) {
    for (const tab of document.querySelectorAll('[role="tab"]')) {
      const selected = tab.id === id;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      $(tab.getAttribute('aria-controls')).hidden = !selected;
      if (selected && focus) tab.focus();
    }
    if (id === 'tab-data' && !state.dataLoadedOnce) {
      state.dataLoadedOnce = true;
      control(loadData)();
    }
  }

  function onTabKey(event) {
    const tabs = [...document.querySelectorAll('[role="tab"]')];
    const index = tabs.indexOf(event.target);
    if (index < 0) return;
    let next = null;
    if (event.key === 'ArrowRight') next = tabs[(index + 1) % tabs.length];
    else if (event.key === 'ArrowLeft') next = tabs[(index - 1 + tabs.length) % tabs.length];
    if (next) {
      event.preventDefault();
      selectTab(next.id, true);
    }
  }

  function dataVendor() {
    return state.bySlug.get($('data-vendor').value) || state.vendors[0];
  }

  function dataHeaders(vendor) {
    const headers = { ...vendor.demo_headers };
    if (state.tenant !== 'default') headers['X-Mockdesk-Tenant'] = state.tenant;
    return headers;
  }

  function updateCurl() {
    const vendor = dataVendor();
    if (!vendor) return;
    const url = `${window.location.origin}${vendor.list_path}`;
    $('data-url').textContent = url;
    const parts = ['curl -sS'];
    for (const [name, value] of Object.entries(dataHeaders(vendor))) {
      parts.push(`-H ${shellQuote(`${name}: ${value}`)}`);
    }
    parts.push(shellQuote(url));
    $('data-curl').textContent = parts.join(' \\\n  ');
  }

  async function loadData() {
    const vendor = dataVendor();
    if (!vendor) return;
    updateCurl();
    const status = $('data-status');
    status.textContent = 'loading';
    status.className = 'pill';
    const response = await fetch(vendor.list_path, { headers: dataHeaders(vendor), cache: 'no-store' });
    const text = await response.text();
    status.textContent = `${response.status} ${response.statusText}`.trim();
    status.className = `pill ${response.ok ? 'live' : 'down'}`;
    $('data-body').textContent = pretty(text);
    say(`${vendor.short}: first page of tickets loaded (${response.status}); the request is in the feed.`);
  }

  async function copyCurl() {
    const text = $('data-curl').textContent;
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
    } else {
      const range = document.createRange();
      range.selectNodeContents($('data-curl'));
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      document.execCommand('copy');
    }
    say('curl command copied.');
  }

  // ---- start ---------------------------------------------------------------------------

  async function start() {
    let large = false;
    try { large = localStorage.getItem('mockdesk.largeType') === '1'; } catch (_) { /* none */ }
    applyLargeType(large);

    $('large-type').addEventListener('click', toggleLargeType);
    $('reset').addEventListener('click', control(resetServer));
    $('clock-advance').addEventListener('click', control(advanceClock));
    $('clock-freeze').addEventListener('click', control(toggleFreeze));
    $('tenant').addEventListener('change', () => changeTenant($('tenant').value));
    $('filter-vendor').addEventListener('change', drawAll);
    $('filter-status').addEventListener('change', drawAll);
    $('filter-tenant').addEventListener('change', followTenant);
    $('feed-clear').addEventListener('click', () => {
      state.entries = [];
      state.ids = new Set();
      drawAll();
      say('Feed view cleared (the journal on the server is unchanged).');
    });
    $('feed').addEventListener('click', (event) => {
      const button = event.target.closest('button.entry');
      if (button) selectEntry(Number(button.dataset.id));
    });
    $('feed').addEventListener('keydown', onFeedKey);
    $('faults-clear').addEventListener('click', control(async () => {
      await api('DELETE', 'faults');
      say(`Removed every fault rule of tenant ${state.tenant}.`);
      await refreshFaults();
    }));
    for (const tab of document.querySelectorAll('[role="tab"]')) {
      tab.addEventListener('click', () => selectTab(tab.id, false));
      tab.addEventListener('keydown', onTabKey);
    }
    $('data-vendor').addEventListener('change', control(loadData));
    $('data-load').addEventListener('click', control(loadData));
    $('data-copy').addEventListener('click', control(copyCurl));
    drawAll();

    const listed = await api('GET', 'dashboard/vendors.json', undefined, null);
    state.vendors = listed.vendors.map((vendor) => ({
      ...vendor, short: shortName(vendor.name),
    }));
    for (const vendor of state.vendors) state.bySlug.set(vendor.slug, vendor);
    const cards = $('vendors');
    for (const vendor of state.vendors) {
      cards.append(buildCard(vendor));
      $('filter-vendor').append(el('option', { value: vendor.slug, text: vendor.short }));
      $('data-vendor').append(el('option', { value: vendor.slug, text: vendor.short }));
    }
    updateCurl();
    connectFeed(0);
    await refreshTenants();
    await refreshLimits();
    pollForever();
    say(`Ready: ${state.vendors.length} vendors. Requests appear as they happen; ` +
      'controls act on the tenant chosen at the top left.');
  }

  document.addEventListener('DOMContentLoaded', () => {
    start().catch((error) => say(`The dashboard could not start: ${explain(error)}`, true));
  });
})();
