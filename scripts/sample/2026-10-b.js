// October 2026, days 14–31: three days at #SupportConf26 in Denver (times are the account's
// Eastern time, two hours ahead of Denver), a delayed flight home, the launch of Smart Macros,
// two more #FrontlineChats, a webinar, and Halloween.
import { day, re, rt, say, th } from './dsl.js';

export default [
  day('2026-10-14', { from: '04:50', to: '25:20' }, [
    say('xw', 'CMH at 5am. The coffee line is longer than the security line. Priorities.', { at: '05:05' }),
    say('xl', 'Boarding. Talk slides downloaded three times "just in case". I trust nothing.', { at: '06:20' }),
    say('xw', 'Landed in Denver. The mountains are showing off.', { at: '10:25', photo: 1 }),
    re('cr', 'wendy_at_tf', 'Made it! And yes, I thanked you at noon. It is noon somewhere.', { at: '10:40' }),
    say('kl', 'Badge on. Coffee in hand. #SupportConf26 day one, let us go!', { at: '12:30', photo: 1 }),
    rt(
      'kl',
      'SupportConfHQ',
      'Welcome to #SupportConf26! Session slides go up on the conference site after each talk, and the wifi password is on the back of your badge.',
      { at: '12:45' },
    ),
    say(
      'kl',
      'Come say hi to the @tallyfern crew at booth 212. We have socks and a demo of something new. #SupportConf26',
      { at: '13:10' },
    ),
    say(
      'pe',
      'Big day: Tallyfern Smart Macros are live. Reply suggestions written from your own help center, always edited by a human before they go out. https://tallyfern.example/smart-macros',
      { at: '13:35', via: 'web' },
    ),
    rt(
      'pe',
      'tallyfern',
      'Introducing Smart Macros: reply suggestions built from your own help center, always reviewed by a human before they go out. https://tallyfern.example/smart-macros',
      { at: '13:40' },
    ),
    re('cr', 'tashawells_cx', 'I am at the booth until 2, come find me! Look for the socks.', { at: '13:55' }),
    say(
      'kl',
      'Opening keynote by @yuki_tanabe_cx: "Your customers do not care about your org chart." Already my favorite sentence of the week. #SupportConf26',
      { at: '15:05' },
    ),
    th(
      'kl',
      'Also from the keynote: "If a customer has to tell you their story twice, your tools failed before your team did." #SupportConf26',
      { at: '15:09' },
    ),
    say('kl', '"Tag tickets by what the customer wanted, not by what your team owns." @yuki_tanabe_cx #SupportConf26', {
      at: '15:20',
    }),
    say(
      'kl',
      'Great point from the keynote: the most expensive ticket is the one your customer gave up on before writing it. #SupportConf26',
      { at: '15:40' },
    ),
    re('cr', 'dmitri_cx', 'Saving you a seat in row 3. Hurry, the coffee is running out.', { at: '16:10' }),
    say('cm', 'So good to finally meet @shanice_b_cx in person after three years of replies!', { at: '16:30' }),
    say(
      'kl',
      'Session on community-led support with @lenahollis: "Your superusers are volunteers. Treat their time like it is worth more than yours." #SupportConf26',
      { at: '17:00', photo: 1 },
    ),
    say(
      'kl',
      'The room is FULL for @lenahollis. People sitting on the floor. Community is having a moment. #SupportConf26',
      { at: '17:30' },
    ),
    re('kl', 'noor_supports', 'Yes! Grab me after the last session, I will be at booth 212 #SupportConf26', {
      at: '18:05',
    }),
    say(
      'xw',
      'Checked in at the hotel. The room has a view of a parking garage and I have never been happier to lie down.',
      { at: '19:20' },
    ),
    say(
      'kl',
      'Speaker dinner. Sat next to @frankwebbcx and we argued about escalation paths through three courses. Best dinner. #SupportConf26',
      { at: '21:00' },
    ),
    re('cr', 'lenahollis', 'The granola bar stayed in my bag. I was fed. Thank you for saving me a seat!', {
      at: '21:40',
    }),
    say(
      'kl',
      '#SupportConf26 tweetup at the hotel bar. Nobody is talking about work. Everybody is talking about work.',
      { at: '23:30' },
    ),
    say('kl', 'Just lost a trivia round to a table called "Please Hold". Deserved. #SupportConf26', { at: '24:45' }),
    say(
      'xl',
      'Two glasses of wine and I have rewritten the ending of my talk in my head four times. Going to bed. Do not let me change slides at 1am.',
      { at: '25:05' },
    ),
  ]),
  day('2026-10-15', { from: '07:30', to: '25:50' }, [
    say('xl', 'Talk day. Woke up at 4am Denver time because my body still thinks it lives in Ohio.', { at: '08:00' }),
    say(
      'kl',
      'Day two of #SupportConf26! Starting with @alexvantassel on hiring for empathy. Front row, notebook out.',
      { at: '10:45' },
    ),
    say(
      'kl',
      '"You cannot train curiosity, but you can hire for it and then get out of its way." @alexvantassel #SupportConf26',
      { at: '11:05' },
    ),
    say(
      'kl',
      'Loving the panel on support in regulated industries. Turns out "I cannot tell you that" can still be said kindly. #SupportConf26',
      { at: '11:30' },
    ),
    re('cr', 'heathertoms', 'Thank you!! Save me a coffee for after.', { at: '12:00' }),
    re('cr', 'priya_okoro', 'Yes, the queue looks fine. I am not checking. I am checking.', { at: '12:20' }),
    say(
      'kl',
      'Stopped by our booth and the Smart Macros demo has a line. An actual line. For a help desk demo. #SupportConf26',
      { at: '13:00', photo: 1 },
    ),
    say('kl', 'Mic check done. Room B is big. Room B is very big. #SupportConf26', { at: '16:15', photo: 1 }),
    say(
      'kl',
      'Slides from my #SupportConf26 talk "Macros Are Not Empathy", as promised: https://frontlinenotes.example/talks/macros-are-not-empathy',
      { at: '17:10', via: 'web' },
    ),
    re('kl', 'yuki_tanabe_cx', 'Thank you for the front row smile, it carried me through slide 17 #SupportConf26', {
      at: '17:20',
    }),
    say(
      'kl',
      'Thank you to everyone who came to my talk! Over 300 people chose macros over lunch leftovers. Support people are the best people. #SupportConf26',
      { at: '17:30' },
    ),
    re('cr', 'kemi_okonkwo', 'Thank you Kemi, that means a lot coming from you.', { at: '17:45' }),
    re(
      'cr',
      'callcenterkev',
      'Ha! Yes, the rhyming macro made it into the talk. It got the biggest laugh. I regret nothing.',
      { at: '17:50' },
    ),
    re(
      'kl',
      'janetbyrne_sx',
      'Yes, the checklist is on the last slide. Happy to walk your team through it after #SupportConf26',
      { at: '18:05' },
    ),
    say(
      'cm',
      'Huge thanks to @SupportConfHQ for having me, and to @benitowrites and @gracehanlon for making my slides look like someone competent made them.',
      { at: '18:20' },
    ),
    say(
      'kl',
      'Afternoon session on knowledge-centered support with @rubyanselm: "Write the article while you solve the ticket, not after." #SupportConf26',
      { at: '18:50' },
    ),
    say('kl', '"A help center is a product. Give it a roadmap." @rubyanselm at #SupportConf26', { at: '19:30' }),
    rt(
      'kl',
      'SupportConfHQ',
      'The #SupportConf26 party starts at 7pm at the Mill Room. Wear your lanyard and bring your worst hold music story.',
      { at: '19:40' },
    ),
    re('cr', 'theoquade', 'It went well! I did not trip, I did not cry, the demo worked. Kiss the kids for me.', {
      at: '20:00',
    }),
    say('kl', 'At the #SupportConf26 party. The band is playing and @dmitri_cx is already on the dance floor.', {
      at: '22:00',
      photo: 1,
    }),
    say(
      'kl',
      'Hold music story contest at #SupportConf26: someone waited 3 hours for a furniture company and got a recorder solo. They won.',
      { at: '23:20' },
    ),
    say(
      'xl',
      'I have had three whiskey sours and I love every support person in this room, truly, deeply, professionally.',
      { at: '24:30' },
    ),
    re('cr', 'dmitri_cx', 'you are the best dancer in customer experience and i will say it under oath', {
      at: '24:50',
    }),
    say('kl', 'Last song at the #SupportConf26 party. A slow one. Support people hugging it out. Goodnight.', {
      at: '25:15',
    }),
    say(
      'xw',
      'Walking back to the hotel. Denver at 11:30pm is very quiet and very cold. Water. Bed. Day three tomorrow.',
      { at: '25:35' },
    ),
  ]),
  day('2026-10-16', { from: '08:40', to: '25:50' }, [
    say(
      'kl',
      'Last day of #SupportConf26. Closing keynote by @tashawells_cx: "The future of support is still people. Tools just decide how tired they are."',
      { at: '11:00' },
    ),
    say('kl', '"Measure what your customers feel, not just what your team does." @tashawells_cx #SupportConf26', {
      at: '11:25',
    }),
    say(
      'kl',
      'Favorite #SupportConf26 moment so far: a room of 400 support people quietly agreeing to log off at 5pm today.',
      { at: '11:50' },
    ),
    re(
      'kl',
      'martamoves',
      'Your lightning talk on the community calendar was my favorite 5 minutes of #SupportConf26',
      { at: '12:15' },
    ),
    say(
      'kl',
      'Booth teardown with the @tallyfern crew. We gave away 600 pairs of socks. The customers of the future will have warm feet. #SupportConf26',
      { at: '13:00', photo: 1 },
    ),
    say(
      'cm',
      'Thank you @frankwebbcx @rubyanselm @alexvantassel @shanice_b_cx for three days of the best hallway conversations.',
      { at: '13:40' },
    ),
    say('xw', 'At Denver airport. The flight home says "on time". I know better than to believe it.', { at: '15:10' }),
    say('xl', 'Delayed 45 minutes. Called it.', { at: '16:05' }),
    re('cr', 'wendy_at_tf', 'Do not rebook me yet! I believe in this plane. I do not believe in this plane.', {
      at: '16:20',
    }),
    say(
      'xl',
      'Now delayed 2 hours. The gate agent has the patience of a saint and the voice of a tired one. Be kind to gate agents, people.',
      { at: '17:40' },
    ),
    th('xl', 'Update: the gate changed. Twice. I have now seen every corner of concourse B.', { at: '17:52' }),
    say(
      'cq',
      'Stuck at the airport: what is your move when a flight is delayed? Mine is a slow lap of every shop and a cinnamon pretzel.',
      { at: '18:00' },
    ),
    re('cr', 'ollie_grant', 'Lounge access is a dream I will keep dreaming.', { at: '18:20' }),
    re('cr', 'helpdeskpete', 'The pretzel is mandatory. It is in the contract.', { at: '18:35' }),
    say(
      'xm',
      'Watching the gate TV, which is playing a cooking show with no sound. I am fully invested in this soufflé.',
      { at: '19:10' },
    ),
    say(
      'xl',
      'Third delay. The airline app says "we appreciate your patience". I literally wrote a blog post about this exact macro. 😩',
      { at: '20:30' },
    ),
    say('xw', 'Finally boarding. See you soon, Columbus.', { at: '21:55' }),
    say('xw', 'Home at 1:35am. Kids asleep, beagle awake and furious that I left. Goodnight.', { at: '25:35' }),
  ]),
  day('2026-10-17', { from: '09:30' }, [
    say('xl', 'The kids made me a welcome home sign. It says "WELCOM HOM MOM". It is perfect.', { photo: 1 }),
    re('cr', 'lenahollis', 'It was so good to see you! Let us not wait another year.'),
    say(
      'ps',
      'Slides and notes from my #SupportConf26 talk, now with the bits I forgot to say out loud: https://frontlinenotes.example/talks/macros-are-not-empathy',
    ),
    say('cm', 'Thank you to the @SupportConfHQ volunteers. You ran three days of chaos with a smile.'),
    say(
      'cm',
      'Still buzzing from #SupportConf26. Thank you @yuki_tanabe_cx and @tashawells_cx for two keynotes I will be quoting for months.',
    ),
    say('xm', 'Recovery plan: couch, blanket, the rest of "Ash & Iron".'),
    re('cr', 'nadia_paints', 'Gerald did not survive the week, sadly. The kids want a new pumpkin named Gerald II.'),
    re('cr', 'gusthegrillguy', 'Rain check on the cookout? I need a weekend of doing nothing at all.'),
  ]),
  day('2026-10-18', { from: '09:00' }, [
    say('xw', 'Apple picking at Lyndale farm. Lucia climbed a tree. Lucia is not allowed to climb trees.', {
      photo: 1,
    }),
    say(
      'cq',
      'Conference speakers: how long does it take you to recover after a big event? I am on day two of feeling like a phone on 3%.',
    ),
    re('cr', 'yuki_tanabe_cx', 'A week?! Okay, I feel better about still being in my pajamas.'),
    say('xm', 'Sunday soundtrack: the Paper Lanterns live album and a pot of soup.'),
    re('cr', 'auntbev_cooks', 'The soup is your recipe. The soup is always your recipe.'),
  ]),
  day('2026-10-19', [
    say(
      'ps',
      'Full #SupportConf26 recap on the blog: https://frontlinenotes.example/2026/10/supportconf-recap The short version: 1) tag tickets by customer intent, not by team; 2) the most expensive ticket is the one nobody wrote; 3) superusers are volunteers, treat their time as precious; 4) a help center is a product, give it a roadmap; 5) support is still people, and tools decide how tired they are.',
      { note: true, via: 'web' },
    ),
    re('cr', 'shanice_b_cx', 'Thank you! Number 1 is your fault, for the record.'),
    say(
      'pe',
      'Smart Macros got 1,200 demo requests during SupportConf week. If you missed us at the booth, here is the 4 minute tour: https://tallyfern.example/smart-macros/tour',
    ),
    re('cr', 'jonahpike', 'The socks were the real product. We both know it.'),
    say(
      'psh',
      'Great writeup of the regulated industries panel from #SupportConf26, by someone who took better notes than me. https://cxjournal.example/2026/10/supportconf-regulated-panel',
    ),
    re('cr', 'priya_okoro', 'Thank you for holding the fort. Queue looks great. Donuts Wednesday.'),
    say(
      'cm',
      'Hey @martamoves, your community calendar idea is already on our whiteboard. Coffee next week so I can steal the rest?',
    ),
    say('xw', 'Back at Third Pour. The barista remembered my order. Home is where they know your oat milk.'),
    re('cr', 'mo_hussain_cs', 'Yes, the recording will be on the SupportConf site in a couple of weeks.'),
    re('cr', 'ivy_delacroix', 'The recording is coming. The socks, sadly, are all gone.'),
    say(
      'xm',
      'Finished "Ash & Iron" during the five hours at the airport. Solid 8/10. The harbor master deserved better.',
    ),
    rt(
      'psh',
      'supportopsweek',
      'The 3 support metrics that matter for a team under 20 (and the 12 you can stop reporting): https://supportops.example/small-team-metrics',
    ),
    say(
      'cq',
      'Who else came home from a conference with 40 new ideas and the energy for exactly one of them? Which one did you pick?',
    ),
  ]),
  day('2026-10-20', { to: '23:00' }, [
    say(
      'pe',
      'Tallyfern customers: the Smart Macros admin guide is live, with the exact settings we use on our own support team. https://tallyfern.example/docs/smart-macros-admin',
    ),
    re('cr', 'dmitri_cx', 'Sending you the photo from the dance floor. Please do not make it your profile picture.'),
    say(
      'pj',
      "Reminder: we're hiring a Support Team Lead at Tallyfern, and we met some amazing people in Denver. If that was you, apply! https://tallyfern.example/careers/support-team-lead",
    ),
    re(
      'cr',
      'carlosreyes_cs',
      'So glad you liked the talk. Your question about multilingual macros is going in the next post.',
    ),
    say(
      'psh',
      'Helpful read: how to run a quarterly review of your help center in one afternoon. https://docs.example/help-center-review',
    ),
    say(
      'ps',
      'New on the blog: the three questions I ask before writing any macro. https://frontlinenotes.example/2026/10/three-questions-before-a-macro',
    ),
    rt(
      'pe',
      'tallyfern',
      'Smart Macros now speak Spanish, French and German, with more languages coming before the end of the year.',
    ),
    say('cm', 'Congratulations @ivy_delacroix on one year of your newsletter! The only one I read the day it arrives.'),
    say(
      'psh',
      'If your team still writes "Dear Valued Customer", this piece is for you. https://cxjournal.example/2026/10/dear-valued-customer',
    ),
    say(
      'xw',
      'Lunch at the little ramen place on High Street with Theo. Date lunch counts as date night if you squint.',
    ),
    say(
      'kc',
      'Tonight on #FrontlineChat, 8pm ET: what we learned at SupportConf, for everyone who could not go. Bring questions!',
      { at: '16:45' },
    ),
    say(
      'kc',
      'Welcome back to #FrontlineChat! Tonight: the best ideas from SupportConf. Were you there? Tell us your favorite session.',
      { at: '20:00' },
    ),
    say('kc', 'Q1 What is one idea from a conference that you actually put in place at work? #FrontlineChat', {
      at: '20:04',
    }),
    re(
      'kc',
      'yuki_tanabe_cx',
      'A1 The intent tags idea from your keynote is already in our backlog. Thank you for joining us tonight! #FrontlineChat',
      { at: '20:10' },
    ),
    say('kc', 'Q2 How do you bring conference learnings back to a team that did not go? #FrontlineChat', {
      at: '20:25',
    }),
    re('kc', 'beccalind', 'A2 A 15-minute show and tell at standup is so simple and so smart #FrontlineChat', {
      at: '20:33',
    }),
    say('kc', 'Q3 Which conference talk, from any year, still changes how you work? #FrontlineChat', { at: '20:45' }),
    say('kc', 'Thanks for a great #FrontlineChat, everyone. Next week: hiring your first support lead.', {
      at: '21:00',
    }),
    re('cr', 'jasper_runs', 'Thursday 6:30am, I promise. I have conference legs, so be gentle.', { at: '22:00' }),
  ]),
  day('2026-10-21', [
    say(
      'ps',
      'New Queue & A episode: @dmitri_cx on leading support through a bad outage, and what he would never do again. https://frontlinenotes.example/podcast/42-outage-lessons',
    ),
    re('cr', 'dmitri_cx', 'Thank you for being so honest on this one. The part about the status page at 3am hit home.'),
    rt(
      'ps',
      'queueandA_pod',
      'Episode 42: "Outage lessons" with @dmitri_cx. What to say, when to say it, and why the status page is a support channel.',
    ),
    say('xl', 'Donuts for the team, as promised. Two went missing before 9am. We have a donut bandit.'),
    re('cr', 'gracehanlon', 'It was you. I know it was you. You have sprinkles on your sleeve.'),
    say(
      'pe',
      'We just published our Smart Macros accuracy report: 72% of suggestions were sent with light edits, and none without a human reading them first. https://tallyfern.example/blog/smart-macros-report',
    ),
    re(
      'cr',
      'alexvantassel',
      'Exactly. The human edit is the whole point. A macro is a starting line, not a finish line.',
    ),
    say(
      'psh',
      'Thoughtful piece on support career paths that do not require becoming a manager. https://cxjournal.example/2026/10/career-ladders',
    ),
    rt(
      'psh',
      'supportopsweek',
      'Nine questions to ask before you buy an AI reply tool, from a team that tried three. https://supportops.example/ai-reply-questions',
    ),
    re(
      'pj',
      'heathertoms',
      'Your colleague sounds perfect for the lead role! Here is the link to pass along: https://tallyfern.example/careers/support-team-lead',
    ),
    say('cq', 'What is one thing your support team stopped measuring this year, and did you miss it?'),
    say('xm', 'Tonight: "The Lighthouse Keepers" behind-the-scenes special. I am a grown woman and I am so excited.'),
    re('cr', 'rubyanselm', 'Yes, book club is Nov 12 at my place. Bring your theories about the lighthouse.'),
    say('xw', 'Working from the Whetstone library today. Quieter than the office, louder than my thoughts.'),
  ]),
  day('2026-10-22', [
    say(
      'ps',
      'New on the blog: 5 macros your support team should delete this week 👉 https://frontlinenotes.example/2026/10/delete-these-macros',
    ),
    re('cr', 'heathertoms', 'Yes, it is the same post. Yes, I keep sharing it. The macros are still there, Heather.'),
    say(
      'pe',
      'Tallyfern Desk 5.2 is rolling out: Smart Macros on every plan, search inside attachments, and keyboard shortcuts for everything. https://tallyfern.example/blog/desk-5-2',
    ),
    re('cr', 'sam_ferreira', 'The shortcut cheat sheet is my new desktop wallpaper.'),
    say(
      'cm',
      'Hey @alexvantassel, the hiring-for-curiosity question from your talk is in our interview guide now. Thank you!',
    ),
    say(
      'psh',
      'A good reminder that customer effort starts before the ticket: it starts with how hard it is to find where to ask. https://research.example/contact-us-maze',
    ),
    re(
      'cr',
      'kemi_okonkwo',
      'Our contact page used to be four clicks deep. Now it is one. Tickets went up, angry tickets went down.',
    ),
    say('xl', "Lucia's school project is done. She drew me at a computer with a headset and a halo. Framing it.", {
      photo: 1,
    }),
    re('cr', 'nadia_paints', 'She gets it from you! Thank you for the art lessons.'),
    say(
      'xm',
      'Listening to the new episode of "Hold, Please", the podcast about waiting. Very meta for a support person.',
    ),
    say('cq', 'Support folks: what is a tool you stopped paying for this year and did not miss?'),
    th('cr', '@frankwebbcx @kemi_okonkwo you two have opinions on this, I know you do'),
    re('cr', 'frankwebbcx', 'A second survey tool. We had two. Nobody knew why.'),
  ]),
  day('2026-10-23', { to: '25:40' }, [
    say(
      'cm',
      '#FF the people who made my talk possible: @benitowrites @gracehanlon @sam_ferreira, and @wendy_at_tf, who booked the 6:40 flight and was right.',
    ),
    re('cr', 'wendy_at_tf', 'Fine, I admit it. The early flight was the right call.'),
    say(
      'pe',
      'Our support team is at 96% CSAT for October so far. The Smart Macros pilot group is at 97%. Make of that what you will.',
    ),
    say(
      'psh',
      'If you write job descriptions for support roles, this guide to removing the jargon is excellent. https://cxjournal.example/2026/10/plain-job-posts',
    ),
    say(
      'pj',
      'Know a great support leader? Our Support Team Lead role closes Oct 31. Referrals welcome, I answer every DM. https://tallyfern.example/careers/support-team-lead',
    ),
    rt(
      'pj',
      'gracehanlon',
      'Our team at @tallyfern is hiring a Support Team Lead. I would work with them every day, so I have opinions: you should apply.',
    ),
    say('xw', "Dinner at Marco's with Bev and the cousins. Twelve people, one table, zero inside voices.", {
      at: '19:00',
      photo: 1,
    }),
    say('xl', 'Marco makes his own limoncello. This is relevant information.', { at: '22:40' }),
    say(
      'xl',
      'Two limoncellos in and I am drafting a blog post called "What Italian uncles can teach us about customer service". It is 12:15. Someone stop me.',
      { at: '24:15' },
    ),
    re('cr', 'auntbev_cooks', 'he told me the recipe and i have already forgotten it', { at: '24:30' }),
    say('xl', 'Goodnight, internet. I will edit that blog post sober, if at all.', { at: '25:20' }),
  ]),
  day('2026-10-24', { from: '09:45' }, [
    say('xl', 'The blog post did not survive the morning. The headache did.'),
    say('xl', 'Soccer season finale. Max got a participation trophy and is acting like he won the World Cup.', {
      photo: 1,
    }),
    re('cr', 'callcenterkev', 'It WAS a good title. The post was not. Some ideas should stay in the limoncello.'),
    say(
      'ps',
      'Weekend listening: all 42 episodes of Queue & A, finally sorted by topic. https://frontlinenotes.example/podcast',
    ),
    say('xm', 'Halloween movie marathon starts tonight. The kids voted for "Ghost Dog Detective". Again.'),
    re('cr', 'nadia_paints', 'Yes please! Face paint help on Saturday would make you a legend.'),
  ]),
  day('2026-10-25', { from: '09:00' }, [
    say('xl', 'Pumpkin carving. Somebody (Theo) carved a perfect copy of the Tallyfern logo. Corporate pumpkin.', {
      photo: 1,
    }),
    re('cr', 'jonahpike', 'It is going on the company blog whether Theo likes it or not.'),
    say('xm', 'Caught the Paper Lanterns livestream from their Chicago show. Couch concerts are the best concerts.'),
    say('cq', 'What is the best Halloween candy? Wrong answers only, please.'),
    re('cr', 'heathertoms', 'Candy corn?! Heather, I am going to pretend I did not see this.'),
  ]),
  day('2026-10-26', [
    say(
      'ps',
      'This Wednesday I am hosting a free webinar with @tallyfern: "Scaling support without sounding like a robot". 45 minutes, live Q&A. https://tallyfern.example/webinars/scaling-without-robots',
    ),
    re('cr', 'martamoves', 'Yes, it will be recorded! Sign up and you will get the link.'),
    rt(
      'psh',
      'cxjournal_ex',
      'Support teams that publish their response times get fewer "just checking in" emails. https://cxjournal.example/2026/10/publish-response-times',
    ),
    say(
      'cm',
      'Happy work anniversary @gracehanlon! Four years of making our community the friendliest corner of the internet.',
    ),
    say(
      'ps',
      'Newsletter subscribers got the webinar worksheet early. Want it? https://frontlinenotes.example/newsletter',
    ),
    say(
      'psh',
      'How to write a status update during an outage, with real before and after examples. Save this for the bad day. https://supportops.example/outage-updates',
    ),
    re('cr', 'noor_supports', 'The "what we know, what we do not know, when we will update next" format is perfect.'),
    say(
      'psh',
      'Worth your lunch break: a short history of the help desk ticket, from paper forms to shared inboxes. https://research.example/history-of-the-ticket',
    ),
    say(
      'pe',
      'A customer story I love: how a 6-person support team at a bike shop chain cut their weekend backlog by 60% with Tallyfern. https://tallyfern.example/customers/spoke-and-chain',
    ),
    re('cr', 'ivy_delacroix', 'Right?! They did it with three macros and one very good help center article.'),
    re('cr', 'mo_hussain_cs', 'Setup is about ten minutes. I timed it during the webinar rehearsal.'),
    say(
      'xw',
      'Parent-teacher conferences this evening. Sitting in a tiny chair, holding a tiny juice box, feeling very big.',
    ),
    re(
      'cr',
      'theoquade',
      'She said Lucia is "a natural leader". We both know what that means. Bossy. Like her mother.',
    ),
    say('xm', 'The new Harbor & Vine album came out today and it is exactly what a rainy Monday needed.'),
    say('cq', 'Support leads: what is the best question anyone asked you in an interview for a lead role?'),
  ]),
  day('2026-10-27', { to: '23:00' }, [
    re('cr', 'callcenterkev', 'Oh, that is a good one. Mine was "what will you stop doing?"'),
    say(
      'psh',
      'Useful checklist for the first 30 days of a new support lead. Print it, tape it to the monitor. https://supportops.example/first-30-days-lead',
    ),
    say(
      'pe',
      'New in Tallyfern Desk: customer timelines. Every ticket, chat and community post from one customer, on one screen. https://tallyfern.example/blog/customer-timelines',
    ),
    say(
      'psh',
      'Smart, short read on running a support team across time zones without a night shift. https://supportops.example/follow-the-sun',
    ),
    re(
      'ps',
      'beccalind',
      'I wrote about exactly this last year: https://frontlinenotes.example/2025/11/promoting-your-best-agent',
    ),
    say(
      'pj',
      'Four days left to apply for our Support Team Lead role. If you have been waiting for a sign, this is the sign. https://tallyfern.example/careers/support-team-lead',
    ),
    re('cr', 'shanice_b_cx', 'You would be amazing at it. Just saying. No pressure. Some pressure.'),
    say(
      'kc',
      'Tonight on #FrontlineChat, 8pm ET: hiring your first support lead. What to look for, what to ask, what to avoid.',
      { at: '17:20' },
    ),
    say(
      'kc',
      'Welcome to #FrontlineChat! Tonight: hiring your first support lead. Tell us if you have hired one, been one, or both.',
      { at: '20:00' },
    ),
    say('kc', 'Q1 Promote from within or hire from outside for your first lead? #FrontlineChat', { at: '20:04' }),
    re(
      'kc',
      'frankwebbcx',
      'A1 Both can work, but promoting your best agent without any training is how you lose your best agent #FrontlineChat',
      { at: '20:11' },
    ),
    say('kc', 'Q2 What is one interview question that tells you the most about a support leader? #FrontlineChat', {
      at: '20:22',
    }),
    re(
      'kc',
      'heathertoms',
      'A2 "Tell me about a time you protected your team from a customer" is a great one #FrontlineChat',
      { at: '20:30' },
    ),
    say('kc', 'That is a wrap on #FrontlineChat. Thank you all! Summary on the blog later this week.', { at: '20:59' }),
    say('cm', 'Thank you @frankwebbcx and @heathertoms for the best answers of the night.', { at: '21:15' }),
    say('xm', 'Ending the night with an episode of "Night Shift at the Ferry". Someone lost a goat this time.', {
      at: '22:10',
    }),
    re('cr', 'rubyanselm', 'The goat episode is the best one. The goat deserved an award.', { at: '22:30' }),
  ]),
  day('2026-10-28', [
    say(
      'ps',
      'Today at 1pm ET: "Scaling support without sounding like a robot", a free webinar with @tallyfern. Bring questions, I will bring examples. https://tallyfern.example/webinars/scaling-without-robots',
      { at: '09:00' },
    ),
    re('cr', 'lenahollis', 'You are coming?! Now I have to be good.', { at: '09:40' }),
    say(
      'ps',
      'Thank you to the 420 people who joined today! The recording and slides are here: https://tallyfern.example/webinars/scaling-without-robots/recording',
      { at: '14:10', via: 'web' },
    ),
    th(
      'ps',
      'The question I did not have time for: "how many macros is too many?" My rule: if nobody used it in 90 days, archive it. More here: https://frontlinenotes.example/2026/10/delete-these-macros',
      { via: 'web' },
    ),
    re(
      'cr',
      'tashawells_cx',
      'Thank you for the great question about tone in other languages. I owe you a longer answer.',
    ),
    re('cr', 'janetbyrne_sx', 'Yes, share it with your team! The slides are free to reuse.'),
    say(
      'cm',
      "Huge thanks to @benitowrites and @wendy_at_tf for producing today's webinar. I just talked; they did everything else.",
    ),
    rt(
      'pe',
      'jonahpike',
      'Proud of the @tallyfern support team: 16,000 conversations this month and still time to host a webinar for 420 people.',
    ),
    say(
      'pj',
      'Referral shout-out: the best Support Team Lead candidates this month came from you all. Keep them coming until Saturday! https://tallyfern.example/careers/support-team-lead',
    ),
    say(
      'psh',
      'Fascinating research on how customers read help articles: they skim the headings, read the first sentence and jump to the screenshot. https://research.example/how-customers-read',
    ),
    re('cr', 'beccalind', 'Same! Our best article is 120 words and three screenshots.'),
    re(
      'cr',
      'gusthegrillguy',
      'Count us in for the Halloween chili! We will bring the cornbread and the sugar-crazed children.',
    ),
  ]),
  day('2026-10-29', [
    say(
      'ps',
      "The recap of Tuesday's #FrontlineChat on hiring your first support lead is on the blog, with the best answers from all of you. https://frontlinenotes.example/2026/10/frontlinechat-first-lead",
    ),
    re('cr', 'frankwebbcx', 'Your answer is the first quote in the recap. Of course it is.'),
    say(
      'pe',
      'Tallyfern made the "Help desks to watch in 2027" list in the CX Journal reader survey. Thank you to every customer who voted for us! https://cxjournal.example/2026/10/help-desks-to-watch',
    ),
    re('cr', 'priya_okoro', "This is your award as much as anyone's. The reporting dashboard sold it."),
    say(
      'ps',
      'Quick favor: if Queue & A has helped your team, a rating in your podcast app helps other support folks find it. https://frontlinenotes.example/podcast/rate',
    ),
    say('cm', 'Congrats to @shanice_b_cx, whose first conference talk was just accepted for next spring!'),
    rt(
      'psh',
      'cxjournal_ex',
      'Our reader survey is out: what support teams want from their tools in 2027. Spoiler: fewer dashboards, better search.',
    ),
    say(
      'xl',
      'Costume fitting. The lighthouse costume lights up. The pumpkin costume does not. Max has filed a complaint.',
    ),
    re('cr', 'theoquade', 'Yes, I bought more batteries. No, I am not telling you how many.'),
    say('xw', 'Working from Third Pour again. They have pumpkin bread now. I have made choices.'),
    re('cr', 'thirdpourcoffee', 'The pumpkin bread is dangerous and I will be back tomorrow.'),
    say(
      'psh',
      'A reminder from a good article: your quietest customers are not your happiest ones. https://cxjournal.example/2026/10/quiet-customers',
    ),
    say('cq', 'Do you decorate your desk for Halloween? Show me. I need ideas and I need them by tomorrow.'),
  ]),
  day('2026-10-30', [
    say(
      'cm',
      '#FF @kemi_okonkwo @noor_supports @ivy_delacroix @beccalind: the people who kept #FrontlineChat warm and funny all month. Thank you!',
    ),
    re('cr', 'ivy_delacroix', 'Same time next Tuesday! The topic is up to you this time.'),
    say(
      'pe',
      'Tallyfern Desk 5.2 release notes, for the curious and the thorough: https://tallyfern.example/release-notes/5-2',
    ),
    say(
      'ps',
      'My SupportConf talk recording is up! 31 minutes, one rhyming macro, zero snacks. https://supportconf.example/2026/videos/macros-are-not-empathy',
    ),
    rt(
      'psh',
      'rubyanselm',
      'My #SupportConf26 talk on knowledge-centered support is now a blog post, with our template: https://rubyanselm.example/kcs-template',
    ),
    say('cm', 'Thank you @jonahpike for letting the whole support team leave at 3 today. A Halloween eve miracle.'),
    say('cq', 'Weekend plans? Mine involve a lighthouse costume, a pumpkin costume and a lot of walking.'),
    say(
      'pj',
      'Last call: applications for our Support Team Lead role close tomorrow. https://tallyfern.example/careers/support-team-lead',
    ),
    say(
      'xl',
      'Halloween came early at the office: the support team dressed as error messages. I am a 404. You cannot find me.',
      { photo: 2 },
    ),
    re('cr', 'sam_ferreira', 'Your "500 Internal Server Error" costume is too real. I flinched.'),
    say(
      'psh',
      'Short and sharp: why "the customer is always right" was never the point, and what to say instead. https://supportops.example/always-right',
    ),
    re('cr', 'auntbev_cooks', 'We will stop by your street around 6:30! Save the good candy for Max.'),
    re('cr', 'jasper_runs', 'Turkey trot sign-up done. Now I just have to run 5 miles after eating all the candy.'),
  ]),
  day('2026-10-31', { from: '08:30', to: '23:50' }, [
    say('xl', 'Happy Halloween! Lucia has been dressed as a lighthouse since 7am. The light is on. It is still on.'),
    say('xw', 'Halloween parade on our street. Biscuit is dressed as a hot dog and is furious about it.', { photo: 1 }),
    re('cr', 'nadia_paints', 'The face paint was perfect. Max has not stopped looking at himself in every window.'),
    say('xm', 'Background music for the afternoon: a spooky playlist that is 90% organ and 10% wolves.'),
    say(
      'xw',
      "At Gus and Tina's Halloween chili party. There is a fog machine. It is in the kitchen. The smoke alarm is interested.",
      { at: '17:30' },
    ),
    re(
      'cr',
      'gusthegrillguy',
      'The chili was perfect. You have to give me the recipe this time, no more "a pinch of this".',
      { at: '19:10' },
    ),
    say('xl', 'Trick-or-treat report: 2 kids, 1 beagle, 47 houses, 1 very full pillowcase, 0 tantrums. A record.', {
      at: '20:40',
      photo: 2,
    }),
    say('xl', '🎃🎃🎃', { photo: 1, at: '21:15' }),
    re('cr', 'auntbev_cooks', 'Thank you for the full-size candy bars. Max says yours is his favorite house now.', {
      at: '22:05',
    }),
    say('cq', 'Tomorrow I do my monthly tweet audit for October. Anyone else do this? What do you look for?', {
      at: '22:40',
    }),
  ]),
];
