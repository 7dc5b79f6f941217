// The teacher's console: seat students, choose how teams decide, start the game and open each next
// day; the decision clock (pause, resume, add time, the room's times); undo the last day, end
// early; injects (an event, a news flash, a meter moved for a reason); every team's advice and
// order as it comes in, every letter and statement; the session log to download. The teacher's
// token comes in the address's fragment (#CODE.TOKEN, never sent to a server log) or is typed,
// and is kept in this browser.
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
  const drafts = {};  // what the teacher is typing or picking, kept while the page redraws
  let reportPending = false;  // a debrief report asked for and not yet arrived
  let armed = null;  // a button that asks for a second click (undo, end), and until when

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
        if (data.type === "state") { view = Brink.merge(view, data); Brink.syncClock(view.clock); draw(); }
        else if (data.type === "log") download(data.name, data.text);
        else if (data.type === "report_started") { reportPending = true; draw(); }
        else if (data.type === "report") { reportPending = false; draw(); download(data.name, data.text, "text/html"); }
        else if (data.type === "error") {
          if (!view) {
            signIn.hidden = false;
            document.getElementById("sign-in-error").textContent = data.message;
            link.stop();
          } else {
            if (reportPending) { reportPending = false; draw(); }
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
    const active = document.activeElement;
    const focused = active && active.dataset ? active.dataset.key : null;
    const caret = active && typeof active.selectionStart === "number" ? [active.selectionStart, active.selectionEnd] : null;
    const phase = view.phase;
    const day = view.day ? `${view.day.title} · ${Brink.dateLine(view.day, view.day.title)}` : "";
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
            onclick: () => link.send({type: "next_day"})}, next) : null),
        phase === "lobby" ? null : controls()),
      phase === "deciding" || phase === "resolved" ? injects() : null,
      phase === "lobby" ? null : teams(),
      phase === "lobby" ? null : messages(),
      el("section", {class: "panel"},
        el("h2", {}, _("Teams")),
        el("ul", {class: "team-line"}, view.teams.map((team) => el("li", {}, el("b", {}, team.name), ": ",
          phase === "deciding" ? Brink.teamDecided(team) : (team.computer ? _("The computer plays this team") : _("Students: {count}", {count: team.members.length})))))),
      seating());
    if (focused) {
      const again = consolePanel.querySelector(`[data-key="${CSS.escape(focused)}"]`);
      if (again) {
        again.focus();
        if (caret && typeof again.setSelectionRange === "function") {
          try { again.setSelectionRange(caret[0], caret[1]); } catch (error) { /* not a text field */ }
        }
      }
    }
  }

  // A field whose value is kept in drafts under its key, so a redraw keeps what was typed.
  function field(tag, key, attributes, ...children) {
    const node = el(tag, Object.assign({"data-key": key, oninput: (event) => { drafts[key] = event.target.value; },
      onchange: (event) => { drafts[key] = event.target.value; }}, attributes), ...children);
    if (key in drafts) node.value = drafts[key];
    else if (attributes && attributes.value !== undefined) drafts[key] = String(attributes.value);
    return node;
  }

  function send(message) {
    const error = document.getElementById("teacher-error");
    if (error) error.hidden = true;
    return link.send(message);
  }

  // A button that acts on the second click within a few seconds (taking back a day, ending the game).
  function twoStep(key, label, again, message) {
    const ready = armed && armed.key === key && armed.until > Date.now();
    return el("button", {type: "button", "data-key": key, class: ready ? "primary" : null, onclick: () => {
      if (armed && armed.key === key && armed.until > Date.now()) { armed = null; send(message); draw(); return; }
      armed = {key, until: Date.now() + 5000};
      draw();
      setTimeout(() => { if (armed && armed.key === key) { armed = null; draw(); } }, 5100);
    }}, ready ? again : label);
  }

  function controls() {
    const phase = view.phase;
    const console_ = view.console;
    const playing = phase === "deciding" || phase === "resolved";
    return el("div", {},
      el("div", {class: "console-row"},
        phase === "deciding" ? Brink.countdown(false) : null,
        playing ? (console_.paused
          ? el("button", {type: "button", class: "primary", "data-key": "resume", onclick: () => send({type: "resume_clock"})}, _("Resume the clock"))
          : el("button", {type: "button", "data-key": "pause", onclick: () => send({type: "pause"})}, _("Pause the clock"))) : null,
        phase === "deciding" ? el("button", {type: "button", "data-key": "add60", onclick: () => send({type: "add_time", seconds: 60})}, _("+1 min")) : null,
        phase === "deciding" ? el("button", {type: "button", "data-key": "add300", onclick: () => send({type: "add_time", seconds: 300})}, _("+5 min")) : null),
      el("div", {class: "console-row"},
        playing && console_.can_undo ? twoStep("undo", _("Undo the last day"), _("Click again to take the day back"), {type: "undo"}) : null,
        playing ? twoStep("end", _("End the game now"), _("Click again to end the game"), {type: "end"}) : null,
        el("button", {type: "button", "data-key": "log", onclick: () => send({type: "get_log"})},
          _("Download the session log ({count} lines)", {count: console_.log_lines})),
        console_.days_played > 0 ? el("button", {type: "button", "data-key": "report", disabled: reportPending,
                                               onclick: () => { reportPending = true; draw(); send({type: "get_report"}); }},
          reportPending ? _("Making the debrief report…") : _("Debrief report")) : null),
      el("div", {class: "console-row"},
        el("label", {for: "minutes"}, _("Minutes to decide each day")),
        field("input", "minutes", {id: "minutes", type: "number", min: 0.5, max: 240, step: 0.5, value: console_.minutes}),
        el("label", {for: "letter-minutes"}, _("Minutes a letter takes")),
        field("input", "letter-minutes", {id: "letter-minutes", type: "number", min: 0.1, max: 240, step: 0.5, value: console_.letter_minutes}),
        el("button", {type: "button", "data-key": "timing", onclick: () => {
          const minutes = Number(drafts.minutes || console_.minutes);
          const letters = Number(drafts["letter-minutes"] || console_.letter_minutes);
          delete drafts.minutes; delete drafts["letter-minutes"];
          send({type: "timing", minutes, letter_minutes: letters});
        }}, _("Set the times"))),
      el("p", {class: "hint small"}, _("A day of the scenario may set its own time; the new times count from the next day.")));
  }

  function injects() {
    const console_ = view.console;
    const events = console_.events.filter((event) => !(event.once && event.fired));
    const eventPicker = field("select", "inject-event", {"aria-label": _("Event")},
      events.map((event) => el("option", {value: event.id}, event.title)));
    const meterPicker = field("select", "inject-meter", {"aria-label": _("Meter")},
      console_.meters.map((meter) => el("option", {value: meter.id}, `${meter.label} (${meter.value})`)));
    const deciding = view.phase === "deciding";
    return el("section", {class: "panel"},
      el("h2", {}, _("Injects")),
      deciding ? null : el("p", {class: "hint"}, _("Injects are for while the teams decide: open the next day first.")),
      el("div", {class: "console-row"},
        field("input", "news-text", {class: "wide", maxlength: 300, "aria-label": _("News flash"), placeholder: _("A news flash both teams will read")}),
        el("button", {type: "button", "data-key": "send-news", disabled: !deciding, onclick: () => {
          const text = (drafts["news-text"] || "").trim();
          if (!text) return;
          if (send({type: "inject_news", text})) delete drafts["news-text"];
        }}, _("Send the news flash"))),
      events.length ? el("div", {class: "console-row"}, eventPicker,
        el("button", {type: "button", "data-key": "fire-event", disabled: !deciding, onclick: () => {
          send({type: "inject_event", event: drafts["inject-event"] || eventPicker.value});
        }}, _("Make it happen now"))) : null,
      el("div", {class: "console-row"}, meterPicker,
        field("input", "meter-by", {type: "number", step: 1, value: 5, "aria-label": _("By how much")}),
        field("input", "meter-reason", {class: "wide", maxlength: 300, "aria-label": _("Why"), placeholder: _("Why (both teams are told)")}),
        el("button", {type: "button", "data-key": "move-meter", disabled: !deciding, onclick: () => {
          const reason = (drafts["meter-reason"] || "").trim();
          const by = Number(drafts["meter-by"] || 0);
          if (!reason || !by) return;
          if (send({type: "inject_meter", meter: drafts["inject-meter"] || meterPicker.value, by, reason})) delete drafts["meter-reason"];
        }}, _("Move the meter"))),
      view.news && view.news.length ? [el("h3", {}, _("Sent so far")), Brink.newsList(view.news)] : null);
  }

  // Both teams' recommendations, reasons and orders as they come in: the teacher sees everything.
  function teams() {
    const deciders = {leader: _("the leader"), vote: _("the vote"), computer: _("the computer"), clock: _("the clock")};
    return el("section", {class: "panel"}, el("h2", {}, _("The teams today")),
      el("div", {class: "console-teams"}, view.console.teams.map((team) => el("div", {},
        el("h3", {}, team.name),
        team.order ? el("p", {class: "status"}, _("Order: {choice}", {choice: team.order}),
          team.decided_by ? ` (${deciders[team.decided_by] || team.decided_by})` : null)
          : el("p", {class: "hint"}, view.phase === "deciding" ? _("No order yet.") : ""),
        team.recommendations.length ? el("ul", {class: "recommendations"}, team.recommendations.map((r) => el("li", {},
          el("span", {class: "who"}, r.leader ? _("{student}, the leader, votes", {student: r.student})
            : _("{student} as {advisor}", {student: r.student, advisor: r.advisor})), ": ",
          el("span", {class: "what"}, r.label), r.reason ? el("span", {class: "reason"}, r.reason) : null)))
          : el("p", {class: "hint small"}, _("No recommendation yet."))))));
  }

  function messages() {
    return el("section", {class: "panel"}, el("h2", {}, _("Letters and statements")),
      Brink.messageList(view.console.messages, _("No letters yet.")));
  }

  function download(name, text, type) {
    const url = URL.createObjectURL(new Blob([text], {type: type || "application/x-ndjson"}));
    const anchor = el("a", {href: url, download: name});
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
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
