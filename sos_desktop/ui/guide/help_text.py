"""The help pages (Help › Help on this page, Shift+F1): one short page per view of the console, as Markdown.

Each says what the view is for in the practice, how to use it, and its keys. Held as data so the words can be
corrected without touching the code that shows them; ``help_dialog`` picks the page for the tab in front.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HelpPage:
    title: str
    text: str
    """Markdown."""


PAGES: dict[str, HelpPage] = {
    "start": HelpPage(
        "Cases and meetings",
        """
**What it is for.** The list on the left holds your team's cases, each with its meetings (mapping meetings,
group supervisions, network and review meetings). Everything is saved as you type, on this machine or your
council's own database.

**How to use it.**
- Start a case with **File › New case** (Ctrl+Shift+N). Give it a name that is not a child's full name, for
  example "Family S", and choose its framework: Signs of Safety, Signs of Wellbeing or Signs of Success.
- Add a meeting to the selected case with **File › New meeting** (Ctrl+N). It starts with the team's agenda and
  the framework's scale.
- Double-click a meeting (or press Enter) to open it. The console reopens the last meeting next time.
- To try things safely, open the demo meeting "Family Demo (invented)": nothing in it is real.

**Keys.** Ctrl+Shift+N new case · Ctrl+N new meeting · F2 rename (in the list) · Ctrl+Shift+Delete delete ·
Ctrl+O import a meeting file · F1 every shortcut.
""",
    ),
    "map": HelpPage(
        "The map",
        """
**What it is for.** The assessment and planning map: what are we worried about (harm, danger statements,
complicating factors), what is working well (existing strengths, existing safety), and what needs to happen
(safety goals, next steps). This is what the room builds together and sees on the projector.

**How to use it.**
- Type in a category's entry line and press **Enter**; the line stays ready for the next card.
- Harm is the past; a worry about the future is a danger statement: who is worried, about what behaviour by
  whom, and the likely impact on the child.
- Pair every danger statement with a safety goal (**Ctrl+P**), and give each pair a scale on the Scaling page.
  Aim for no more than about three danger statements.
- The bar at the top tells you what the map still lacks; its warnings never stop you.

**Keys.** Ctrl+1 … Ctrl+8 go to a category's entry line · Enter add · N or Insert from a list to its entry line ·
F2 edit a card · Delete · Alt+Up/Down move · Alt+Left/Right to the next category · Ctrl+Z undo.
""",
    ),
    "scaling": HelpPage(
        "Scaling",
        """
**What it is for.** The judgement: on a scale of 0 to 10, where is this situation? Everyone present gives their own
number, the worker first, and the numbers of successive meetings make the case's trajectory.

**How to use it.**
- Add the framework's scale, or your own (the family's willingness, a scale for one danger statement and goal).
- Each attendee has a row: drag the slider, then note what makes it this number and not 0, and what would make it
  one point higher.
- A **private round** hides the numbers on the projector until you reveal them, so nobody anchors on the first
  number said aloud.

**Keys.** Arrow keys move a slider by half a point · Ctrl+Alt+S shows the chosen scale on the projector ·
Ctrl+Alt+T its trajectory across the case.
""",
    ),
    "agenda": HelpPage(
        "Agenda and clock",
        """
**What it is for.** Keeping time through the group-supervision process: purpose and roles, overview and network,
mapping, danger statements and goals, scaling, next steps, reflection.

**How to use it.**
- Press **Start** when the meeting begins; **Next phase** as you move on. The clock shows the time left in the
  phase, and turns when a phase runs over.
- Change a phase's title or planned minutes in the table; add, remove or reorder phases with the buttons.
- "Save as the team's agenda" makes these phases the default for new meetings (also in Edit › Settings).
- Tick "Show the timer on the projector" to put the clock in a corner of the wall.

**Keys.** F6 start or resume · F7 next phase · Shift+F6 pause.
""",
    ),
    "network": HelpPage(
        "Safety network",
        """
**What it is for.** The family's naturally connected people and the professionals around them: who will help keep
the child safe. An empty or thin network is itself a finding.

**How to use it.**
- Double-click empty space to add a person and type their name; choose their role and circle on the right.
- Shift+drag from one person to another to connect them.
- Record whether each person knows the danger statements, which worries they agree with and which rules they own.
- The findings list points out gaps, such as nobody in the inner circle who knows the worries.
- On the projector people appear by initials or the name you give for the room, never their full name.
- Arrange › Family tree draws the genogram: squares for men, circles for women, a cross for somebody who has died,
  a double outline for the child the case is about, one slash for a separated couple and two for a divorce, and a
  dotted line round the people who live together. Record gender, died, the child the case is about and the
  household in the details, and a couple's or a parent's bond (married, step, foster...) on their tie.

**Keys.** Insert add a person · C then drag connect · F2 rename · Delete remove · Ctrl+0 fit the view ·
Ctrl+Alt+N show the network on the projector.
""",
    ),
    "voice": HelpPage(
        "Child's voice",
        """
**What it is for.** The Three Houses: the child's worries, good things and dreams, in the child's exact words. For a
younger child choose the Fairy or the Wizard: the same three questions under the Bad, Good and Dream Fairy (or
Wizard), on this page, the projector and the minutes alike.

**How to use it.**
- Choose the child at the top (add them on the Network page first, with the role Child).
- Write what the child said, exactly as said, in the house it belongs to, and press Add.
- Tick "Agreed to share" only when the child has agreed: the projector shows shared words only, and this page marks
  the others plainly.

**Keys.** Ctrl+Alt+V shows the chosen child's shared words on the projector.
""",
    ),
    "safety_house": HelpPage(
        "Safety House",
        """
**What it is for.** The child's Safety House: who lives in the house, who visits, who stays outside (people the
child does not feel safe with), the house rules, and where the child puts themselves on the path to the door (0 to
10), all in the child's exact words.

**How to use it.**
- Choose the child at the top. People are placed from the case's network: add somebody new on the Network page.
- Choose a person under a place and press Place, then write what the child said about them.
- Write each rule as the child said it and press Add rule (Ctrl+Enter).
- Click or drag the child along the path, or use the arrow keys (Delete takes them off the path).
- Tick "Agreed to share" only when the child has agreed: the projector shows shared entries only.
- "Put the house's rules into the safety plan" adds each rule not already there, in one step (Ctrl+Z takes them all
  out again). The child's path joins the case's trajectory, labelled with the child's display name.

**Keys.** Ctrl+Alt+O shows the chosen child's Safety House on the projector · Ctrl+Z undo.
""",
    ),
    "review": HelpPage(
        "Since last time",
        """
**What it is for.** A case is worked over many meetings. A meeting continued from the last one (**Meeting › New
meeting from the last one**, Ctrl+Shift+M) starts here: with the review of last time's next steps, then what has
changed since.

**How to use it.**
- For each of last time's next steps, choose what became of it: done, partly done, not done, carried forward or
  dropped, and note what happened. *Carried forward* makes it a next step of this meeting again, with its owner
  and date. A step past its date and neither done nor dropped is marked **Overdue** in amber.
- "What changed since last time" lists the cards new, changed and dropped in each part of the map, how the scales
  moved (the median then and now, and each person who rated both times), and who joined the network or now knows
  the worries. A card changed today shows it at once.
- On the map, a card new or changed since last time, and a next step that is overdue, say so at their foot.

**Keys.** Ctrl+Shift+M new meeting from the last one · Ctrl+Alt+R the review on the projector · Ctrl+Alt+C what
changed, on the projector · Ctrl+Z undo a choice or a note.
""",
    ),
    "chronology": HelpPage(
        "Chronology",
        """
**What it is for.** The case chronology: the significant events in the child's life, with when they happened and
who says so. It is the case's, so every meeting of the case shows the same list, and it goes into the minutes.

**How to use it.**
- Give the date (or only the month or the year, when that is all that is known), say what happened in plain words
  and the source, then press Add. Click a heading to sort; "Newest first" turns the list round.
- Double-click what happened or the source to correct it; "Take off the chronology" removes an event. Each change
  can be undone.
- On the map, a harm card goes on the chronology in one action: right-click it, **Put on the chronology**. The
  date is read from the card's words ("On 29 November 2026 …"); when they give none, it is asked for.

**Keys.** Enter in what happened or the source adds the event · Ctrl+Alt+H the chronology on the projector ·
Ctrl+Z undo.
""",
    ),
    "plan": HelpPage(
        "Safety plan",
        """
**What it is for.** The family's safety plan: how the child will be kept safe, in the family's own words. Each rule
answers a danger statement and has people in the network who make sure it happens. The plan lists the warning signs
to watch for and what to do about each, and who has signed up to it. Each meeting keeps the plan as it stood that
day. A meeting continued from the last one starts from last time's plan and refines it.

**How to use it.**
- Type a rule as the family says it and press Enter. Then choose it and tick the danger statements it answers and
  who makes sure it happens (their contact is shown), and say what happens if it is broken.
- Add the warning signs: triggers (what makes a rule harder to keep) and red flags (signs the danger is back), each
  with what to do when it is seen.
- Tick each person on the day they sign up to the plan, and set when it will be looked at again.
- The amber notes above are gentle checks, never a block. They flag a danger statement no rule answers, a rule
  nobody owns, a rule that only says what won't happen, and an owner who does not know the worries yet.
- The family's own copy prints from the command line: `sos-desktop export ID --safety-plan-pdf plan.pdf`. It uses
  large type and plain words, with space for signatures.

**Keys.** Enter in the new rule adds it · Ctrl+Alt+P the plan on the projector · Ctrl+Z undo.
""",
    ),
    "trajectory_plan": HelpPage(
        "Trajectory plan",
        """
**What it is for.** The agency's road to closure: the milestones from today to closing the case. Each has when it
is planned for, who does it, its status and the safety scale's hoped-for score by then. On the projector it is
drawn beside the scale's trajectory, with a "Today" marker.

**How to use it.**
- Type a milestone ("network meeting", "safety plan tried for two weeks", "review conference", "case closes").
  Give its date, who does it and the score hoped for, then press Add milestone.
- Double-click a cell to change it. Type Planned, Under way, Done or Dropped in Status, or choose a row and press
  Mark done.
- A milestone past its date that is still planned or under way reads **Late**, in amber. It is judged on the
  meeting's day.

**Keys.** Enter in the milestone or the score adds it · Ctrl+Alt+M the trajectory plan on the projector, beside
the scale's trajectory · Ctrl+Z undo.
""",
    ),
    "agreement": HelpPage(
        "Agreement",
        """
**What it is for.** At a family network meeting or a child protection conference, the danger statements and
safety goals are read out and each person's view is noted: who agrees, who does not, and in their own words. A
conference's chair records the decision here too.

**How to use it.**
- Each row is a danger statement or a safety goal from the map; each column a person at the meeting (family and
  network members first). Choose Agrees, Does not agree or Not said in their cell.
- Click a cell, then type what they said underneath: their words are kept exactly as typed.
- At a conference, the Decision form below records what was decided (a child protection plan, a child in need
  plan, no further action, or something else in words), why, who disagreed and why, the day and the chair.
- The minutes list the agreement as a table and give the decision its own section.
- Projector › The family is present flags the team's jargon on the cards and keeps professional-only cards off
  the wall (a card's menu on the Map page: Professionals only).

**Keys.** Ctrl+Z undo (each choice, and each burst of typing, is one step).
""",
    ),
    "details": HelpPage(
        "Meeting details",
        """
**What it is for.** The meeting's record: its title, kind and date, the presenter's focus question, whether
confidentiality was agreed, who attended in which role, and a brief summary for the child's file.

**How to use it.**
- Ask the presenter "What do you want from the group today?" and write the answer as the focus question.
- Add each attendee with their role. A next step is only *agreed* when the case's manager is present; otherwise it
  is an idea.
- At a family network meeting or a conference, **Add family or network member…** brings somebody from the
  network, linked to their network person; they rate the scales like anyone. A conference has a **Chair**.
- The kind of meeting chooses its agenda: a meeting not yet started takes the new kind's agenda when you change it.
- Write the summary at the end; it opens the minutes (File › Export › Minutes as PDF).

**Keys.** Ctrl+Alt+F shows the focus question on the projector · Ctrl+Shift+P export the minutes.
""",
    ),
    "projector": HelpPage(
        "The projector",
        """
**What it is for.** A second view of the open meeting for the room, in large type, with full names replaced by
initials or the names you chose for the room.

**How to use it.**
- Press **F5** to open it on the second screen (full screen). With only one screen, or displays that mirror each
  other, it says so first: the room would see the console, with full names. You can then practise in a window.
- You keep typing on the console: the projector never takes the keyboard. The status bar says what the wall shows.
- Choose what the room sees from the Projector menu: the whole map, one column or category, a scale and its
  trajectory, the network, the child's voice, the focus question, or a Words and Pictures story panel by panel
  (Page Down and Page Up then go to its next and previous panel).
- Press **B** to blank the wall at any time, for example when someone's name comes up.
- With the family in the room, tick Projector › The family is present: cards using the team's jargon get a
  "Plain words?" tag, and cards kept for the professionals only stay off the wall.
- Edit, Settings sets the theme and the type size for your room.

**Keys.** F5 open or close · B or . blank · V next view · T next theme · Ctrl+Alt+= / Ctrl+Alt+− / Ctrl+Alt+0 size.
""",
    ),
    "observer": HelpPage(
        "The observer's window",
        """
**What it is for.** Feedback on the facilitation, never on the case, for a practice leader's development.

**How to use it.** Open it from Meeting › Observer's window (Ctrl+Shift+O). Notes are stamped with the minute and
the agenda's phase. Rate each criterion of the rubric from 0 to 10 with a comment, then write what went well and
what would make it even better. Export it with File › Export › Facilitator feedback as PDF.
""",
    ),
    "words_pictures": HelpPage(
        "Words and Pictures",
        """
**What it is for.** A story in plain words and simple pictures that tells a child why the professionals are
involved, what the worries are and what is going well. It is shared first with the parents, then with the child.
Each child has their own story; the family can have one too.

**How to use it.**
- Choose whose story it is and press Start a story. Give it a title the child will understand.
- Add panel adds a panel after the one chosen. Say what it tells (a worry, what is going well, what happens next)
  and type its words as you would say them to the child. Move left, Move right and Take panel off change the
  storyboard; the coloured band under each panel is red for a worry, green for what is going well, blue for what
  happens next.
- Add an image… puts a PNG or JPEG picture (up to 20 MB) on the panel. It is kept inside the database; say in the
  caption what it shows. Draw… opens the drawing editor: pick a shape, click the picture to place it, drag it to
  move it, Delete to rub it out. A person can be somebody in the network (the projector shows their display name)
  or carry a label of their own.
- Shared sets how far the story has gone: Draft, Shared with the parents, Shared with the child. The day of each
  share is kept.
- Ctrl+Alt+W shows the story on the projector, one panel large, from the panel chosen here; Page Down and Page
  Up go to the next and the previous panel. File › Export › Words and Pictures as PDF prints the family's copy.
- The amber notes are gentle checks: a story that tells the worries needs what is going well too (and the
  reverse), every panel needs words, and words should be plain: the team's jargon and long sentences are named.

**Keys.** Ctrl+Z undo (each panel, word burst, shape and move is one step) · in the drawing editor, Delete rubs out
the chosen shape.
""",
    ),
}
