/*
 * Windbell staff inbox page: logs the employee in (authorization code + PKCE S256 against the realm's public client),
 * lists their inbox, adds new items live from the stream, opens one (marks it read) and acknowledges it. Plain
 * JavaScript, no framework, no inline script (the page's CSP forbids it); every text comes from the page's data-t-*
 * attributes, and every value from the API is put into the DOM as text, never as HTML. See ADR 0028.
 */
'use strict';

(() => {
  const app = document.getElementById('app');
  const cfg = app.dataset;
  const issuer = cfg.issuer.replace(/\/+$/, '');
  const clientId = cfg.clientId;
  const lang = cfg.lang;
  // the page's own URL without its query: what the realm redirects back to
  const pageUrl = location.origin + location.pathname;
  const PKCE_KEY = 'windbell.inbox.pkce';
  const TOKENS_KEY = 'windbell.inbox.tokens';
  const SIGNED_OUT_KEY = 'windbell.inbox.signed-out';
  const REFRESH_AHEAD_MS = 30000;
  const MAX_RETRY_MS = 30000;

  const $ = (testid, root = document) => root.querySelector('[data-testid="' + testid + '"]');
  const text = (name) => cfg['t' + name.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join('')];

  let tokens = null;
  let refreshTimer = null;
  let source = null;
  let retryTimer = null;
  let retryDelay = 1000;
  let unreadFetch = null;
  let unreadStale = false;
  let opened = null;
  const items = new Map(); // id -> { item, li }
  const seqs = new Set();
  let highestSeq = 0;

  // ---- login ------------------------------------------------------------------------------------------------------

  const base64url = (bytes) => {
    let s = '';
    bytes.forEach((b) => { s += String.fromCharCode(b); });
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  };
  const random = (n) => base64url(crypto.getRandomValues(new Uint8Array(n)));
  const s256 = async (verifier) =>
    base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));

  async function login() {
    const state = random(16);
    const verifier = random(48);
    sessionStorage.removeItem(SIGNED_OUT_KEY);
    sessionStorage.setItem(PKCE_KEY, JSON.stringify({ state, verifier, lang: new URLSearchParams(location.search).get('lang') }));
    const url = new URL(issuer + '/protocol/openid-connect/auth');
    url.search = new URLSearchParams({
      response_type: 'code', client_id: clientId, redirect_uri: pageUrl, scope: 'openid', state,
      code_challenge: await s256(verifier), code_challenge_method: 'S256', ui_locales: lang,
    }).toString();
    location.assign(url.toString());
  }

  /** Back from the realm with ?code&state: exchanges the code; false when the page is reloading itself. */
  async function completeLogin(params) {
    const saved = JSON.parse(sessionStorage.getItem(PKCE_KEY) || 'null');
    sessionStorage.removeItem(PKCE_KEY);
    // the code is single-use and a credential: off the address bar and the history at once
    history.replaceState(null, '', pageUrl);
    if (!saved || params.has('error') || params.get('state') !== saved.state) {
      throw new Error('login refused or state mismatch');
    }
    keep(await tokenRequest({
      grant_type: 'authorization_code', code: params.get('code'), redirect_uri: pageUrl, client_id: clientId,
      code_verifier: saved.verifier,
    }));
    if (saved.lang && saved.lang !== lang) {
      location.replace(pageUrl + '?lang=' + encodeURIComponent(saved.lang));
      return false;
    }
    if (saved.lang) {
      history.replaceState(null, '', pageUrl + '?lang=' + encodeURIComponent(saved.lang));
    }
    return true;
  }

  async function tokenRequest(form) {
    const response = await fetch(issuer + '/protocol/openid-connect/token', {
      method: 'POST', credentials: 'omit', cache: 'no-store',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form),
    });
    if (!response.ok) {
      throw new Error('token endpoint answered ' + response.status);
    }
    const t = await response.json();
    return {
      access: t.access_token, refresh: t.refresh_token, idToken: t.id_token,
      expiresAt: Date.now() + (Number(t.expires_in) || 60) * 1000,
    };
  }

  /** Tokens live in this tab's sessionStorage only: gone with the tab, never sent anywhere but the API and the realm. */
  function keep(fresh) {
    tokens = {
      access: fresh.access, refresh: fresh.refresh || (tokens && tokens.refresh),
      idToken: fresh.idToken || (tokens && tokens.idToken), expiresAt: fresh.expiresAt,
    };
    sessionStorage.setItem(TOKENS_KEY, JSON.stringify(tokens));
    scheduleRefresh();
  }

  function scheduleRefresh() {
    clearTimeout(refreshTimer);
    const delay = Math.max(1000, tokens.expiresAt - Date.now() - REFRESH_AHEAD_MS);
    refreshTimer = setTimeout(() => refresh().catch(sessionLost), delay);
  }

  async function refresh() {
    if (!tokens || !tokens.refresh) {
      throw new Error('no refresh token');
    }
    keep(await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh, client_id: clientId }));
  }

  function forget() {
    clearTimeout(refreshTimer);
    stopStream();
    tokens = null;
    sessionStorage.removeItem(TOKENS_KEY);
  }

  /** The refresh token is gone or refused: log in again (the realm's session usually makes that invisible). */
  function sessionLost() {
    forget();
    login();
  }

  function logout() {
    const idToken = tokens && tokens.idToken;
    forget();
    sessionStorage.setItem(SIGNED_OUT_KEY, '1');
    const url = new URL(issuer + '/protocol/openid-connect/logout');
    const params = new URLSearchParams({ client_id: clientId, post_logout_redirect_uri: pageUrl });
    if (idToken) {
      params.set('id_token_hint', idToken);
    }
    url.search = params.toString();
    location.assign(url.toString());
  }

  function claims(jwt) {
    try {
      const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const bytes = Uint8Array.from(atob(payload), (c) => c.charCodeAt(0));
      return JSON.parse(new TextDecoder().decode(bytes));
    } catch (e) {
      return {};
    }
  }

  // ---- the API ----------------------------------------------------------------------------------------------------

  // relative to the page, so the same page works at /inbox and behind the gateway's prefix
  const apiUrl = (path) => new URL(path, pageUrl).toString();

  async function call(method, path, retried) {
    const response = await fetch(apiUrl(path), {
      method, credentials: 'omit', cache: 'no-store',
      headers: { Authorization: 'Bearer ' + tokens.access, Accept: 'application/json' },
    });
    if (response.status === 401 && !retried) {
      await refresh().catch((e) => { sessionLost(); throw e; });
      return call(method, path, true);
    }
    if (!response.ok) {
      throw new Error(method + ' ' + path + ' answered ' + response.status);
    }
    return response.status === 204 ? null : response.json();
  }

  // ---- the list ---------------------------------------------------------------------------------------------------

  function state(name, message) {
    app.dataset.state = name;
    $('status').textContent = message || '';
  }

  function priorityText(priority) {
    return text('priority-' + String(priority || 'normal').toLowerCase()) || priority;
  }

  function when(iso) {
    const date = new Date(iso);
    // the browser's own time zone
    return date.toLocaleString(lang === 'en' ? 'en' : 'zh-CN', { dateStyle: 'medium', timeStyle: 'short' });
  }

  function element(tag, className, testid, content) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (testid) {
      node.dataset.testid = testid;
    }
    if (content !== undefined) {
      node.textContent = content;
    }
    return node;
  }

  function render(entry) {
    const { item, li, fresh } = entry;
    li.className = 'item' + (item.critical ? ' critical' : '') + (item.readAt ? '' : ' unread')
      + (fresh ? ' new' : '') + (item.acknowledgedAt ? ' acknowledged' : '');
    li.dataset.read = item.readAt ? 'true' : 'false';
    li.dataset.acknowledged = item.acknowledgedAt ? 'true' : 'false';
    const open = element('button', 'item-open', 'item-open');
    open.type = 'button';
    const flags = element('span', 'flags');
    if (fresh) {
      flags.append(element('span', 'flag new', 'item-new', text('new')));
    }
    if (item.critical) {
      flags.append(element('span', 'flag critical', 'item-critical', text('critical')));
    }
    open.append(flags, element('span', 'item-title', 'item-title', item.title));
    const meta = element('span', 'item-meta');
    const time = element('time', null, null, when(item.createdAt));
    time.dateTime = item.createdAt;
    meta.append(time, ' · ' + priorityText(item.priority));
    if (item.acknowledgedAt || item.readAt) {
      meta.append(' · ', element('span', 'item-state', 'item-state',
        item.acknowledgedAt ? text('acknowledged') : text('read')));
    }
    open.append(meta);
    open.addEventListener('click', () => show(item.id));
    li.replaceChildren(open);
  }

  /** Adds an item unless its seq is shown already (a replay after a reconnect overlaps); newest on top. */
  function add(item, fresh) {
    if (seqs.has(item.seq) || items.has(item.id)) {
      return false;
    }
    seqs.add(item.seq);
    highestSeq = Math.max(highestSeq, item.seq);
    const li = element('li', null, 'inbox-item');
    li.dataset.id = item.id;
    li.dataset.seq = String(item.seq);
    const entry = { item, li, fresh };
    items.set(item.id, entry);
    render(entry);
    const list = $('inbox-list');
    const after = Array.from(list.children).find((other) => Number(other.dataset.seq) < item.seq);
    list.insertBefore(li, after || null);
    $('empty').hidden = true;
    return true;
  }

  function replace(item) {
    const entry = items.get(item.id);
    if (entry) {
      entry.item = item;
      render(entry);
    }
    if (opened === item.id) {
      fillDetail(item);
    }
  }

  /** The server's count, fetched again after every change; overlapping requests collapse into one more. */
  function refreshUnread() {
    if (unreadFetch) {
      unreadStale = true;
      return;
    }
    unreadFetch = call('GET', 'v1/employees/me/inbox/unread-count').then((answer) => {
      $('unread-count').textContent = String(answer.unread);
      $('unread').hidden = false;
      app.dataset.unread = String(answer.unread);
    }).catch(() => {}).finally(() => {
      unreadFetch = null;
      if (unreadStale) {
        unreadStale = false;
        refreshUnread();
      }
    });
  }

  async function loadInbox() {
    const page = await call('GET', 'v1/employees/me/inbox?limit=50');
    (page.items || []).forEach((item) => add(item, false));
    $('empty').hidden = items.size > 0;
    $('load-error').hidden = true;
    refreshUnread();
  }

  // ---- live -------------------------------------------------------------------------------------------------------

  function stopStream() {
    clearTimeout(retryTimer);
    if (source) {
      source.close();
      source = null;
    }
  }

  function retry(step) {
    stopStream();
    retryTimer = setTimeout(step, retryDelay);
    retryDelay = Math.min(retryDelay * 2, MAX_RETRY_MS);
  }

  /** EventSource cannot send a bearer token: a short-lived ticket, fetched with the token, names the employee. */
  async function connect() {
    let ticket;
    try {
      ticket = await call('POST', 'v1/employees/me/stream-tickets');
    } catch (e) {
      app.dataset.stream = 'reconnecting';
      retry(connect);
      return;
    }
    if (!tokens) {
      return;
    }
    source = new EventSource(apiUrl('v1/employees/me/stream?ticket=' + encodeURIComponent(ticket.ticket)
      + '&after=' + highestSeq));
    source.addEventListener('ready', () => {
      retryDelay = 1000;
      app.dataset.stream = 'live';
      state('ready', text('live'));
      refreshUnread();
    });
    source.addEventListener('inbox-item', (event) => {
      if (add(JSON.parse(event.data), true)) {
        refreshUnread();
      }
    });
    // the ticket is single-use: never let EventSource retry with it; a new ticket, from the highest seq shown
    source.onerror = () => {
      app.dataset.stream = 'reconnecting';
      state(app.dataset.state, text('reconnecting'));
      retry(connect);
    };
  }

  async function sync() {
    state('loading', text('loading'));
    try {
      await loadInbox();
    } catch (e) {
      $('load-error').hidden = false;
      state('error', '');
      retry(sync);
      return;
    }
    retryDelay = 1000;
    state('ready', '');
    connect();
  }

  // ---- one item ---------------------------------------------------------------------------------------------------

  function fillDetail(item) {
    const detail = $('detail');
    detail.classList.toggle('critical', !!item.critical);
    detail.dataset.id = item.id;
    $('detail-critical').hidden = !item.critical;
    $('detail-title').textContent = item.title;
    $('detail-body').textContent = item.body;
    $('detail-priority').textContent = priorityText(item.priority);
    const created = $('detail-created');
    created.textContent = when(item.createdAt);
    created.dateTime = item.createdAt;
    const link = $('detail-link');
    const target = safeLink(item.link);
    link.hidden = !target;
    if (target) {
      link.href = target;
    } else {
      link.removeAttribute('href');
    }
    $('acknowledge').hidden = !!item.acknowledgedAt;
    $('detail-acknowledged').hidden = !item.acknowledgedAt;
  }

  /** Only web links: a javascript: or data: URL from a message never becomes clickable. */
  function safeLink(link) {
    if (!link) {
      return null;
    }
    try {
      const url = new URL(link, pageUrl);
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
    } catch (e) {
      return null;
    }
  }

  async function show(id) {
    const entry = items.get(id);
    opened = id;
    entry.fresh = false;
    render(entry);
    $('detail-error').hidden = true;
    fillDetail(entry.item);
    $('list-view').hidden = true;
    $('detail').hidden = false;
    window.scrollTo(0, 0);
    if (!entry.item.readAt) {
      await act(id, 'read');
    }
  }

  async function act(id, action) {
    try {
      replace(await call('POST', 'v1/employees/me/inbox/' + encodeURIComponent(id) + '/' + action));
      refreshUnread();
    } catch (e) {
      $('detail-error').hidden = false;
    }
  }

  function back() {
    opened = null;
    $('detail').hidden = true;
    $('list-view').hidden = false;
  }

  // ---- start ------------------------------------------------------------------------------------------------------

  async function start() {
    $('logout').addEventListener('click', logout);
    $('login').addEventListener('click', () => login());
    $('back').addEventListener('click', back);
    $('acknowledge').addEventListener('click', () => opened && act(opened, 'acknowledge'));
    const params = new URLSearchParams(location.search);
    try {
      if (params.has('code') || params.has('error')) {
        state('logging-in', text('logging-in'));
        if (!(await completeLogin(params))) {
          return;
        }
      } else {
        tokens = JSON.parse(sessionStorage.getItem(TOKENS_KEY) || 'null');
        if (!tokens) {
          if (sessionStorage.getItem(SIGNED_OUT_KEY)) {
            state('signed-out', '');
            $('signed-out').hidden = false;
          } else {
            state('logging-in', text('logging-in'));
            await login();
          }
          return;
        }
        if (tokens.expiresAt - Date.now() < REFRESH_AHEAD_MS) {
          await refresh();
        } else {
          scheduleRefresh();
        }
      }
    } catch (e) {
      forget();
      state('login-failed', text('login-failed'));
      $('signed-out').hidden = false;
      return;
    }
    const me = claims(tokens.access);
    $('who').textContent = [me.preferred_username, me.employee_id].filter(Boolean).join(' · ');
    app.dataset.employee = me.employee_id || '';
    $('logout').hidden = false;
    $('list-view').hidden = false;
    sync();
  }

  start();
})();
