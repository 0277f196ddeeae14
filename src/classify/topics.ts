/**
 * What a tweet is about, in the languages of the archives people bring (English, Spanish, French,
 * German, Portuguese, Dutch, Catalan, Japanese, Chinese): everyday topics that are fun or life for
 * most people (sport, music, film and TV, games, politics, food, family) and the vocabulary of
 * work and technology. A retweet or link about a match is rarely material for its owner's field;
 * the learned model weighs these against the rest of the evidence, for the person at hand.
 *
 * Source: written for tweet-audit from the author's own knowledge of these languages; nothing here
 * is taken from the archives used to measure the classifier. Words are matched whole, after
 * lowercasing and removing accents; entries ending in "*" match any word they start. Entries in
 * scripts written without spaces are matched anywhere in the text.
 */
export const TOPICS = {
  sport: [
    'football', 'soccer', 'match', 'goal', 'goals', 'league', 'coach', 'stadium', 'nba', 'nfl', 'fifa', 'worldcup', 'olympic*',
    'futbol', 'partido', 'gol', 'golazo', 'liga', 'estadio', 'equipo', 'entrenador', 'mundial', 'campeon*',
    'foot', 'equipe', 'championnat', 'fussball', 'tor', 'mannschaft', 'bundesliga', 'stadion',
    'futebol', 'jogo', 'campeonato', 'torcida', 'flamengo', 'brasileirao', 'copa', 'tecnico',
    'voetbal', 'wedstrijd', 'elftal',
    'サッカー', '野球', '試合', '優勝', '足球', '比赛', '球队',
  ],
  music: [
    'song', 'songs', 'album', 'band', 'concert', 'gig', 'playlist', 'guitar', 'singer', 'lyrics', 'spotify', 'vinyl', 'listening',
    'cancion', 'disco', 'concierto', 'banda', 'musica', 'chanson', 'concert', 'lied', 'konzert', 'musik', 'schallplatte',
    'cantor', 'muziek', 'liedje',
    '音楽', 'ライブ', 'アルバム', '曲', '音乐', '专辑', '演唱会',
  ],
  screen: [
    'movie', 'movies', 'film', 'films', 'trailer', 'episode', 'season', 'series', 'netflix', 'tv', 'watching', 'cinema', 'anime', 'actor', 'actress',
    'pelicula', 'serie', 'temporada', 'capitulo', 'cine', 'episodio', 'saison', 'filme', 'folge', 'staffel', 'kino', 'fernsehen',
    'novela', 'ator', 'atriz', 'aflevering', 'bioscoop',
    '映画', 'アニメ', 'ドラマ', '番組', '电影', '动画', '剧',
  ],
  games: [
    'game', 'games', 'gaming', 'playstation', 'xbox', 'nintendo', 'steam', 'console', 'zelda', 'mario', 'pokemon', 'sonic',
    'juego', 'videojuego*', 'jeu', 'jeux', 'spiel', 'spiele', 'jogo', 'jogos', 'videogame', 'spel',
    'ゲーム', '游戏',
  ],
  politics: [
    'election', 'vote', 'voting', 'president', 'senate', 'congress', 'trump', 'obama', 'democrat*', 'republican*', 'parliament', 'minister', 'government',
    'eleccion*', 'votar', 'presidente', 'gobierno', 'ministro', 'politica', 'election', 'gouvernement', 'ministre', 'politique',
    'wahl', 'regierung', 'minister', 'politik', 'eleicao', 'governo', 'politica', 'verkiezing*', 'regering', 'kabinet', 'politiek',
    '選挙', '政治', '首相', '政府', '总统', '政治', '选举',
  ],
  food: [
    'lunch', 'dinner', 'breakfast', 'coffee', 'pizza', 'burger', 'cake', 'recipe', 'cooking', 'restaurant', 'delicious',
    'comida', 'cena', 'desayuno', 'cafe', 'receta', 'cocinar', 'delicioso', 'dejeuner', 'diner', 'recette', 'essen', 'fruhstuck', 'kaffee', 'lecker', 'rezept',
    'almoco', 'jantar', 'gostoso', 'lanche', 'eten', 'ontbijt', 'lekker',
    'ランチ', 'ご飯', '美味しい', 'ラーメン', '午饭', '好吃', '晚饭',
  ],
  family: [
    'kids', 'kid', 'son', 'daughter', 'wife', 'husband', 'mom', 'dad', 'baby', 'birthday', 'wedding', 'holiday', 'vacation', 'weekend',
    'hijo', 'hija', 'esposa', 'mama', 'papa', 'bebe', 'cumpleanos', 'vacaciones', 'fils', 'fille', 'femme', 'anniversaire', 'vacances',
    'kinder', 'sohn', 'tochter', 'frau', 'geburtstag', 'urlaub', 'filho', 'filha', 'aniversario', 'ferias', 'kinderen', 'verjaardag', 'vakantie',
    '誕生日', '子供', '家族', '妻', '生日', '家人', '孩子',
  ],
  tech: [
    'code', 'coding', 'developer', 'developers', 'api', 'javascript', 'python', 'java', 'ruby', 'rails', 'css', 'html', 'github', 'git', 'linux', 'docker',
    'kubernetes', 'database', 'sql', 'open source', 'opensource', 'framework', 'library', 'release', 'deploy*', 'server', 'cloud', 'aws', 'software',
    'programming', 'programmer', 'algorithm', 'data', 'machine learning', 'ai', 'llm', 'tutorial', 'docs', 'documentation', 'bug', 'debug*',
    'desarrollo', 'programacion', 'desarrollador*', 'codigo', 'developpeur*', 'logiciel', 'entwickl*', 'programmier*', 'desenvolv*', 'programacao', 'ontwikkel*',
    'エンジニア', 'プログラミング', '開発', 'サーバ', 'インフラ', '障害', 'デプロイ', '程序', '开发', '代码',
  ],
  work: [
    'work', 'job', 'career', 'team', 'meeting', 'customer', 'customers', 'client', 'clients', 'product', 'startup', 'business', 'marketing',
    'conference', 'talk', 'slides', 'webinar', 'workshop', 'course', 'students', 'teaching', 'research', 'paper',
    'trabajo', 'cliente*', 'producto', 'empresa', 'negocio', 'charla', 'curso', 'alumnos', 'travail', 'entreprise', 'produit', 'conference', 'cours', 'etudiants',
    'arbeit', 'kunden', 'unternehmen', 'vortrag', 'kurs', 'trabalho', 'empresa', 'palestra', 'curso', 'alunos', 'werk', 'klant*', 'bedrijf', 'cursus',
    '仕事', '会社', '顧客', '登壇', '勉強会', '工作', '公司', '客户',
  ],
} as const;

export type Topic = keyof typeof TOPICS;

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

interface Matcher {
  words: Map<string, Topic[]>;
  prefixes: [string, Topic][];
  phrases: [string, Topic][];
  anywhere: [string, Topic][];
}

let matcher: Matcher | undefined;

function build(): Matcher {
  const m: Matcher = { words: new Map(), prefixes: [], phrases: [], anywhere: [] };
  for (const [topic, entries] of Object.entries(TOPICS) as [Topic, readonly string[]][]) {
    for (const entry of entries) {
      if (UNSPACED.test(entry)) m.anywhere.push([entry, topic]);
      else if (entry.includes(' ')) m.phrases.push([` ${entry} `, topic]);
      else if (entry.endsWith('*')) m.prefixes.push([entry.slice(0, -1), topic]);
      else m.words.set(entry, [...(m.words.get(entry) ?? []), topic]);
    }
  }
  return m;
}

/** The topics a tweet's words (lowercased, accents removed) and its text touch, each once. */
export function topicsOf(words: readonly string[], text: string): Set<Topic> {
  matcher ??= build();
  const found = new Set<Topic>();
  for (const word of words) {
    for (const topic of matcher.words.get(word) ?? []) found.add(topic);
    if (word.length > 4) for (const [prefix, topic] of matcher.prefixes) if (word.startsWith(prefix)) found.add(topic);
  }
  if (matcher.phrases.length > 0 && words.length > 1) {
    const joined = ` ${words.join(' ')} `;
    for (const [phrase, topic] of matcher.phrases) if (joined.includes(phrase)) found.add(topic);
  }
  if (UNSPACED.test(text)) for (const [entry, topic] of matcher.anywhere) if (text.includes(entry)) found.add(topic);
  return found;
}
