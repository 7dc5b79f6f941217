// What every page of the classroom shares: the interface's words, a safe way to build the page,
// the connection to the host (which comes back by itself), and the pieces of the public game
// (meters, map, calendar, a day's resolution) the phone and the projector both draw.
//
// Every text from the server, a student's name or reason above all, goes into the page as text
// (textContent), never as HTML.
"use strict";

const Brink = (() => {
  const catalog = JSON.parse(document.getElementById("catalog").textContent || "{}");

  // The translation of an English message, with {name} placeholders filled in.
  function _(message, values) {
    let text = Object.prototype.hasOwnProperty.call(catalog, message) ? catalog[message] : message;
    if (values) {
      text = text.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
    }
    return text;
  }

  // el("p", {class: "hint"}, "text", child, ...): an element whose strings are text nodes.
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "style") Object.assign(node.style, value);  // through the CSSOM: no inline style attribute
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else if (value === true) node.setAttribute(key, "");
      else node.setAttribute(key, String(value));
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      if (Array.isArray(child)) append(node, child);
      else node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }

  const SVG = "http://www.w3.org/2000/svg";
  function svg(tag, attributes, ...children) {
    const node = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attributes || {})) node.setAttribute(key, String(value));
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function replace(container, ...children) {
    container.replaceChildren();
    append(container, children);
  }

  // --- the connection ---------------------------------------------------------------------------
  // connect({hello(): message to open with, message(data), status(text)}): a websocket that opens
  // again after a drop (Wi-Fi lost, the host restarted), waiting a little longer each time.
  function connect(handlers) {
    let socket = null;
    let delay = 500;
    let stopped = false;
    const open = () => {
      const scheme = location.protocol === "https:" ? "wss:" : "ws:";
      socket = new WebSocket(`${scheme}//${location.host}/ws`);
      socket.addEventListener("open", () => {
        delay = 500;
        handlers.status("");
        const hello = handlers.hello();
        if (hello) socket.send(JSON.stringify(hello));
      });
      socket.addEventListener("message", (event) => {
        let data;
        try { data = JSON.parse(event.data); } catch (error) { return; }
        handlers.message(data);
      });
      socket.addEventListener("close", () => {
        if (stopped) return;
        handlers.status(_("Connection lost. Reconnecting…"));
        setTimeout(open, delay);
        delay = Math.min(delay * 2, 8000);
      });
    };
    open();
    return {
      send(message) {
        if (socket && socket.readyState === WebSocket.OPEN) {
          socket.send(JSON.stringify(Object.assign({v: 1}, message)));
          return true;
        }
        handlers.status(_("Not connected: your last action was not sent. Reconnecting…"));
        return false;
      },
      stop() { stopped = true; if (socket) socket.close(); },
    };
  }

  // A state is sent whole the first time, then as the fields that changed ("delta"); null: gone.
  function merge(view, data) {
    if (!data.delta || !view) return data;
    const merged = Object.assign({}, view);
    for (const [key, value] of Object.entries(data)) {
      if (key === "delta") continue;
      if (value === null) delete merged[key];
      else merged[key] = value;
    }
    return merged;
  }

  function setLanguageCookie(language) {
    document.cookie = `brink_lang=${encodeURIComponent(language)}; path=/; max-age=31536000; SameSite=Lax`;
  }

  // --- pieces of the public game ------------------------------------------------------------------
  // The square of a portrait a round frame shows (x0, y0, x1, y1, shares of the painting), as the
  // game's window frames it: the head and collar, not the whole bust (game.art.catalog.FACE_WINDOW).
  function faceWindow() {
    const shares = (document.body.dataset.faceWindow || "").split(" ").map(Number);
    return shares.length === 4 && shares.every((share) => share >= 0 && share <= 1) ? shares : [0, 0, 1, 1];
  }

  function portrait(url, name, className) {
    if (url) {
      const [x0, y0, x1] = faceWindow();
      const scale = 100 / (x1 - x0);  // the window is square: one scale for both sides
      const image = el("img", {src: url, alt: "", width: 84, height: 84,
                               style: {width: `${scale}%`, height: `${scale}%`, left: `${-x0 * scale}%`, top: `${-y0 * scale}%`}});
      return el("span", {class: className ? `portrait ${className}` : "portrait"}, image);
    }
    const initials = (name || "?").split(/\s+/).filter(Boolean).map((word) => word[0]).slice(0, 2).join("");
    return el("span", {class: "portrait-fallback", "aria-hidden": "true"}, initials);
  }

  function leaning(word) {
    const names = {hawk: _("hawk"), moderate: _("moderate"), dove: _("dove")};
    return el("span", {class: `leaning ${word}`}, names[word] || word);
  }

  function defconChip(meters) {
    if (!meters.defcon) return null;
    const level = meters.defcon.level;
    return el("div", {class: `defcon-chip defcon-${level}`, title: meters.defcon.words},
      el("small", {}, meters.defcon.title || "DEFCON"), el("b", {}, level));
  }

  function meterList(meters) {
    const rows = [];
    const all = meters.tension ? [meters.tension, ...meters.bars] : meters.bars;
    for (const bar of all) {
      const share = Math.max(0, Math.min(1, (bar.value - bar.min) / ((bar.max - bar.min) || 1)));
      rows.push(el("li", {},
        el("div", {class: "meter-line"}, el("span", {}, bar.label), el("b", {}, bar.value)),
        el("div", {class: "bar", role: "img", "aria-label": `${bar.label}: ${bar.value} (${bar.min}–${bar.max})`},
          el("span", {style: {width: `${Math.round(share * 100)}%`}}))));
    }
    return el("ul", {class: "meters"}, rows);
  }

  function inForce(meters) {
    return el("p", {class: "in-force"},
      meters.in_force.length ? `${_("In force:")} ${meters.in_force.join("; ")}` : _("Nothing declared in force"));
  }

  // The days of decision, each month named before its first day; today lit, the past crossed out.
  function calendar(days) {
    const items = [];
    let month = null;
    for (const day of days) {
      const [number, ...rest] = day.short.split(" ");
      const name = rest.join(" ");
      if (name !== month) {
        month = name;
        items.push(el("li", {class: "month", "aria-hidden": "true"}, name));
      }
      items.push(el("li", {class: [day.played ? "played" : "", day.today ? "today" : ""].join(" ").trim(),
        "aria-label": day.short, "aria-current": day.today ? "date" : null}, number));
    }
    return el("ol", {class: "calendar", "aria-label": _("The calendar of the crisis")}, items);
  }

  // The Caribbean: the game's painted map, with the ships, the sites and the quarantine line on it.
  // The painting covers the map's bounds edge to edge, so longitude and latitude scale straight to it.
  const BOUNDS = {west: -98.0, south: 8.0, east: -56.0, north: 40.0, width: 960, height: 800};
  function mapPicture(map) {
    if (!map) return null;
    const x = (lon) => ((lon - BOUNDS.west) / (BOUNDS.east - BOUNDS.west)) * BOUNDS.width;
    const y = (lat) => ((BOUNDS.north - lat) / (BOUNDS.north - BOUNDS.south)) * BOUNDS.height;
    const parts = [svg("image", {href: map.image, x: 0, y: 0, width: BOUNDS.width, height: BOUNDS.height})];
    if (map.quarantine) {
      parts.push(svg("polyline", {class: "line", points: map.line.map(([lon, lat]) => `${x(lon)},${y(lat)}`).join(" ")}));
    }
    for (const site of map.sites) {
      parts.push(svg("circle", {class: `site${site.ready ? " ready" : ""}`, cx: x(site.lon), cy: y(site.lat), r: 7}));
    }
    for (const ship of map.ships) {
      const cx = x(ship.lon), cy = y(ship.lat);
      parts.push(svg("path", {class: `ship ${ship.side}`, d: "M -13 -5 L 9 -5 L 15 0 L 9 5 L -13 5 Z",
        transform: `translate(${cx} ${cy}) rotate(${-ship.heading})`}));
    }
    parts.push(svg("text", {class: "label", x: x(-80.5), y: y(21.2)}, _("Cuba")));
    const label = map.quarantine ? _("The map: Soviet ships in red, the US Navy in blue, the quarantine line dashed")
      : _("The map: Soviet ships in red, the US Navy in blue");
    return svg("svg", {class: "map", viewBox: `0 0 ${BOUNDS.width} ${BOUNDS.height}`, role: "img", "aria-label": label},
      svg("title", {}, label), ...parts);
  }

  function resolution(res) {
    const orders = el("ul", {class: "orders"}, res.orders.map((order) => el("li", {},
      el("b", {}, `${order.name}: `), order.label || _("no order"),
      order.clock ? el("span", {class: "clock-decided"}, ` (${_("the clock decided")})`) : null,
      order.historical && order.historical !== order.label
        ? el("span", {class: "muted small"}, ` (${_("1962:")} ${order.historical})`) : null)));
    const happened = res.happened.length ? el("div", {class: "happened"}, res.happened.map((item) => el("p", {},
      item.title ? el("span", {class: "event-title"}, `${_("News:")} ${item.title}`) : null, item.text)))
      : el("p", {class: "muted"}, _("The day passes without incident."));
    const moved = el("ul", {class: "moved"}, res.moved.map((change) => {
      if ("now" in change) return el("li", {}, `${change.label}: `, change.now ? _("now in force") : _("no longer in force"));
      const up = change.after > change.before;
      return el("li", {}, `${change.label}: ${change.before} → ${change.after} `,
        el("span", {class: up ? "up" : "down"}, `(${up ? "+" : "−"}${Math.abs(Math.round((change.after - change.before) * 10) / 10)})`));
    }));
    return el("section", {class: "resolution"},
      el("h2", {}, _("Orders of the day")), orders,
      el("h2", {}, _("What happened")), happened,
      res.moved.length ? [el("h3", {}, _("What moved")), moved] : null,
      res.history ? [el("h2", {}, _("What really happened")), el("p", {class: "history-note"}, res.history)] : null);
  }

  function teamDecided(team) {
    if (team.computer) return el("span", {class: "decided done"}, _("The computer plays this team"));
    return team.decided ? el("span", {class: "decided done"}, `✓ ${_("has decided")}`)
      : el("span", {class: "decided waiting"}, _("is deciding…"));
  }

  // --- the decision clock ------------------------------------------------------------------------
  // The server sends its own time with the clock ("now"); the difference from this browser's clock
  // is kept, so every screen counts down to the same server deadline whatever its own clock says.
  // A message's "now" was read before it travelled (and one encoding may serve several screens),
  // so each reading can only fall short of the true offset: keep the largest, unless this browser's
  // own clock has jumped (a reading far below the kept one).
  let serverOffset = null;  // server time minus this browser's time, in milliseconds
  let clockState = null;
  function syncClock(clock) {
    if (clock && typeof clock.now === "number") {
      const reading = clock.now * 1000 - Date.now();
      if (serverOffset === null || reading > serverOffset || reading < serverOffset - 30000) serverOffset = reading;
    }
    clockState = clock || null;
    tickClocks();
  }

  function secondsLeft() {
    if (!clockState) return null;
    if (clockState.running && clockState.deadline !== null) {
      const left = Math.max(0, clockState.deadline - (Date.now() + (serverOffset || 0)) / 1000);
      // never more than the day's whole time: what a delay in the message's "now" could add
      return clockState.total > 0 ? Math.min(left, clockState.total) : left;
    }
    return clockState.left;
  }

  function mmss(seconds) {
    const whole = Math.ceil(seconds);
    return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
  }

  // "Tuesday 16 October 1962 · Day 1 of 18" under a day's heading; only "Day 1 of 18" when the heading is
  // already the date (a day the two seats see under different titles has none in common but its date).
  function dateLine(day, heading) {
    const number = _("Day {number} of {total}", {number: day.number, total: day.of});
    return heading === day.long_date ? number : `${day.long_date} · ${number}`;
  }

  // A clock face that keeps itself up to date; "big" for the projector.
  function countdown(big) {
    const face = el("div", {class: `countdown${big ? " big" : ""}`, role: "timer", "aria-live": "off"},
      el("span", {class: "time"}), el("span", {class: "caption"}));
    paint(face);
    return face;
  }

  function paint(face) {
    const left = secondsLeft();
    const time = face.querySelector(".time");
    const caption = face.querySelector(".caption");
    face.hidden = left === null || left === undefined;
    if (face.hidden) return;
    time.textContent = mmss(left);
    face.classList.toggle("paused", Boolean(clockState.paused));
    face.classList.toggle("low", !clockState.paused && left <= 60);
    caption.textContent = clockState.paused ? _("The clock is paused") : (left <= 0 ? _("Time is up") : _("left to decide"));
  }

  function tickClocks() {
    for (const face of document.querySelectorAll(".countdown")) paint(face);
  }
  setInterval(tickClocks, 250);

  function clockTime(seconds) {
    return new Date(seconds * 1000).toLocaleTimeString(document.documentElement.lang || undefined,
      {hour: "2-digit", minute: "2-digit"});
  }

  // --- news the teacher sends, and messages between teams -------------------------------------------
  function newsList(news) {
    if (!news || !news.length) return null;
    return el("ul", {class: "news"}, news.slice().reverse().map((item) => {
      let head;
      if (item.kind === "news") head = _("News flash");
      else if (item.kind === "event") head = `${_("News:")} ${item.title}`;
      else head = `${item.title} ${item.by > 0 ? "+" : "−"}${Math.abs(item.by)}`;
      return el("li", {}, el("span", {class: "when"}, clockTime(item.at)), " ", el("b", {}, head),
        item.text ? el("span", {class: "text"}, item.text) : null);
    }));
  }

  function message(item) {
    let head;
    if (item.public) head = _("Public statement by {team}", {team: item.from_name});
    else if (item.mine) head = _("Your letter to {team}", {team: item.to_name});
    else head = _("Letter from {team}", {team: item.from_name});
    const transit = !item.public && !item.arrived;
    return el("li", {class: transit ? "in-transit" : null},
      el("span", {class: "when"}, clockTime(item.at)), " ", el("b", {}, head),
      el("span", {class: "who"}, ` · ${item.author}`),
      transit ? el("span", {class: "transit"}, _("on its way: arrives at {time}", {time: clockTime(item.arrives_at)})) : null,
      el("span", {class: "text"}, item.text));
  }

  function messageList(items, empty) {
    if (!items || !items.length) return empty ? el("p", {class: "hint"}, empty) : null;
    return el("ul", {class: "letters"}, items.slice().reverse().map(message));
  }

  return {_, el, svg, replace, connect, merge, setLanguageCookie, portrait, leaning, defconChip, meterList, inForce,
          calendar, mapPicture, resolution, teamDecided, syncClock, countdown, dateLine, newsList, messageList, clockTime};
})();
