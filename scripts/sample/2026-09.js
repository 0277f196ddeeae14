// September 2026: a week at the lake with the family, back to work, a local meetup, and
// #FrontlineChat as a regular rather than the host. More personal, less promotion than October.
import { day, re, rt, say, th } from './dsl.js';

export default [
  day('2026-09-01', { from: '08:30' }, [
    say(
      'xw',
      'Out of office until Monday. Kettle Lake cabin, no laptop, questionable wifi. Be nice to my team while I am gone.',
      { photo: 1 },
    ),
    re('cr', 'priya_okoro', 'You have the keys to the castle. If the queue catches fire, call Theo, not me 😂'),
    say('xl', 'Max (6) has declared himself Captain of the Canoe. The canoe has not agreed to this.'),
    re('cr', 'lenahollis', 'Thank you! Yes, the loon is back. Same loon every year, I swear.'),
    say(
      'xm',
      'Started "The Salt Road" on the dock this morning. Three chapters in and I already miss my stop, and I am not even on a bus.',
    ),
  ]),
  day('2026-09-02', { from: '08:00' }, [
    say('xl', 'Pancakes shaped like beagles. Biscuit the actual beagle is insulted.', { photo: 1 }),
    re(
      'cr',
      'auntbev_cooks',
      'Your blueberry recipe, obviously. Lucia says yours are better. I say mine have more character.',
    ),
    say('xw', 'Found the one spot at the marina with two bars of signal. Do not tell anyone. Especially my boss.'),
    re('cr', 'jonahpike', 'Ha! I am not reading Slack. I am simply... near Slack.'),
    say('xm', 'Cabin rule: whoever loses at cards picks the movie. I lost. We are watching "Captain Comet 3". Again.'),
  ]),
  day('2026-09-03', { from: '07:40' }, [
    say('xl', 'Sunrise on the lake and a coffee that nobody needs me to answer. This is the whole post.', { photo: 1 }),
    say('xl', '🌅', { photo: 1 }),
    re('cr', 'theoquade', 'You caught ONE fish and it was the size of a paperclip. I have photos.'),
    th('xl', 'For the record, he says it was "a solid six inches". The photo says otherwise.', { photo: 1 }),
    re('cr', 'jasper_runs', 'Go without me! I will be back to slowing you down on the Olentangy trail next week.'),
  ]),
  day('2026-09-04', { from: '08:20' }, [
    say('xm', 'Finished "The Salt Road". That ending. I need to sit on this dock and stare at nothing for a while.'),
    re(
      'cr',
      'rubyanselm',
      'YES. Chapter 19 wrecked me. Let us talk when I am back, I have theories about the lighthouse.',
    ),
    say('xl', 'Rained all afternoon, so: 1,000 piece puzzle, 40 pieces missing, zero regrets.'),
    say(
      'cq',
      'Vacation question: do you fully unplug, or do you check email once a day so Monday is not a wall? No judgment. Mostly.',
    ),
    re(
      'cr',
      'callcenterkev',
      'Once a day at 7am here too, then the phone goes in the kitchen drawer. The drawer is undefeated.',
    ),
    re('cr', 'noor_supports', 'Full unplug is the dream. I am not there yet, but I am getting closer every year.'),
  ]),
  day('2026-09-05', { from: '09:00' }, [
    say('xw', 'Farmers market in Kettle Falls. Bought more peaches than a family of four can reasonably eat.', {
      photo: 2,
    }),
    re('cr', 'gusthegrillguy', 'Grilled peaches with a little honey. Tonight. You have ruined dessert forever, Gus.'),
    say(
      'xl',
      'Lucia lost a tooth in a corn on the cob. The tooth fairy will have to find a lake cabin with no street address.',
    ),
    say('xm', 'Family movie night by popular vote: "The Lighthouse Keepers" season 1 again. Max knows every line.'),
  ]),
  day('2026-09-06', { from: '08:10' }, [
    say('xl', 'Last morning at the lake. Everyone is packing except the beagle, who refuses to leave the dock.', {
      photo: 1,
    }),
    re('cr', 'heathertoms', 'It was perfect. Slow, boring, perfect. Highly recommend boring.'),
    say('xm', 'Road trip playlist is 80% sea shanties now because of one (1) six-year-old.'),
  ]),
  day('2026-09-07', { from: '09:30' }, [
    say('xw', 'Stuck behind every camper in Ohio on the way home. Happy Labor Day, everyone.'),
    re('cr', 'tashawells_cx', 'Happy Labor Day to you too! Hope the garden survived your week of heat.'),
    say('xl', 'Home. Laundry mountain has formed. It has its own weather now.'),
    say('xl', 'Unpopular opinion: Sunday night dread is worse on the Monday night before a Tuesday back.'),
  ]),
  day('2026-09-08', [
    say(
      'xl',
      'Back. 412 unread emails. Starting with the ones that say "urgent" in the subject and working down to the ones that actually are.',
    ),
    re(
      'cr',
      'priya_okoro',
      'You and the team crushed it. Median first reply under 2 hours while I was gone. I owe everyone donuts.',
    ),
    say(
      'cm',
      'Huge thanks to @priya_okoro and @gracehanlon for running the show last week. Nobody noticed I was gone, which is the best compliment a team can get.',
    ),
    re('cr', 'gracehanlon', 'Boston cream for you, as promised. Do not tell the others.'),
    rt(
      'psh',
      'supportopsweek',
      'A slow first reply does not cost you an angry email. It costs you the customer who leaves. https://supportops.example/silent-churn',
    ),
    say(
      'kc',
      'Joining #FrontlineChat tonight as a regular for once. @lenahollis is guest hosting and the topic is burnout on support teams.',
      { at: '17:45' },
    ),
    re(
      'kc',
      'lenahollis',
      'A1 Burnout shows up in my team first as short replies. Not rude, just short. That is my early warning light. #FrontlineChat',
      { at: '20:09' },
    ),
    re(
      'kc',
      'kemi_okonkwo',
      'A3 Rotating people off the queue for a day of docs or QA helps more than any pizza party ever did #FrontlineChat',
      { at: '20:31' },
    ),
  ]),
  day('2026-09-09', [
    re('cr', 'kemi_okonkwo', 'Yes! Queue-free Fridays changed everything for us. Happy to share how we schedule it.'),
    say(
      'psh',
      'Good piece on writing help center articles for people who are already frustrated. The "first sentence answers the question" rule is gold. https://cxjournal.example/2026/09/angry-readers',
    ),
    re('cr', 'dmitri_cx', 'Agreed, the tone section alone is worth it. Forwarding to our docs crew.'),
    say('xl', 'Lunch was a granola bar eaten over the keyboard. Welcome back, me.'),
    re(
      'cr',
      'sam_ferreira',
      'Thank you for fixing the attachment bug while I was gone. You are a hero and I will say it in public.',
    ),
    say(
      'xm',
      'Rewatching "Night Shift at the Ferry" because I need something where the worst problem is a lost suitcase.',
    ),
  ]),
  day('2026-09-10', [
    say(
      'ps',
      'New Queue & A episode: @kemi_okonkwo on queue-free days, burnout and why your best agent might be your most tired one. https://frontlinenotes.example/podcast/40-queue-free-days',
    ),
    re('cr', 'kemi_okonkwo', 'Thank YOU. That story about the sticky notes on the monitor is going to stay with me.'),
    rt(
      'cm',
      'queueandA_pod',
      'Episode 40 is live! @marisolquade talks with @kemi_okonkwo about queue-free days & how to spot burnout early.',
    ),
    re('cr', 'alexvantassel', 'So glad it helped. The scheduling template is linked in the show notes.'),
    say('xl', 'Biscuit ate a sock. Biscuit is fine. The sock is not.'),
    say('xw', 'Working from Third Pour this afternoon. The oat latte is doing its job.'),
  ]),
  day('2026-09-11', [
    say(
      'cm',
      '#FF a few people who make support Twitter kinder: @kemi_okonkwo @noor_supports @callcenterkev @heathertoms',
    ),
    re('cr', 'noor_supports', 'Aw, right back at you. Your thread on escalations last week is still open in a tab.'),
    rt(
      'psh',
      'cxjournal_ex',
      'New research: teams that write their own macros (instead of inheriting them) report 23% higher agent satisfaction.',
    ),
    say('xl', 'Friday pizza night. Max wants pineapple. Lucia is threatening to move out.'),
    re('cr', 'jasper_runs', 'Saturday 7am at the usual bench? I will be slow. I was on vacation. There were peaches.'),
  ]),
  day('2026-09-12', { from: '07:00', to: '23:55' }, [
    say('xw', 'Six slow miles along the river with @jasper_runs. My legs remember the peaches.', { at: '08:40' }),
    say('xl', 'Soccer Saturday. Max scored a goal. For the other team. He is thrilled.'),
    re('cr', 'auntbev_cooks', 'We will bring the potato salad and the kids. Biscuit stays home, he knows what he did.'),
    say('xw', "At Bev and Marco's backyard thing. The grill is on. The playlist is questionable.", { photo: 1 }),
    say(
      'xl',
      'Three beers in and I have explained ticket routing to my brother in law. He did not ask. He will never ask again.',
      { at: '23:18' },
    ),
  ]),
  day('2026-09-13', { from: '08:30' }, [
    say('xl', 'Slow Sunday. Coffee, crossword, a beagle on my feet.'),
    say(
      'xm',
      'Finally watched "Paper Lanterns" live at the Orchard. Filmed concerts on the couch count as going out, right?',
    ),
    re('cr', 'rubyanselm', 'The encore! I cried a little. Do not tell anyone.'),
    say(
      'cq',
      'Sunday question for support folks: what is one thing you stopped doing this year that made your week better?',
    ),
    re('cr', 'frankwebbcx', 'Stopped joining every meeting "just to listen". Calendar is 30% lighter. Nothing broke.'),
  ]),
  day('2026-09-14', [
    say(
      'ps',
      'New on the blog: what a week offline taught me about our help center (spoiler: my team answered the same 6 questions 140 times). https://frontlinenotes.example/2026/09/a-week-offline',
    ),
    th(
      'ps',
      'The fix we are trying first: the six most-asked questions go on the help center home page, in the words customers actually use.',
    ),
    re(
      'cr',
      'lenahollis',
      'Exactly! The top six questions should be the first six articles. Nobody reads article #48.',
    ),
    re(
      'cr',
      'ivy_delacroix',
      'Thank you Ivy! Still figuring out the search part. Searching "refund" should not return a 2019 release note.',
    ),
    say('xl', 'Monday. Meeting-free morning blocked on my calendar. It lasted until 9:12.'),
    re('cr', 'martamoves', 'Would love that! DM me and let us find a time after SupportConf.'),
    say(
      'xm',
      'Listening to the new Paper Lanterns record on repeat while I do budgets. Budgets still bad. Music very good.',
    ),
  ]),
  day('2026-09-15', { to: '23:00' }, [
    rt(
      'psh',
      'cmtyroundup',
      'Your community does not need more posts. It needs more answers. 5 ways to turn lurkers into helpers https://community.example/lurkers-to-helpers',
    ),
    re('cr', 'benitowrites', 'Love the draft! One thought: lead with the customer story, then the numbers.'),
    say(
      'xl',
      'Lucia asked what I do at work. I said "I help people who are having a bad day with software". She said "so, like, everyone?". Yes, kid.',
    ),
    say(
      'kc',
      'Tonight on #FrontlineChat at 8pm ET: your help center. What do people search for, what do they find, and why are those two lists so different?',
      { at: '16:30' },
    ),
    say('kc', 'Welcome to #FrontlineChat! Grab a drink, say hi and tell us where you are tweeting from.', {
      at: '20:00',
    }),
    say(
      'kc',
      'Q1 What is the most searched term in your help center this month, and is there a good article for it? #FrontlineChat',
      { at: '20:04' },
    ),
    re(
      'kc',
      'helpdeskpete',
      'A1 "cancel" is number one for so many of us and we all hide that article. Why?! #FrontlineChat',
      { at: '20:11' },
    ),
    say(
      'kc',
      'That is a wrap on #FrontlineChat. Thank you all. Next week: writing replies that still sound human at ticket 60.',
      { at: '21:00' },
    ),
  ]),
  day('2026-09-16', [
    re('cr', 'helpdeskpete', 'Your answer started a whole thread in our team Slack today. Thank you (I think).'),
    say(
      'psh',
      'This is the clearest explanation of CSAT vs NPS vs CES I have read, and it fits on one page. https://supportops.example/three-scores',
    ),
    re('cr', 'shanice_b_cx', 'We use CES for self-service and CSAT after tickets. NPS we leave to marketing.'),
    say('xl', 'The printer at the office has decided it is a scanner now. Nobody asked it to.'),
    re('cr', 'wendy_at_tf', 'I will bring snacks to the planning meeting. Nobody plans well hungry.'),
  ]),
  day('2026-09-17', [
    rt(
      'pe',
      'tallyfern',
      'Tallyfern Desk 5.1: faster search, merged tickets that keep their history, and dark mode (finally). https://tallyfern.example/blog/desk-5-1',
    ),
    say(
      'pe',
      'Dark mode in Tallyfern Desk! My night-shift team has asked for this since 2023. Thank you @sam_ferreira and crew. https://tallyfern.example/blog/desk-5-1',
    ),
    re(
      'cr',
      'carlosreyes_cs',
      'It is rolling out this week to everyone. Ping @TallyfernHelp if you do not see it by Friday.',
    ),
    re('cr', 'sam_ferreira', 'The merge history bit is my favorite. No more "wait, who said what?"'),
    say('xl', 'Ordered tacos to celebrate the release. Asked for mild. They were not mild.'),
  ]),
  day('2026-09-18', [
    say(
      'cm',
      '#FF @martamoves @yuki_tanabe_cx and @shanice_b_cx, three people whose support threads I save to read twice.',
    ),
    re('cr', 'yuki_tanabe_cx', 'Your post on ticket tags is required reading for new hires now. Seriously.'),
    say(
      'psh',
      'If you manage a support team, this checklist for your first 90 days as a lead is worth bookmarking. https://cxjournal.example/2026/09/first-90-days',
    ),
    say(
      'xl',
      'Friday afternoon energy: the whole team is sending each other dog photos in the #random channel. I support this.',
      { photo: 1 },
    ),
    say('xw', 'Kids soccer practice in the rain. I am the parent with the umbrella and the laptop. I am not proud.'),
  ]),
  day('2026-09-19', { from: '08:00', to: '23:40' }, [
    say('xl', 'Saturday pancakes, round two. No beagles this time. Lesson learned.'),
    say('xw', 'At the Clintonville farmers market. Apple season is officially here.', { photo: 1 }),
    re('cr', 'nadia_paints', "Your booth was the best one! The fox print is going in Lucia's room."),
    say('xm', 'Date night: "Ferryman" at the Drexel. Theo fell asleep. The movie was about a man who cannot sleep.'),
  ]),
  day('2026-09-20', { from: '08:40' }, [
    say('xl', 'Meal prep Sunday: 4 lunches, 3 dinners, 1 kitchen that looks like a crime scene.'),
    say(
      'cq',
      'What do you listen to when you need to write something hard? I have a blog post that will not write itself.',
    ),
    re('cr', 'ollie_grant', 'Rain sounds? I will try anything once.'),
    re('cr', 'heathertoms', 'Movie soundtracks, no lyrics. Great call, thank you!'),
  ]),
  day('2026-09-21', [
    say(
      'pj',
      "We're hiring! Tallyfern is looking for a Support Engineer (remote, US) to sit between our support team and product. Come work with me. https://tallyfern.example/careers/support-engineer",
    ),
    re('cr', 'mo_hussain_cs', 'Yes, remote anywhere in the US. Happy to answer questions by DM.'),
    rt(
      'psh',
      'lenahollis',
      'Community managers: your moderation guidelines are also your brand voice. Write them like you mean it.',
    ),
    say('xl', 'Monday. Spilled coffee on the one white shirt. It is now a "latte colored" shirt.'),
    re('cr', 'beccalind', 'Thank you! We had 40 applicants for the last one, so apply early.'),
  ]),
  day('2026-09-22', { to: '23:00' }, [
    re('cr', 'dmitri_cx', 'Congrats on the promotion!! Director Dmitri has a nice ring to it.'),
    say(
      'psh',
      'A thoughtful piece on why "average handle time" punishes your most careful agents. AHT < quality, every time. https://supportops.example/aht-punishes-care',
    ),
    say(
      'kc',
      'Tonight 8pm ET #FrontlineChat: writing replies that still sound human at ticket 60. Bring your favorite phrases and your least favorite ones.',
      { at: '15:50' },
    ),
    say('kc', 'Q1 What phrase do you ban from your replies, and what do you say instead? #FrontlineChat', {
      at: '20:03',
    }),
    re(
      'kc',
      'ivy_delacroix',
      'A1 "As per my last email" is the passive aggressive hall of fame. Love your replacement! #FrontlineChat',
      { at: '20:12' },
    ),
  ]),
  day('2026-09-23', [
    re('cr', 'ivy_delacroix', 'Still laughing about the hall of fame. We should make a list.'),
    say('xl', 'Theo made soup. It is 84 degrees outside. He says soup is a mood, not a season.'),
    re(
      'cr',
      'gracehanlon',
      'Agree, let us move the community office hours to Thursdays so more folks in Europe can join.',
    ),
    say(
      'psh',
      'Great breakdown of how one small SaaS team cut their backlog by half without hiring. The triage rota part is smart. https://cxjournal.example/2026/09/backlog-half',
    ),
    say('xm', 'New episode of "The Lighthouse Keepers" tonight and I have cleared my evening like it is a holiday.'),
  ]),
  day('2026-09-24', { to: '23:30' }, [
    say('xl', 'Slept badly. Thinking about help center search again. My brain has no off switch this week.'),
    re('cr', 'cmh_cx_meetup', "Wouldn't miss it! Bringing two teammates."),
    say(
      'kl',
      'At the Columbus CX Meetup tonight. Packed room, good pizza, and @frankwebbcx is talking about escalation paths. #CMHcx',
      { at: '18:40', photo: 1 },
    ),
    say(
      'kl',
      '"If your escalation path has more than three steps, your customers have already left." @frankwebbcx #CMHcx',
      { at: '19:05' },
    ),
    say(
      'kl',
      'Lightning talk by @shanice_b_cx on tagging tickets by customer intent, not by product area. So good. #CMHcx',
      { at: '19:40' },
    ),
    re(
      'kl',
      'frankwebbcx',
      'Great talk! Can you share the slides? The three-step rule is going on a sticky note. #CMHcx',
      { at: '20:30' },
    ),
  ]),
  day('2026-09-25', [
    re('cr', 'shanice_b_cx', 'Your talk made my team rethink all 140 of our tags. In a good way. Mostly.'),
    say(
      'cm',
      '#FF the organizers of @cmh_cx_meetup, who keep a room full of support people fed and curious every month. Thank you!',
    ),
    say('xl', 'Friday. The week won. I am going to bed at 9 like a champion.'),
    rt('xl', 'nadia_paints', "Painted the neighbor's beagle for her birthday. He did not sit still for one second."),
  ]),
  day('2026-09-26', { from: '08:30', to: '23:00' }, [
    say('xl', "Max's soccer team won 7-1. He scored for the right team this time. The crowd (me) went wild."),
    say('xw', "At Gus's annual backyard cookout. He has three smokers now. Nobody knows why.", { photo: 1 }),
    re(
      'cr',
      'gusthegrillguy',
      'The brisket was unreal. I will need that rub recipe, or I will need to keep coming to your house.',
    ),
    say('xm', 'College football on in the background, kids in the sprinkler, sun going down. Good day.'),
  ]),
  day('2026-09-27', { from: '09:00' }, [
    say('xl', 'Sunday. Folded laundry, watched the rain, did not open my laptop. Growth.'),
    say(
      'xm',
      'Starting "Harbor Lights" on audio. The narrator sounds exactly like my old high school English teacher. Unsettling. Great.',
    ),
    re('cr', 'rubyanselm', 'Yes! Book club in November. I will bring wine and opinions.'),
  ]),
  day('2026-09-28', [
    say(
      'ps',
      'I\'m speaking at #SupportConf26 in Denver next month! "Macros Are Not Empathy: scaling support without sounding like a robot". Oct 15. Come say hi. https://supportconf.example/2026/speakers/marisol-quade',
    ),
    re('cr', 'tashawells_cx', 'Thank you!! Slides are... let us say "in progress". Very in progress.'),
    re('cr', 'SupportConfHQ', 'Thanks for having me! Cannot wait to see everyone in Denver.'),
    say('xl', 'Monday. Wrote a whole talk outline, then read it back and realised it was three talks. Cutting.'),
    rt(
      'pj',
      'priya_okoro',
      'My team at @tallyfern is hiring a Support Engineer. Remote in the US, great people. https://tallyfern.example/careers/support-engineer',
    ),
  ]),
  day('2026-09-29', { to: '23:00' }, [
    say(
      'psh',
      'Worth reading before your next quarterly planning: "Support is not a cost center if you count what it prevents". https://cxjournal.example/2026/09/prevention-math',
    ),
    re(
      'cr',
      'mo_hussain_cs',
      'Exactly. We started counting the bugs support found before customers did. Changed the budget talk completely.',
    ),
    say(
      'kc',
      'Tonight on #FrontlineChat, 8pm ET: community and support. Same team? Different teams? Frenemies? Come argue with love.',
      { at: '16:10' },
    ),
    say('kc', 'Q1 Does your support team answer questions in your community, or does someone else? #FrontlineChat', {
      at: '20:04',
    }),
    re(
      'kc',
      'gracehanlon',
      'A2 this is why we sit in the same standup. Community finds the bug, support tells the customer, product fixes it. #FrontlineChat',
      { at: '20:22' },
    ),
  ]),
  day('2026-09-30', [
    re('cr', 'cmtyroundup', 'Thanks for sharing the recap! Such a good crowd last night.'),
    say(
      'pe',
      'Customers using the Tallyfern community search saw 31% fewer "how do I" tickets in Q3. Proud of this team. https://tallyfern.example/blog/q3-community-numbers',
    ),
    say('xl', 'Last day of September and I just found a peach from the lake in my bag. It has seen things.'),
    say('cq', 'End of the month: who else does a little review of how the month went? What is on your list?'),
    re(
      'cr',
      'janetbyrne_sx',
      'I read back through my sent tweets at the start of each month. Humbling. Very humbling.',
    ),
  ]),
];
