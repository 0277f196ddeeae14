/**
 * Word lists the rules look for, per language, as data.
 *
 * Source: written for tweet-audit from the author's own knowledge of how people tweet in English,
 * Spanish, French and German (support leads, community managers, developer advocates, marketers,
 * engineers). Nothing here is lifted from the archives used to measure the classifier.
 *
 * Syntax of an entry, matched against the tweet's words after lowercasing and removing accents
 * (so "película" and "pelicula" both match, and entries may be written either way):
 * - `word`: the whole word;
 * - `pref*`: any word starting with `pref` (a hand-made stem: "recrut*" matches "recrutons");
 * - `two words`, `we're hiring`: consecutive words; the last one may end with `*`.
 *
 * Lists are matched in every language at once (people mix languages, and the archive's `lang`
 * is often missing), so an entry must not be a common word of another of the four languages.
 */
export interface LexiconData {
  /** What the list is for, and why it is shaped the way it is. */
  readonly about: string;
  readonly en: readonly string[];
  readonly es: readonly string[];
  readonly fr: readonly string[];
  readonly de: readonly string[];
}

export const LEXICONS = {
  jobs: {
    about: 'Job postings, referrals and job seeking (promotion/jobs).',
    en: [
      'hiring', "we're hiring", 'we are hiring', 'now hiring', 'is hiring', 'job opening', 'job openings',
      'open position', 'open positions', 'open role', 'open roles', 'job offer', 'job posting', 'job post',
      'join our team', 'join the team', 'apply now', 'apply here', 'looking for a new job', 'open to work',
      'job alert', 'vacancy', 'vacancies', 'job hunting', 'referral bonus', 'new job opportunity', 'remote job',
    ],
    es: [
      'estamos contratando', 'oferta de empleo', 'oferta de trabajo', 'ofertas de empleo', 'buscamos perfil*',
      'vacante', 'vacantes', 'unete al equipo', 'unete a nuestro equipo', 'busco trabajo', 'buscando trabajo',
      'proceso de seleccion', 'puesto de trabajo', 'nueva posicion',
    ],
    fr: [
      'on recrute', 'nous recrutons', 'recrute', "offre d'emploi", "offres d'emploi", 'poste a pourvoir',
      'postes a pourvoir', 'rejoignez-nous', 'rejoindre notre equipe', 'en cdi', 'un cdi', 'cherche une mission',
      'nouvelle mission', 'je cherche un poste', 'en recherche de mission',
    ],
    de: [
      'wir stellen ein', 'stellenangebot', 'stellenanzeige', 'offene stelle', 'offene stellen', 'jetzt bewerben',
      'bewirb dich', 'verstarkung gesucht', 'job gesucht', 'neue stelle',
    ],
  },
  seeking: {
    about:
      '"We\'re looking for a…": a job post only when a role follows (see `roles`); the same words ' +
      'look for partners, volunteers and venues too.',
    en: ["we're looking for", 'we are looking for', 'looking for a', 'looking for an', 'seeking a'],
    es: ['buscamos', 'estamos buscando', 'busco a', 'se necesita', 'necesitamos'],
    fr: ['on cherche', 'nous cherchons', 'je cherche', 'cherche un', 'cherche une', 'recherche un', 'recherche une'],
    de: ['wir suchen', 'suchen eine', 'suchen einen', 'ich suche'],
  },
  roles: {
    about: 'Job roles and contract words that make "we are looking for…" a job post.',
    en: [
      'developer*', 'engineer*', 'dev', 'devs', 'designer*', 'manager*', 'intern', 'interns', 'internship', 'writer*',
      'advocate*', 'analyst*', 'scientist*', 'architect*', 'sre', 'devops', 'backend', 'frontend', 'fullstack',
      'full-stack', 'lead', 'head of', 'cto', 'recruiter*', 'coach*', 'consultant*', 'trainer*', 'tester*', 'qa',
      'support agent*', 'marketer*', 'full-time', 'part-time', 'remote', 'freelance*', 'contractor*',
    ],
    es: ['desarrollador*', 'desarrolladora*', 'ingenier*', 'disenador*', 'becari*', 'practicas', 'programador*', 'personas para', 'perfil*', 'jornada completa'],
    fr: ['developpeu*', 'ingenieu*', 'stagiaire*', 'alternant*', 'chef de projet', 'cdi', 'cdd', 'h/f', 'f/h', 'agiliste*', 'formateur*'],
    de: ['entwickler*', 'ingenieur*', 'praktikant*', 'werkstudent*', 'm/w/d', 'w/m/d', 'festanstellung', 'vollzeit', 'teilzeit'],
  },
  liveEvent: {
    about:
      'Being at an event now: sessions, keynotes, talks being given, conference rooms (conference/live). ' +
      'Phrases, not bare nouns: "talk" alone is as often an announcement as a report.',
    en: [
      'keynote', 'great talk', 'great session', 'awesome talk', 'excellent talk', 'amazing talk', 'nice talk',
      'good talk', 'interesting talk', 'great keynote', 'talk by', 'session by', 'keynote by', 'live from',
      'now at', 'here at', 'on stage', 'first session', 'next session', 'last session', 'this session',
      'this talk', 'live tweeting', 'livetweeting', 'slides are up', 'packed room', 'full room',
      'at the booth', 'our booth', 'tweetup', 'tweet-up', 'day one of', 'day two of', 'day 1 of', 'day 2 of',
      'workshop by', 'lightning talk', 'lightning talks', 'panel on',
    ],
    es: [
      'gran charla', 'buena charla', 'charlon', 'ponencia de', 'keynote de', 'en directo desde', 'desde la sala',
      'esta charla', 'la charla de', 'el taller de', 'primera charla', 'siguiente charla', 'sala llena',
      'en el stand',
    ],
    fr: [
      'superbe conference', 'super conference', 'belle conference', 'bonne conference', 'conference de',
      'la conf de', 'super talk', 'belle session', 'session de', 'keynote de', 'en direct de', 'en direct du',
      'salle comble', 'salle pleine', 'dans la salle', 'au stand',
      'ce talk', 'cette session', 'cette conf', 'cette keynote', 'prochaine session', 'atelier de',
    ],
    de: [
      'toller vortrag', 'guter vortrag', 'spannender vortrag', 'vortrag von', 'keynote von', 'live von',
      'im saal', 'am stand', 'dieser vortrag', 'workshop von',
    ],
  },
  announcement: {
    about:
      'Words of an announcement of something to come; an event hashtag in an announcement is promotion, ' +
      'not conference/live (TAXONOMY.md).',
    en: [
      'tomorrow', 'next week', 'next month', 'register', 'registration', 'sign up', 'signup', 'get your tickets',
      'buy tickets', 'tickets are', 'tickets available', 'ticket sales', "can't wait", 'cannot wait', 'looking forward',
      'cfp', 'call for papers', 'call for speakers', 'submit your', "don't miss", 'dont miss', 'save the date',
      'will be speaking', "i'll be speaking", 'will give a talk', 'see you at', 'coming soon', 'early bird',
      "i'll be at", 'i will be at', "we'll be at", 'we will be at', 'vote for', 'voted', 'upcoming',
    ],
    es: [
      'estare en', 'estaremos en', 'la semana que viene', 'la proxima semana', 'inscripcion*', 'inscribete', 'entradas',
      'no te pierdas', 'nos vemos en', 'proximamente', 'hablare', 'dare una charla', 'voy a dar', 'tengo ganas de',
    ],
    fr: [
      'demain', 'je serai a', 'nous serons a', 'on sera a', 'la semaine prochaine', 'inscription*', 'inscrivez-vous', 'billets', 'ne manquez pas',
      'on se voit a', 'bientot', 'je parlerai', 'je presenterai', 'appel a orateurs', 'vote*', "j'ai hate",
    ],
    de: ['morgen', 'nachste woche', 'anmeldung', 'jetzt anmelden', 'tickets gibt', 'verpasst nicht', 'bis bald', 'freue mich auf'],
  },
  ownContent: {
    about:
      "Announcing one's own content: talks, slides, posts, podcasts, videos, books (promotion/self). " +
      "First person, so that passing on somebody else's post is not caught.",
    en: [
      'my talk', 'my slides', 'my blog', 'my blog post', 'my new blog post', 'my latest post', 'my article',
      'my latest article', 'new blog post', 'blogged', 'i wrote about', 'i just wrote', 'wrote a post',
      'my podcast', 'our podcast', 'my book', 'my webinar', 'our webinar', 'my workshop',
      'my course', 'my newsletter', 'my channel', 'my youtube channel', 'my video', 'my screencast',
      'i gave a talk', 'i spoke at', "i'm speaking", 'i am speaking', 'speaking at', "i'll be speaking",
      'my presentation', 'my side project', 'slides from my', 'recording of my', 'check out my',
      'how i built', 'how we built', 'my livestream', 'my stream',
    ],
    es: [
      'mi charla', 'mis slides', 'mis transparencias', 'mi blog', 'mi post', 'mi articulo', 'nuevo post',
      'nuevo articulo', 'nueva entrada', 'he escrito', 'acabo de escribir', 'acabo de publicar', 'mi podcast',
      'nuestro podcast', 'mi libro', 'mi webinar', 'mi curso', 'mi canal', 'mi video',
      'mi newsletter', 'mi directo', 'en directo en mi', 'mi stream', 'voy a dar una charla', 'dare una charla',
    ],
    fr: [
      'mon talk', 'ma conference', 'ma presentation', 'mes slides', 'mon blog', 'mon billet', 'mon article',
      'nouvel article', 'nouveau billet', "j'ai ecrit", 'je viens de publier', 'mon podcast', 'notre podcast',
      'mon livre', 'mon webinar', 'ma formation', 'ma chaine', 'ma video', 'mon screencast',
      'mon atelier', 'je parlerai', 'je presenterai',
    ],
    de: [
      'mein vortrag', 'meine folien', 'mein blog', 'mein blogpost', 'mein artikel', 'neuer blogpost',
      'neuer artikel', 'ich habe geschrieben', 'mein podcast', 'unser podcast', 'mein buch',
      'mein webinar', 'mein kurs', 'mein kanal', 'mein video', 'ich spreche', 'ich halte einen vortrag',
    ],
  },
  contentKinds: {
    about: 'Kinds of content one publishes after the fact: slides, notes, recaps, recordings, write-ups.',
    en: ['slides', 'deck', 'notes', 'recap', 'recording', 'video', 'write-up', 'writeup', 'blog post', 'article', 'summary', 'transcript'],
    es: ['diapositivas', 'transparencias', 'apuntes', 'notas', 'resumen', 'grabacion', 'video', 'articulo', 'cronica'],
    fr: ['diapos', 'notes', 'resume', 'compte rendu', 'compte-rendu', 'enregistrement', 'video', 'billet', 'article'],
    de: ['folien', 'notizen', 'zusammenfassung', 'aufzeichnung', 'video', 'artikel', 'nachlese'],
  },
  showAndTell: {
    about:
      'Showing something one made ("I built", "he hecho", "j\'ai codé", "here is how"). Alone these are ' +
      'as often about pancakes as about projects, so the rule wants a link, media or a thread as well.',
    en: [
      'i built', "i've built", 'i just built', 'i made', "i've made", 'i just made', 'we built', 'we made',
      'just shipped', 'just released', 'just launched', 'just published', 'i released', 'i published',
      'my project', 'my app', 'my tool', 'my library', 'my plugin', 'my open source', 'i recorded',
      "here's my take", 'here is my take', 'in this thread', 'a thread on', 'thread on how', 'here is how',
      "here's how", 'step by step', 'i automated', 'i wrote a', 'i coded', 'i hacked',
      'demo', 'walkthrough', 'tutorial',
    ],
    es: [
      'he hecho', 'hemos hecho', 'he creado', 'hemos creado', 'he montado', 'hemos montado', 'he programado',
      'he automatizado', 'he publicado', 'hemos publicado',
      'os cuento', 'en este hilo', 'un hilo',
      'hilo sobre', 'como lo hice', 'como lo hicimos', 'paso a paso', 'mi proyecto', 'mi app',
      'mi herramienta', 'tutorial',
    ],
    fr: [
      "j'ai fait", "j'ai code", "j'ai developpe", "j'ai cree", "j'ai publie", "j'ai enregistre", 'nous avons fait',
      'on a fait', 'on a construit', 'je vous explique', 'ce thread', 'mon projet', 'mon appli', 'mon outil',
      'pas a pas', 'tutoriel',
    ],
    de: [
      'ich habe gebaut', 'ich habe gemacht', 'wir haben gebaut', 'in diesem thread', 'mein projekt', 'meine app',
      'mein tool', 'schritt fur schritt', 'anleitung', 'tutorial',
    ],
  },
  thanks: {
    about:
      'Thanks, congratulations, welcomes and greetings, which address someone (conversation/mention when ' +
      'someone is named).',
    en: [
      'thanks', 'thank you', 'thx', 'thks', 'ty', 'kudos', 'congrats', 'congratulations', 'well done',
      'shout out', 'shoutout', 'hat tip', 'h/t', 'props to', 'grateful to', 'welcome to', 'welcome aboard',
      'happy birthday', 'happy anniversary', 'work anniversary', 'good luck', 'great to meet', 'good to meet',
      'nice to meet', 'lovely to meet', 'great to see', 'finally met', 'to finally meet',
    ],
    es: ['gracias', 'muchas gracias', 'enhorabuena', 'felicidades', 'felicitaciones', 'bienvenido', 'bienvenida', 'bravo por', 'mucha suerte', 'feliz aniversario', 'encantado de conocer', 'encantada de conocer'],
    fr: ['merci', 'bravo', 'felicitations', 'bienvenue', 'chapeau', 'joyeux anniversaire', 'bon anniversaire', 'bonne chance', 'ravi de rencontrer', 'ravie de rencontrer'],
    de: ['danke', 'vielen dank', 'dankeschon', 'gluckwunsch', 'herzlichen gluckwunsch', 'willkommen', 'gratuliere', 'viel erfolg', 'viel gluck'],
  },
  audience: {
    about:
      'Words that turn a question towards the followers ("anyone", "vous", "alguien"), telling a real ' +
      'question (conversation/question) from a rhetorical one.',
    en: [
      'anyone', 'anybody', 'someone', 'somebody', 'any idea', 'any ideas', 'any tips', 'any advice',
      'recommendations', 'recommend', 'suggestions', 'what do you', 'do you', 'have you', 'would you',
      'how do you', 'which one', 'what are your', "what's your", 'whats your', 'you guys', 'folks', 'people who',
      'poll', 'thoughts',
    ],
    es: [
      'alguien', 'alguno', 'alguna', 'sabeis', 'conoceis', 'recomendais', 'recomendacion*', 'opinais', 'que opinais',
      'os', 'vosotros', 'ustedes', 'teneis', 'usais', 'habeis', 'sabes', 'conoces', 'recomiendas', 'que tal',
    ],
    fr: [
      "quelqu'un", 'quelqu un', 'vous', 'connaissez', 'conseillez', 'recommandez', 'des idees', 'une idee',
      'des conseils', 'avez-vous', 'savez-vous', 'qui connait', 'qui a deja', 'tu connais', 'vos avis', 'votre avis',
    ],
    de: ['jemand', 'kennt ihr', 'habt ihr', 'wisst ihr', 'kennt jemand', 'hat jemand', 'empfehlung*', 'ideen', 'tipps', 'eure meinung'],
  },
  rhetorical: {
    about: 'Questions nobody is meant to answer; they do not make a tweet conversation/question.',
    en: ['are you serious', 'why me', 'who knew', 'guess what', 'what could go wrong', 'wtf'],
    es: ['en serio', 'de verdad', 'por que a mi', 'quien lo iba a decir'],
    fr: ['serieux', 'sans blague', 'pourquoi moi', 'vous rigolez'],
    de: ['im ernst', 'echt jetzt', 'warum ich'],
  },
  tips: {
    about: 'Passing on a tip or something learned (promotion/sharing of educational material).',
    en: ['til', 'today i learned', 'pro tip', 'protip', 'pro-tip', 'quick tip', 'tip of the day', 'lifehack', 'cheat sheet', 'cheatsheet', 'must read', 'must-read', 'worth reading', 'good read', 'great read', 'recommended reading'],
    es: ['truco', 'consejo del dia', 'hoy he aprendido', 'hoy aprendi', 'lectura recomendada', 'muy recomendable', 'imprescindible'],
    fr: ['astuce', "aujourd'hui j'ai appris", 'a lire absolument', 'lecture recommandee', 'a lire', 'bon article', 'excellent article'],
    de: ['tipp', 'heute gelernt', 'lesenswert', 'leseempfehlung'],
  },
  whereabouts: {
    about: 'Saying where one is or is going: check-ins, travel, commuting (personal/whereabouts).',
    en: [
      "i'm at", 'i am at', 'im at', 'heading to', 'headed to', 'on my way', 'on the way to', 'en route',
      'just landed', 'landed in', 'arrived in', 'arrived at', 'boarding', 'at the airport', 'airport',
      'on the train', 'on a train', 'on the plane', 'on a plane', 'in the train', 'flight to', 'flying to',
      'back home', 'off to', 'checked in', 'check-in',
      'road trip', 'commute', 'stuck in traffic', 'at the office', 'in the office', 'wifi in the',
      'time to go home', 'going home', 'greetings from', 'hello from', 'see you in',
    ],
    es: [
      'estoy en', 'de camino', 'camino a', 'rumbo a', 'llegando a', 'acabo de llegar', 'aterrizado',
      'aterrizando', 'aeropuerto', 'en el tren', 'en el avion', 'embarcando', 'de vuelta en', 'de vuelta a casa',
      'vuelta a casa', 'en la oficina', 'saludos desde', 'desde el ave',
    ],
    fr: [
      'je suis a', 'en route pour', 'en route vers', 'arrive a', 'bien arrive', 'atterri',
      'aeroport', 'dans le train', 'dans le tgv', "dans l'avion", 'embarquement', 'de retour a', 'retour a la maison',
      'en partance', 'au bureau', 'sur la route', 'dans le metro', 'bonjour de',
    ],
    de: [
      'bin in', 'bin gerade in', 'unterwegs nach', 'auf dem weg', 'angekommen', 'gelandet', 'flughafen',
      'im zug', 'im flugzeug', 'wieder zuhause', 'wieder zu hause', 'im buro', 'gruße aus', 'gruse aus',
    ],
  },
  media: {
    about:
      'Watching, listening, reading or playing for fun: TV, film, music, books, games, sport (personal/media).',
    en: [
      'watching', 'now watching', 'binge', 'binge-watching', 'netflix', 'hbo', 'tv show', 'tv series',
      'season finale', 'episode of', 'the movie', 'a movie', 'movie night', 'the film', 'at the cinema',
      'cinema', 'listening to', 'currently reading', 'now reading', 'reading a book', 'bedtime reading', 'now playing', 'now playing', 'nowplaying', 'playlist', 'album', 'concert',
      'spotify', 'vinyl', 'just finished reading', 'finished reading', 'audiobook', 'novel',
      'video game', 'videogame', 'boardgame', 'board game', 'the match', 'the game tonight',
      'football', 'soccer', 'basketball', 'formula 1', 'world cup', 'champions league',
      'game of thrones', 'star wars', 'lord of the rings', 'harry potter', 'marvel',
    ],
    es: [
      'viendo', 'acabo de ver', 'la serie', 'esta serie', 'nueva temporada', 'pelicula', 'peli', 'pelis', 'cine', 'escuchando',
      'cancion', 'concierto', 'leyendo', 'libro', 'novela', 'jugando', 'videojuego', 'partido',
      'futbol', 'baloncesto', 'capitulo', 'temporada', 'el clasico', 'la liga',
    ],
    fr: [
      'je regarde', 'en train de regarder', 'serie tv', 'la serie', 'film', 'le film', 'au cine',
      'cinema', "j'ecoute", 'chanson', 'album', 'concert', 'je lis', 'en train de lire', 'roman',
      'bouquin', 'je joue', 'jeu video', 'jeux video', 'le match', 'rugby',
    ],
    de: [
      'ich schaue', 'schaue gerade', 'die serie', 'neue staffel', 'kino', 'ich hore', 'hore gerade', 'konzert', 'ich lese',
      'lese gerade', 'spiele gerade', 'videospiel', 'fussball', 'fußball', 'tatort', 'folge',
    ],
  },
  drinking: {
    about: 'Drinks, bars and nights out ("tweet a bit less from bars after 3 or 4 beers").',
    en: [
      'beer', 'beers', 'pint', 'pints', 'a bar', 'the bar', 'at the pub', 'the pub', 'drinks', 'drinking',
      'happy hour', 'cocktail', 'cocktails', 'wine', 'whisky', 'whiskey', 'vodka', 'tequila', 'gin tonic',
      'hangover', 'hungover', 'drunk', 'tipsy', 'brewery', 'ipa', 'booze',
    ],
    es: [
      'cerveza', 'cervezas', 'birra', 'birras', 'cana', 'canas', 'cañas', 'copa', 'copas', 'vinos', 'vermut', 'vermu',
      'resaca', 'borracho', 'chupito', 'chupitos', 'de bares', 'en el bar', 'un bar', 'tomando algo', 'sidra',
    ],
    fr: ['biere', 'bieres', 'une pinte', 'apero', 'aperitif', 'le bar', 'au bar', 'un bar', 'cocktail', 'du vin', 'verre de vin', 'gueule de bois', 'bourre', 'ivre', 'soiree arrosee'],
    de: ['bier', 'biere', 'kneipe', 'wein', 'prost', 'kater', 'betrunken', 'feierabendbier', 'biergarten', 'schnaps'],
  },
  life: {
    about: 'Family, food, health, home, holidays and mood: the person behind the account (personal/life).',
    en: [
      'my son', 'my daughter', 'my kids', 'my kid', 'my wife', 'my husband', 'my partner', 'my family', 'my mom',
      'my dad', 'my mum', 'the kids', 'baby', 'birthday', 'holidays', 'holiday', 'vacation', 'weekend',
      'dinner', 'lunch', 'breakfast', 'brunch', 'cooking', 'recipe', 'pizza', 'coffee', 'tea', 'sleep', 'tired',
      'sick', 'fever', 'flu', 'hospital', 'gym', 'bike ride', 'went running', 'my cat', 'our cat', 'the cat', 'dog', 'garden',
      'snow', 'rain', 'sunny', 'sunshine', 'beach', 'christmas', 'new year', 'haircut',
      'happy new year', 'merry christmas', 'my birthday',
    ],
    es: [
      'mi hijo', 'mi hija', 'mis hijos', 'mi mujer', 'mi marido', 'mi pareja', 'mi familia', 'mi madre',
      'mi padre', 'los ninos', 'bebe', 'cumpleanos', 'vacaciones', 'finde', 'fin de semana', 'cena',
      'comida', 'desayuno', 'cocinando', 'receta', 'paella', 'cafe', 'dormir', 'cansado', 'enfermo', 'fiebre',
      'gripe', 'hospital', 'medico', 'gimnasio', 'gato', 'perro', 'playa', 'navidad', 'ano nuevo',
      'siesta', 'familia',
    ],
    fr: [
      'mon fils', 'ma fille', 'mes enfants', 'ma femme', 'mon mari', 'ma famille', 'ma mere', 'mon pere',
      'les enfants', 'bebe', 'anniversaire', 'vacances', 'week-end', 'weekend', 'diner', 'dejeuner',
      'petit dejeuner', 'cuisine', 'recette', 'cafe', 'dormir', 'fatigue', 'malade', 'fievre', 'grippe',
      'hopital', 'medecin', 'mon chat', 'le chat', 'chien', 'jardin', 'plage', 'noel', 'bonne annee',
      'famille',
    ],
    de: [
      'mein sohn', 'meine tochter', 'meine kinder', 'meine frau', 'mein mann', 'meine familie', 'die kinder',
      'geburtstag', 'urlaub', 'ferien', 'wochenende', 'abendessen', 'mittagessen', 'fruhstuck', 'kochen',
      'rezept', 'kaffee', 'schlafen', 'mude', 'krank', 'fieber', 'grippe', 'krankenhaus', 'arzt', 'katze',
      'hund', 'garten', 'strand', 'weihnachten', 'frohes neues',
    ],
  },
  complaint: {
    about:
      'Clearly negative words for the complaint flag. Kept short and strong: the flag must be right ' +
      'when it says so (precision over recall).',
    en: [
      'hate', 'i hate', 'sucks', 'suck', 'annoying', 'annoyed', 'worst', 'awful', 'terrible', 'horrible',
      'useless', 'broken', 'fail', 'epic fail', 'ugh', 'argh', 'wtf', 'nightmare', 'rant', 'fed up', 'sick of',
      'tired of', 'pissed', 'frustrating', 'frustrated', 'disappointed', 'ridiculous', 'shame on', 'crap',
      'rubbish', 'damn', 'still broken', 'is down', 'a pain', 'pathetic',
    ],
    es: [
      'odio', 'harto', 'harta', 'hartos', 'una mierda', 'mierda', 'horrible', 'penoso', 'lamentable',
      'verguenza', 'no funciona', 'que asco', 'asco', 'vaya tela', 'indignado', 'cabreado', 'pesadilla',
      'desastre', 'inutil', 'roto', 'gilipollez',
    ],
    fr: [
      'marre', "j'en ai marre", 'ras le bol', 'nul', 'nulle', 'horrible', 'catastrophe', 'lamentable',
      'honteux', 'honte', 'insupportable', 'galere', 'chiant', 'penible', 'agace', 'enerve', 'merde',
      'ne marche pas', 'fonctionne pas', 'cauchemar', 'pourri', 'deteste',
    ],
    de: ['nervt', 'nervig', 'genervt', 'scheisse', 'scheiße', 'mist', 'katastrophe', 'furchtbar', 'schrecklich', 'unmoglich', 'hasse', 'kaputt', 'funktioniert nicht', 'albtraum', 'argerlich'],
  },
} as const satisfies Record<string, LexiconData>;

/** The name of one word list. */
export type LexiconId = keyof typeof LEXICONS;

/** The lexicon ids, for indexing. */
export const LEXICON_IDS = Object.keys(LEXICONS) as LexiconId[];

/**
 * Hosts whose links are about the person's free time rather than professional material: a link
 * there is not `promotion/sharing`. Grouped by the personal subcategory they point to.
 */
export const PERSONAL_HOSTS = {
  whereabouts: ['foursquare.com', '4sq.com', 'swarmapp.com', 'maps.google.com', 'goo.gl/maps', 'maps.app.goo.gl', 'tripadvisor.com', 'airbnb.com', 'booking.com'],
  media: [
    'spotify.com', 'open.spotify.com', 'music.apple.com', 'last.fm', 'soundcloud.com', 'deezer.com', 'bandcamp.com',
    'netflix.com', 'imdb.com', 'letterboxd.com', 'goodreads.com', 'music.youtube.com', 'twitch.tv', 'filmaffinity.com',
    'allocine.fr', 'senscritique.com', 'trakt.tv', 'steampowered.com', 'store.steampowered.com',
  ],
  life: ['instagram.com', 'instagr.am', 'untappd.com', 'strava.com', 'pinterest.com', 'tiktok.com', 'vine.co', 'twitpic.com', 'yfrog.com', 'flickr.com'],
} as const;

/**
 * Hosts that carry anybody's content: a domain the owner links often there says nothing about
 * what the owner owns, so discovery never takes them as own domains (a path on them can be own:
 * github.com/<handle>). Also used to read `host/<handle>` links as own.
 */
export const SHARED_HOSTS: readonly string[] = [
  'twitter.com', 'x.com', 'mobile.twitter.com', 't.co', 'bit.ly', 'ow.ly', 'tinyurl.com', 'goo.gl', 'is.gd', 'tr.im',
  'buff.ly', 'lnkd.in', 'dlvr.it', 'ift.tt', 'j.mp', 'fb.me', 'amzn.to', 'youtu.be', 'youtube.com', 'm.youtube.com',
  'vimeo.com', 'github.com', 'gist.github.com', 'gist.githubusercontent.com', 'raw.githubusercontent.com', 'gitlab.com',
  'bitbucket.org', 'medium.com', 'dev.to', 'substack.com', 'linkedin.com', 'facebook.com', 'instagram.com',
  'instagr.am', 'tiktok.com', 'reddit.com', 'news.ycombinator.com', 'stackoverflow.com', 'wikipedia.org',
  'en.wikipedia.org', 'es.wikipedia.org', 'fr.wikipedia.org', 'de.wikipedia.org', 'google.com', 'docs.google.com',
  'drive.google.com', 'plus.google.com', 'maps.google.com', 'amazon.com', 'amazon.es', 'amazon.fr', 'amazon.de',
  'slideshare.net', 'speakerdeck.com', 'twitch.tv', 'flickr.com', 'twitpic.com', 'yfrog.com', 'pic.twitter.com',
  'spotify.com', 'open.spotify.com', 'soundcloud.com', 'foursquare.com', '4sq.com', 'swarmapp.com', 'pastie.org',
  'pastebin.com', 'dropbox.com', 'wordpress.com', 'blogspot.com', 'tumblr.com', 'eventbrite.com', 'meetup.com',
  'lu.ma', 'notion.so', 'notion.site', 'figma.com', 'codepen.io', 'jsfiddle.net', 'npmjs.com', 'pypi.org',
  'archive.org', 'web.archive.org', 'imgur.com', 'giphy.com', 'tenor.com', 'ray.so', 'loom.com', 'zoom.us',
  'bsky.app', 'threads.net', 'mastodon.social', 'discord.gg', 'discord.com', 't.me', 'wa.me', 'apple.com',
  'apps.apple.com', 'play.google.com', 'producthunt.com', 'kickstarter.com', 'patreon.com', 'paypal.me',
];

/**
 * Hosts where the first path segment names an account ("github.com/alrocar", "twitch.tv/alrocar",
 * "medium.com/@alrocar"): a link there under the owner's handle is the owner's own page.
 * Twitter and X are left out on purpose: a link to one's own tweet is a quote, not a page.
 */
export const PROFILE_HOSTS: readonly string[] = [
  'github.com', 'gitlab.com', 'bitbucket.org', 'gist.github.com', 'medium.com', 'dev.to', 'twitch.tv',
  'youtube.com', 'speakerdeck.com', 'slideshare.net', 'vimeo.com', 'instagram.com', 'linkedin.com/in',
  'npmjs.com/~', 'codepen.io', 'hashnode.com', 'substack.com', 'redbubble.com/people', 'behance.net',
  'dribbble.com', 'soundcloud.com', 'observablehq.com', 'huggingface.co', 'kaggle.com',
];

/** Paths and hosts of job boards and career pages (promotion/jobs). */
export const JOB_URL_PATTERNS: readonly RegExp[] = [
  /(?:^|\.)(?:lever\.co|greenhouse\.io|workable\.com|recruitee\.com|personio\.(?:de|com)|smartrecruiters\.com|welcometothejungle\.com|ashbyhq\.com|teamtailor\.com|infojobs\.net|stepstone\.de|jobs\.[a-z0-9-]+\.[a-z]+)\//,
  /\/(?:jobs?|careers?|job-offers?|openings|vacancies|empleo|empleos|trabaja-con-nosotros|carrieres?|recrutement|karriere|stellen(?:angebote)?)(?:\/|$|\?|#|-)/,
  /linkedin\.com\/jobs\//,
];

/**
 * Hashtags of "learn / build in public" challenges: a tweet under one shows the owner's own work
 * of the day (promotion/self). Lowercased, without "#".
 */
export const SHOWCASE_HASHTAGS: readonly string[] = [
  '100daysofcode', 'buildinpublic', '30daymapchallenge', 'genuary', 'inktober', 'tidytuesday', 'makeovermonday',
  '66daysofdata', '100daysofml', '100daysofswiftui', 'devlog', 'screenshotsaturday', 'mapchallenge', 'showdev',
];

/** Follow-Friday style shout-out hashtags (conversation/mention). Lowercased, without "#". */
export const SHOUT_OUT_HASHTAGS: readonly string[] = ['ff', 'followfriday', 'fridayfollow', 'viernesdeseguir', 'vendredisuivre'];

/**
 * The shape of an event hashtag when neither the config nor discovery names it: a well-known
 * conference brand anywhere ("#pyconuk"), a generic event word at the end ("#vueconf",
 * "#reactconf", "#pydatasummit"), or a name with a four-digit year ("#jsday2024"). Two-digit years
 * are left out ("#covid19", "#web3"), and generic words only count at the end ("#config").
 */
export const EVENT_HASHTAG_SHAPE =
  /(?:pycon|jsconf|kubecon|reinvent|googleio|wwdc|fosdem|barcamp|tweetup|strangeloop|qcon|velocityconf)|(?:conf|summit|fest|hackathon|meetup|unconf|devday|devdays|gdg)(?:20\d\d|\d\d)?$|^[a-z][a-z0-9]*(?:20[0-4]\d)$/;
