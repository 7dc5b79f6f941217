// The projector: what the whole class may see, in type big enough for the back row. Before the
// game, the room code, the address and a QR code to scan, and who has joined; during a day, the
// date, the map, DEFCON and the meters, the calendar and which teams have decided (never what);
// after it, the resolution.
"use strict";

(() => {
  const {_, el, replace} = Brink;
  const main = document.getElementById("main");
  const chooser = document.getElementById("choose-room");
  const screen = document.getElementById("screen");
  const connection = document.getElementById("connection");
  const language = document.body.dataset.language;
  let room = (document.body.dataset.room || "").toUpperCase();
  let link = null;
  let shown = false;
  let view = null;

  document.getElementById("room-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const code = document.getElementById("room-code").value.replace(/[\s-]/g, "").toUpperCase();
    if (!/^[A-Z]{6}$/.test(code)) {
      document.getElementById("room-error").textContent = _("A room code is six letters, as on the projector.");
      return;
    }
    room = code;
    const url = new URL(location.href);
    url.searchParams.set("room", room);
    history.replaceState(null, "", url);
    if (link) link.stop();
    view = null;
    start();
  });

  function start() {
    link = Brink.connect({
      hello: () => ({type: "watch", v: 1, room, lang: language}),
      status: (text) => { connection.textContent = text; },
      message: (data) => {
        if (data.type === "state") { shown = true; view = Brink.merge(view, data); Brink.syncClock(view.clock); draw(view); }
        else if (data.type === "error" && !shown) {
          chooser.hidden = false;
          document.getElementById("room-error").textContent = data.message;
          link.stop();
        }
      },
    });
  }

  function draw(view) {
    chooser.hidden = true;
    screen.hidden = false;
    if (view.phase === "lobby") replace(screen, lobby(view));
    else replace(screen, game(view));
  }

  function joinUrl() {
    return main.dataset.joinUrl || `${location.origin}/`;
  }

  function lobby(view) {
    return el("div", {class: "lobby"},
      el("section", {},
        el("h1", {}, view.scenario.title),
        el("p", {class: "join-url"}, _("Open {address} and type the code", {address: joinUrl()})),
        el("p", {class: "bigcode", "aria-label": _("Room code")}, view.room),
        el("p", {}, view.vote ? _("Each team votes: the majority gives the order, the leader breaks a tie.")
          : _("Each team's leader gives the order; the advisors recommend.")),
        roster(view)),
      el("section", {},
        el("img", {class: "qr", src: `/qr/${view.room}.svg`, alt: _("A QR code that opens the join page with this room's code")}),
        el("p", {class: "hint"}, _("Or scan this code with a phone's camera."))));
  }

  function roster(view) {
    return el("div", {class: "teams"}, view.teams.map((team) => el("section", {class: "panel team"},
      el("h2", {}, team.name),
      team.computer ? el("p", {}, _("The computer plays this team")) : null,
      team.members.length ? el("ul", {class: "roster"}, team.members.map((m) =>
        el("li", {}, el("b", {}, m.name), ` · ${m.place === "leader" ? _("leader") : m.place_name}`)))
        : el("p", {class: "hint"}, _("Nobody has taken a seat yet.")))));
  }

  // Deciding: the map and the calendar on the left; the teams and the meters on the right.
  // Resolved: the map and the meters on the left; what happened on the right. One screen, no scrolling.
  function game(view) {
    const head = view.day
      ? el("div", {class: "headline"}, el("h1", {}, view.day.title),
        el("span", {class: "date"}, Brink.dateLine(view.day, view.day.title)),
        view.phase === "deciding" ? Brink.countdown(true) : null)
      : el("div", {class: "headline"}, el("h1", {}, view.scenario.title));
    const meters = el("section", {class: "panel"}, defcon(view.meters), Brink.inForce(view.meters), Brink.meterList(view.meters));
    const calendar = el("section", {class: "panel"}, Brink.calendar(view.calendar),
      el("p", {class: "hint small"}, _("Room {code}", {code: view.room})));
    let left = [Brink.mapPicture(view.map), calendar];
    let right;
    if (view.phase === "ended" && view.ending) {
      right = el("section", {class: "panel"}, el("h2", {}, `${_("Ending:")} ${view.ending.title}`),
        view.ended_early ? el("p", {class: "hint"}, _("The teacher ended the game early: this is where the crisis stood.")) : null,
        view.ending.picture ? el("img", {class: "picture", src: view.ending.picture, alt: ""}) : null,
        el("p", {}, view.ending.text), view.ending.history ? el("p", {class: "history-note"}, view.ending.history) : null);
      left = [compact(Brink.mapPicture(view.map)), meters];
    } else if (view.phase === "resolved" && view.resolution) {
      right = el("section", {class: "panel"}, Brink.resolution(view.resolution));
      left = [compact(Brink.mapPicture(view.map)), meters];
    } else {
      right = [el("div", {class: "teams"}, view.teams.map((team) => el("section", {class: "panel team"},
        el("h2", {}, team.name), Brink.teamDecided(team),
        team.members.length ? el("ul", {class: "roster"}, team.members.map((m) => el("li", {}, m.name))) : null))),
      spoken(view), meters];
    }
    return el("div", {}, head, el("div", {class: "grid"}, el("div", {}, left), el("div", {}, right)));
  }

  // The teacher's news and the public statements of the day, newest first.
  function spoken(view) {
    const news = Brink.newsList(view.news);
    const statements = Brink.messageList(view.statements);
    if (!news && !statements) return null;
    return el("section", {class: "panel"},
      news ? [el("h2", {}, _("News")), news] : null,
      statements ? [el("h2", {}, _("Public statements")), statements] : null);
  }

  function compact(map) {
    if (map) map.classList.add("compact");
    return map;
  }

  function defcon(meters) {
    if (!meters.defcon) return null;
    const level = meters.defcon.level;
    return el("div", {},
      el("h2", {}, `${meters.defcon.title || "DEFCON"} ${level}: ${meters.defcon.words}`),
      el("div", {class: "defcon", "aria-hidden": "true"}, [5, 4, 3, 2, 1].map((n) =>
        el("span", {class: n === level ? `active l${n}` : ""}, n))));
  }

  if (room) start();
  else chooser.hidden = false;
})();
