// The student's screen: join with the room code and a name, take a seat, read the role card, and
// recommend (an advisor) or give the order (the leader). The seat's token is kept in this browser,
// so a reload or a lost connection comes back to the same seat.
"use strict";

(() => {
  const {_, el, replace} = Brink;
  const body = document.body;
  const joinPanel = document.getElementById("join");
  const joinForm = document.getElementById("join-form");
  const joinError = document.getElementById("join-error");
  const game = document.getElementById("game");
  const connection = document.getElementById("connection");
  const language = body.dataset.language;

  let room = normaliseCode(body.dataset.room) || localStorage.getItem("brink:last-room") || "";
  let token = room ? localStorage.getItem(`brink:seat:${room}`) : null;
  let pendingJoin = null;
  let view = null;
  let link = null;
  const slots = {};
  const draft = {key: null, choice: null, reason: ""};
  const letter = {text: ""};  // the leader's message being written, kept while the screen redraws

  function normaliseCode(text) {
    const code = (text || "").replace(/[\s-]/g, "").toUpperCase();
    return /^[A-Z]{6}$/.test(code) ? code : null;
  }

  // --- joining --------------------------------------------------------------------------------------
  function showJoin(message) {
    joinPanel.hidden = false;
    game.hidden = true;
    joinError.textContent = message || "";
    const code = document.getElementById("room-code");
    if (!code.value && room) code.value = room;
    (code.value ? document.getElementById("student-name") : code).focus();
  }

  joinForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const code = normaliseCode(document.getElementById("room-code").value);
    const name = document.getElementById("student-name").value.trim();
    if (!code) { joinError.textContent = _("A room code is six letters, as on the projector."); return; }
    if (!name) { joinError.textContent = _("Type your name first."); return; }
    room = code;
    pendingJoin = {type: "join", v: 1, room, name, lang: language};
    joinError.textContent = "";
    if (!link) start(); else link.send(pendingJoin);
  });

  function hello() {
    if (token) return {type: "resume", v: 1, room, token, lang: language};
    return pendingJoin;
  }

  function received(data) {
    if (data.type === "welcome") {
      if (data.token) {
        token = data.token;
        localStorage.setItem(`brink:seat:${data.room}`, token);
      }
      localStorage.setItem("brink:last-room", data.room);
      pendingJoin = null;
      const url = new URL(location.href);
      url.searchParams.set("room", data.room);
      history.replaceState(null, "", url);
    } else if (data.type === "state") {
      view = Brink.merge(view, data);
      Brink.syncClock(view.clock);
      render();
    } else if (data.type === "error") {
      if (!view) {
        if (token && pendingJoin === null) {  // the seat is gone (a new room, or the store was cleared)
          localStorage.removeItem(`brink:seat:${room}`);
          token = null;
        }
        showJoin(data.message);
      } else {
        showError(data.message);
      }
    }
  }

  function start() {
    link = Brink.connect({hello, message: received, status: (text) => { connection.textContent = text; }});
  }

  document.getElementById("language-switch").addEventListener("change", (event) => {
    const chosen = event.target.value;
    Brink.setLanguageCookie(chosen);
    if (link && view) link.send({type: "lang", lang: chosen});
    const url = new URL(location.href);
    url.searchParams.set("lang", chosen);
    setTimeout(() => location.replace(url), link && view ? 150 : 0);  // let the message leave first
  });

  // --- drawing --------------------------------------------------------------------------------------
  // The screen is a column of slots; a slot is drawn again only when what it shows has changed, so a
  // teammate's recommendation never wipes the reason you are typing or moves your focus.
  const ORDER = ["error", "head", "status", "news", "seat", "card", "briefing", "advice", "form", "result", "letters",
    "public"];
  function slot(name, signature, build) {
    let entry = slots[name];
    if (!entry) {
      const node = el("div", {class: `slot slot-${name}`});
      entry = slots[name] = {node, signature: undefined};
      const after = ORDER.slice(ORDER.indexOf(name) + 1).map((n) => slots[n]).find(Boolean);
      game.insertBefore(node, after ? after.node : null);
    }
    const text = JSON.stringify(signature);
    if (text === entry.signature) return;
    entry.signature = text;
    const focused = document.activeElement && entry.node.contains(document.activeElement)
      ? document.activeElement.dataset.key : null;
    replace(entry.node, build());
    if (focused) {
      const again = entry.node.querySelector(`[data-key="${CSS.escape(focused)}"]`);
      if (again) again.focus();
    }
  }

  function showError(message) {
    slot("error", {message, at: Date.now()}, () => el("p", {class: "panel error", role: "alert"}, message));
    clearTimeout(showError.timer);
    showError.timer = setTimeout(() => slot("error", null, () => null), 9000);
  }

  function render() {
    joinPanel.hidden = true;
    game.hidden = false;
    const you = view.you;
    const seat = you.seat;
    const team = view.team;
    game.classList.toggle("as-advisor", Boolean(seat && seat.place !== "leader"));
    slot("head", [view.day, view.meters.defcon, view.phase, view.scenario.title, team && team.day_title], head);
    slot("status", [view.teams, view.phase, seat, you.name, view.vote], status);
    slot("news", [view.news], news);
    slot("seat", [view.phase, seat, view.seats], seatPicker);
    slot("card", [view.card], roleCard);
    slot("briefing", [team && team.briefing, view.phase], briefing);
    slot("advice", [team && team.recommendations, team && team.advisors, team && team.votes, seat], advice);
    slot("form", formSignature(), orderForm);
    slot("result", [view.resolution, view.ending, view.phase, view.ended_early], result);
    slot("letters", [view.correspondence, seat, view.phase], letters);
    slot("public", [view.meters, view.map, view.calendar, view.record], publicGame);
  }

  function head() {
    if (!view.day) {
      return el("section", {class: "panel"}, el("h1", {}, view.scenario.title),
        el("p", {class: "hint"}, view.phase === "ended" ? _("The game has ended.") : _("Waiting for the teacher to start the game.")));
    }
    const day = view.day;
    const title = (view.phase === "deciding" && view.team && view.team.day_title) || day.title;  // a seat's own title
    return el("section", {class: "panel day-head"},
      el("div", {},
        el("p", {class: "date"}, Brink.dateLine(day, title)),
        el("h1", {}, title)),
      el("div", {class: "head-side"}, Brink.countdown(false), Brink.defconChip(view.meters)));
  }

  function news() {
    const list = Brink.newsList(view.news);
    return list ? el("section", {class: "panel"}, el("h2", {}, _("News")), list) : null;
  }

  // The correspondence: the team's own letters and statements, the letters that reached it, every
  // public statement; the leader writes from here.
  function letters() {
    const seat = view.you.seat;
    if (!seat || !view.correspondence || view.phase === "lobby") return null;
    const leader = seat.place === "leader";
    const parts = [el("h2", {}, _("Correspondence")),
      Brink.messageList(view.correspondence, _("No letters yet."))];
    if (leader && view.phase !== "ended") {
      const counter = el("p", {class: "counter", id: "letter-counter"}, `${letter.text.length}/600`);
      const box = el("textarea", {id: "letter-text", maxlength: 600, "data-key": "letter", "aria-describedby": "letter-counter",
        oninput: (event) => { letter.text = event.target.value; counter.textContent = `${letter.text.length}/600`; }});
      box.value = letter.text;
      const send = (isPublic) => {
        if (!letter.text.trim()) { showError(_("Write something first.")); return; }
        if (link.send({type: "send", text: letter.text, public: isPublic})) letter.text = "";
      };
      parts.push(el("label", {for: "letter-text"}, _("Write to the other team")), box, counter,
        el("p", {class: "hint small"}, _("A letter is private and takes a while to arrive; a public statement is read by everyone at once.")),
        el("div", {class: "actions"},
          el("button", {type: "button", "data-key": "send-letter", onclick: () => send(false)}, _("Send as a private letter")),
          el("button", {type: "button", "data-key": "send-statement", onclick: () => send(true)}, _("Make a public statement"))));
    }
    return el("section", {class: "panel"}, parts);
  }

  function status() {
    const seat = view.you.seat;
    const mine = seat && view.teams.find((t) => t.id === seat.team);
    let who;
    if (!seat) who = _("{name}, you have no seat yet.", {name: view.you.name});
    else if (seat.place === "leader") who = _("{name}, you lead the team of {team}.", {name: view.you.name, team: mine.name});
    else who = _("{name}, you sit as {seat} in the team of {team}.", {name: view.you.name, seat: seatName(seat), team: mine.name});
    const lines = [el("p", {class: "status"}, who)];
    if (view.phase === "deciding") {
      lines.push(el("ul", {class: "team-line"}, view.teams.map((team) => el("li", {},
        el("b", {}, team.id === (seat && seat.team) ? _("Your team") : team.name), ": ", Brink.teamDecided(team)))));
    }
    if (view.vote && view.phase !== "lobby") lines.push(el("p", {class: "hint small"}, _("This room votes: the majority gives each team's order, and the leader breaks a tie.")));
    return el("section", {class: "panel", "aria-live": "polite"}, lines);
  }

  function seatName(seat) {
    return seat.name || seat.place;
  }

  function seatPicker() {
    const seat = view.you.seat;
    if (view.phase === "ended" || !view.seats) return null;
    const teams = {};
    for (const option of view.seats) (teams[option.team] = teams[option.team] || []).push(option);
    const sections = Object.values(teams).map((options) => el("section", {},
      el("h3", {}, options[0].team_name),
      el("ul", {class: "seats"}, options.map((option) => {
        const mine = seat && seat.team === option.team && seat.place === option.place;
        const role = option.place === "leader" ? _("Leader: gives the team's order") : option.office;
        const who = option.students.length ? _("Taken by: {names}", {names: option.students.join(", ")}) : _("Free");
        return el("li", {}, el("button", {type: "button", class: "seat-button", "aria-pressed": mine ? "true" : "false",
          "data-key": `seat:${option.team}:${option.place}`,
          onclick: () => link.send({type: "sit", team: option.team, place: option.place})},
        el("span", {class: "name"}, option.name), " ", option.leaning ? Brink.leaning(option.leaning) : null,
        el("span", {class: "who"}, role), el("span", {class: "who"}, who)));
      }))));
    return el("section", {class: "panel"},
      el("h2", {}, seat ? _("Your seat") : _("Pick a seat")),
      el("p", {class: "hint"}, _("Sit as your team's leader, who gives the order, or as one of its advisors, who recommend. The teacher may also seat you.")),
      sections,
      seat ? el("button", {type: "button", "data-key": "stand", onclick: () => link.send({type: "sit", team: null, place: null})}, _("Stand up")) : null);
  }

  function roleCard() {
    const card = view.card;
    if (!card) return null;
    return el("section", {class: "panel"},
      el("h2", {class: "visually-hidden"}, _("Your role card")),
      el("div", {class: "card"}, Brink.portrait(card.portrait, card.name),
        el("div", {},
          el("h2", {}, card.name), el("p", {class: "muted"}, card.office),
          Brink.leaning(card.leaning))),
      card.brief ? [el("h3", {}, _("What you push for today")), el("p", {class: "brief"}, card.brief)] : null,
      card.says ? [el("h3", {}, _("In your own words, you might say")), el("p", {class: "says"}, `“${card.says}”`)] : null,
      card.at_table === false ? el("p", {class: "hint"}, _("You are not at the table today; you can still recommend.")) : null);
  }

  function briefing() {
    const team = view.team;
    if (!team || view.phase !== "deciding" || !team.briefing) return null;
    return el("section", {class: "panel"}, el("h2", {}, _("This morning's briefing")),
      el("p", {class: "briefing"}, team.briefing));
  }

  function advice() {
    const team = view.team;
    if (!team || view.phase !== "deciding" || !team.recommendations) return null;
    const seat = view.you.seat;
    const items = team.recommendations.map((r) => el("li", {},
      el("span", {class: "who"}, r.leader ? _("{student}, the leader, votes", {student: r.student})
        : _("{student} as {advisor}", {student: r.student, advisor: r.advisor})), ": ",
      el("span", {class: "what"}, r.label),
      r.reason ? el("span", {class: "reason"}, r.reason) : null));
    const silent = seat.place === "leader" ? team.advisors.filter((a) => a.says) : [];
    const votes = team.votes ? el("p", {class: "status"}, `${team.votes.words} (${team.votes.cast}/${team.votes.voters})`) : null;
    return el("section", {class: "panel"},
      el("h2", {}, seat.place === "leader" ? _("Your advisors recommend") : _("Your team's recommendations")),
      votes,
      items.length ? el("ul", {class: "recommendations", "aria-live": "polite"}, items)
        : el("p", {class: "hint"}, _("No recommendation yet.")),
      silent.length ? [el("h3", {}, _("Advisors no student plays")),
        el("p", {class: "hint small"}, _("Open one to hear what they say.")),
        el("div", {class: "unplayed"}, silent.map((a) => el("details", {},
          el("summary", {"data-key": `hear:${a.id}`}, el("span", {class: "who"}, a.name), " ", Brink.leaning(a.leaning),
            a.recommends ? el("span", {class: "what"}, `→ ${a.recommends}`) : null),
          el("p", {class: "muted small"}, a.office),
          el("p", {class: "says"}, `“${a.says}”`))))] : null);
  }

  function formSignature() {
    const team = view.team;
    if (!team || view.phase !== "deciding") return null;
    const mine = view.you.recommendation;
    // a leader's choices show how many recommend each; an advisor's form stays put while they type
    const counts = view.you.seat.place === "leader" ? (team.recommendations || []).map((r) => r.choice) : null;
    return [view.day && view.day.index, view.you.seat, team.choices, team.order, view.vote, team.owes_order, mine, counts];
  }

  function orderForm() {
    const team = view.team;
    if (!team || view.phase !== "deciding" || !team.choices) return null;
    const seat = view.you.seat;
    const leader = seat.place === "leader";
    const key = `${view.day.index}`;
    if (draft.key !== key) { draft.key = key; draft.choice = null; draft.reason = ""; }
    const mine = view.you.recommendation
      ? Object.assign({label: (team.choices.find((c) => c.id === view.you.recommendation.choice) || {}).label},
        view.you.recommendation) : null;
    if (!team.owes_order) return el("section", {class: "panel"}, el("p", {}, _("Your team has nothing to decide today.")));
    if (team.order) {
      return el("section", {class: "panel"},
        el("h2", {}, _("Your team's order")), el("p", {class: "status"}, team.order.label),
        el("p", {class: "hint"}, _("Waiting for the other team. Both orders resolve together.")),
        leader && !view.vote ? el("button", {type: "button", "data-key": "withdraw",
          onclick: () => link.send({type: "withdraw"})}, _("Take the order back")) : null);
    }
    if (draft.choice === null && mine) { draft.choice = mine.choice; draft.reason = mine.reason; }
    const counts = {};
    for (const r of team.recommendations || []) counts[r.choice] = (counts[r.choice] || 0) + 1;
    const list = el("ul", {class: "choices"}, team.choices.map((choice, index) => el("li", {},
      el("label", {class: "choice"},
        el("input", {type: "radio", name: "choice", value: choice.id, "data-key": `choice:${choice.id}`,
          checked: draft.choice === choice.id, onchange: () => { draft.choice = choice.id; }}),
        el("span", {class: "label"}, `${index + 1}. ${choice.label}`),
        choice.text ? el("span", {class: "text"}, choice.text) : null,
        choice.moves.length ? el("span", {class: "moves"}, `${_("Moves:")} ${choice.moves.join(", ")}`) : null,
        leader && counts[choice.id] ? el("span", {class: "what"}, _("Recommended by {count}", {count: counts[choice.id]})) : null))));
    const fieldset = el("fieldset", {class: "plain"}, el("legend", {}, leader ? _("Your order") : _("Your recommendation")), list);
    const parts = [fieldset];
    if (!leader) {
      const counter = el("p", {class: "counter", id: "reason-counter"}, `${draft.reason.length}/500`);
      const reason = el("textarea", {id: "reason", maxlength: 500, "data-key": "reason", "aria-describedby": "reason-counter",
        oninput: (event) => { draft.reason = event.target.value; counter.textContent = `${draft.reason.length}/500`; }});
      reason.value = draft.reason;
      parts.push(el("label", {for: "reason"}, _("Your reason (what the leader should hear)")), reason, counter);
    }
    const send = (message) => {
      if (!draft.choice) { showError(_("Pick one of the choices first.")); return; }
      link.send(Object.assign({choice: draft.choice}, message));
    };
    const buttons = [];
    if (!leader) {
      buttons.push(el("button", {type: "button", class: "primary", "data-key": "recommend",
        onclick: () => send({type: "recommend", reason: draft.reason})},
      mine ? _("Change my recommendation") : (view.vote ? _("Vote and recommend") : _("Recommend"))));
    } else if (view.vote) {
      buttons.push(el("button", {type: "button", class: "primary", "data-key": "vote", onclick: () => send({type: "order"})}, _("Vote for this")));
      buttons.push(el("button", {type: "button", "data-key": "decide", onclick: () => link.send({type: "decide"})}, _("Decide by the votes so far")));
    } else {
      buttons.push(el("button", {type: "button", class: "primary", "data-key": "order", onclick: () => send({type: "order"})}, _("Give the order")));
    }
    if (mine) parts.unshift(el("p", {class: "status"}, leader ? _("You voted for: {choice}", {choice: mine.label})
      : _("You recommended: {choice}", {choice: mine.label})));
    return el("section", {class: "panel"},
      el("h2", {}, leader ? _("Give your team's order") : _("Recommend one choice")),
      leader ? el("p", {class: "hint"}, view.vote ? _("Vote with your team: the majority decides, and your vote breaks a tie.")
        : _("Hear your advisors, then choose. Both teams' orders resolve together.")) : null,
      el("form", {onsubmit: (event) => event.preventDefault()}, parts, el("div", {class: "actions"}, buttons)));
  }

  function result() {
    if (view.phase === "ended" && view.ending) {
      const ending = view.ending;
      return el("section", {class: "panel"}, el("h2", {}, `${_("Ending:")} ${ending.title}`),
        view.ended_early ? el("p", {class: "hint"}, _("The teacher ended the game early: this is where the crisis stood.")) : null,
        ending.picture ? el("img", {class: "picture", src: ending.picture, alt: ""}) : null,
        el("p", {}, ending.text), ending.history ? el("p", {class: "history-note"}, ending.history) : null);
    }
    if (view.phase !== "resolved" || !view.resolution) return null;
    return el("section", {class: "panel"}, Brink.resolution(view.resolution),
      el("p", {class: "hint"}, view.resolution.ending ? _("The game ends here. The teacher will show the ending.")
        : _("The teacher will open the next day.")));
  }

  function publicGame() {
    if (view.phase === "lobby") return null;
    const record = view.record.length ? el("details", {class: "panel"}, el("summary", {}, _("Orders so far")),
      el("ul", {class: "recommendations"}, view.record.map((day) => el("li", {}, el("b", {}, day.title), " ",
        day.orders.map((order) => el("span", {class: "reason"}, `${order.name}: ${order.label || _("no order")}`)))))) : null;
    return el("div", {class: "columns"},
      el("details", {class: "panel", open: view.phase === "resolved"}, el("summary", {}, _("Meters")),
        Brink.inForce(view.meters), Brink.meterList(view.meters)),
      view.map ? el("details", {class: "panel"}, el("summary", {}, _("Map")), Brink.mapPicture(view.map)) : null,
      el("details", {class: "panel"}, el("summary", {}, _("Calendar")), Brink.calendar(view.calendar)),
      record);
  }

  // --- off we go ----------------------------------------------------------------------------------
  if (room && token) start();
  else showJoin("");
})();
