/**
 * Words that do not say what someone tweets about, in every language tweet-audit reads: function
 * words, and the filler of tweets (laughter, "lol", "til", "thanks", "today", "cómo", "mdr").
 * Topic nouns stay out of it ("work", "people", "data"): the list only has to keep filler out of
 * the top ten. Words are lowercase; the tokenizer splits on apostrophes, so contractions appear
 * here as their parts ("don", "ll", "aujourd"). Japanese and Chinese are cut into words first;
 * their one-character particles are dropped by length, the longer ones are listed here.
 */
const ENGLISH = `
a about above after again against all am an and any are as at be because been before being below
between both but by can could did do does doing don down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just let me
more most my myself no nor not now of off on once only or other our ours ourselves out over own
same she should so some such than that the their theirs them themselves then there these they this
those through to too under until up very was we were what when where which while who whom why will
with would you your yours yourself yourselves im ive ill id youre youve youll isnt arent wasnt dont
doesnt didnt cant couldnt wont wouldnt shouldnt thats theres whats lets s t ll ve re d m
also get got gets getting go going gone goes one two new via rt amp cc mt us oh ok okay yes yeah
really much many still even well way like today tonight tomorrow yesterday day week
think know see make made want need say said look looking thing things something anything lot
good great nice cool best better sure right last first next back time come came take every
thanks thank thx ty please pls sorry hey hi hello wow yay yep nope maybe actually pretty
gonna wanna gotta already though always never ever little
lol lmao lmfao rofl omg omfg til tbh imo imho btw fyi idk smh ftw wtf irl afaik iirc ngl fwiw
`;

const SPANISH = `
a al algo algunos ante antes aqui así asi aun bien cada casi como con contra cual cuando de del
desde donde dos el ella ellas ellos en entre era eres es esa esas ese eso esos esta estaba estas
este esto estos estoy está están fue fueron ha hace hacer han hasta hay la las le les lo los mas
más me mi mis mucho muy nada ni no nos nosotros o otra otro para pero poco por porque que qué quien
se sea ser si sí sin sobre solo sólo son su sus también tambien te tengo tiene todo todos tu tus
un una uno unos y ya yo
soy somos estás estamos hoy aquí pues vez
cómo cuándo dónde cuál quién tan tanto toda todas ese algo alguien cosa cosas día días mañana
ayer ahora luego bueno buena buenos gracias vale claro creo puedes puede hay he has hemos mejor
va voy vas van tener sido estar muchas muchos otros otras menos nunca siempre igual mismo
xd jaja jajaja jeje jiji ok porfa q pq xq tb tmb
`;

const FRENCH = `
a ai au aux avec avez avons c ce cela ces cet cette chez d dans de des du elle elles en est et été
être il ils j je l la le les leur leurs lui m ma mais me même mes moi mon n ne nos notre nous on ont
ou où par pas plus pour qu que qui s sa sans se ses si son sont sur ta te tes toi ton tous tout
très tu un une vos votre vous y ça
suis es sommes êtes était avait fait faire faut peut peux va vais vas vont bien aussi comme quand
alors donc encore déjà rien trop peu oui non ici là ceux celle toute toutes
aujourd hui demain hier merci bon bonne vraiment quoi comment chose truc avoir ai as avez
mdr ptdr lol bref bah ben bah euh jsp tkt stp svp cc slt
`;

const GERMAN = `
aber als am an auch auf aus bei bin bis bist da damit dann das dass daß dem den der des die dies
diese dieser dir doch du ein eine einem einen einer eines er es für hab habe haben hat ich ihr im
in ist ja jetzt kann kein keine man mich mir mit nach nicht noch nur ob oder schon sehr sich sie
sind so über um und uns unser von vor war was weil wenn wie wir wird zu zum zur
waren werden muss mal heute gut nein hier denn
mehr immer wieder gibt sein gerade meine mein meinen meinem meiner deine dein alle alles ganz
viel viele einfach eigentlich halt eben wohl nun wo wer gleich morgen gestern danke bitte sehr
nix nichts etwas was geht gehen machen macht kommt wurde würde wäre hätte ab seit ohne
haha hehe lol
`;

const PORTUGUESE = `
a o as os um uma uns umas de do da dos das em no na nos nas por pelo pela pelos pelas para pra pro
com sem sob sobre e ou mas que se não sim já só muito muita muitos muitas mais menos bem mal eu tu
ele ela eles elas nós vocês você voce me te lhe meu minha meus minhas seu sua seus suas isso isto
aquilo esse essa este esta aqui ali lá é era foi ser estar está estou estava tem ter tinha vai vou
ir fazer faz hoje amanhã ontem agora ainda também quando como onde porque porquê coisa dia obrigado
obrigada tá to né pq vc kkk kkkk rs rsrs hahaha haha novo nova legal cara gente
`;

const DUTCH = `
de het een en van in op te met voor aan bij om uit als dat die dit deze is zijn was waren ben bent
heb hebt heeft had hadden ik je jij u hij zij ze we wij jullie mij me mijn jouw zijn haar hun ons
onze niet geen wel nog al ook maar of dan want dus toen nu hier daar er wat wie waar hoe waarom
zo zeer heel veel meer meest wordt worden werd kan kunnen kon zal zullen zou moet moeten mag wil
willen gaat gaan doe doet doen naar over door tot na tegen zonder onder tussen iets niets alles
iemand vandaag morgen gisteren dag bedankt dank ja nee oké even gewoon eigenlijk toch echt zoals
alleen nieuw nieuwe goed goede
`;

const CATALAN = `
el la els les un una uns unes de del dels i o per per a amb sense que què qui com quan on però
perquè no sí ja molt molta molts moltes més menys tot tota tots totes jo tu ell ella nosaltres
vosaltres ells elles em et es ens us li els meu meva seu seva aquest aquesta això allò aquí allà
és són era eren ser estar està estic tinc té fer fa avui demà ahir gràcies bon bona dia també
`;

const ITALIAN = `
il lo la i gli le un uno una di del della dei delle a al alla ai da dal dalla in nel nella con su
sul per tra fra e o ma che chi non sì si no più meno molto molta molti tutto tutti tutta io tu lui
lei noi voi loro mi ti ci vi mio mia tuo tua suo sua questo questa quello quella qui qua lì là è
sono era essere stato sta sto ho hai ha abbiamo hanno fare fa oggi domani ieri grazie ciao anche
come quando dove perché cosa già ancora ora poi allora bene
`;

// Japanese function words and set phrases of two characters or more (one-character particles are
// dropped by length), as Intl.Segmenter cuts them.
const JAPANESE = `
から まで より です ます でし まし ませ する した して します しま いる いた いて ある あり ない
なく なる なっ こと もの これ それ あれ どれ この その あの どの ここ そこ けど けれど ので のに
って という とか など ため よう そう でも だけ さん ちゃん くん ちょっと すごい 本当 今日 明日
昨日 ありがとう ござい ござ よろしく お願い おはよう こんにちは おやすみ www ww なんか いい てる なー
ねー よね かな ください くだ さい たい だっ でき 思い 思っ 思う やっ
`;

// Chinese function words and filler, simplified and traditional.
const CHINESE = `
我们 你们 他们 她们 我們 你們 他們 她們 这个 那个 這個 那個 什么 什麼 怎么 怎麼 没有 沒有 就是 但是
因为 因為 所以 可以 还是 還是 已经 已經 自己 一个 一個 这样 這樣 那样 那樣 不是 如果 然后 然後 今天
现在 現在 真的 哈哈 哈哈哈 觉得 覺得 知道 时候 時候 还有 還有 一下 一些 这么 這麼 那么 那麼 其实
这种 這種 开始 開始 看到 喜欢 喜歡 其實 虽然 雖然 不过 不過 而且 或者 感觉 感覺 好像 可能 应该 應該 有点 有點 一点 一點 大家 的话 的話
`;

function toSet(...lists: string[]): ReadonlySet<string> {
  return new Set(lists.flatMap((list) => list.split(/\s+/u)).filter((word) => word.length > 0));
}

/** The union of the lists. */
export const STOPWORDS: ReadonlySet<string> = toSet(
  ENGLISH,
  SPANISH,
  FRENCH,
  GERMAN,
  PORTUGUESE,
  DUTCH,
  CATALAN,
  ITALIAN,
  JAPANESE,
  CHINESE,
);

// Laughter of any length, in the spellings of the languages above: haha, ahah, hehe, jajaja,
// jejeje, kkkk, rsrs, huehue, lool, xdd, wwww, 哈哈哈.
const LAUGHTER =
  /^(?:a?(?:ha){2,}h?|a?(?:ah){2,}|(?:he){2,}h?|(?:hi){2,}|(?:ja){2,}j?|(?:je){2,}j?|(?:ji){2,}|k{3,}|(?:rs){2,}|(?:hue){2,}|lo+l|x+d+|w{2,}|哈{2,})$/u;

/** True for a lowercase word that says nothing about a topic. */
export function isFiller(word: string): boolean {
  return STOPWORDS.has(word) || LAUGHTER.test(word);
}
