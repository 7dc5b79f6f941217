// The teacher's page: seat students, choose how teams decide, start the game and open each next
// day. The teacher's token comes in the address's fragment (#CODE.TOKEN, never sent to a server
// log) or is typed, and is kept in this browser.
"use strict";

(() => {
  const {_, el, replace} = Brink;
  const signIn = document.getElementById("sign-in");
  const consolePanel = document.getElementById("console");
  const connection = document.getElementById("connection");
  const language = document.body.dataset.language;
  let room = "";
  let token = "";
  let link = null;
  let view = null;

  const fragment = decodeURIComponent(location.hash.slice(1));
  if (/^[A-Z]{6}\.[\w-]+$/.test(fragment)) {
    [room, token] = fragment.split(".");
    localStorage.setItem(`brink:teacher:${room}`, token);
    history.replaceState(null, "", `${location.pathname}?room=${room}`);
  } else {
    room = (document.body.dataset.room || "").toUpperCase();
    token = room ? localStorage.getItem(`brink:teacher:${room}`) || "" : "";
  }

  document.getElementById("sign-in-form").addEventListener("submit", (event) => {
    event.preventDefault();
    room = document.getElementById("room-code").value.replace(/[\s-]/g, "").toUpperCase();
    token = document.getElementById("teacher-token").value.trim();
    localStorage.setItem(`brink:teacher:${room}`, token);
    if (link) link.stop();
    view = null;
    start();
  });

  function start() {
    link = Brink.connect({
      hello: () => ({type: "resume", v: 1, room, token, lang: language}),
      status: (text) => { connection.textContent = text; },
      message: (data) => {
        if (data.type === "state") { view = Brink.merge(view, data); draw(); }
        else if (data.type === "error") {
          if (!view) {
            signIn.hidden = false;
            document.getElementById("sign-in-error").textContent = data.message;
            link.stop();
          } else {
            const error = document.getElementById("teacher-error");
            replace(error, data.message);
            error.hidden = false;
          }
        }
      },
    });
  }

  function draw() {
    signIn.hidden = true;
    consolePanel.hidden = false;
    // a state arriving while the teacher works keeps the focus where it was
    const focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.key : null;
    const phase = view.phase;
    const day = view.day ? `${view.day.long_date}: ${view.day.title} (${_("Day {number} of {total}", {number: view.day.number, total: view.day.of})})` : "";
    const next = phase === "resolved" ? (view.resolution && view.resolution.ending ? _("Show the ending") : _("Open the next day")) : null;
    replace(consolePanel,
      el("section", {class: "panel"},
        el("h1", {}, `${_("Room {code}", {code: view.room})}: ${view.scenario.title}`),
        el("p", {}, day || (phase === "lobby" ? _("Waiting to start.") : _("The game has ended."))),
        el("p", {}, el("a", {href: `/projector?room=${view.room}`, target: "_blank", rel: "noopener"}, _("Open the projector page"))),
        el("p", {class: "error", id: "teacher-error", role: "alert", hidden: true}),
        el("label", {class: "toggle"},
          el("input", {type: "checkbox", checked: view.vote, "data-key": "vote",
            onchange: (event) => link.send({type: "configure", vote: event.target.checked})}),
          _("Teams vote (the majority gives the order; the leader breaks a tie)")),
        el("div", {class: "actions"},
          phase === "lobby" ? el("button", {type: "button", class: "primary", "data-key": "start",
            onclick: () => link.send({type: "start"})}, _("Start the game")) : null,
          next ? el("button", {type: "button", class: "primary", "data-key": "next",
            onclick: () => link.send({type: "next_day"})}, next) : null)),
      el("section", {class: "panel"},
        el("h2", {}, _("Teams")),
        el("ul", {class: "team-line"}, view.teams.map((team) => el("li", {}, el("b", {}, team.name), ": ",
          phase === "deciding" ? Brink.teamDecided(team) : (team.computer ? _("The computer plays this team") : _("Students: {count}", {count: team.members.length})))))),
      seating());
    if (focused) {
      const again = consolePanel.querySelector(`[data-key="${CSS.escape(focused)}"]`);
      if (again) again.focus();
    }
  }

  function seating() {
    const options = [el("option", {value: ""}, _("No seat"))];
    for (const seat of view.seats) {
      const label = seat.place === "leader" ? `${seat.team_name}: ${_("leader")}` : `${seat.team_name}: ${seat.name}`;
      options.push(el("option", {value: `${seat.team}|${seat.place}`}, label));
    }
    const rows = view.members.map((member) => {
      const select = el("select", {"aria-label": _("Seat for {name}", {name: member.name}), "data-key": `seat:${member.id}`,
        onchange: (event) => {
          const [team, place] = event.target.value ? event.target.value.split("|") : [null, null];
          link.send({type: "seat", member: member.id, team, place});
        }}, options.map((option) => option.cloneNode(true)));
      select.value = member.seat ? `${member.seat.team}|${member.seat.place}` : "";
      return el("tr", {}, el("td", {}, member.name), el("td", {}, select));
    });
    return el("section", {class: "panel"}, el("h2", {}, _("Seating")),
      rows.length ? el("table", {class: "seating"}, el("thead", {}, el("tr", {}, el("th", {}, _("Student")), el("th", {}, _("Seat")))),
        el("tbody", {}, rows)) : el("p", {class: "hint"}, _("Nobody has joined yet.")));
  }

  if (room && token) start();
  else {
    signIn.hidden = false;
    document.getElementById("room-code").value = room;
  }
})();
