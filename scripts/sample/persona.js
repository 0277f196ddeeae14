// Who the sample archive belongs to, and everyone she talks to. All fictional: the people, the
// company, its product, the conference, the chat, the podcast, the shows and the places to eat.
// Domains end in .example (reserved, RFC 2606) so that no link points at a real site.

export const owner = {
  screen_name: 'marisolquade',
  name: 'Marisol Quade',
  id: '31857492',
  createdAt: '2009-04-14T15:22:41.000Z',
};

/** X's own zone name, as account-timezone.js writes it, and the IANA zone it stands for. */
export const timeZone = { x: 'Eastern Time (US & Canada)', iana: 'America/New_York' };

export const profile = {
  bio: 'Customer support & community at @tallyfern. Host of #FrontlineChat (Tue 8pm ET) and the Queue & A podcast. Writing at frontlinenotes.example. Mom of two, owner of one very loud beagle.',
  website: 'https://frontlinenotes.example',
  location: 'Columbus, OH',
};

/** The archive was downloaded on this day (UTC). */
export const generationDate = '2026-11-03T14:27:51.318Z';

// Handle, display name. Ids are derived from the handle by the build (stable across runs).
export const people = [
  // Tallyfern, her employer, and her colleagues
  ['tallyfern', 'Tallyfern'],
  ['TallyfernHelp', 'Tallyfern Support'],
  ['jonahpike', 'Jonah Pike'],
  ['priya_okoro', 'Priya Okoro'],
  ['benitowrites', 'Benito Alvarez'],
  ['gracehanlon', 'Grace Hanlon'],
  ['sam_ferreira', 'Sam Ferreira'],
  ['wendy_at_tf', 'Wendy Stroud'],
  // The support and community crowd
  ['lenahollis', 'Lena Hollis'],
  ['dmitri_cx', 'Dmitri Volkov'],
  ['tashawells_cx', 'Tasha Wells'],
  ['kemi_okonkwo', 'Kemi Okonkwo'],
  ['rubyanselm', 'Ruby Anselm'],
  ['callcenterkev', 'Kevin Marsh'],
  ['janetbyrne_sx', 'Janet Byrne'],
  ['heathertoms', 'Heather Toms'],
  ['alexvantassel', 'Alex Van Tassel'],
  ['noor_supports', 'Noor Haddad'],
  ['ivy_delacroix', 'Ivy Delacroix'],
  ['frankwebbcx', 'Frank Webb'],
  ['mo_hussain_cs', 'Mo Hussain'],
  ['carlosreyes_cs', 'Carlos Reyes'],
  ['beccalind', 'Becca Lind'],
  ['helpdeskpete', 'Pete Dunmore'],
  ['yuki_tanabe_cx', 'Yuki Tanabe'],
  ['ollie_grant', 'Ollie Grant'],
  ['shanice_b_cx', 'Shanice Brooks'],
  ['martamoves', 'Marta Kowalski'],
  // Publications, events, shows
  ['cxjournal_ex', 'The CX Journal'],
  ['supportopsweek', 'Support Ops Weekly'],
  ['SupportConfHQ', 'SupportConf'],
  ['queueandA_pod', 'Queue & A podcast'],
  ['cmtyroundup', 'Community Roundup'],
  ['cmh_cx_meetup', 'Columbus CX Meetup'],
  // Family, friends, neighbourhood
  ['theoquade', 'Theo Quade'],
  ['auntbev_cooks', 'Bev Ortega'],
  ['jasper_runs', 'Jasper Lee'],
  ['thirdpourcoffee', 'Third Pour Coffee'],
  ['nadia_paints', 'Nadia Farouk'],
  ['gusthegrillguy', 'Gus Palmer'],
];
