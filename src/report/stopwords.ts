/**
 * Words too common to say what someone tweets about, for the languages tweet-audit users write in
 * most. Kept short on purpose: the list only has to keep function words out of the top ten, and a
 * long list would start hiding real topics ("work", "people"). Words are lowercase; the tokenizer
 * splits on apostrophes, so contractions appear here as their parts ("don", "ll").
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
`;

const SPANISH = `
a al algo algunos ante antes aqui así asi aun bien cada casi como con contra cual cuando de del
desde donde dos el ella ellas ellos en entre era eres es esa esas ese eso esos esta estaba estas
este esto estos estoy está están fue fueron ha hace hacer han hasta hay la las le les lo los mas
más me mi mis mucho muy nada ni no nos nosotros o otra otro para pero poco por porque que qué quien
se sea ser si sí sin sobre solo sólo son su sus también tambien te tengo tiene todo todos tu tus
un una uno unos y ya yo
soy eres somos estás estamos hoy aquí eso esto pues vez
`;

const FRENCH = `
a ai au aux avec avez avons c ce cela ces cet cette chez d dans de des du elle elles en est et été
être il ils j je l la le les leur leurs lui m ma mais me même mes moi mon n ne nos notre nous on ont
ou où par pas plus pour qu que qui s sa sans se ses si son sont sur ta te tes toi ton tous tout
très tu un une vos votre vous y ça c'est
suis es sommes êtes était avait fait faire faut peut peux va vais vas vont bien aussi comme quand
alors donc encore déjà rien trop peu oui non ici là cela ceux celle tout toute toutes
`;

const GERMAN = `
aber als am an auch auf aus bei bin bis bist da damit dann das dass dem den der des die dies diese
dieser dir doch du ein eine einem einen einer eines er es für hab habe haben hat ich ihr im in ist
ja jetzt kann kein keine man mich mir mit nach nicht noch nur ob oder schon sehr sich sie sind so
über um und uns unser von vor war was weil wenn wie wir wird zu zum zur
sind waren werden muss mal heute gut nein hier denn
`;

function toSet(...lists: string[]): ReadonlySet<string> {
  return new Set(lists.flatMap((list) => list.split(/\s+/u)).filter((word) => word.length > 0));
}

/** The union of the English, Spanish, French and German lists. */
export const STOPWORDS: ReadonlySet<string> = toSet(ENGLISH, SPANISH, FRENCH, GERMAN);
