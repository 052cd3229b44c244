// toiawase web chat widget. No build step, no dependencies.
//
// On the chat page it fills <div id="toiawase-chat">. On any other site one tag is enough:
//   <script src="https://SUPPORT-HOST/widget.js" defer></script>
// and a "chat with us" button opens the chat in a panel. The widget talks to the server it
// was loaded from. Customer text is always inserted with textContent, never as HTML.
(function () {
  'use strict';

  var script = document.currentScript;
  var base = new URL(script ? script.src : '/widget.js', location.href);
  var origin = base.origin;
  var KEY_SESSION = 'toiawase.session';
  var KEY_LANG = 'toiawase.lang';

  function storageGet(k) { try { return sessionStorage.getItem(k); } catch (e) { return null; } }
  function storageSet(k, v) { try { sessionStorage.setItem(k, v); } catch (e) { /* private mode */ } }

  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) { n.className = cls; }
    if (text !== undefined && text !== null) { n.textContent = text; }
    return n;
  }

  // safeURL returns an http(s) URL or null: links from the server never run script.
  function safeURL(u) {
    try {
      var x = new URL(u, origin);
      return (x.protocol === 'https:' || x.protocol === 'http:') ? x.href : null;
    } catch (e) { return null; }
  }

  // pickLang: ?lang=, then the customer's earlier choice, then (embedded) the language
  // of the host page, then the browser's.
  function pickLang(embedded) {
    var q = new URLSearchParams(location.search).get('lang');
    if (q === 'ja' || q === 'en') { return q; }
    var s = storageGet(KEY_LANG);
    if (s === 'ja' || s === 'en') { return s; }
    var h = (document.documentElement.lang || '').toLowerCase().slice(0, 2);
    if (embedded && (h === 'ja' || h === 'en')) { return h; }
    var n = (navigator.language || 'ja').toLowerCase();
    return n.indexOf('en') === 0 ? 'en' : 'ja';
  }

  function Chat(host, strings, floating) {
    this.strings = strings;
    this.lang = pickLang(floating);
    this.floating = floating;
    this.ws = null;
    this.seq = 0;
    this.outbox = [];      // frames sent or waiting, until the server answers them
    this.retry = 0;
    this.timer = null;
    this.connected = false;
    this.build(host);
  }

  Chat.prototype.t = function (k) {
    var s = this.strings[this.lang] || this.strings.ja;
    return (s.ui && s.ui[k]) || k;
  };

  Chat.prototype.build = function (host) {
    var self = this;
    var uid = 'tw' + Math.random().toString(36).slice(2, 8);
    var root = el('section', 'tw-chat' + (this.floating ? ' tw-floating' : ''));
    root.setAttribute('aria-labelledby', uid + '-title');

    var header = el('header', 'tw-header');
    var avatar = el('div', 'tw-avatar');
    avatar.setAttribute('aria-hidden', 'true');
    var heading = el('div', 'tw-heading');
    this.titleEl = el('h1', 'tw-title');
    this.titleEl.id = uid + '-title';
    this.statusEl = el('p', 'tw-status');
    this.statusEl.setAttribute('role', 'status');
    heading.append(this.titleEl, this.statusEl);
    this.langBtn = el('button', 'tw-lang');
    this.langBtn.type = 'button';
    this.langBtn.addEventListener('click', function () { self.setLang(self.lang === 'ja' ? 'en' : 'ja'); });
    header.append(avatar, heading, this.langBtn);
    if (this.floating) {
      this.closeBtn = el('button', 'tw-close', '×');
      this.closeBtn.type = 'button';
      this.closeBtn.addEventListener('click', function () { self.toggle(false); });
      header.append(this.closeBtn);
    }

    this.log = el('div', 'tw-log');
    this.log.setAttribute('role', 'log');
    this.log.setAttribute('aria-live', 'polite');
    this.log.setAttribute('aria-relevant', 'additions');
    this.log.tabIndex = 0;

    this.typing = el('div', 'tw-typing');
    this.typing.setAttribute('role', 'status');
    this.typing.hidden = true;
    var dots = el('span', 'tw-dots');
    dots.setAttribute('aria-hidden', 'true');
    dots.append(el('span'), el('span'), el('span'));
    this.typingText = el('span', 'tw-sr');
    this.typing.append(dots, this.typingText);

    var form = el('form', 'tw-form');
    this.inputLabel = el('label', 'tw-sr');
    this.inputLabel.htmlFor = uid + '-input';
    this.input = el('textarea', 'tw-input');
    this.input.id = uid + '-input';
    this.input.rows = 1;
    this.input.maxLength = 1000;
    this.input.setAttribute('autocomplete', 'off');
    this.sendBtn = el('button', 'tw-send');
    this.sendBtn.type = 'submit';
    form.append(this.inputLabel, this.input, this.sendBtn);
    form.addEventListener('submit', function (e) { e.preventDefault(); self.submit(); });
    this.input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); self.submit(); }
    });
    this.input.addEventListener('keypress', function (e) {
      if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); } // no stray newline after sending
    });
    this.input.addEventListener('input', function () { self.autosize(); });

    this.note = el('p', 'tw-note');
    root.append(header, this.log, this.typing, form, this.note);
    this.root = root;

    if (this.floating) {
      this.launcher = el('button', 'tw-launcher');
      this.launcher.type = 'button';
      this.launcher.setAttribute('aria-expanded', 'false');
      this.launcher.addEventListener('click', function () { self.toggle(true); });
      root.hidden = true;
      root.addEventListener('keydown', function (e) { if (e.key === 'Escape') { self.toggle(false); } });
      host.append(this.launcher, root);
    } else {
      host.append(root);
    }
    this.applyLang();
  };

  Chat.prototype.applyLang = function () {
    this.root.lang = this.lang;
    this.titleEl.textContent = this.t('title');
    this.langBtn.textContent = this.t('lang_switch');
    this.langBtn.setAttribute('aria-label', this.t('lang_switch_label'));
    this.langBtn.lang = this.lang === 'ja' ? 'en' : 'ja';
    this.inputLabel.textContent = this.t('input_label');
    this.input.placeholder = this.t('input_placeholder');
    this.sendBtn.textContent = this.t('send');
    this.typingText.textContent = this.t('typing');
    this.note.textContent = this.t('privacy');
    this.root.setAttribute('aria-label', this.t('title'));
    if (this.closeBtn) { this.closeBtn.setAttribute('aria-label', this.t('close_chat')); }
    if (this.launcher) { this.launcher.textContent = this.t('open_chat'); }
    this.setStatus(this.statusKey || 'status_connecting');
  };

  Chat.prototype.setLang = function (lang) {
    this.lang = lang;
    storageSet(KEY_LANG, lang);
    this.applyLang();
  };

  Chat.prototype.setStatus = function (key) {
    this.statusKey = key;
    this.statusEl.textContent = this.t(key);
    this.root.setAttribute('data-state', key.replace('status_', ''));
  };

  Chat.prototype.toggle = function (open) {
    this.root.hidden = !open;
    this.launcher.hidden = open;
    this.launcher.setAttribute('aria-expanded', String(open));
    if (open) {
      if (!this.ws) { this.connect(); }
      this.input.focus();
    } else {
      this.launcher.focus();
    }
  };

  Chat.prototype.autosize = function () {
    this.input.style.height = 'auto';
    this.input.style.height = Math.min(this.input.scrollHeight, 120) + 'px';
  };

  // --- connection ---------------------------------------------------------

  Chat.prototype.connect = function () {
    var self = this;
    clearTimeout(this.timer);
    var u = new URL('/ws', origin);
    u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
    u.searchParams.set('lang', this.lang);
    var token = storageGet(KEY_SESSION);
    if (token) { u.searchParams.set('session', token); }
    this.setStatus(this.retry ? 'status_reconnecting' : 'status_connecting');
    var ws;
    try { ws = new WebSocket(u.href); } catch (e) { this.scheduleReconnect(); return; }
    this.ws = ws;
    ws.addEventListener('message', function (e) {
      var f;
      try { f = JSON.parse(e.data); } catch (err) { return; }
      self.onFrame(f);
    });
    ws.addEventListener('close', function (e) {
      if (self.ws !== ws) { return; }
      self.connected = false;
      self.ws = null;
      self.showTyping(false);
      // 1001 "going away": the server is restarting, come back at once (elsewhere).
      self.scheduleReconnect(e.code === 1001);
    });
  };

  Chat.prototype.scheduleReconnect = function (soon) {
    var self = this;
    this.retry++;
    this.setStatus(this.retry > 3 ? 'status_offline' : 'status_reconnecting');
    var delay = soon ? 250 : Math.min(15000, 500 * Math.pow(2, this.retry - 1));
    delay = delay * (0.8 + Math.random() * 0.4);
    this.timer = setTimeout(function () { self.connect(); }, delay);
  };

  Chat.prototype.onFrame = function (f) {
    switch (f.type) {
    case 'session':
      var had = storageGet(KEY_SESSION);
      storageSet(KEY_SESSION, f.session_id);
      this.connected = true;
      this.retry = 0;
      this.setStatus('status_online');
      if (f.resumed) {
        this.clearLog();            // the history frame brings the conversation back
        this.resumeNotice = true;   // shown after the history, before the next reply
      } else if (had && this.log.childElementCount > 0) {
        this.system(this.t('restarted'));
      }
      this.flush();
      break;
    case 'history':
      this.renderHistory(f.turns || []);
      this.noticeResumed();
      break;
    case 'reply':
      this.noticeResumed();
      this.answered(f.reply_to);
      this.renderReply(f);
      if (!f.reply_to) { this.pendingToEnd(); } // greeting first, then what waits for an answer
      break;
    case 'ack':
      this.answered(f.reply_to);
      break;
    case 'agent':
      this.showTyping(false);
      this.bubble('agent', f.text, this.agentName(f.agent));
      break;
    case 'system':
      this.system(f.text);
      break;
    case 'error':
      this.failed(f.reply_to);
      this.answered(f.reply_to);
      this.system(f.message || f.code, true);
      break;
    }
  };

  Chat.prototype.noticeResumed = function () {
    if (this.resumeNotice) {
      this.resumeNotice = false;
      this.system(this.t('resumed'));
      this.pendingToEnd();
    }
  };

  // pendingToEnd puts the messages still waiting for an answer back at the end of the
  // list (a resumed session redraws the list from its history).
  Chat.prototype.pendingToEnd = function () {
    for (var i = 0; i < this.outbox.length; i++) { this.log.append(this.outbox[i].bubble); }
    this.scrollDown();
  };

  // --- sending ------------------------------------------------------------

  Chat.prototype.submit = function () {
    var text = this.input.value.trim();
    if (!text) { return; }
    this.input.value = '';
    this.autosize();
    this.queue({ type: 'message', text: text }, text);
  };

  Chat.prototype.choose = function (q) {
    this.queue({ type: 'action', value: q.value }, q.label);
  };

  Chat.prototype.queue = function (frame, shown) {
    this.clearQuickReplies();
    frame.id = 'c' + (++this.seq) + '-' + Date.now().toString(36);
    frame.lang = this.lang;
    var b = this.bubble('customer', shown);
    this.outbox.push({ frame: frame, bubble: b, sent: false });
    this.flush();
    this.scrollDown();
  };

  // flush sends what waits in the outbox; after a reconnect it sends again what was
  // never answered.
  Chat.prototype.flush = function () {
    var open = this.ws && this.connected && this.ws.readyState === WebSocket.OPEN;
    for (var i = 0; i < this.outbox.length; i++) {
      var o = this.outbox[i];
      if (open) {
        this.ws.send(JSON.stringify(o.frame));
        o.sent = true;
        o.bubble.classList.remove('tw-pending');
      } else {
        o.bubble.classList.add('tw-pending');
        o.bubble.title = this.t('pending');
      }
    }
    this.showTyping(open && this.outbox.length > 0);
  };

  Chat.prototype.answered = function (id) {
    if (!id) { return; }
    this.outbox = this.outbox.filter(function (o) { return o.frame.id !== id; });
    this.showTyping(this.outbox.length > 0);
  };

  // failed marks the bubble of a message the server refused (too long, too fast...).
  Chat.prototype.failed = function (id) {
    this.outbox.forEach(function (o) {
      if (o.frame.id === id) { o.bubble.classList.add('tw-failed'); }
    });
  };

  Chat.prototype.showTyping = function (on) {
    this.typing.hidden = !on;
    if (on) { this.scrollDown(); }
  };

  // --- rendering ----------------------------------------------------------

  Chat.prototype.clearLog = function () {
    while (this.log.firstChild) { this.log.removeChild(this.log.firstChild); }
  };

  Chat.prototype.scrollDown = function () {
    this.log.scrollTop = this.log.scrollHeight;
  };

  Chat.prototype.bubble = function (who, text, name) {
    var row = el('div', 'tw-msg tw-' + who);
    var label = el('span', 'tw-who', name || this.t(who === 'customer' ? 'you' : who));
    if (who === 'customer') { label.classList.add('tw-sr'); }
    var body = el('div', 'tw-body');
    body.append(el('p', 'tw-text', text));
    row.append(label, body);
    this.log.append(row);
    this.scrollDown();
    return row;
  };

  // agentName labels a person's messages so they never pass for the bot's.
  Chat.prototype.agentName = function (name) {
    return name ? this.t('agent') + ' · ' + name : this.t('agent');
  };

  Chat.prototype.system = function (text, isError) {
    var row = el('div', 'tw-msg tw-system' + (isError ? ' tw-error' : ''));
    row.append(el('p', 'tw-text', text));
    this.log.append(row);
    this.scrollDown();
  };

  Chat.prototype.renderHistory = function (turns) {
    for (var i = 0; i < turns.length; i++) {
      var t = turns[i];
      if (!t.text) { continue; }
      if (t.from === 'system') { this.system(t.text); continue; }
      var who = t.from === 'customer' || t.from === 'agent' ? t.from : 'bot';
      this.bubble(who, t.text, who === 'agent' ? this.agentName(t.agent) : undefined);
    }
  };

  Chat.prototype.renderReply = function (f) {
    var self = this;
    var row = this.bubble('bot', f.text);
    var body = row.querySelector('.tw-body');
    (f.tracking || []).forEach(function (t) { body.append(self.trackingCard(t)); });
    if (f.orders && f.orders.length) {
      var o = el('p', 'tw-orders');
      o.append(el('span', 'tw-label', self.t('orders') + ': '), el('span', 'tw-mono', f.orders.join(', ')));
      body.append(o);
    }
    var links = (f.links || []).filter(function (l) { return safeURL(l.url); });
    if (links.length) {
      var nav = el('ul', 'tw-links');
      nav.setAttribute('aria-label', this.t('links'));
      links.forEach(function (l) {
        var li = el('li');
        var a = el('a', null, l.label || l.url);
        a.href = safeURL(l.url);
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        a.append(el('span', 'tw-sr', ' ' + self.t('new_window')));
        li.append(a);
        nav.append(li);
      });
      body.append(nav);
    }
    if (f.quick_replies && f.quick_replies.length) {
      var group = el('div', 'tw-quick');
      group.setAttribute('role', 'group');
      group.setAttribute('aria-label', this.t('quick_replies'));
      f.quick_replies.forEach(function (q) {
        var b = el('button', 'tw-chip', q.label);
        b.type = 'button';
        b.addEventListener('click', function () { self.choose(q); });
        group.append(b);
      });
      row.append(group);
    }
    if (f.handoff || f.mode === 'agent' || f.mode === 'waiting') { row.classList.add('tw-handoff'); }
    this.scrollDown();
  };

  Chat.prototype.trackingCard = function (t) {
    var card = el('div', 'tw-track' + (t.valid ? ' tw-valid' : ' tw-invalid'));
    card.append(el('span', 'tw-label', this.t('tracking')));
    card.append(el('span', 'tw-number tw-mono', t.number));
    var names = this.strings[this.lang] && this.strings[this.lang].carriers || {};
    var carriers = (t.carriers || []).map(function (c) { return names[c] || c; }).join(' / ');
    if (carriers) { card.append(el('span', 'tw-carriers', carriers)); }
    card.append(el('span', 'tw-verdict', this.t(t.valid ? 'tracking_valid' : 'tracking_invalid')));
    var u = t.url && safeURL(t.url);
    if (u) {
      var a = el('a', 'tw-track-link', this.t('tracking_open'));
      a.href = u;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      a.append(el('span', 'tw-sr', ' ' + this.t('new_window')));
      card.append(a);
    }
    return card;
  };

  Chat.prototype.clearQuickReplies = function () {
    var old = this.log.querySelectorAll('.tw-quick');
    for (var i = 0; i < old.length; i++) { old[i].remove(); }
  };

  // --- start --------------------------------------------------------------

  function ensureStyles() {
    var href = new URL('/webchat/widget.css', origin).href;
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    for (var i = 0; i < links.length; i++) { if (links[i].href === href) { return; } }
    var l = document.createElement('link');
    l.rel = 'stylesheet';
    l.href = href;
    document.head.append(l);
  }

  function start() {
    ensureStyles();
    fetch(new URL('/webchat/i18n.json', origin).href)
      .then(function (r) { return r.json(); })
      .then(function (strings) {
        var host = document.getElementById('toiawase-chat');
        if (host) {
          var chat = new Chat(host, strings, false);
          chat.connect();
          return;
        }
        host = el('div', 'tw-embed');
        document.body.append(host);
        var floating = new Chat(host, strings, true);
        if (storageGet(KEY_SESSION)) { floating.toggle(true); }
      });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
