// October 2026, days 1–13: the run-up to SupportConf. A new blog post promoted more than once,
// a podcast episode, hiring, hosting #FrontlineChat, a team happy hour that ran late.
import { day, re, rt, say, th } from './dsl.js';

export default [
  day('2026-10-01', [
    say(
      'xl',
      'October 1st, which means my monthly tweet self-audit: reading back every tweet I sent in September, sorting them into piles, and asking "would I follow me?". Verdict: lots of replies (good), lots of lake photos (fair, it was a great lake), and one tweet about a beagle eating a sock outperformed everything I wrote about support all month. Noted.',
      { note: true, via: 'web' },
    ),
    re(
      'cr',
      'janetbyrne_sx',
      'You inspired it! Turns out I talk about peaches more than I talk about support. Adjusting.',
    ),
    say(
      'pe',
      'October at Tallyfern means one thing: we are getting ready to show you something at #SupportConf26. More soon 👀',
    ),
    re('cr', 'dmitri_cx', 'I would tell you, but then @jonahpike would have to take away my badge.'),
    say(
      'psh',
      'Solid guide to running a support retro after a bad incident. Blameless, short, and with real action items. https://supportops.example/incident-retros',
    ),
    re(
      'cr',
      'noor_supports',
      'We do them within 48 hours, while people still remember what happened and before the story gets polished.',
    ),
    say('xw', 'Working from the Grandview library today. Silent floor. I typed too loud and got a look.'),
    say(
      'ps',
      'My September newsletter is out: one help center fix, one podcast episode, one very good macro. https://frontlinenotes.example/newsletter/2026-09',
    ),
    re('cr', 'ollie_grant', 'Thank you! The rain sounds worked, the post is finally drafted.'),
    say('xm', 'Pumpkin spice season and I am watching "Harvest Moon Bakery" reruns like it is my job.'),
    say(
      'cq',
      'Support leads: how do you run one-on-ones when half the team is in other time zones? Looking for ideas that are not "just be awake at 6am".',
    ),
    re('cr', 'kemi_okonkwo', 'An async check-in doc before the call, then 20 minutes live. Love it. Stealing it.'),
    rt(
      'pe',
      'tallyfern',
      'Our October product webinar is open: what is new in Tallyfern Desk, with live Q&A. https://tallyfern.example/webinars/october',
    ),
    say(
      'cm',
      'Welcome to the Tallyfern support team, @ollie_grant! Your first week is all coffee and context. So glad you are here.',
    ),
    rt(
      'psh',
      'cmtyroundup',
      'Five community metrics that are not "number of posts". Start with time to first answer. https://community.example/five-metrics',
    ),
  ]),
  day('2026-10-02', [
    say(
      'cm',
      '#FF to the #SupportConf26 speakers I cannot wait to hear: @lenahollis @yuki_tanabe_cx @frankwebbcx @alexvantassel',
    ),
    re('cr', 'yuki_tanabe_cx', 'Your session is first on my list. Tagging by intent changed how we staff the queue.'),
    rt(
      'psh',
      'cxjournal_ex',
      'Why first contact resolution can be the wrong goal: sometimes the best answer takes two replies. https://cxjournal.example/2026/10/fcr-myth',
    ),
    say(
      'pj',
      'Still hiring! Our Support Engineer role is open for two more weeks. Remote, US, and you get to argue with me about macros. https://tallyfern.example/careers/support-engineer',
    ),
    say(
      'ps',
      'Friday reading from the archive: my post on writing replies that sound human, still my most-read piece. https://frontlinenotes.example/2026/08/replies-that-sound-human',
    ),
    say('xl', 'Talk prep status: 43 slides. Talk length: 30 minutes. Math: not in my favor.'),
    re('cr', 'benitowrites', 'Please do not let me use the word "synergy" on a slide. Not even ironically.'),
    say(
      'xm',
      'Friday night plan: takeout and the season finale of "The Lighthouse Keepers". No spoilers, I am begging you.',
    ),
    re('cr', 'heathertoms', 'NO SPOILERS HEATHER. I am muting the word lighthouse until 9pm.'),
    say('xl', 'Biscuit has learned to open the pantry. We are no longer the ones in charge.', { photo: 1 }),
    say(
      'psh',
      'Bookmarking this: a plain-language guide to writing a support SLA your team can actually keep. https://cxjournal.example/2026/10/honest-slas',
    ),
    re('cr', 'shanice_b_cx', 'Same here. Our old SLA promised 1 hour on weekends. We had nobody on weekends.'),
  ]),
  day('2026-10-03', { from: '08:10', to: '23:00' }, [
    say(
      'xw',
      'Pumpkin patch at Lyndale farm with the kids. Max picked the ugliest pumpkin on purpose. He named it Gerald.',
      { photo: 2 },
    ),
    say('cm', 'Happy birthday @auntbev_cooks! The best cook in Ohio and the best big sister anywhere.'),
    re(
      'cr',
      'auntbev_cooks',
      'Yes to Sunday dinner! I will bring the apple crisp and the children, in order of good behavior.',
    ),
    say('xm', 'Big game on, Theo yelling at the TV like the coach can hear him. The coach cannot hear him.'),
    re('cr', 'jasper_runs', 'Five miles this morning without a single stop. Somebody write it down.'),
    say('xw', 'At Third Pour for an evening decaf. Did not know they had live music on Saturdays. Now I do.'),
    re('cr', 'thirdpourcoffee', 'The fiddle player was amazing. Tell her the lady with the laptop said so.'),
  ]),
  day('2026-10-04', { from: '08:30' }, [
    say('xm', 'Finished "Harbor Lights" on audio. Five stars, would cry on a treadmill again.'),
    say('cq', 'What is a book that made you better at your job, even though it had nothing to do with your job?'),
    re('cr', 'alexvantassel', 'A cooking memoir taught me more about feedback than any management book. Great answer.'),
    re('cr', 'rubyanselm', '"Harbor Lights" for book club? I will lend you my copy. It has sand in it from the lake.'),
    re(
      'cr',
      'auntbev_cooks',
      'Thank you for dinner! Gerald had a lovely time. The kids are still talking about the pie.',
    ),
    re('cr', 'gusthegrillguy', 'Next weekend works! We will bring the kids and the good mustard.'),
  ]),
  day('2026-10-05', [
    say(
      'ps',
      'New on the blog: 5 macros your support team should delete this week. https://frontlinenotes.example/2026/10/delete-these-macros',
    ),
    th(
      'ps',
      'The short version: 1) the apology macro, 2) the "per our policy" macro, 3) the wall of links, 4) the fake personal touch, 5) the macro that asks for info you already have.',
    ),
    re(
      'cr',
      'lenahollis',
      'Number 3 is the "we apologize for any inconvenience" macro. It has never once made anyone feel better.',
    ),
    re(
      'cr',
      'callcenterkev',
      'Ha! Deleting it is the easy part. Convincing the team they do not need it is the hard part.',
    ),
    re(
      'ps',
      'ivy_delacroix',
      'Glad it landed! I wrote a follow-up on what to write instead: https://frontlinenotes.example/2026/08/replies-that-sound-human',
    ),
    say(
      'psh',
      'Great data on when customers prefer chat over email (hint: it is not about age). https://research.example/chat-vs-email-2026',
    ),
    say(
      'pe',
      'Fun fact from our help center data: the most-read Tallyfern article this month is "How to undo a merge". We have all been there. https://tallyfern.example/help/undo-a-merge',
    ),
    rt(
      'psh',
      'lenahollis',
      'Superusers are not free labor. Thank them, train them, and tell them when their answer helped someone.',
    ),
    say(
      'psh',
      'Every support lead should read this on writing macros for screen readers: short lines, no ASCII art, links that say where they go. https://docs.example/macros-for-screen-readers',
    ),
    re('cr', 'priya_okoro', 'Yes, let us try the async one-on-one format for the Europe folks. Two-week trial?'),
    say(
      'pe',
      'Our support team at @tallyfern answered 14,000 conversations in September with a median first reply of 1h 52m. Not bad for a team of 19.',
    ),
    re(
      'cr',
      'frankwebbcx',
      'The secret is boring: good tags, good docs, and nobody works more than four hours straight on the queue.',
    ),
    say('xm', 'Tonight: new episode of "Night Shift at the Ferry" and a bowl of popcorn the size of my head.'),
    re('cr', 'beccalind', 'Congrats on the new role! Your new team is lucky.'),
    say('cm', 'Congratulations @tashawells_cx on the closing keynote slot at SupportConf! So well deserved.'),
  ]),
  day('2026-10-06', { to: '23:00' }, [
    re('cr', 'benitowrites', 'Slide 17 is done. I promise. Please stop sending me font suggestions.'),
    re(
      'cr',
      'sam_ferreira',
      'Can you send me the demo video for the talk? Mine is a 40 second loop of the loading spinner.',
    ),
    say(
      'psh',
      'If you run a community forum, this piece on answer badges vs reputation points is worth your time. https://community.example/badges-vs-points',
    ),
    re('cr', 'martamoves', 'Lunch Thursday? I owe you one for the intro to Yuki.'),
    say('xw', 'Walking meeting around Goodale Park. Best meetings happen with shoes on.'),
    rt(
      'pe',
      'TallyfernHelp',
      'Scheduled maintenance Saturday 2am to 3am ET. Tallyfern Desk stays up; reports may lag by a few minutes. Thanks for bearing with us!',
    ),
    say(
      'ps',
      'Prep notes for tonight are on the blog, if you want to come to the chat with your macro count ready: https://frontlinenotes.example/2026/10/macro-audit-worksheet',
    ),
    rt(
      'pj',
      'sam_ferreira',
      'The @tallyfern engineering team is hiring too! Backend engineer, remote in the US. Come build Smart Macros with us.',
    ),
    say(
      'kc',
      'Tonight on #FrontlineChat, 8pm ET: macros! Which ones help, which ones hurt, and which ones should be quietly deleted. I am hosting, come join.',
      { at: '17:00' },
    ),
    say(
      'kc',
      'Welcome to #FrontlineChat! Tonight we are talking macros. Say hi, tell us your role and how many macros your team has (be honest).',
      { at: '20:00' },
    ),
    say('kc', 'Q1 How many macros does your team have, and how many were used in the last 30 days? #FrontlineChat', {
      at: '20:04',
    }),
    re('kc', 'callcenterkev', 'A1 Same! 212 macros, 31 used. The other 181 are a museum. #FrontlineChat', {
      at: '20:09',
    }),
    say(
      'kc',
      'Q2 Who is allowed to create a macro on your team? Everyone, leads only, or "whoever found the admin password"? #FrontlineChat',
      { at: '20:15' },
    ),
    re(
      'kc',
      'noor_supports',
      'Love that you review new macros in the weekly team meeting. Peer review for replies! #FrontlineChat',
      { at: '20:22' },
    ),
    say('kc', 'Q3 What is one macro you would delete tomorrow if nobody stopped you? #FrontlineChat', { at: '20:30' }),
    say(
      'kc',
      'Thank you all for a lively #FrontlineChat! Next Tuesday: getting ready for a conference when you are the one on stage.',
      { at: '20:58' },
    ),
    say(
      'cm',
      'Thank you @callcenterkev and @noor_supports for keeping tonight so lively. You two are the heart of that chat.',
      { at: '21:10' },
    ),
    say(
      'xl',
      'Hosting a twitterchat is like running a dinner party where everyone talks at once. I love it. I need a nap.',
      { at: '21:40' },
    ),
  ]),
  day('2026-10-07', [
    say(
      'ps',
      "New Queue & A episode: @lenahollis on community managers who burn out being everyone's friend, and how to say no kindly. https://frontlinenotes.example/podcast/41-saying-no-kindly",
    ),
    re('cr', 'lenahollis', 'Best hour of recording all year. "Office hours, not open hours" is my new motto.'),
    rt(
      'ps',
      'queueandA_pod',
      'New episode: "Saying no kindly" with @lenahollis. 38 minutes of very good advice and one beagle interruption.',
    ),
    re('cr', 'ollie_grant', 'Yes, the beagle made the final edit. He earned it.'),
    say('cm', 'Big thanks to @ollie_grant for editing episode 41 and keeping the beagle in.'),
    say(
      'cq',
      'Podcast listeners: what support topic should Queue & A cover next? Best suggestion gets a beagle sticker.',
    ),
    say(
      'pe',
      'Tallyfern customers: our status page now posts updates straight into your help center banner. No more "is it just me?" tickets. https://tallyfern.example/blog/status-banners',
      {
        edited:
          'Tallyfern customers: our stauts page now posts updates straight into your help center banner. No more "is it just me?" tickets. https://tallyfern.example/blog/status-banners',
      },
    ),
    re('cr', 'carlosreyes_cs', 'It is on for all plans: Settings > Help Center > Banners. Tell me how it goes!'),
    say(
      'cm',
      'Shout-out to @priya_okoro, who rewrote our refund macros this week and cut refund follow-ups in half. This is what great support ops looks like.',
    ),
    say(
      'psh',
      'Really good article on making your help center accessible: alt text, headings, plain words. https://docs.example/accessible-help-centers',
    ),
    say(
      'psh',
      'The best explainer on writing for translation I have seen: short sentences, no idioms, one idea per line. https://docs.example/writing-for-translation',
    ),
    re(
      'cr',
      'shanice_b_cx',
      'Yes! Plain words helped our customers who read English as a second language the most. Nobody expected that.',
    ),
    re('cr', 'carlosreyes_cs', '¡Gracias, Carlos! Nos vemos en Denver 🙌', { lang: 'es' }),
    say(
      'xm',
      'Listening to the Paper Lanterns album on vinyl tonight. Theo bought a record player. We are those people now.',
    ),
    say(
      'xl',
      'Lucia has a school project on "a job that helps people". She picked mine. I am not crying, you are crying.',
    ),
  ]),
  day('2026-10-08', [
    say(
      'ps',
      'One week until #SupportConf26! My talk "Macros Are Not Empathy" is Thursday Oct 15 at 2:30pm MT, room B. I will bring stickers. https://supportconf.example/2026/sessions/macros-are-not-empathy',
    ),
    re('cr', 'tashawells_cx', 'Room B is the big one?! Great. Now I am nervous.'),
    say(
      'pj',
      "We're hiring a Support Team Lead at @tallyfern! You would lead 8 wonderful humans and report to me (sorry in advance). https://tallyfern.example/careers/support-team-lead",
    ),
    re(
      'pj',
      'mo_hussain_cs',
      'Yes! Remote in the US or Canada. Apply here and I will make sure a human reads it: https://tallyfern.example/careers/support-team-lead',
    ),
    re('cr', 'kemi_okonkwo', 'Thank you for sharing it! If you know anyone great, send them my way.'),
    say('cm', "Lunch with @martamoves at Poppy's Diner. We solved support, community and at least one family drama."),
    say(
      'psh',
      'This study on how long customers wait before giving up on a chat widget is wild. 90 seconds. That is it. https://research.example/chat-patience',
    ),
    re('cr', 'helpdeskpete', '90 seconds is generous. I give up after 45 and I do this for a living.'),
    say(
      'pe',
      'Tallyfern is now SOC 2 Type II certified. Not glamorous, but your security team will be very happy. https://tallyfern.example/blog/soc2',
    ),
    say('cm', 'Congrats to @kemi_okonkwo, whose team just won a customer service award! So deserved.'),
    rt(
      'psh',
      'kemi_okonkwo',
      'How we run queue-free days on a 12-person team, with the calendar template we use: https://kemiokonkwo.example/queue-free-days',
    ),
    say(
      'ps',
      'Sneak peek: the one slide from my SupportConf talk that I keep rewriting. What would you change? https://frontlinenotes.example/2026/10/one-slide',
    ),
    say(
      'xl',
      'Practiced my talk for the family. Max asked if there would be snacks. Lucia asked why robots need empathy. Tough crowd.',
    ),
    say(
      'xm',
      'Theo and I started "Ash & Iron", the new detective show. Two episodes in and I already suspect the librarian.',
    ),
    re('cr', 'beccalind', 'It is the librarian. It is always the librarian.'),
    say(
      'cq',
      'Speakers: what do you do in the hour before you go on stage? I currently pace and drink too much water.',
    ),
  ]),
  day('2026-10-09', { to: '25:30' }, [
    say(
      'cm',
      '#FF @priya_okoro @gracehanlon @benitowrites @sam_ferreira @wendy_at_tf, the Tallyfern crew who make me look organized.',
    ),
    re(
      'cr',
      'yuki_tanabe_cx',
      'Walk around the block and say the first sentence out loud ten times. Works every time.',
    ),
    re('cr', 'alexvantassel', 'Ha, the water thing is real. Know where the bathroom is. That is my whole advice.'),
    say(
      'psh',
      'A practical guide to writing release notes your support team will thank you for. https://docs.example/release-notes-for-humans',
    ),
    say(
      'psh',
      'The CX Journal salary survey is out. If you manage a support team, read it before your next budget meeting. https://cxjournal.example/2026/10/salary-survey',
    ),
    say(
      'ps',
      'If you missed it this week: Queue & A episode 41 with @lenahollis on saying no kindly. https://frontlinenotes.example/podcast/41-saying-no-kindly',
    ),
    say(
      'pe',
      'The @tallyfern team will be at #SupportConf26, booth 212, next week. Come for the demo, stay for the very good socks.',
    ),
    say('xl', 'Team happy hour tonight to celebrate Q3. I said I would stay for one drink. We will see.'),
    say(
      'xw',
      'At the Lantern Taproom with the Tallyfern Columbus crew. Someone ordered nachos for 20. There are 7 of us.',
      { at: '18:35', photo: 1 },
    ),
    re('cr', 'gracehanlon', 'Nobody is doing karaoke. I am putting that in writing.', { at: '20:10' }),
    say('xl', 'Update: there was karaoke.', { at: '22:05' }),
    say(
      'xl',
      'Four IPAs in and I have decided every macro should rhyme. "Thanks for your patience, we know it\'s been slow, a fix is on the way and we will let you know."',
      { at: '24:20' },
    ),
    re('cr', 'priya_okoro', 'your duet was an act of courage and I will never forget it', { at: '24:40' }),
    say(
      'xl',
      'Theo says I should stop tweeting from the bar and drink some water. Theo is right. Theo is always right about water.',
      { at: '24:55' },
    ),
  ]),
  day('2026-10-10', { from: '09:30', to: '22:30' }, [
    say('xl', 'Drank all the water. Ate all the toast. Still regret the rhyming macros.'),
    re('cr', 'callcenterkev', 'Nobody saw them. Except everyone. Moving on.'),
    say(
      'xm',
      'Rainy afternoon movie picked by Lucia: "The Kite Club". 94 minutes of animated kites. We loved every one of them.',
    ),
    re(
      'cr',
      'nadia_paints',
      'Yes, come by Sunday afternoon! The kids want to show you the pumpkin. His name is Gerald.',
    ),
    re('cr', 'heathertoms', 'Ginger, lemon, honey and silence. Got it.'),
  ]),
  day('2026-10-11', { from: '08:45' }, [
    say('cm', 'Caught up on "Ash & Iron". It is not the librarian. I owe @beccalind an apology.'),
    re('cr', 'beccalind', 'Fine. FINE. It was the harbor master. I did not see it coming.'),
    say(
      'cq',
      'Conference people: what is in your bag for a 3-day event? I always forget chargers and remember 14 pens.',
    ),
    re(
      'cr',
      'ivy_delacroix',
      'Granola bars! How did I never think of that. Hotel breakfast ends at 9, talks start at 8:30.',
    ),
    re('cr', 'frankwebbcx', 'Packing cubes, you say. Ordering some tonight.'),
  ]),
  day('2026-10-12', [
    say(
      'ps',
      'In case you missed it: 5 macros your support team should delete this week. https://frontlinenotes.example/2026/10/delete-these-macros',
    ),
    re(
      'cr',
      'dmitri_cx',
      'Okay Dmitri, you can keep ONE "sorry for the delay" macro. One. If it is honest about the delay.',
    ),
    say(
      'pe',
      'Tallyfern Desk customers: the new reporting dashboard is in beta. Time to first reply by tag, by hour and by channel. Ask us to turn it on. https://tallyfern.example/blog/reporting-beta',
    ),
    re(
      'pe',
      'janetbyrne_sx',
      'Yes! Email @TallyfernHelp with your account name and we will switch it on today. https://tallyfern.example/blog/reporting-beta',
    ),
    say(
      'psh',
      'Good read on why your support team should be in the room when product sets the roadmap. https://cxjournal.example/2026/10/support-at-the-table',
    ),
    rt(
      'ps',
      'SupportConfHQ',
      'Speaker spotlight: @marisolquade on why macros are not empathy. Thursday 2:30pm, room B. #SupportConf26',
    ),
    rt('pe', 'tallyfern', 'Something new is coming to help desks on Wednesday. See you at #SupportConf26, booth 212.'),
    rt(
      'psh',
      'yuki_tanabe_cx',
      'Preview of my #SupportConf26 keynote: tag by intent. Your reports will thank you, your customers will not notice, and that is the point.',
    ),
    say('cm', 'Good luck to @yuki_tanabe_cx on the keynote this week. You are going to be brilliant.'),
    say(
      'xl',
      'Ran through the talk with the team. They laughed at the right places. They laughed at one wrong place too. Cutting that slide.',
    ),
    th(
      'xl',
      'The slide they laughed at was a photo of Biscuit wearing a headset. It is staying in. Some things are bigger than me.',
    ),
    re('cr', 'wendy_at_tf', 'Yes, book me the 6:40am flight. I will regret it at 4:45am and thank you at noon.'),
    say('xm', 'Podcast on the commute: a whole episode about the history of hold music. I did not know I needed this.'),
    re('cr', 'ollie_grant', 'Right?! The part about 1990s hold songs was stuck in my head all day.'),
    say('xw', 'School pickup. Standing by the fence with the other parents, talking about the weather like pros.'),
    say('cq', 'What is the worst hold music you have ever heard? Asking for a talk. Not my talk. Okay, my talk.'),
    re('cr', 'helpdeskpete', 'A pan flute version of a song I could not name. 40 minutes. I still hear it.'),
  ]),
  day('2026-10-13', { to: '23:30' }, [
    re('cr', 'lenahollis', 'See you at the speaker dinner tomorrow night! I will be the one holding a granola bar.'),
    say(
      'ps',
      'Tomorrow I fly to Denver for #SupportConf26. Come to my talk Thursday at 2:30pm MT in room B, and bring your worst macro. https://supportconf.example/2026/sessions/macros-are-not-empathy',
    ),
    say(
      'pe',
      'Tallyfern customers heading to #SupportConf26: book 20 minutes with our product team at the booth and skip the line. https://tallyfern.example/supportconf',
    ),
    say(
      'pj',
      "One more time for the people in the back: we're hiring a Support Team Lead at Tallyfern. Applications close Oct 31. https://tallyfern.example/careers/support-team-lead",
    ),
    rt(
      'pj',
      'jonahpike',
      'We are growing the support team at @tallyfern. If you care about customers as much as @marisolquade does, come talk to us.',
    ),
    say(
      'psh',
      'Before you build a chatbot, read this: what customers say when the bot cannot help and will not let go. https://research.example/bot-exits',
    ),
    re('cr', 'mo_hussain_cs', 'Exactly. The "talk to a human" button should never be a scavenger hunt.'),
    say(
      'cm',
      'Safe travels to everyone heading to Denver tomorrow! @lenahollis @dmitri_cx @frankwebbcx see you at the speaker dinner.',
    ),
    say(
      'kc',
      'Tonight on #FrontlineChat, 8pm ET: getting ready to speak at a conference. I fly to Denver tomorrow, so this is very much a support group.',
      { at: '17:15' },
    ),
    say(
      'kc',
      'Welcome to #FrontlineChat! Tonight: speaking at conferences. Say hi and tell us about the first time you spoke on a stage.',
      { at: '20:00' },
    ),
    say('kc', 'Q1 How do you pick what to talk about? #FrontlineChat', { at: '20:05' }),
    re(
      'kc',
      'tashawells_cx',
      'A1 "The thing I wish someone had told me three years ago" is such a good filter #FrontlineChat',
      { at: '20:13' },
    ),
    say(
      'kc',
      'Q3 What do you do when a talk goes wrong on stage? Projector dies, demo breaks, someone sneezes into the mic? #FrontlineChat',
      { at: '20:30' },
    ),
    say('kc', 'Thank you for a lovely #FrontlineChat! I feel ready. I do not feel ready. Both. See you in Denver.', {
      at: '20:59',
    }),
    say('xl', 'Alarm set for 4:30am. I have made a terrible mistake and it is called the 6:40 flight.', {
      at: '22:10',
    }),
  ]),
];
